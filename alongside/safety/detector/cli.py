"""`alongside screen-text`: screen each line of standard input, one JSON result per line.

Input is read as bytes so that one badly encoded line cannot stop the rest: it gets an error object in
its place (keeping output lines aligned with input lines), a message on stderr, and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import BinaryIO, TextIO

from alongside.safety.detector.engine import screen


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes help and errors to the streams main() was given."""

    def __init__(self, out: TextIO, err: TextIO, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._out = out
        self._err = err

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            target = self._err if file is sys.stderr else self._out
            target.write(message)
            target.flush()


def _parser(out: TextIO, err: TextIO) -> argparse.ArgumentParser:
    parser = _Parser(
        out,
        err,
        prog="alongside screen-text",
        description=(
            "Screen messages for crisis language. Each line of standard input is one message; each line "
            'of standard output is {"level", "categories", "reasons"} for it, in the same order.'
        ),
    )
    parser.add_argument(
        "--locale",
        default="en",
        help='language the messages are written in, e.g. "en" or "es" (default: en); both are always screened',
    )
    return parser


def main(
    argv: list[str] | None = None,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run screen-text. Returns 0 if every line was screened, 1 if any line was not valid UTF-8.

    Command-line errors (an unknown option) return argparse's status 2 after printing usage to stderr.
    Output is flushed after every line so that a caller can stream messages through it.
    """
    stdin = stdin if stdin is not None else sys.stdin.buffer
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = _parser(stdout, stderr)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on bad options; report instead
        code = exit_.code
        return code if isinstance(code, int) else 2

    status = 0
    for number, raw in enumerate(stdin, start=1):
        line = raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw.rstrip(b"\r")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            status = 1
            stdout.write(json.dumps({"error": f"line {number} is not valid UTF-8"}) + "\n")
            stdout.flush()
            stderr.write(
                f"screen-text: line {number} is not valid UTF-8 ({error.reason} at byte {error.start}); skipped\n"
            )
            stderr.flush()
            continue
        stdout.write(json.dumps(screen(text, locale=args.locale).to_dict(), ensure_ascii=False) + "\n")
        stdout.flush()
    return status


if __name__ == "__main__":  # pragma: no cover - for `python -m alongside.safety.detector.cli`
    raise SystemExit(main())
