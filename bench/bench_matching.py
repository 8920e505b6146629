"""Benchmark of the batch peer matcher against baselines measured in the same run.

For each size, in a fresh child process (so that peak memory belongs to that size alone):

* the engine end to end (`solve`: checking the input, bulk scoring, the exact optimisation with its
  proof, and the reasons), best and median of --repeat runs, with a breakdown;
* greedy best-pair-first over all feasible pairs: how much the optimum adds;
* the same problem as linear programmes solved by scipy's HiGHS (two phases: most matches, then the
  best total among those) when the feasible pairs fit (--lp-max-pairs), checking the optimum is equal.

Also times `suggest` (k=3 among 500 peers). Figures are printed as ratios against the baselines.

    .venv/bin/python bench/bench_matching.py            # 10,000 x 500 and 100,000 x 5,000
    .venv/bin/python bench/bench_matching.py --quick    # small smoke run
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alongside.matching.engine import read_problem, solve_with_details, suggest
from alongside.matching.engine.encoding import encode
from alongside.matching.engine.scoring import DEFAULT_WEIGHTS
from alongside.matching.engine.solver import feasible_pair_count
from alongside.matching.engine.weights import UnitWeights, to_points
from bench.matching_baselines import all_pairs, greedy, lp_optimum
from bench.matching_generator import generate


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_engine(data: dict[str, Any]) -> dict[str, Any]:
    """One end-to-end `solve`, exactly as callers run it."""
    started = time.perf_counter()
    result, outcome = solve_with_details(data)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "steps": {k: round(v, 3) for k, v in outcome.seconds.items()},
        "rounds": outcome.rounds,
        "flows": outcome.flows,
        "violations": outcome.violations,
        "candidate_pairs": outcome.candidate_pairs,
        "feasible_pairs": outcome.feasible_pairs,
        "matched": result["matched"],
        "total_units": outcome.total_units,
    }


def child(n: int, m: int, repeat: int, lp_max_pairs: int, seed: int, caseload: float) -> dict[str, Any]:
    data = generate(n, m, seed=seed, caseload=caseload)
    before = peak_mib()
    runs = [run_engine(data) for _ in range(repeat)]
    after_engine = peak_mib()
    enc = encode(read_problem(data), UnitWeights.from_weights(DEFAULT_WEIGHTS))
    out: dict[str, Any] = {
        "n": n,
        "m": m,
        "runs": runs,
        "peak_mib_after_input": before,
        "peak_mib_engine": after_engine,
        "feasible_pairs": feasible_pair_count(enc),
    }
    greedy_result = greedy(enc)
    out["greedy"] = {
        "matched": greedy_result.matched,
        "total_units": greedy_result.total_units,
        "seconds": greedy_result.seconds,
    }
    if out["feasible_pairs"] <= lp_max_pairs:
        pairs = all_pairs(enc)
        lp = lp_optimum(enc, pairs)
        out["lp"] = {
            "matched": lp.matched,
            "total_units": lp.total_units,
            "seconds": lp.seconds,
            "build": lp.seconds_build,
            "phase1": lp.seconds_phase1,
            "phase2": lp.seconds_phase2,
        }
    return out


def suggest_timing(seed: int) -> dict[str, float]:
    data = generate(60, 500, seed=seed)
    peers = data["peers"]
    suggest(data["participants"][0], peers)  # warm caches, as a running service would be
    times = []
    for person in data["participants"][10:]:
        started = time.perf_counter()
        suggest(person, peers, k=3)
        times.append(time.perf_counter() - started)
    return {"median_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times)}


def describe(result: dict[str, Any]) -> None:
    n, m = result["n"], result["m"]
    runs = result["runs"]
    times = [r["seconds"] for r in runs]
    best = min(runs, key=lambda r: r["seconds"])
    optimum = (best["matched"], best["total_units"])
    print(f"\n{n:,} participants x {m:,} peers: {result['feasible_pairs']:,} feasible pairs")
    print(
        f"  engine: best {min(times):.2f} s, median {statistics.median(times):.2f} s,"
        f" all {', '.join(f'{t:.2f}' for t in times)} s; seconds by step (best run): {best['steps']}"
    )
    print(
        f"          {best['flows']} flow solves, {best['rounds']} dual checks (violations found: {best['violations']}),"
        f" {best['candidate_pairs']:,} candidate pairs in the last solve; peak memory"
        f" {result['peak_mib_engine']:.0f} MiB ({result['peak_mib_after_input']:.0f} MiB with just the generated input)"
    )
    print(f"          matched {optimum[0]:,}, total score {to_points(optimum[1]):,.1f}")
    g = result["greedy"]
    print(
        f"  greedy best-pair-first: matched {g['matched']:,}, total {to_points(g['total_units']):,.1f}"
        f" ({g['seconds']:.1f} s) -> optimum matches {optimum[0] - g['matched']:+,} people"
        f" ({100 * (optimum[0] - g['matched']) / max(g['matched'], 1):+.1f}%),"
        f" total score x{optimum[1] / max(g['total_units'], 1):.3f}"
        f" ({100 * (optimum[1] - g['total_units']) / max(g['total_units'], 1):+.1f}%)"
    )
    lp = result.get("lp")
    if lp is None:
        print("  HiGHS LP: not run at this size (the full feasible-pair formulation is too large)")
        return
    same = (lp["matched"], lp["total_units"]) == optimum
    print(
        f"  HiGHS LP: {lp['seconds']:.1f} s (build {lp['build']:.1f}, most matches {lp['phase1']:.1f},"
        f" best total {lp['phase2']:.1f}); optimum {'EQUAL' if same else 'DIFFERENT'}"
        f" (LP {lp['matched']:,} / {to_points(lp['total_units']):,.1f})"
    )
    print(
        f"  HiGHS / engine: x{lp['seconds'] / min(times):.0f} (best run),"
        f" x{(lp['phase1'] + lp['phase2']) / statistics.median(times):.0f} (LP solve only / median engine run)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--repeat", type=int, default=3, help="engine runs per size")
    parser.add_argument("--lp-max-pairs", type=int, default=3_000_000, help="largest LP attempted")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--caseload",
        type=float,
        default=1.0,
        help="current caseloads up to this share of capacity (default 1)",
    )
    parser.add_argument("--child", nargs=2, type=int, metavar=("N", "M"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        n, m = args.child
        print(json.dumps(child(n, m, args.repeat, args.lp_max_pairs, args.seed, args.caseload)))
        return 0
    sizes = [(1_000, 50), (3_000, 150)] if args.quick else [(10_000, 500), (100_000, 5_000)]
    repeat = 1 if args.quick else args.repeat
    print(
        f"bench_matching {time.strftime('%Y-%m-%d %H:%M')}; seed {args.seed}; engine runs per size: {repeat}"
    )
    timing = suggest_timing(args.seed)
    print(f"suggest(k=3) among 500 peers: median {timing['median_ms']:.1f} ms, max {timing['max_ms']:.1f} ms")
    for n, m in sizes:
        command = [
            sys.executable,
            __file__,
            "--child",
            str(n),
            str(m),
            "--repeat",
            str(repeat),
            "--lp-max-pairs",
            str(args.lp_max_pairs),
            "--seed",
            str(args.seed),
            "--caseload",
            str(args.caseload),
        ]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0:
            print(finished.stderr, file=sys.stderr)
            return finished.returncode
        describe(json.loads(finished.stdout.strip().splitlines()[-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
