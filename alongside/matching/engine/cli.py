"""Command-line matching run: JSON in, proposed matches with reasons out.

Usage: ``... --input people.json --output proposal.json [--weights weights.json]``

``--input`` holds ``{"peers": [...], "participants": [...]}`` (see `model`); ``-`` reads standard
input. The proposal is written to ``--output`` (standard output when omitted) only when the whole
run succeeds, and atomically: a temporary file next to the target is renamed over it, so readers
never see half a file. ``--weights`` is an optional JSON object overriding `Weights` fields.

Exit status: 0 on success; 1 when the input or weights are malformed (the message on standard error
names the offending record, e.g. ``participants[3] (id "p17"): unknown time zone "Mars/Base"``);
2 for a wrong command line; 3 when a file cannot be read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from alongside.matching.engine.batch import solve
from alongside.matching.engine.model import MatchingInputError
from alongside.matching.engine.weights import Weights

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_IO = 3


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit the process; callers want a status
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="match-peers",
        description="Propose peer supporters for participants: as many matched as possible, then the best fit.",
    )
    parser.add_argument(
        "--input", required=True, help="JSON file with peers and participants ('-' for stdin)"
    )
    parser.add_argument("--output", help="where to write the proposal (default: stdout)")
    parser.add_argument("--weights", help="JSON file overriding the default weights")
    return parser


def _load_json(path: str, what: str) -> Any:
    try:
        if path == "-":
            return json.load(sys.stdin)
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        raise MatchingInputError(
            f"{what}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from exc


def _weights(raw: Any) -> Weights:
    if not isinstance(raw, dict):
        raise MatchingInputError("weights: must be an object of weight names to numbers")
    known = {field.name for field in dataclasses.fields(Weights)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise MatchingInputError(
            f'weights: unknown weight "{unknown[0]}" (known: {", ".join(sorted(known))})'
        )
    try:
        return Weights(**raw)
    except (TypeError, ValueError) as exc:
        raise MatchingInputError(f"weights: {exc}") from exc


def write_atomically(path: Path, text: str) -> None:
    """Writes `text` to `path` so that `path` holds either its old content or all of `text`."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def main(argv: list[str] | None = None) -> int:
    """Runs one matching from the command line; returns the exit status (see module docstring)."""
    try:
        args = _parser().parse_args(argv)
    except _Usage as exc:
        print(f"usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        data = _load_json(args.input, "input")
        weights = _weights(_load_json(args.weights, "weights")) if args.weights else None
        result = solve(data, weights)
    except MatchingInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: cannot read {exc.filename or 'input'}: {exc.strerror}", file=sys.stderr)
        return EXIT_IO
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    try:
        if args.output and args.output != "-":
            write_atomically(Path(args.output), text)
        else:
            sys.stdout.write(text)
    except OSError as exc:
        print(f"error: cannot write {exc.filename or args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_IO
    total = len(result["assignments"]) + len(result["unassigned"])
    print(
        f"matched {result['matched']} of {total} participants (total score {result['total_score']:g})",
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
