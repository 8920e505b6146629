#!/usr/bin/env python3
"""Set up and run Alongside with nothing but python3 and pip.

    python3 run.py demo   install into .venv from the lock file, seed the demo, serve it
    python3 run.py test   install, then run every check and the whole test suite on
                          SQLite and on PostgreSQL (installed and started on loopback)

Anything after the command is passed on (`python3 run.py demo --port 8001`,
`python3 run.py test -k audit`).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
TOOLS = ROOT / ".venv-tools"
UV_VERSION = "0.13.9"
PG_URL = "postgres://alongside:alongside@127.0.0.1:5432/alongside"
REDIS_URL = "redis://127.0.0.1:6379/0"
DEBIAN_PACKAGES = {
    "postgresql": "/usr/lib/postgresql/*/bin/postgres",
    "redis-server": "/usr/bin/redis-server",
    "chromium": "/usr/bin/chromium",
}


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(command: list[str], **kwargs: object) -> None:
    kwargs.setdefault("cwd", ROOT)
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def uv() -> str:
    found = TOOLS / "bin" / "uv"
    if not found.exists():
        say(f"installing uv {UV_VERSION} (the installer that reads uv.lock) into {TOOLS.name}/")
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--root-user-action=ignore",
                "--target",
                str(TOOLS),
                f"uv=={UV_VERSION}",
            ]
        )
    return str(found)


def install() -> None:
    """A virtual environment with exactly the locked versions (fast when nothing changed)."""
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_PROJECT_ENVIRONMENT": str(VENV)}
    run([uv(), "sync", "--frozen", "--quiet", "--python", sys.executable], env=env)


def venv_bin(name: str) -> str:
    return str(VENV / "bin" / name)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def ensure_debian_packages() -> bool:
    missing = [name for name, pattern in DEBIAN_PACKAGES.items() if not glob.glob(pattern)]
    if not missing:
        return True
    if not (is_root() and shutil.which("apt-get")):
        say(
            "PostgreSQL, Redis or Chromium is missing and this is not a root Debian machine: "
            f"install {' '.join(missing)} to run every test"
        )
        return False
    say(f"installing Debian packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
    run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return True


class Services:
    """PostgreSQL and Redis on loopback for the second test run; stops what it started."""

    def __init__(self) -> None:
        self.started_postgres: list[str] = []
        self.started_redis = False

    def start(self) -> bool:
        clusters = sorted(Path("/etc/postgresql").glob("*/main")) if Path("/etc/postgresql").exists() else []
        if not clusters or not is_root():
            return False
        version = clusters[-1].parent.name
        status = subprocess.run(["pg_ctlcluster", version, "main", "status"], capture_output=True)
        if status.returncode != 0:
            run(["pg_ctlcluster", version, "main", "start"])
            self.started_postgres = [version, "main"]
        for _ in range(30):
            if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
                break
            time.sleep(1)
        psql = ["su", "postgres", "-c"]
        role = subprocess.run(
            [*psql, "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='alongside'\""],
            capture_output=True,
            text=True,
            cwd="/",
        )
        if "1" not in role.stdout:
            run([*psql, "psql -q -c \"CREATE ROLE alongside LOGIN SUPERUSER PASSWORD 'alongside'\""], cwd="/")
        database = subprocess.run(
            [*psql, "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='alongside'\""],
            capture_output=True,
            text=True,
            cwd="/",
        )
        if "1" not in database.stdout:
            run([*psql, "createdb -O alongside alongside"], cwd="/")
        if subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True).returncode != 0:
            run(
                ["redis-server", "--port", "6379", "--bind", "127.0.0.1", "--save", "", "--daemonize", "yes"],
                stdout=subprocess.DEVNULL,
            )
            self.started_redis = True
        return True

    def stop(self) -> None:
        if self.started_redis:
            subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], capture_output=True)
        if self.started_postgres:
            subprocess.run(["pg_ctlcluster", *self.started_postgres, "stop"], capture_output=True)


def checks(env: dict[str, str]) -> None:
    say("ruff (lint and format)")
    run([venv_bin("ruff"), "check", "."], env=env)
    run([venv_bin("ruff"), "format", "--check", "--quiet", "."], env=env)
    say("mypy")
    run([venv_bin("mypy"), "alongside", "config"], env=env)
    say("makemigrations --check")
    run([venv_bin("alongside"), "makemigrations", "--check", "--dry-run"], env=env)
    say("check --deploy against production settings")
    production = {
        **env,
        "ALONGSIDE_TESTING": "",
        "DEBUG": "false",
        "SECRET_KEY": "check-deploy-" + "x" * 60,
        "FIELD_ENCRYPTION_KEYS": "k1:" + "A" * 43 + "=",
        "SECURE_HTTPS": "true",
        "ALLOWED_HOSTS": "alongside.example.org",
    }
    run([venv_bin("alongside"), "check", "--deploy", "--fail-level", "WARNING"], env=production)


def test(extra: list[str]) -> int:
    install()
    env = {**os.environ, "ALONGSIDE_TESTING": "1", "DATA_DIR": str(ROOT / "var")}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    have_services = ensure_debian_packages()
    checks(env)
    say("tests on SQLite")
    sqlite = subprocess.run([venv_bin("pytest"), *extra], cwd=ROOT, env=env)
    services = Services()
    if not have_services or not services.start():
        if os.environ.get("CI"):
            say("PostgreSQL could not be started: CI needs it")
            return 1
        say("PostgreSQL not available: skipped the PostgreSQL run")
        return sqlite.returncode
    try:
        say("tests on PostgreSQL, with the Redis channel layer")
        postgres = subprocess.run(
            [venv_bin("pytest"), *extra],
            cwd=ROOT,
            env={**env, "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL},
        )
    finally:
        services.stop()
    return sqlite.returncode or postgres.returncode


def demo(extra: list[str]) -> int:
    install()
    os.execv(venv_bin("alongside"), [venv_bin("alongside"), "demo", *extra])  # noqa: S606
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test", "install"}:
        print(__doc__)
        return 2
    command, extra = sys.argv[1], sys.argv[2:]
    if command == "install":
        install()
        return 0
    try:
        return demo(extra) if command == "demo" else test(extra)
    except subprocess.CalledProcessError as failure:
        say(f"failed: {' '.join(map(str, failure.cmd))}")
        return failure.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
