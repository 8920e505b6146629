"""Pair scoring, hard rules, reasons and time zones of the matching engine (pure, no database)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from alongside.matching.apps import translate_reason
from alongside.matching.engine import (
    MatchingInputError,
    Weights,
    explain,
    explain_codes,
    read_problem,
    render_reasons,
    score,
    solve,
    suggest,
    unassigned_text,
    use_translations,
)
from alongside.matching.engine.model import read_participant, read_peer
from alongside.matching.engine.reasons import MESSAGES, join_and, join_or, say
from alongside.matching.engine.scoring import hard_rule_broken, pair_units
from alongside.matching.engine.timeslots import QUARTERS_PER_WEEK, week_mask, zone_offset_quarters
from alongside.matching.engine.weights import SCORE_UNITS_PER_POINT, UnitWeights

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from matching_generator import generate


def peer(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "peer-1",
        "capacity": 10,
        "current_caseload": 2,
        "languages": ["en"],
        "gender": "woman",
        "age_band": "35-44",
        "experiences": [],
        "availability": [],
        "formats": [],
        "timezone": "America/New_York",
    }
    record.update(fields)
    return record


def participant(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "p1",
        "languages": ["en"],
        "experiences": [],
        "priority_experiences": [],
        "peer_gender": None,
        "peer_age_bands": [],
        "availability": [],
        "formats": [],
        "timezone": "America/New_York",
        "exclude_peers": [],
        "current_peer": None,
    }
    record.update(fields)
    return record


ONLY_AVAILABILITY = Weights(
    shared_experience=0,
    priority_experience=0,
    availability_per_hour=1,
    shared_format=0,
    age_band=0,
    continuity=0,
)


# Hard rules -----------------------------------------------------------------------------------------


def test_no_shared_language_has_no_score() -> None:
    assert score(participant(languages=["es"]), peer(languages=["en", "vi"])) is None


def test_language_comparison_ignores_case() -> None:
    assert score(participant(languages=["ES"]), peer(languages=["es"])) is not None


def test_requested_gender_is_a_hard_rule() -> None:
    assert score(participant(peer_gender="man"), peer(gender="woman")) is None
    assert score(participant(peer_gender="woman"), peer(gender="woman")) is not None
    assert score(participant(peer_gender=None), peer(gender="man")) is not None


def test_peer_without_room_has_no_score() -> None:
    assert score(participant(), peer(capacity=5, current_caseload=5)) is None
    assert score(participant(), peer(capacity=5, current_caseload=7)) is None
    assert score(participant(), peer(capacity=5, current_caseload=4)) is not None


def test_excluded_peer_has_no_score_and_ids_compare_as_text() -> None:
    assert score(participant(exclude_peers=[17]), peer(id="17")) is None
    assert score(participant(exclude_peers=["17"]), peer(id=17)) is None
    assert score(participant(exclude_peers=["18"]), peer(id=17)) is not None


def test_hard_rule_codes() -> None:
    person = read_participant(participant(languages=["en"], peer_gender="man", exclude_peers=["x"]))
    assert hard_rule_broken(person, read_peer(peer(languages=["es"]))) == "language"
    assert hard_rule_broken(person, read_peer(peer(gender="woman"))) == "gender"
    assert hard_rule_broken(person, read_peer(peer(id="x", gender="man"))) == "excluded"
    assert hard_rule_broken(person, read_peer(peer(gender="man", capacity=1, current_caseload=1))) == "full"
    assert hard_rule_broken(person, read_peer(peer(gender="man"))) is None


# Weighted preferences ---------------------------------------------------------------------------------


def test_minimal_compatible_pair_scores_only_the_age_band_without_preference() -> None:
    assert score(participant(), peer()) == Weights().age_band


def test_shared_and_priority_experiences() -> None:
    w = Weights()
    base = score(participant(), peer())
    assert base is not None
    shared = score(
        participant(experiences=["opioids", "parenting"]), peer(experiences=["opioids", "parenting", "grief"])
    )
    assert shared == pytest.approx(base + 2 * w.shared_experience)
    prioritised = score(
        participant(experiences=["parenting"], priority_experiences=["opioids"]),
        peer(experiences=["opioids", "parenting"]),
    )
    assert prioritised == pytest.approx(base + 2 * w.shared_experience + w.priority_experience)


def test_formats_age_band_and_continuity() -> None:
    w = Weights()
    base = score(participant(peer_age_bands=["25-34"]), peer(age_band="35-44"))
    assert base == 0
    assert score(
        participant(formats=["chat", "phone"]), peer(formats=["phone", "chat", "video"])
    ) == pytest.approx(2 * w.shared_format + w.age_band)
    assert score(participant(peer_age_bands=["35-44", "45-54"]), peer(age_band="35-44")) == pytest.approx(
        w.age_band
    )
    assert score(participant(current_peer="peer-1"), peer()) == pytest.approx(w.age_band + w.continuity)


def test_score_takes_weights() -> None:
    heavy = Weights(shared_experience=10, age_band=0)
    assert score(participant(experiences=["grief"]), peer(experiences=["grief"]), heavy) == 10


def test_weights_reject_negative_and_non_numbers() -> None:
    with pytest.raises(ValueError):
        Weights(continuity=-1)
    with pytest.raises(TypeError):
        Weights(continuity="high")  # type: ignore[arg-type]


def test_weights_are_rounded_once_to_score_units() -> None:
    units = UnitWeights.from_weights(Weights(shared_experience=1.00004, availability_per_hour=0.2))
    assert units.shared_experience == SCORE_UNITS_PER_POINT
    assert units.availability_per_quarter * 4 == round(0.2 * SCORE_UNITS_PER_POINT)


# Time zones -------------------------------------------------------------------------------------------


def test_new_york_evening_overlaps_los_angeles_afternoon_by_three_hours() -> None:
    # 18-24 in New York is 23-05 UTC; 12-18 in Los Angeles is 20-02 UTC: 23-02 is shared.
    ny = participant(availability=["tue-evening"], timezone="America/New_York")
    la = peer(availability=["tue-afternoon"], timezone="America/Los_Angeles")
    assert score(ny, la, ONLY_AVAILABILITY) == pytest.approx(3.0)
    reasons = explain(ny, la)
    assert "you are both free on Tuesday evenings (your time)" in reasons


def test_same_zone_day_parts_overlap_fully_and_different_parts_do_not() -> None:
    assert (
        score(
            participant(availability=["mon-morning"]), peer(availability=["mon-morning"]), ONLY_AVAILABILITY
        )
        == 6
    )
    assert (
        score(
            participant(availability=["mon-morning"]), peer(availability=["mon-evening"]), ONLY_AVAILABILITY
        )
        == 0
    )


def test_week_wraps_around() -> None:
    # Sunday evening in Honolulu (UTC-10) is Monday 04:00-10:00 UTC; Monday morning in London is 06-12 UTC.
    honolulu = participant(availability=["sun-evening"], timezone="Pacific/Honolulu")
    london = peer(availability=["mon-morning"], timezone="Europe/London")
    assert score(honolulu, london, ONLY_AVAILABILITY) == pytest.approx(4.0)


def test_half_hour_zone_counts_quarter_hours() -> None:
    # Kolkata is UTC+5:30: its Monday night 00-06 is Sunday 18:30 - Monday 00:30 UTC.
    kolkata = participant(availability=["mon-night"], timezone="Asia/Kolkata")
    utc = peer(availability=["mon-night"], timezone="UTC")
    assert zone_offset_quarters("Asia/Kolkata") == 22
    assert score(kolkata, utc, ONLY_AVAILABILITY) == pytest.approx(0.5)


def test_week_mask_covers_each_day_part_once() -> None:
    every_slot = tuple(range(28))
    assert week_mask(every_slot, zone_offset_quarters("America/Chicago")) == (1 << QUARTERS_PER_WEEK) - 1


def test_offset_comes_from_the_reference_week_not_today() -> None:
    # January: New York is on standard time all week, UTC-5.
    assert zone_offset_quarters("America/New_York") == -20
    assert zone_offset_quarters("Australia/Sydney") == 44  # southern summer, UTC+11


# Reasons ----------------------------------------------------------------------------------------------


def test_reasons_name_the_actual_shared_things() -> None:
    reasons = explain(
        participant(
            experiences=["parenting", "opioids", "grief"],
            priority_experiences=["opioids"],
            availability=["tue-evening", "thu-evening", "sat-morning"],
            formats=["chat", "phone", "video"],
            peer_age_bands=["35-44"],
            peer_gender="woman",
            languages=["en", "es"],
            current_peer="peer-1",
        ),
        peer(
            experiences=["opioids", "parenting", "alcohol"],
            availability=["tue-evening", "thu-evening", "sat-morning", "sun-night"],
            formats=["chat", "phone", "in_person"],
            languages=["es"],
        ),
    )
    assert reasons == [
        "continuing with your current peer",
        "you both have lived experience of opioid recovery and parenting",
        "you are both free on Saturday mornings and Tuesday and Thursday evenings",
        "you both like to meet by chat or phone",
        "your peer is in the age group you asked for (35-44)",
        "your peer is the gender you asked for",
        "you both speak Spanish",
    ]


def test_explain_only_claims_what_is_true() -> None:
    reasons = explain(
        participant(languages=["vi"], peer_gender="man"), peer(languages=["en"], gender="woman")
    )
    assert reasons == []


def test_reasons_for_in_person_and_unknown_vocabulary() -> None:
    reasons = explain(
        participant(experiences=["gambling_harm"], formats=["in_person", "video"]),
        peer(experiences=["gambling_harm"], formats=["in_person", "video"], languages=["en"]),
    )
    assert "you both have lived experience of gambling harm" in reasons
    assert "you both like to meet by video call, or in person" in reasons


def test_reasons_stay_short_with_many_shared_items() -> None:
    many = ["alcohol", "opioids", "grief", "trauma", "anxiety", "depression"]
    slots = ["mon-evening", "tue-evening", "wed-evening", "thu-evening", "fri-evening"]
    reasons = explain(
        participant(experiences=many, availability=slots), peer(experiences=many, availability=slots)
    )
    assert "you both have lived experience of alcohol recovery, anxiety, depression and 3 more" in reasons
    assert (
        "you are both free on Monday, Tuesday and Wednesday evenings, and at 2 other times in the week"
        in reasons
    )


def test_all_texts_come_from_the_catalogue() -> None:
    assert say("reason.continuity") == MESSAGES["reason.continuity"]
    assert say("experience.unknown_thing", default="unknown thing") == "unknown thing"
    with pytest.raises(KeyError):
        say("no.such.message")
    assert join_and(["a"]) == "a"
    assert join_and(["a", "b", "c"]) == "a, b and c"
    assert join_or(["chat", "phone"]) == "chat or phone"


# Suggestions ------------------------------------------------------------------------------------------


def test_suggest_returns_best_compatible_peers_with_reasons() -> None:
    peers = [
        peer(id=1, experiences=["grief"]),
        peer(id=2, experiences=["grief", "trauma"]),
        peer(id=3, languages=["es"], experiences=["grief", "trauma"]),
        peer(id=4),
    ]
    found = suggest(participant(experiences=["grief", "trauma"]), peers, k=2)
    assert [entry["peer"] for entry in found] == [2, 1]
    assert found[0]["score"] > found[1]["score"]
    assert "you both have lived experience of grief and trauma" in found[0]["reasons"]
    assert suggest(participant(), peers, k=0) == []
    assert len(suggest(participant(), peers, k=10)) == 3


def test_suggest_prefers_current_peer_when_otherwise_tied() -> None:
    peers = [peer(id="a"), peer(id="b"), peer(id="c")]
    found = suggest(participant(current_peer="b"), peers, k=3)
    assert [entry["peer"] for entry in found] == ["b", "a", "c"]
    assert found[0]["reasons"][0] == "continuing with your current peer"


# Validation of single records ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (peer(capacity=-1), 'peers[0] (id "peer-1"): "capacity" must not be negative, got -1'),
        (peer(capacity=2.5), 'peers[0] (id "peer-1"): "capacity" must be a whole number, not 2.5'),
        (peer(capacity=True), 'peers[0] (id "peer-1"): "capacity" must be a whole number, not True'),
        (peer(timezone="Mars/Base"), 'peers[0] (id "peer-1"): unknown time zone "Mars/Base"'),
        (peer(formats=["carrier pigeon"]), 'peers[0] (id "peer-1"): unknown format "carrier pigeon"'),
        (peer(availability=["tue-brunch"]), 'peers[0] (id "peer-1"): unknown availability "tue-brunch"'),
        (peer(languages="en"), 'peers[0] (id "peer-1"): "languages" must be a list, not str'),
        (
            peer(experiences=["ok", 3]),
            'peers[0] (id "peer-1"): "experiences" must contain only non-empty strings',
        ),
        ({**peer(), "id": None}, 'peers[0]: missing "id"'),
        ({k: v for k, v in peer().items() if k != "capacity"}, 'peers[0] (id "peer-1"): missing "capacity"'),
        ({k: v for k, v in peer().items() if k != "timezone"}, 'peers[0] (id "peer-1"): missing "timezone"'),
    ],
)
def test_malformed_peer_is_named(record: dict[str, Any], message: str) -> None:
    with pytest.raises(MatchingInputError) as caught:
        read_problem({"peers": [record], "participants": []})
    assert str(caught.value).startswith(message)


def test_optional_fields_may_be_missing() -> None:
    problem = read_problem(
        {
            "peers": [{"id": 7, "capacity": 3, "languages": ["en"], "timezone": "UTC"}],
            "participants": [{"id": "p", "languages": ["en"], "timezone": "UTC"}],
        }
    )
    assert problem.peers[0].current_caseload == 0
    assert problem.participants[0].current_peer is None
    assert problem.participants[0].peer_gender is None
    result = solve(
        {
            "peers": [{"id": 7, "capacity": 3, "languages": ["en"], "timezone": "UTC"}],
            "participants": [{"id": "p", "languages": ["en"], "timezone": "UTC"}],
        }
    )
    assert result["matched"] == 1
    assert result["assignments"][0]["peer"] == 7


def test_pair_units_match_points() -> None:
    units = UnitWeights.from_weights(Weights())
    person = read_participant(participant(experiences=["grief"]))
    supporter = read_peer(peer(experiences=["grief"]))
    found = pair_units(person, supporter, units)
    assert found is not None
    assert score(person, supporter) == found / SCORE_UNITS_PER_POINT


# Reasons as stored data, and in other languages --------------------------------------------------------


def test_stored_reason_codes_render_to_the_same_words_as_the_reasons() -> None:
    instance = generate(n_participants=60, n_peers=30, seed=5)
    problem = read_problem(instance)
    pairs = 0
    for person in problem.participants:
        for supporter in problem.peers:
            codes = explain_codes(person, supporter)
            assert json.loads(json.dumps(codes)) == codes  # storable as JSON as it is
            assert render_reasons(codes) == explain(person, supporter)
            pairs += bool(codes)
    assert pairs > 1000


def test_stored_reasons_written_as_text_by_older_versions_pass_through() -> None:
    assert render_reasons(["you both speak English", ["languages", ["en"]], ["from-the-future", 1], []]) == [
        "you both speak English",
        "you both speak English",
    ]


def test_reasons_follow_the_installed_translator_and_its_language() -> None:
    language = ["en"]
    use_translations(
        translate=lambda text: text.replace("you", "YOU") if language[0] == "shout" else text,
        language=lambda: language[0],
    )
    try:
        pair = (participant(experiences=["grief"], languages=["en"]), peer(experiences=["grief"]))
        quiet = explain(*pair)
        language[0] = "shout"
        loud = explain(*pair)
        language[0] = "en"
        assert explain(*pair) == quiet  # sentences are cached per language, never across
    finally:
        from django.utils import translation

        use_translations(translate=translate_reason, language=translation.get_language)
    assert quiet == ["you both have lived experience of grief", "you both speak English"]
    assert loud == ["YOU both have lived experience of grief", "YOU both speak English"]


def test_a_translation_with_broken_placeholders_falls_back_to_english() -> None:
    use_translations(translate=lambda text: text.replace("{", "{broken_"), language=lambda: "broken")
    try:
        found = explain(participant(experiences=["grief"]), peer(experiences=["grief"]))
    finally:
        from django.utils import translation

        use_translations(translate=translate_reason, language=translation.get_language)
    assert found[0] == "you both have lived experience of grief"


def test_unassigned_reasons_are_message_ids_when_asked_for_codes() -> None:
    result = solve(
        {"peers": [peer(languages=["fr"])], "participants": [participant(languages=["en"])]}, codes=True
    )
    assert result["unassigned"] == [
        {"participant": "p1", "reason": "no peer shares a language", "reason_code": "unassigned.no_language"}
    ]
    assert unassigned_text("unassigned.no_language") == "no peer shares a language"
    assert unassigned_text("written by hand") == "written by hand"
