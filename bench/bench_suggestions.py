"""How fast a new participant gets their three peer suggestions, through the product's own path.

Seeds a synthetic organization into a temporary SQLite database (500 peer supporters with
realistic matching profiles from `matching_generator`, 5,000 participants, most already matched
so caseloads are real), gives one waiting participant a finished intake, then times
`alongside.matching.selectors.suggestions_for` (the database reads, the engine's ranking and the
reasons, exactly what the participant's home page runs once intake is done). The baseline,
measured in the same run, is the pure engine (`engine.suggest`) on the same records already in
memory: the ratio says what reading the database adds. Target: under 50 ms for 500 peers.

    .venv/bin/python bench/bench_suggestions.py              # 500 peers, 200 timed calls
    .venv/bin/python bench/bench_suggestions.py --peers 100  # another size
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(call: object, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--peers", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-suggestions-"))
    (workdir / "static").mkdir()
    os.environ.update(
        {
            "ALONGSIDE_TESTING": "1",
            "DATA_DIR": str(workdir),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        }
    )
    root = Path(__file__).resolve().parent
    sys.path[:0] = [str(root.parent), str(root)]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_scopes import scope, scopes_disabled
    from matching_generator import generate

    from alongside.accounts.models import Membership, Organization
    from alongside.core.roles import Role
    from alongside.devtools.synthetic import seed_synthetic
    from alongside.matching import engine, selectors
    from alongside.matching.models import PeerMatch, PeerProfile
    from alongside.participants.models import ExperienceArea, ParticipantProfile
    from alongside.participants.services import experience_areas_ensure_defaults

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    seed_synthetic(slug="bench", participants=args.peers * 10, peers=args.peers, days=0)
    with scopes_disabled():
        organization = Organization.objects.get(slug="bench")
    experience_areas_ensure_defaults(organization=organization)
    instance = generate(n_participants=1, n_peers=args.peers, seed=7)
    with scope(organization=organization):
        areas = {a.slug: a for a in ExperienceArea.objects.all()}
        peers = list(Membership.objects.filter(role=Role.PEER).order_by("pk"))
        for member, record in zip(peers, instance["peers"], strict=True):
            profile = PeerProfile.objects.create(
                organization=organization,
                peer=member,
                capacity=record["capacity"],
                languages=record["languages"],
                gender=record["gender"] or "",
                age_band=record["age_band"] or "",
                meeting_formats=record["formats"],
                availability=record["availability"],
            )
            profile.experiences.set([areas[e] for e in record["experiences"] if e in areas])
        waiting = Membership.objects.filter(role=Role.PARTICIPANT, peer_matches__isnull=True).first()
        if waiting is None:
            waiting = Membership.objects.filter(role=Role.PARTICIPANT).first()
            PeerMatch.objects.filter(participant=waiting).delete()
        assert waiting is not None
        wanted = instance["participants"][0]
        intake = ParticipantProfile.objects.create(
            organization=organization,
            participant=waiting,
            languages=["en"],
            availability=wanted["availability"],
            meeting_formats=wanted["formats"],
            intake_completed_at=timezone.now(),
        )
        intake.experiences.set([areas[e] for e in ("opioids", "parenting", "trauma") if e in areas])
        intake.priority_experiences.set([areas["opioids"]])

        found = selectors.suggestions_for(waiting)
        with CaptureQueriesContext(connection) as queries:
            selectors.suggestions_for(waiting)
        person = selectors.participant_record(selectors.participant_profiles([waiting.pk])[0])
        records = selectors.peer_records(with_room_only=False)
        weights = selectors.weights_for(organization)

        def product() -> None:
            selectors.suggestions_for(waiting)

        def baseline() -> None:
            engine.suggest(person, records, k=3, weights=weights)

        for _ in range(10):  # warm caches, as a running service would be
            product()
            baseline()
        gc.disable()
        product_ms = timed(product, args.rounds)
        baseline_ms = timed(baseline, args.rounds)
        gc.enable()

    print(
        f"peers: {args.peers}, suggestions: {len(found)}, queries per call: {len(queries.captured_queries)}"
    )
    print("| path | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|")
    for name, samples in (
        ("suggestions_for (product)", product_ms),
        ("engine.suggest (baseline)", baseline_ms),
    ):
        print(
            f"| {name} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | {max(samples):.1f} |"
        )
    ratio = statistics.median(product_ms) / statistics.median(baseline_ms)
    print(
        f"product ÷ engine (p50): ×{ratio:.1f}; target p95 under 50 ms: "
        f"{'met' if percentile(product_ms, 0.95) < 50 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
