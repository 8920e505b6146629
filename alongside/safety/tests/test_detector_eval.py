"""The labelled evaluation sets: their shape, and the engine's recall and false flags on each.

Eight sets, and which of them the rules were tuned on (run pytest with -s to see the table). Figures are
urgent flagged / urgent rated urgent / concern flagged / ordinary flagged / ordinary rated urgent.

- screening_eval.jsonl, parts "dev" and "holdout": tuned on. The targets from the issue are asserted on
  "dev"; its "holdout" part was written first but has been tuned on since, so it only has floors.
- screening_holdout2.jsonl (186 messages): written blind, scored (0.790 / 0.774 / 0.867 / 0.062 / 0.031),
  then TUNED ON.
- screening_holdout3.jsonl (278): written blind, scored (0.622 / 0.602 / 0.614 / 0.152 / 0.065), then
  TUNED ON.
- screening_holdout4.jsonl (90): written blind after that round; scored 0.700 / 0.667 / 0.733 / 0 / 0.
  Its misses were studied in the round of 2026-11-23 (second round): TUNED ON since.
- screening_holdout5.jsonl (224): written blind before the second round, without reading the rules,
  aimed at new wordings (farewells, preparations, means, methods without the word, overdoses in
  progress, harm to and from others, and the concern families). The engine before that round scored
  0.500 / 0.436 / 0.611 / 0.068 / 0.041 on it. TUNED ON in that round.
- screening_holdout6.jsonl (81): written blind after most of the second round. It scored
  0.536 / 0.429 / 0.571 / 0.120 / 0.120 (the engine before the round: 0.536 / 0.429 / 0.536 / 0.080 /
  0.080): the round had not carried over to it at all. Its misses were then studied: TUNED ON.
- screening_holdout7.jsonl (80): written blind at the end of the second round and NOT tuned on, apart
  from one rule found wrong on it and corrected (a Spanish threat said with "jaja" was rated urgent;
  the English twin of that rule already ignored "lol"). Blind it scored 0.607 / 0.464 / 0.462 / 0.192 /
  0.154; after that correction 0.607 / 0.464 / 0.462 / 0.154 / 0.115. The engine before the round scored
  0.464 / 0.393 / 0.462 / 0.154 / 0.115. This is the honest measure of how the engine generalises: far
  from the targets, because new wordings keep escaping rules written for the ones seen.

The floors on the holdouts sit just under the measured figures, so that a change that makes the engine
worse on any of them fails; they record the gap to the targets honestly rather than hide it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from alongside.safety.detector import LEVELS, screen

DATA_DIR = Path(__file__).parent / "data"
DATA = DATA_DIR / "screening_eval.jsonl"
HOLDOUT2 = DATA_DIR / "screening_holdout2.jsonl"
HOLDOUT3 = DATA_DIR / "screening_holdout3.jsonl"
HOLDOUT4 = DATA_DIR / "screening_holdout4.jsonl"
HOLDOUT5 = DATA_DIR / "screening_holdout5.jsonl"
HOLDOUT6 = DATA_DIR / "screening_holdout6.jsonl"
HOLDOUT7 = DATA_DIR / "screening_holdout7.jsonl"
RANK = {level: i for i, level in enumerate(LEVELS)}


def load(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


ROWS = load()
ROWS2 = load(HOLDOUT2)
ROWS3 = load(HOLDOUT3)
ROWS4 = load(HOLDOUT4)
ROWS5 = load(HOLDOUT5)
ROWS6 = load(HOLDOUT6)
ROWS7 = load(HOLDOUT7)
EXTRA_SETS = {
    "holdout2": ROWS2,
    "holdout3": ROWS3,
    "holdout4": ROWS4,
    "holdout5": ROWS5,
    "holdout6": ROWS6,
    "holdout7": ROWS7,
}


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
        **EXTRA_SETS,
        "holdout7 es": [r for r in ROWS7 if r["locale"] == "es"],
    }
    results = {name: metrics(rows) for name, rows in parts.items()}
    print()
    print(
        f"{'part':12} {'urgent n':>8} {'flagged':>8} {'urgent':>7} {'concern n':>9} {'flagged':>8} "
        f"{'none n':>7} {'flagged':>8} {'urgent':>7}"
    )
    for name, m in results.items():
        print(
            f"{name:12} {m['urgent_n']:>8} {m['urgent_flagged']:>8.3f} {m['urgent_as_urgent']:>7.3f} "
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
    # Floors, not the targets: this part has been tuned on (see the module docstring).
    m = report["holdout"]
    assert m["urgent_flagged"] >= 0.97
    assert m["urgent_as_urgent"] >= 0.95
    assert m["concern_flagged"] >= 0.97
    assert m["none_flagged"] <= 0.03
    assert m["none_urgent"] <= 0.01


def test_spanish_part_is_screened_as_well_as_english(report):
    spanish = [r for r in ROWS if r["locale"] == "es"]
    m = metrics(spanish)
    assert m["urgent_flagged"] >= 0.9 and m["concern_flagged"] >= 0.9 and m["none_flagged"] <= 0.1


@pytest.mark.parametrize(
    ("name", "minimum", "spanish"),
    [
        ("holdout2", 180, 40),
        ("holdout3", 240, 60),
        ("holdout4", 85, 20),
        ("holdout5", 200, 60),
        ("holdout6", 80, 20),
        ("holdout7", 80, 20),
    ],
)
def test_extra_holdout_shape(name, minimum, spanish):
    rows = EXTRA_SETS[name]
    assert len(rows) >= minimum
    for row in rows:
        assert set(row) == {"text", "level", "locale", "note", "split"}, row
        assert row["level"] in LEVELS and row["locale"] in ("en", "es") and row["split"] == name
        assert row["text"].strip() and row["note"].strip()
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts), "duplicate messages"
    levels = Counter(row["level"] for row in rows)
    for level in LEVELS:
        assert levels[level] >= len(rows) // 4, levels
    assert sum(row["locale"] == "es" for row in rows) >= spanish


def test_no_message_is_in_two_sets():
    seen: dict[str, str] = {row["text"]: "eval" for row in ROWS}
    for name, rows in EXTRA_SETS.items():
        for row in rows:
            assert row["text"] not in seen, f"{row['text']!r} is in {seen.get(row['text'])} and {name}"
            seen[row["text"]] = name


def test_floors_on_the_second_holdout(report):
    # Tuned on since it was scored (see the module docstring): floors just under what it scores now.
    m = report["holdout2"]
    assert m["urgent_flagged"] >= 0.97
    assert m["urgent_as_urgent"] >= 0.97
    assert m["concern_flagged"] >= 0.97
    assert m["none_flagged"] <= 0.03
    assert m["none_urgent"] <= 0.02


def test_floors_on_the_third_holdout(report):
    # Tuned on after its blind score was recorded (see the module docstring).
    m = report["holdout3"]
    assert m["urgent_flagged"] >= 0.96
    assert m["urgent_as_urgent"] >= 0.96
    assert m["concern_flagged"] >= 0.97
    assert m["none_flagged"] <= 0.02
    assert m["none_urgent"] <= 0.01


def test_floors_on_the_fourth_holdout(report):
    # Tuned on in the second round of 2026-11-23 (see the module docstring).
    m = report["holdout4"]
    assert m["urgent_flagged"] >= 0.90
    assert m["urgent_as_urgent"] >= 0.90
    assert m["concern_flagged"] >= 0.96
    assert m["none_flagged"] <= 0.04
    assert m["none_urgent"] <= 0.04


def test_floors_on_the_fifth_holdout(report):
    # Written blind, then tuned on (see the module docstring).
    m = report["holdout5"]
    assert m["urgent_flagged"] >= 0.98
    assert m["urgent_as_urgent"] >= 0.97
    assert m["concern_flagged"] >= 0.94
    assert m["none_flagged"] <= 0.02
    assert m["none_urgent"] <= 0.02


def test_floors_on_the_sixth_holdout(report):
    # Scored blind, then tuned on (see the module docstring).
    m = report["holdout6"]
    assert m["urgent_flagged"] >= 0.85
    assert m["urgent_as_urgent"] >= 0.85
    assert m["concern_flagged"] >= 0.89
    assert m["none_flagged"] <= 0.08
    assert m["none_urgent"] <= 0.08


def test_floors_on_the_seventh_holdout(report):
    # Never tuned on but for one rule (see the module docstring): a message's worth under the measured
    # figures, far from the targets.
    m = report["holdout7"]
    assert m["urgent_flagged"] >= 0.57
    assert m["urgent_as_urgent"] >= 0.42
    assert m["concern_flagged"] >= 0.42
    assert m["none_flagged"] <= 0.20
    assert m["none_urgent"] <= 0.16
