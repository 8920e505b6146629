"""The matching command line: round trip on files, errors that name the record, atomic output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from alongside.matching.engine.cli import EXIT_BAD_INPUT, EXIT_IO, EXIT_OK, EXIT_USAGE, main


def good_input() -> dict[str, Any]:
    return {
        "peers": [
            {
                "id": "peer-1",
                "capacity": 4,
                "current_caseload": 1,
                "languages": ["en", "es"],
                "gender": "woman",
                "age_band": "35-44",
                "experiences": ["opioids", "parenting"],
                "availability": ["tue-evening", "sat-morning"],
                "formats": ["chat", "phone"],
                "timezone": "America/Chicago",
            },
            {"id": 2, "capacity": 1, "languages": ["en"], "timezone": "America/Los_Angeles"},
        ],
        "participants": [
            {
                "id": "p1",
                "languages": ["es"],
                "experiences": ["opioids", "parenting"],
                "priority_experiences": ["opioids"],
                "peer_gender": "woman",
                "peer_age_bands": ["35-44"],
                "availability": ["tue-evening"],
                "formats": ["chat"],
                "timezone": "America/Chicago",
                "exclude_peers": [],
                "current_peer": None,
            },
            {"id": 17, "languages": ["en"], "timezone": "America/New_York", "current_peer": 2},
            {"id": "p3", "languages": ["fr"], "timezone": "Europe/Paris"},
        ],
    }


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path / "in.json", good_input())
    target = tmp_path / "out.json"
    assert main(["--input", str(source), "--output", str(target)]) == EXIT_OK
    result = json.loads(target.read_text(encoding="utf-8"))
    assert result["matched"] == 2
    assert {(a["participant"], a["peer"]) for a in result["assignments"]} == {("p1", "peer-1"), (17, 2)}
    first = next(a for a in result["assignments"] if a["participant"] == "p1")
    assert "you both have lived experience of opioid recovery and parenting" in first["reasons"]
    assert "you are both free on Tuesday evenings" in first["reasons"]
    assert "you both like to meet by chat" in first["reasons"]
    assert result["unassigned"] == [{"participant": "p3", "reason": "no peer shares a language"}]
    assert result["total_score"] == pytest.approx(sum(a["score"] for a in result["assignments"]))
    assert "matched 2 of 3 participants" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temporary file left"


def test_weights_file(tmp_path: Path) -> None:
    source = write(tmp_path / "in.json", good_input())
    weights = write(tmp_path / "weights.json", {"continuity": 0, "age_band": 0, "shared_format": 0})
    target = tmp_path / "out.json"
    assert main(["--input", str(source), "--output", str(target), "--weights", str(weights)]) == EXIT_OK
    scores = {a["participant"]: a["score"] for a in json.loads(target.read_text())["assignments"]}
    assert scores[17] == 0


def test_stdout_when_no_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path / "in.json", good_input())
    assert main(["--input", str(source)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["matched"] == 2


def broken(path: list[Any], value: Any, *, delete: bool = False) -> dict[str, Any]:
    data = good_input()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            broken(["participants", 2, "timezone"], "Mars/Base"),
            'participants[2] (id "p3"): unknown time zone "Mars/Base"',
        ),
        (broken(["participants", 1, "id"], None, delete=True), 'participants[1]: missing "id"'),
        (
            broken(["participants", 2, "id"], 17),
            "participants[2] (id 17): id is already used by participants[1]",
        ),
        (broken(["peers", 1, "id"], "peer-1"), 'peers[1] (id "peer-1"): id is already used by peers[0]'),
        (
            broken(["peers", 0, "capacity"], -3),
            'peers[0] (id "peer-1"): "capacity" must not be negative, got -3',
        ),
        (
            broken(["peers", 0, "current_caseload"], -1),
            'peers[0] (id "peer-1"): "current_caseload" must not be negative',
        ),
        (
            broken(["peers", 1, "capacity"], "4"),
            "peers[1] (id 2): \"capacity\" must be a whole number, not '4'",
        ),
        (
            broken(["participants", 0, "availability"], ["tue-dusk"]),
            'participants[0] (id "p1"): unknown availability "tue-dusk"',
        ),
        (broken(["participants", 0, "formats"], ["fax"]), 'participants[0] (id "p1"): unknown format "fax"'),
        (
            broken(["participants", 0, "languages"], "es"),
            'participants[0] (id "p1"): "languages" must be a list, not str',
        ),
        (
            broken(["participants", 0, "languages"], None, delete=True),
            'participants[0] (id "p1"): missing "languages"',
        ),
        (
            broken(["participants", 0, "exclude_peers"], [{"id": 1}]),
            'participants[0] (id "p1"): "exclude_peers" must contain only peer ids',
        ),
        (
            broken(["participants", 0, "current_peer"], 1.5),
            'participants[0] (id "p1"): "current_peer" must be a peer id or null',
        ),
        (
            broken(["participants", 0, "peer_gender"], 3),
            'participants[0] (id "p1"): "peer_gender" must be a non-empty string or null',
        ),
        (broken(["participants", 1], "not a record"), "participants[1]: must be an object, not str"),
        (broken(["peers"], {"id": 1}), 'input: "peers" must be a list'),
        (broken(["participants"], None, delete=True), 'input: missing "participants" list'),
        ([1, 2], 'input: must be an object with "peers" and "participants" lists'),
    ],
)
def test_malformed_input_names_the_record_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: Any, message: str
) -> None:
    source = write(tmp_path / "in.json", data)
    target = tmp_path / "out.json"
    assert main(["--input", str(source), "--output", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert message in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_failed_run_leaves_previous_output_untouched(tmp_path: Path) -> None:
    source = write(tmp_path / "in.json", broken(["peers", 0, "timezone"], "Nowhere/Land"))
    target = tmp_path / "out.json"
    target.write_text("previous proposal", encoding="utf-8")
    assert main(["--input", str(source), "--output", str(target)]) == EXIT_BAD_INPUT
    assert target.read_text(encoding="utf-8") == "previous proposal"


def test_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_text("{not json", encoding="utf-8")
    assert main(["--input", str(source), "--output", str(tmp_path / "out.json")]) == EXIT_BAD_INPUT
    assert "input: not valid JSON" in capsys.readouterr().err


def test_bad_weights(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path / "in.json", good_input())
    weights = write(tmp_path / "weights.json", {"kindness": 2})
    assert main(["--input", str(source), "--weights", str(weights)]) == EXIT_BAD_INPUT
    assert 'weights: unknown weight "kindness"' in capsys.readouterr().err
    write(weights, {"continuity": -2})
    assert main(["--input", str(source), "--weights", str(weights)]) == EXIT_BAD_INPUT


def test_missing_file_and_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--input", str(tmp_path / "nowhere.json")]) == EXIT_IO
    assert "cannot read" in capsys.readouterr().err
    assert main([]) == EXIT_USAGE
    assert "usage error" in capsys.readouterr().err
    source = write(tmp_path / "in.json", good_input())
    assert main(["--input", str(source), "--output", str(tmp_path / "no-such-dir" / "out.json")]) == EXIT_IO
