"""The labelled evaluation set: its shape, and the engine's recall and false flags on it.

The set has two parts. "dev" is what the rules were tuned against; "holdout" was written first and kept
out of tuning. The targets from the issue are asserted on the dev part; the holdout part is reported
(run pytest with -s to see the table) and guarded by floors, so that a change that makes the engine
worse on language it was not tuned for fails too.

A second held-out set, screening_holdout2.jsonl, was written before the rules for implied preparation,
third-party intent in Spanish, reported denials and hyperbole were added, and was never tuned on. Its
floors sit just under what the engine scored on it when those rules were done (urgent flagged 0.79,
rated urgent 0.77, concern flagged 0.87, ordinary flagged 0.06, ordinary rated urgent 0.03): they
record the gap to the targets honestly rather than hide it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from alongside.safety.detector import LEVELS, screen

DATA = Path(__file__).parent / "data" / "screening_eval.jsonl"
HOLDOUT2 = Path(__file__).parent / "data" / "screening_holdout2.jsonl"
RANK = {level: i for i, level in enumerate(LEVELS)}


def load(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


ROWS = load()
ROWS2 = load(HOLDOUT2)


def test_evaluation_set_shape():
    assert len(ROWS) >= 400
    for row in ROWS:
        assert set(row) == {"text", "level", "locale", "note", "split"}, row
        assert row["level"] in LEVELS and row["locale"] in ("en", "es") and row["split"] in ("dev", "holdout")
        assert row["text"].strip() and row["note"].strip()
    texts = [row["text"] for row in ROWS]
    assert len(set(texts)) == len(texts), "duplicate messages"
    levels = Counter(row["level"] for row in ROWS)
    for level in LEVELS:
        assert levels[level] >= len(ROWS) // 4, levels
    assert sum(row["locale"] == "es" for row in ROWS) >= 60
    holdout = sum(row["split"] == "holdout" for row in ROWS) / len(ROWS)
    assert 0.2 <= holdout <= 0.3


def metrics(rows: list[dict[str, str]]) -> dict[str, float]:
    got = [RANK[screen(row["text"], row["locale"]).level] for row in rows]
    by_level: dict[str, list[int]] = {level: [] for level in LEVELS}
    for row, rank in zip(rows, got, strict=True):
        by_level[row["level"]].append(rank)

    def share(values: list[int], test) -> float:
        return sum(1 for v in values if test(v)) / len(values) if values else 1.0

    return {
        "urgent_n": len(by_level["urgent"]),
        "urgent_flagged": share(by_level["urgent"], lambda v: v >= 1),
        "urgent_as_urgent": share(by_level["urgent"], lambda v: v == 2),
        "concern_n": len(by_level["concern"]),
        "concern_flagged": share(by_level["concern"], lambda v: v >= 1),
        "none_n": len(by_level["none"]),
        "none_flagged": share(by_level["none"], lambda v: v >= 1),
        "none_urgent": share(by_level["none"], lambda v: v == 2),
    }


@pytest.fixture(scope="module")
def report() -> dict[str, dict[str, float]]:
    parts = {
        "all": ROWS,
        "dev": [r for r in ROWS if r["split"] == "dev"],
        "holdout": [r for r in ROWS if r["split"] == "holdout"],
        "holdout2": ROWS2,
    }
    results = {name: metrics(rows) for name, rows in parts.items()}
    print()
    print(
        f"{'part':8} {'urgent n':>8} {'flagged':>8} {'urgent':>7} {'concern n':>9} {'flagged':>8} "
        f"{'none n':>7} {'flagged':>8} {'urgent':>7}"
    )
    for name, m in results.items():
        print(
            f"{name:8} {m['urgent_n']:>8} {m['urgent_flagged']:>8.3f} {m['urgent_as_urgent']:>7.3f} "
            f"{m['concern_n']:>9} {m['concern_flagged']:>8.3f} {m['none_n']:>7} {m['none_flagged']:>8.3f} "
            f"{m['none_urgent']:>7.3f}"
        )
    return results


def test_targets_on_the_dev_part(report):
    m = report["dev"]
    assert m["urgent_flagged"] == 1.0, "every urgent message must be flagged"
    assert m["urgent_as_urgent"] >= 0.95
    assert m["concern_flagged"] >= 0.90
    assert m["none_flagged"] <= 0.05
    assert m["none_urgent"] <= 0.01


def test_floors_on_the_holdout_part(report):
    # Floors, not the targets: the holdout measures generalisation and is reported as it is.
    m = report["holdout"]
    assert m["urgent_flagged"] >= 0.90
    assert m["urgent_as_urgent"] >= 0.85
    assert m["concern_flagged"] >= 0.90
    assert m["none_flagged"] <= 0.05
    assert m["none_urgent"] <= 0.01


def test_spanish_part_is_screened_as_well_as_english(report):
    spanish = [r for r in ROWS if r["locale"] == "es"]
    m = metrics(spanish)
    assert m["urgent_flagged"] >= 0.9 and m["concern_flagged"] >= 0.9 and m["none_flagged"] <= 0.1


def test_second_holdout_shape():
    assert len(ROWS2) >= 180
    for row in ROWS2:
        assert set(row) == {"text", "level", "locale", "note", "split"}, row
        assert row["level"] in LEVELS and row["locale"] in ("en", "es") and row["split"] == "holdout2"
        assert row["text"].strip() and row["note"].strip()
    texts = [row["text"] for row in ROWS2]
    assert len(set(texts)) == len(texts), "duplicate messages"
    assert not set(texts) & {row["text"] for row in ROWS}, (
        "holdout2 must not share messages with the main set"
    )
    levels = Counter(row["level"] for row in ROWS2)
    for level in LEVELS:
        assert levels[level] >= len(ROWS2) // 4, levels
    assert sum(row["locale"] == "es" for row in ROWS2) >= 40


def test_floors_on_the_second_holdout(report):
    # Floors at the measured figures, not the targets (see the module docstring).
    m = report["holdout2"]
    assert m["urgent_flagged"] >= 0.75
    assert m["urgent_as_urgent"] >= 0.75
    assert m["concern_flagged"] >= 0.85
    assert m["none_flagged"] <= 0.08
    assert m["none_urgent"] <= 0.04
