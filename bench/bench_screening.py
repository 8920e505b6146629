"""Benchmark: per-message latency of crisis screening against a plain keyword regex.

Measures alongside.safety.detector.screen over the labelled evaluation set (repeated) and over
synthetic ~1,000-character messages, and a baseline in the same run: one compiled alternation of the
main crisis keywords searched over the same messages. Prints p50/p99 per message for both, and the
ratio. Two kinds of long message are built, reported separately:

  journal  ordinary recovery-journal sentences with one evaluation message placed among them
  dense    evaluation messages run together until ~1,000 characters: a worst case, every sentence
           full of crisis vocabulary

Run from the repository root:

    .venv/bin/python bench/bench_screening.py            # default: 5 rounds, 200 long messages of each kind
    .venv/bin/python bench/bench_screening.py --rounds 10 --long 400 --json
    .venv/bin/python bench/bench_screening.py --clock cpu --statistic min   # on a shared machine

By default each message's time is the median of its rounds on the wall clock. On a machine shared with
other work, time spent waiting for the core passes for screening time; `--clock cpu` measures the
thread's own CPU time and `--statistic min` keeps each message's fastest round, which together estimate
what one message costs on one core to itself. The baseline is always measured the same way.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from alongside.safety.detector import screen  # noqa: E402

EVAL_FILE = ROOT / "alongside" / "safety" / "tests" / "data" / "screening_eval.jsonl"

# The baseline: what a keyword filter would do. One alternation, case-insensitive, searched once.
BASELINE = re.compile(
    r"\b(?:suicid\w*|kill (?:my|him|her)self|kms|kys|unalive|end (?:my life|it all)|want to die|"
    r"overdos\w*|od|pills|self[- ]?harm|cut(?:ting)? myself|relaps\w*|craving\w*|evict\w*|homeless|"
    r"hopeless|abuse\w*|voices|gun|rope|noose|goodbye|matarme|suicidarme|morir|pastillas|reca[ií]\w*|"
    r"desalo\w+)\b",
    re.IGNORECASE,
)

FILLER = [
    "Went to my morning meeting and stayed for coffee afterwards",
    "My sponsor called to check in and we talked about step work for a while",
    "Work was busy but I took my lunch break outside for once",
    "I made soup tonight and actually ate at the table instead of the couch",
    "The kids had a half day so we went to the park and fed the ducks",
    "Therapy is on Thursday and I want to bring up the thing with my brother",
    "Slept about seven hours which is a record for this month",
    "I keep a gratitude list now, today it was the bus driver and a good song",
    "Still figuring out how to say no to overtime without feeling guilty",
    "Group tonight was small but the share about forgiveness stayed with me",
    "I cleaned the kitchen and put on a podcast about gardening",
    "My mom and I had a phone call that did not turn into an argument",
    "Walked the dog twice and noticed the trees are starting to turn",
    "Paid the electric bill on time and set a reminder for the phone bill",
    "A friend from treatment texted me a picture of her new apartment",
]


def load_messages() -> list[str]:
    with EVAL_FILE.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def journal_messages(messages: Sequence[str], count: int, rng: random.Random) -> list[str]:
    """~1,000-character entries of ordinary sentences with one evaluation message among them."""
    out = []
    for _ in range(count):
        sentences = [rng.choice(FILLER) for _ in range(14)]
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(messages))
        text = ""
        for sentence in sentences:
            if len(text) >= 1000:
                break
            text += sentence.rstrip(".") + ". "
        out.append(text.strip())
    return out


def dense_messages(messages: Sequence[str], count: int, rng: random.Random) -> list[str]:
    """Evaluation messages run together (often without punctuation) to ~1,000 characters."""
    out = []
    for _ in range(count):
        text = ""
        while len(text) < 1000:
            text += rng.choice(messages) + " "
        out.append(text[:1000])
    return out


def timings(
    func: Callable[[str], object],
    messages: Sequence[str],
    rounds: int,
    clock: Callable[[], int] = time.perf_counter_ns,
    statistic: Callable[[list[float]], float] = statistics.median,
) -> list[float]:
    """Per-message time in microseconds: the median (or `statistic`) of `rounds` calls, after one
    warm-up pass.

    Taking each message's median keeps a moment of contention on a shared machine from passing for
    a slow message; the percentiles are then over messages, as the requirement is stated.
    """
    for text in messages:
        func(text)
    per_message: list[list[float]] = [[] for _ in messages]
    gc_was_enabled = gc.isenabled()
    gc.disable()  # collections would land on random messages and measure the collector, not screening
    try:
        for _ in range(rounds):
            for i, text in enumerate(messages):
                start = clock()
                func(text)
                per_message[i].append((clock() - start) / 1000)
    finally:
        if gc_was_enabled:
            gc.enable()
    return [statistic(samples) for samples in per_message]


def percentile(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarise(name: str, engine: Sequence[float], baseline: Sequence[float]) -> dict[str, float | str | int]:
    e50, e99 = percentile(engine, 50), percentile(engine, 99)
    b50, b99 = percentile(baseline, 50), percentile(baseline, 99)
    return {
        "set": name,
        "messages": len(engine),
        "engine_p50_us": round(e50, 1),
        "engine_p99_us": round(e99, 1),
        "baseline_p50_us": round(b50, 2),
        "baseline_p99_us": round(b99, 2),
        "ratio_p50": round(e50 / b50, 1) if b50 else float("inf"),
        "ratio_p99": round(e99 / b99, 1) if b99 else float("inf"),
        "engine_mean_us": round(statistics.fmean(engine), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="passes over each set after warm-up (default 5)"
    )
    parser.add_argument("--long", type=int, default=200, help="long messages of each kind (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="seed for building long messages")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall: perf_counter (default); cpu: the thread's own CPU time",
    )
    parser.add_argument(
        "--statistic",
        choices=("median", "min"),
        default="median",
        help="how each message's rounds are summed up (default median)",
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    messages = load_messages()
    sets = {
        "eval": messages,
        "journal ~1000 chars": journal_messages(messages, args.long, rng),
        "dense ~1000 chars": dense_messages(messages, args.long, rng),
    }
    sets["all (eval + journal)"] = sets["eval"] + sets["journal ~1000 chars"]

    def engine(text: str) -> object:
        return screen(text)

    def baseline(text: str) -> object:
        return BASELINE.search(text)

    clock = time.perf_counter_ns if args.clock == "wall" else time.thread_time_ns
    statistic = statistics.median if args.statistic == "median" else min

    def measure(func: Callable[[str], object], texts: Sequence[str]) -> list[float]:
        return timings(func, texts, args.rounds, clock, statistic)

    rows = [summarise(name, measure(engine, texts), measure(baseline, texts)) for name, texts in sets.items()]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"python {sys.version.split()[0]}, {args.rounds} rounds, {args.long} long messages per kind, "
        f"{args.clock} clock, {args.statistic} of rounds"
    )
    header = f"{'set':22} {'n':>6} {'p50 us':>8} {'p99 us':>8} {'base p50':>9} {'base p99':>9} {'x p50':>6} {'x p99':>6}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['set']:22} {row['messages']:>6} {row['engine_p50_us']:>8} {row['engine_p99_us']:>8} "
            f"{row['baseline_p50_us']:>9} {row['baseline_p99_us']:>9} {row['ratio_p50']:>6} {row['ratio_p99']:>6}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
