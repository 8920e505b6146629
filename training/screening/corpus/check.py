"""Check the screening corpus and print its counts.

Every line must parse, carry the fields and values the README defines, and be
neither an exact nor a near duplicate of another line (in this corpus or in the
labelled sets under alongside/safety/tests/data). Exit status 1 on any problem.

    python training/screening/corpus/check.py            # check, print summary
    python training/screening/corpus/check.py --table    # also print the README tables
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EXISTING = sorted((REPO / "alongside/safety/tests/data").glob("screening_*.jsonl"))
FIELDS = {"text", "level", "locale", "categories", "family", "style", "note"}
LEVELS = ("urgent", "concern", "none")
LOCALES = ("en", "es")
CATEGORIES = {
    "suicide",
    "self_harm",
    "overdose",
    "substance_use",
    "violence",
    "abuse",
    "psychosis",
    "housing",
    "hopelessness",
    "harassment",
}
STYLES = {
    "chat",
    "formal",
    "journal",
    "short",
    "spanglish",
    "teen",
    "older_adult",
    "shelter",
    "prison",
    "hospital",
    "recovery_house",
    "regional_mx",
    "regional_caribbean",
    "regional_spain",
    "regional_rioplatense",
    "regional_centralam",
    "regional_south_america",
}
# Word-set Jaccard at or above this counts as a near duplicate; NEAR=0.7 searches harder.
NEAR = float(os.environ.get("NEAR", "0.8"))


def normalise(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)  # "sooooo" and "so" are one word
    return " ".join(re.findall(r"[a-z0-9]+", text))


def load(path):
    rows, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not JSON ({error})")
            continue
        if set(row) != FIELDS:
            problems.append(f"{where}: fields {sorted(row)}")
            continue
        family, locale = path.name.split(".")[:2]
        if row["family"] != family or row["locale"] != locale:
            problems.append(f"{where}: family/locale differ from the file name")
        if row["level"] not in LEVELS or row["locale"] not in LOCALES or row["style"] not in STYLES:
            problems.append(f"{where}: level, locale or style not allowed")
        if not set(row["categories"]) <= CATEGORIES or len(set(row["categories"])) != len(row["categories"]):
            problems.append(f"{where}: categories {row['categories']}")
        if (row["level"] == "none") != (not row["categories"]):
            problems.append(f"{where}: none has no categories, urgent and concern have some")
        if not row["text"].strip() or not row["note"].strip():
            problems.append(f"{where}: empty text or note")
        row["_where"] = where
        rows.append(row)
    return rows, problems


def near_duplicates(rows):
    """Pairs of rows (in either locale) whose word sets overlap by NEAR or more."""
    by_word = defaultdict(set)
    words = [set(normalise(r["text"]).split()) for r in rows]
    for index, ws in enumerate(words):
        for w in ws:
            by_word[w].add(index)
    pairs = []
    for index, ws in enumerate(words):
        if len(ws) < 4:
            continue
        seen = Counter()
        for w in ws:
            for other in by_word[w]:
                if other > index:
                    seen[other] += 1
        for other, shared in seen.items():
            union = len(ws | words[other])
            if len(words[other]) >= 4 and shared / union >= NEAR:
                pairs.append((rows[index], rows[other], shared / union))
    return pairs


def table(rows, key, heading):
    """A markdown table of levels per value of key(row)."""
    counts = Counter((key(r), r["level"]) for r in rows)
    keys = sorted({k for k, _ in counts})
    lines = [f"| {heading} | urgent | concern | none | total |", "|---|---:|---:|---:|---:|"]
    for k in keys:
        u, c, n = (counts[(k, level)] for level in LEVELS)
        lines.append(f"| {k} | {u} | {c} | {n} | {u + c + n} |")
    u, c, n = (sum(counts[(k, level)] for k in keys) for level in LEVELS)
    lines.append(f"| **total** | {u} | {c} | {n} | {u + c + n} |")
    return "\n".join(lines)


def file_name(row):
    return row["_where"].split(":")[0]


def main():
    rows, problems = [], []
    for path in sorted(HERE.glob("*.jsonl")):
        got, bad = load(path)
        rows += got
        problems += bad
    seen = {}
    for row in rows:
        key = (row["locale"], normalise(row["text"]))
        if key in seen:
            problems.append(f"{row['_where']}: same text as {seen[key]}")
        seen[key] = row["_where"]
    for a, b, score in near_duplicates(rows):
        problems.append(
            f"{a['_where']} ~ {b['_where']} ({score:.2f}): {a['text'][:60]!r} / {b['text'][:60]!r}"
        )
    existing = []
    for path in EXISTING:
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            existing.append(
                {"text": item["text"], "locale": item.get("locale", "en"), "_where": f"existing {path.name}"}
            )
    existing_texts = {(r["locale"], normalise(r["text"])) for r in existing}
    for row in rows:
        if (row["locale"], normalise(row["text"])) in existing_texts:
            problems.append(f"{row['_where']}: same text as an existing labelled set")
    mixed = rows + existing
    for a, b, score in near_duplicates(mixed):
        if a["_where"].startswith("existing") != b["_where"].startswith("existing"):
            ours = b if a["_where"].startswith("existing") else a
            theirs = a if ours is b else b
            problems.append(
                f"{ours['_where']} ~ {theirs['_where']} ({score:.2f}): {ours['text'][:60]!r} / {theirs['text'][:60]!r}"
            )
    for problem in problems:
        print(problem)
    levels = Counter((r["locale"], r["level"]) for r in rows)
    for locale in LOCALES:
        total = sum(levels[(locale, level)] for level in LEVELS)
        print(locale, total, {level: levels[(locale, level)] for level in LEVELS})
    print("all", len(rows), dict(Counter(r["level"] for r in rows)))
    if "--table" in sys.argv:
        print()
        print(table(rows, file_name, "file"))
        for locale in LOCALES:
            print()
            print(f"Styles, {locale}:")
            print(table([r for r in rows if r["locale"] == locale], lambda r: r["style"], "style"))
        print()
        cats = Counter((c, r["locale"]) for r in rows for c in r["categories"])
        print("| category | en | es |\n|---|---:|---:|")
        for c in sorted(CATEGORIES):
            print(f"| {c} | {cats[(c, 'en')]} | {cats[(c, 'es')]} |")
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
