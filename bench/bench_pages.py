"""How fast the participant's pages render with a year of history.

Seeds a synthetic organization (2,000 participants, 100 peers, 365 days of check-ins: a
smaller population than `alongside seed`'s 10,000, with a longer history) into a temporary
SQLite database, gives one participant a full profile (cravings and medication asked, sleep and
cravings answered every day, a recovery counter with two earlier setbacks, reminders), then
renders each page with Django's test Client, signed in as that participant, and reports p50
and p95. The baseline, measured in the same run through the same middleware, is a bare view
that returns "ok". Target: p95 under 50 ms for each page.

    .venv/bin/python bench/bench_pages.py                  # 2,000 x 100 x 365, 200 requests a page
    .venv/bin/python bench/bench_pages.py --quick          # 300 x 20 x 365, 50 requests a page
    BENCH_PROFILE=/checkins/ .venv/bin/python bench/bench_pages.py --quick   # cProfile one page instead
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
import types
from datetime import timedelta
from pathlib import Path

PAGES = [
    ("participant home", "/"),
    ("check-in form", "/checkins/today/"),
    ("90-day trends (charts)", "/checkins/trends/?days=90"),
    ("calendar", "/checkins/calendar/"),
    ("history list", "/checkins/"),
    ("recovery counter", "/checkins/recovery/"),
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--requests", type=int, default=None, help="timed requests per page")
    args = parser.parse_args()
    participants, peers, days = (300, 20, 365) if args.quick else (2000, 100, 365)
    requests = args.requests or (50 if args.quick else 200)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-pages-"))
    (workdir / "static").mkdir()
    os.environ.update(
        {
            "ALONGSIDE_TESTING": "1",
            "DATA_DIR": str(workdir),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "ALLOWED_HOSTS": "testserver,localhost",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        }
    )
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.http import HttpRequest, HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path
    from django_scopes import scope, scopes_disabled

    from alongside.accounts.models import Membership
    from alongside.checkins.milestones import add_months
    from alongside.checkins.models import CheckIn, CheckInPreference, RecoveryPeriod
    from alongside.core.access import public
    from alongside.core.roles import Role
    from alongside.core.timezones import today_of
    from alongside.devtools.synthetic import seed_synthetic
    from alongside.participants.services import profile_for

    @public
    def bare(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    import config.urls

    urls = types.ModuleType("bench_pages_urls")
    urls.urlpatterns = [path("bench/bare/", bare), *config.urls.urlpatterns]  # type: ignore[attr-defined]
    sys.modules["bench_pages_urls"] = urls
    settings.ROOT_URLCONF = "bench_pages_urls"
    clear_url_caches()

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    counts = seed_synthetic(slug="bench", participants=participants, peers=peers, days=days)
    seed_seconds = time.perf_counter() - started

    with scopes_disabled():
        busiest = (
            Membership.objects.filter(
                organization__slug="bench", role=Role.PARTICIPANT, peer_matches__isnull=False
            )
            .order_by("-id")
            .first()
        )
        assert busiest is not None
    rng = random.Random(3)
    with scope(organization=busiest.organization):
        profile = profile_for(busiest)
        profile.focus = "both"
        profile.tracks_medication = True
        profile.save()
        rows = list(CheckIn.objects.filter(participant=busiest))
        for checkin in rows:
            checkin.sleep_quality = rng.randint(1, 5)
            checkin.cravings = rng.randint(0, 10)
            checkin.used = False
            checkin.took_medication = rng.random() < 0.9
        CheckIn.objects.bulk_update(rows, ["sleep_quality", "cravings", "used", "took_medication"])
        today = today_of(busiest)
        # Two earlier periods that ended in setbacks, and the current one.
        for years_back, length in ((2, 200), (1, 120)):
            started_on = add_months(today, -12 * years_back)
            RecoveryPeriod.objects.create(
                organization=busiest.organization,
                participant=busiest,
                started_on=started_on,
                ended_on=started_on + timedelta(days=length),
                end_reason="setback",
                end_note="A hard stretch.",
            )
        RecoveryPeriod.objects.create(
            organization=busiest.organization, participant=busiest, started_on=today - timedelta(days=200)
        )
        CheckInPreference.objects.create(
            organization=busiest.organization, participant=busiest, reminders_on=True
        )
        history = CheckIn.objects.filter(participant=busiest).count()

    client = Client()
    client.force_login(busiest.user)

    def timed(url: str) -> tuple[list[float], int]:
        for _ in range(10):  # warm-up: templates, caches, connection
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        settings.DEBUG = True
        reset_queries()
        client.get(url)
        queries = len(connection.queries)
        settings.DEBUG = False
        samples = []
        gc.collect()
        gc.disable()
        try:
            for _ in range(requests):
                begun = time.perf_counter()
                client.get(url)
                samples.append((time.perf_counter() - begun) * 1000)
        finally:
            gc.enable()
        return samples, queries

    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        client.get(os.environ["BENCH_PROFILE"])
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            client.get(os.environ["BENCH_PROFILE"])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        return 0
    baseline, baseline_queries = timed("/bench/bare/")
    base50, base95 = statistics.median(baseline), percentile(baseline, 0.95)
    print(
        f"seeded {counts.participants:,} participants x {counts.peers:,} peers x {days} days "
        f"({counts.checkins:,} check-ins) in {seed_seconds:.1f} s; the measured participant has "
        f"{history} check-ins and 3 recovery periods"
    )
    print(f"{requests} timed requests per page after 10 warm-up requests, signed in as that participant\n")
    print(f"{'page':<26}{'p50 ms':>8}{'p95 ms':>8}{'x p50':>8}{'x p95':>8}{'queries':>9}  p95 < 50 ms")
    print(f"{'bare view (baseline)':<26}{base50:>8.1f}{base95:>8.1f}{1:>8.1f}{1:>8.1f}{baseline_queries:>9}")
    all_met = True
    for name, url in PAGES:
        samples, queries = timed(url)
        p50, p95 = statistics.median(samples), percentile(samples, 0.95)
        met = p95 < 50
        all_met &= met
        print(
            f"{name:<26}{p50:>8.1f}{p95:>8.1f}{p50 / base50:>8.1f}{p95 / base95:>8.1f}{queries:>9}  "
            f"{'met' if met else 'MISSED'}"
        )
    print(f"\ncommand: .venv/bin/python bench/bench_pages.py{' --quick' if args.quick else ''}")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
