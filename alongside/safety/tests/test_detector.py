"""Behaviour of the crisis-screening engine, one idea per test. Pure Python: no database, no Django."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alongside.safety.detector import LEVELS, Screening, screen
from alongside.safety.detector import engine as engine_module
from alongside.safety.detector.anchors import max_tokens
from alongside.safety.detector.lexicon import find_all
from alongside.safety.detector.normalize import analyse

# --------------------------------------------------------------------------- the result type


def test_levels_are_ordered_from_least_to_most_serious():
    assert LEVELS == ("none", "concern", "urgent")


def test_screening_is_frozen_and_normalises_categories():
    result = Screening("concern", categories=("suicide", "abuse", "suicide"), reasons=['concern: "x"'])
    assert result.categories == ("abuse", "suicide")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = "urgent"  # type: ignore[misc]


def test_screening_rejects_unknown_levels():
    with pytest.raises(ValueError):
        Screening("maybe")


def test_to_dict_is_json_ready():
    result = screen("i took all my pills")
    data = result.to_dict()
    assert set(data) == {"level", "categories", "reasons"}
    assert isinstance(data["categories"], list) and isinstance(data["reasons"], list)
    assert json.loads(json.dumps(data)) == data


def test_reasons_quote_the_writers_own_words():
    result = screen("ok so i TOOK ALL MY PILLS like an hour ago")
    assert result.level == "urgent"
    assert result.reasons[0].startswith('urgent: "')
    assert '"TOOK ALL MY PILLS"' in result.reasons[0]


def test_slang_is_quoted_as_written_not_as_normalised():
    result = screen("gonna kms tn")
    assert result.level == "urgent"
    assert any('"kms"' in reason for reason in result.reasons)


def test_empty_and_blank_text_is_none():
    for text in ("", " ", "\n\t", "😂😂"):
        assert screen(text) == Screening("none")


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError):
        screen(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the examples in the issue

URGENT = [
    "i took all my pills",
    "I'm about to end my life",
    "im gonna kms tonight",
    "my friend says he's going to kill himself tonight",
    "gonna unalive myself when everyone's asleep",
    "ctb tonight",
    "i'm going to off myself",
    "wrote my goodbye letters and gave my cat to my sister",
    "i have the rope and tonight is the night",
    "my boyfriend isn't breathing after he shot up",
    "he said he'll kill me, he has a gun",
    "i'm going to stab him when he gets home",
    "quiero matarme",
    "me voy a quitar la vida",
    "tomé todas las pastillas",
]

CONCERN = [
    "i just want to not be here anymore",
    "i want to disappear forever",
    "sewerslide thoughts again",
    "i feel hopeless, nothing is ever going to change",
    "the urge to cut is so strong",
    "cravings are brutal today",
    "i relapsed last night",
    "my partner hits me",
    "we are getting evicted next month",
    "the voices are back",
    "me quiero morir",
    "no quiero vivir",
    "ya no aguanto más",
    "recaí",
    "me van a desalojar",
    "i wont lie, i want to die",
    "dont want to live anymore",
    "i wish i was dead",
    "suicde is on my mind a lot",
]

NONE = [
    "this exam is murdering me",
    "I'd kill for a nap",
    "my laptop just died",
    "dying to see the new movie",
    "that joke killed me",
    "I could murder a burger",
    "I had suicidal thoughts years ago, I'm in a good place now",
    "going to an overdose response class on saturday",
    "a workshop on preventing suicide",
    "I won't hurt myself, I promise",
    "i'm not going to kill myself",
    "90 days sober today",
    "me muero de risa",
    "mataría por un café",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent_examples(text):
    assert screen(text).level == "urgent", screen(text)


@pytest.mark.parametrize("text", CONCERN)
def test_concern_examples_are_flagged_but_not_urgent(text):
    assert screen(text).level == "concern", screen(text)


@pytest.mark.parametrize("text", NONE)
def test_ordinary_examples_are_not_flagged(text):
    assert screen(text).level == "none", screen(text)


def test_talk_about_another_persons_past_is_at_most_concern():
    assert screen("my friend's brother died by suicide last year").level in ("none", "concern")


# --------------------------------------------------------------------------- context rules


def test_negation_drops_a_statement_but_not_a_second_clause():
    assert screen("i'm not going to kill myself").level == "none"
    assert screen("i'm not going to kill myself but i want to die").level == "concern"
    assert screen("i wont lie i want to die").level == "concern"


def test_negation_with_remaining_distress_stays_concern():
    assert screen("i won't hurt myself, but i'm really struggling tonight").level == "concern"


def test_negation_words_that_are_the_risk_itself_are_not_negation():
    assert screen("i will not be alive by tomorrow").level == "urgent"
    assert screen("i can't promise i'll be safe tonight").level == "urgent"
    assert screen("i don't want to wake up tomorrow").level == "concern"


def test_past_and_recovered_experience_is_not_flagged():
    assert screen("When I was 15 I wanted to die. I'm 34 now and so glad I stayed.").level == "none"
    assert screen("back when i was using i overdosed twice").level == "none"
    assert screen("i used to cut in high school, haven't in over a decade").level == "none"


def test_recent_past_keeps_its_weight():
    assert screen("i tried to kill myself last night").level == "urgent"
    assert screen("i overdosed last month and i'm still shaken").level == "concern"


def test_anniversaries_are_not_recent():
    assert screen("five years ago today i tried to kill myself. today i'm celebrating").level == "none"


def test_third_party_danger_is_urgent_and_third_party_history_is_not():
    assert screen("my sister said she's going to jump off the bridge tonight").level == "urgent"
    assert screen("my sister tried to kill herself years ago").level == "none"
    assert screen("my brother keeps saying he wants to die").level == "concern"


def test_training_and_media_framing():
    assert screen("our training covered suicide warning signs").level == "none"
    assert screen("reading a memoir, the overdose chapter was rough").level == "none"


def test_idioms_about_parents_are_idioms_unless_there_is_a_real_threat():
    assert screen("my mom is gonna kill me when she sees this tattoo").level == "none"
    assert (
        screen("my stepdad is gonna kill me when he gets home, he threatened me with a knife").level
        == "urgent"
    )


def test_a_wish_becomes_urgent_with_means_or_timing():
    assert screen("i want to die").level == "concern"
    assert screen("i want to die tonight").level == "urgent"
    assert screen("i want to die and i have a knife next to me").level == "urgent"


def test_preparations_count_in_pairs():
    assert screen("thanks for everything, love you all").level == "none"
    assert screen("gave away my guitar. thanks for everything").level == "urgent"


def test_spanish_is_screened_whatever_the_locale():
    for locale in ("en", "es", "es-MX", "fr"):
        assert screen("me quiero matar esta noche", locale).level == "urgent"


def test_spanish_person_is_read_from_the_verb():
    # Someone else's stated wish or intent, present or future, is reported as danger to them ...
    # A friend's wish to die is concern in both languages; their stated intent is urgent.
    assert screen("mi amigo dice que se quiere morir").level == "concern"
    assert screen("mi amigo dice que se quiere matar").level == "urgent"
    assert screen("my friend says he wants to die").level == "concern"
    assert screen("my friend says he wants to kill himself").level == "urgent"
    assert (
        screen("mi hermana me escribió que se va a quitar la vida y no contesta el teléfono").level
        == "urgent"
    )
    # ... but not when it is told as the past.
    assert screen("mi amigo se quería matar cuando era adolescente, ahora está bien").level == "none"
    assert screen("me quiero morir").level == "concern"
    assert screen("mi esposo dice que me va a matar").level == "urgent"


def test_misspellings_stretched_letters_and_censoring():
    assert screen("i want to dieeeee tonite").level == "urgent"
    assert screen("im going to commit suicde").level == "urgent"
    assert screen("i want to k*ll myself").level == "urgent"
    assert screen("relasped again").level == "concern"


def test_locale_decides_ambiguous_chat_letters():
    assert analyse("u ok", "en").tokens[0] == "you"
    assert analyse("q haces", "es").tokens[0] == "que"


def test_categories_name_what_was_found():
    assert "overdose" in screen("just took a whole pack of paracetamol").categories
    assert "housing" in screen("sleeping in my car since the eviction").categories
    assert "abuse" in screen("he hits me when he drinks").categories
    assert "substance_use" in screen("i relapsed yesterday").categories
    assert screen("i relapsed yesterday").categories == ("substance_use",)


def test_a_past_verb_inside_the_words_dates_them():
    # "wanted to die" is told in the past, and the writer says they are well now.
    text = "I had a dark period after my divorce, wanted to die most days. I'm doing well now."
    assert screen(text).level == "none"
    assert screen("i wanted to die all weekend").level == "concern"


def test_spanish_imperfect_tells_a_habit_that_is_over():
    text = "en mi adolescencia me cortaba y pensaba en suicidarme; hoy tengo 40 y una vida tranquila"
    assert screen(text, "es").level == "none"


def test_thinking_about_is_a_thought_not_intent():
    assert screen("i've been thinking about suicide a lot lately").level == "concern"


def test_two_rules_on_the_same_words_are_one_weak_signal():
    assert screen("Took my meds, ate breakfast, went for a walk. small wins").level == "none"
    assert screen("put my affairs in order, updated my will. just waiting now").level == "urgent"


def test_abuse_needs_the_writer_as_the_one_it_is_done_to():
    assert screen("My wife screams at me and threw a plate at me last week").level == "concern"
    assert screen("he broke my arm last year and i still live with him").level == "concern"
    assert screen("took my meds and my vitamins").level == "none"


def test_a_laugh_makes_a_death_wish_hyperbole_unless_something_else_is_wrong():
    assert screen("this cold is so bad i want to die lmao, someone bring me soup").level == "none"
    assert screen("qué flojera el lunes, me quiero morir jaja", "es").level == "none"
    assert screen("i want to die lol nobody cares about me").level == "concern"


def test_someone_elses_crisis_told_as_handled_is_not_a_danger_now():
    text = (
        "Today a guy at the drop-in told me he'd been thinking of ending it. We called the crisis team "
        "together and he's getting support."
    )
    assert screen(text).level == "none"


def test_a_quoted_song_line_is_the_songs_not_the_writers():
    assert screen("la canción dice 'quiero morir en tus brazos' y me encanta", "es").level == "none"
    assert screen("can't stop listening to that song that goes 'i wanna die young'").level == "none"


def test_quotation_marks_end_a_clause():
    text = "my friend sent a pic of pills and said 'goodbye everyone' and now shes not answering"
    assert screen(text).level == "urgent"
    assert analyse("he said 'bye' ok").quoted


def test_doubled_letters_are_only_undone_towards_risk_words():
    assert analyse("that's odd").tokens[-1] == "odd"
    assert analyse("a peer").tokens[-1] == "peer"
    assert analyse("i want to diee").tokens[-1] == "die"
    assert screen("when i was a teen i tried to kill myself, now i help others").level == "none"


def test_being_at_a_height_right_now_is_urgent_and_an_errand_there_is_not():
    assert screen("i'm standing on the overpass by the mall rn").level == "urgent"
    assert screen("i'm on the roof fixing the gutters right now").level == "none"
    assert screen("heading to the bridge for the fireworks tonight").level == "none"


def test_plus_and_ampersand_join_like_and():
    assert analyse("pills + the wine").tokens == ["pills", "and", "the", "wine"]
    assert screen("took the whole blister pack of my sleeping tablets + the wine").level == "urgent"


def test_fear_of_losing_housing_is_still_a_housing_concern():
    assert screen("im scared my landlord is going to change the locks while im at work").level == "concern"


def test_an_honest_no_to_a_reported_question_is_a_denial():
    text = "the nurse asked whether i'd thought about suicide and honestly i haven't"
    assert screen(text).level == "none"


def test_giving_away_paraphernalia_in_recovery_is_not_a_preparation():
    assert (
        screen("finally gave away my old bong to my cousin, dont need it anymore in recovery").level == "none"
    )


# --------------------------------------------------------------------------- families of wording (2026-11-23, round 2)


def test_one_preparation_on_its_own_is_worth_a_look():
    assert screen("i won't be here for my birthday").level == "concern"
    assert screen("picked the date for the wedding!! june 14th").level == "none"


def test_a_bare_tonight_turns_a_decision_into_a_plan():
    assert screen("i've made up my mind. tonight.").level == "urgent"
    assert screen("i've decided. tonight i'm telling my sponsor everything").level == "none"


def test_knowing_how_and_when_is_a_plan_on_its_own():
    assert screen("i'm not scared anymore. i know exactly how and when").level == "urgent"
    assert screen("i know exactly how and when i'm going to tell my boss").level == "none"


def test_a_goodbye_written_to_the_reader_is_the_writers():
    text = "i need you to know none of this is your fault. i love you. goodbye"
    assert screen(text).level == "urgent"


def test_a_method_can_be_told_without_naming_it():
    assert (
        screen("going down to the beach tonight and im gonna keep walking till my feet don't touch").level
        == "urgent"
    )
    assert screen("the gas is on and i closed all the windows").level == "urgent"
    assert screen("i'm at the beach right now with my sister and the water is perfect").level == "none"


def test_an_overdose_can_be_told_as_an_amount_or_a_place():
    assert (
        screen("took everything in the medicine cabinet about an hour ago. i'm so sleepy").level == "urgent"
    )
    assert screen("already swallowed half of them. idk if i should take the rest").level == "urgent"
    assert (
        screen("took everything out of the cabinet to clean it, found cough syrup from 2019 lol").level
        == "none"
    )
    assert screen("took a whole bottle of water to the park and still ran out").level == "none"


def test_spanish_farewells_and_their_ordinary_twins():
    assert screen("perdónenme por todo, esta es mi despedida. los quiero mucho", "es").level == "urgent"
    assert screen("me despido del grupo por unas semanas porque me voy de viaje", "es").level == "none"
    assert screen("compré una soga para el columpio de los niños", "es").level == "none"


def test_a_long_run_on_sentence_is_matched_in_windows_with_the_same_result(monkeypatch):
    text = " ".join(
        [
            "i took extra of my anxiety meds to knock myself out lowkey wish a truck would hit me",
            "this headache is killing me i'm going to kill this workout my roommate od'd and she won't wake up",
            "killing time before my meeting starts left notes for the whole team before my vacation",
            "i want to hurt myself but i won't running the car in the garage with the door shut",
        ]
        * 3
    )
    assert len(analyse(text).tokens) >= engine_module._LONG
    windowed = screen(text)
    monkeypatch.setattr(engine_module, "_WINDOW", 10**6)
    assert screen(text) == windowed


# --------------------------------------------------------------------------- engineering properties


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=400))
def test_never_raises_and_is_deterministic(text):
    first = screen(text)
    assert first.level in LEVELS
    assert first == screen(text)
    assert list(first.categories) == sorted(set(first.categories))


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz áéñ.,!?'’\n")), max_size=300))
def test_never_raises_on_word_like_text(text):
    assert screen(text, "es").level in LEVELS


# Characters that tend to break text handling: lone surrogates, combining marks, zero-width and
# direction marks, fullwidth letters, emoji joined with ZWJ, ligatures, control characters, quotes.
_ODD = st.one_of(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.sampled_from(["\u200b", "\u200d", "\u202e", "\ufeff", "\u2028", "\x00", "\x1c", "\x85", "\r"]),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.sampled_from(["👨‍👩‍👧", "💀", "😂", "ﬁ", "ǅ", "İ", "ß", "'", "‘", "’", '"', "«", "&", "+", "-", "…"]),
    st.sampled_from(["kill", "myself", "die", "me", "quiero", "morir", "i", "am", " ", ".", ",", "\n"]),
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(_ODD, max_size=120).map("".join), st.sampled_from(["en", "es", "es-MX", "fr", "", "EN_gb"]))
def test_never_raises_on_odd_unicode_and_returns_a_valid_screening(text, locale):
    result = screen(text, locale)
    assert result.level in LEVELS
    assert all(isinstance(reason, str) for reason in result.reasons)
    assert list(result.categories) == sorted(set(result.categories))
    assert result == screen(text, locale)


def test_derived_stems_never_skip_a_match():
    """Every part's index stems must occur in any text it matches, its first word must be one it is
    indexed by, and the match must cover no more tokens than max_tokens says, or the index would hide
    matches (checked on every labelled set)."""
    texts = []
    for path in sorted(_EVAL_FILE.parent.glob("screening_*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    texts += URGENT + CONCERN + NONE
    for text in texts:
        doc = analyse(text)
        for _, part in engine_module.PARTS:
            for start, end in find_all(part.regex, doc.norm):
                first, last = doc.token_range(start, end)
                words = doc.tokens[first:last]
                if part.stems is not None:
                    assert any(w.startswith(tuple(part.stems)) for w in words), (
                        part.regex.pattern[:80],
                        text,
                    )
                bound = max_tokens(part.regex)
                if bound is not None:  # the span _hits allows for the part's stem must hold the match
                    assert last - first <= bound, (part.regex.pattern[:80], text)
                if part.first is not None:
                    head = words[0]
                    assert any(head == s if exact else head.startswith(s) for s, exact in part.first), (
                        part.regex.pattern[:80],
                        text,
                    )


def test_the_detector_imports_nothing_from_django_or_the_rest_of_alongside():
    code = (
        "import sys, alongside.safety.detector as d, alongside.safety.detector.cli; "
        "bad = sorted(m for m in sys.modules if m.startswith('django') or "
        "(m.startswith('alongside') and not m.startswith('alongside.safety.detector') "
        "and m not in ('alongside', 'alongside.safety'))); print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


_EVAL_FILE = __import__("pathlib").Path(__file__).parent / "data" / "screening_eval.jsonl"
