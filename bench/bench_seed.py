"""How fast `alongside seed` builds a large synthetic organization.

Target (issue: foundation): 10,000 participants, 500 peers, 90 days of activity in under two
minutes. The baseline, measured in the same run, is the floor for the same rows: inserting the
same number of check-in-shaped rows with sqlite3's executemany into a bare table.

    .venv/bin/python bench/bench_seed.py            # the full size
    .venv/bin/python bench/bench_seed.py --quick    # 1,000 x 50 x 30
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    participants, peers, days = (1000, 50, 30) if args.quick else (10_000, 500, 90)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-seed-"))
    os.environ.update(
        {"ALONGSIDE_TESTING": "1", "DATA_DIR": str(workdir), "DJANGO_SETTINGS_MODULE": "config.settings"}
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    from alongside.devtools.synthetic import seed_synthetic

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    counts = seed_synthetic(slug="bench", participants=participants, peers=peers, days=days)
    seed_seconds = time.perf_counter() - started

    rows_total = counts.checkins + counts.participants * 2 + counts.peers * 2 + counts.matches
    baseline = sqlite3.connect(workdir / "baseline.sqlite3")
    baseline.execute("PRAGMA journal_mode=WAL")
    baseline.execute(
        "CREATE TABLE rows (id INTEGER PRIMARY KEY, org INTEGER, participant INTEGER, day TEXT, mood INTEGER,"
        " wants INTEGER, note TEXT, level TEXT, created TEXT, updated TEXT)"
    )
    rng = random.Random(1)
    data = [
        (
            1,
            i % 10_000,
            f"2026-01-{i % 28 + 1:02d}",
            rng.randint(1, 5),
            0,
            "",
            "none",
            "2026-01-01",
            "2026-01-01",
        )
        for i in range(rows_total)
    ]
    started = time.perf_counter()
    with baseline:
        baseline.executemany(
            "INSERT INTO rows (org, participant, day, mood, wants, note, level, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    baseline_seconds = time.perf_counter() - started

    print(f"seed {participants} participants x {peers} peers x {days} days")
    print(f"  rows written: {rows_total:,} ({counts.checkins:,} check-ins, {counts.matches:,} matches)")
    print(
        f"  alongside seed: {seed_seconds:.1f} s (target under 120 s: {'met' if seed_seconds < 120 else 'MISSED'})"
    )
    print(f"  baseline (bare executemany of the same row count): {baseline_seconds:.2f} s")
    print(f"  ratio seed / baseline: {seed_seconds / baseline_seconds:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
