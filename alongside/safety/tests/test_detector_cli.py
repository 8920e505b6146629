"""The screen-text command logic (alongside.safety.detector.cli.main), driven with in-memory streams."""

from __future__ import annotations

import io
import json

from alongside.safety.detector.cli import main


def run(data: bytes, *argv: str) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.BytesIO(data), stdout=out, stderr=err)
    return code, out.getvalue().splitlines(), err.getvalue()


def test_one_json_line_per_input_line_in_order():
    code, lines, err = run(b"i took all my pills\nhello there\nme quiero morir\n")
    assert code == 0 and err == ""
    results = [json.loads(line) for line in lines]
    assert [r["level"] for r in results] == ["urgent", "none", "concern"]
    assert all(set(r) == {"level", "categories", "reasons"} for r in results)


def test_empty_lines_are_level_none_and_keep_positions():
    code, lines, _ = run(b"\n\nkms\n")
    assert code == 0
    assert [json.loads(line)["level"] for line in lines] == ["none", "none", "urgent"]


def test_invalid_utf8_reports_the_line_and_carries_on():
    code, lines, err = run(b"fine\n\xff\xfe broken\nim going to kms tonight\n")
    assert code == 1
    assert json.loads(lines[1]) == {"error": "line 2 is not valid UTF-8"}
    assert json.loads(lines[2])["level"] == "urgent"
    assert "line 2" in err and "UTF-8" in err


def test_windows_line_endings_and_a_missing_final_newline():
    code, lines, _ = run(b"hello\r\nkms")
    assert code == 0
    assert [json.loads(line)["level"] for line in lines] == ["none", "urgent"]


def test_locale_option():
    code, lines, _ = run(b"q ya no quiero vivir\n", "--locale", "es")
    assert code == 0
    assert json.loads(lines[0])["level"] == "concern"


def test_output_is_flushed_after_every_line():
    class Recorder(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1
            super().flush()

    out = Recorder()
    main([], stdin=io.BytesIO(b"a\nb\nc\n"), stdout=out, stderr=io.StringIO())
    assert out.flushes >= 3


def test_non_ascii_text_is_written_as_is():
    _, lines, _ = run("tomé todas las pastillas\n".encode())
    assert "tomé" in lines[0]


def test_bad_option_is_a_usage_error_on_stderr():
    code, lines, err = run(b"", "--nope")
    assert code == 2 and lines == [] and "usage" in err


def test_no_input_no_output():
    assert run(b"") == (0, [], "")
