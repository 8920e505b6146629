"""The wellness toolbox, triggers and early warning signs: own words, private by default,
shared with the peer supporter section by section."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django_scopes import scopes_disabled

from alongside.core.models import AuditEvent
from alongside.plans.models import WellnessEntry
from alongside.plans.selectors import plan_page, wellness_page
from alongside.plans.services import (
    plan_sharing_update,
    wellness_entry_add,
    wellness_entry_remove,
    wellness_entry_update,
)


@pytest.fixture
def alex_toolbox(alex, in_harbor):
    def add(section: str, text: str, response: str = "") -> WellnessEntry:
        return wellness_entry_add(participant=alex.membership, section=section, text=text, response=response)

    return [
        add("toolbox", "A walk by the water"),
        add("triggers", "Arguments with my brother", "Step outside and text Pat"),
        add("warning_signs", "Skipping meals", "Tell Pat"),
    ]


def test_entries_are_stored_encrypted_in_the_participants_own_words(alex_toolbox) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text, response FROM plans_wellnessentry WHERE section = 'triggers'")
        text, response = cursor.fetchone()
    assert text.startswith("enc1:") and response.startswith("enc1:")
    assert WellnessEntry.objects.get(section="triggers").response == "Step outside and text Pat"


def test_every_section_is_private_until_the_participant_shares_it(alex, pat, alex_toolbox) -> None:
    page = plan_page(viewer=pat.membership, participant=alex.membership, include_shared=True)
    assert page.visible_sections == frozenset()
    assert page.wellness == {}


def test_the_peer_sees_only_the_sections_shared_with_them(alex, pat, alex_toolbox) -> None:
    plan_sharing_update(participant=alex.membership, sections={"toolbox": True, "warning_signs": True})
    page = plan_page(viewer=pat.membership, participant=alex.membership, include_shared=True)
    assert set(page.wellness) == {"toolbox", "warning_signs"}
    shown = [entry.text for entries in page.wellness.values() for entry in entries]
    assert "Arguments with my brother" not in shown
    assert page.job_applications == [] and "work" not in page.visible_sections


def test_supervisors_never_see_the_toolbox_even_when_shared_with_the_peer(alex, sam, alex_toolbox) -> None:
    plan_sharing_update(
        participant=alex.membership, sections={"toolbox": True, "triggers": True, "work": True}
    )
    page = plan_page(viewer=sam.membership, participant=alex.membership, include_shared=True)
    assert page.wellness == {} and page.visible_sections == frozenset()


def test_sharing_one_section_leaves_the_others_as_they_were(alex, in_harbor) -> None:
    plan_sharing_update(participant=alex.membership, sections={"toolbox": True, "work": True})
    plan = plan_sharing_update(participant=alex.membership, sections={"work": False})
    assert (plan.share_toolbox, plan.share_work, plan.share_triggers) == (True, False, False)
    with pytest.raises(ValidationError):
        plan_sharing_update(participant=alex.membership, sections={"diary": True})
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="plan.sharing.update", subject=alex.membership).count() == 2


def test_the_wellness_page_shows_each_section_with_its_sharing(alex, alex_toolbox) -> None:
    plan_sharing_update(participant=alex.membership, sections={"toolbox": True})
    page = wellness_page(participant=alex.membership)
    assert [(s.section, len(s.entries), s.shared) for s in page.sections] == [
        ("toolbox", 1, True),
        ("triggers", 1, False),
        ("warning_signs", 1, False),
    ]


@pytest.mark.parametrize(
    ("section", "text", "field"),
    [("toolbox", "", "text"), ("diary", "Something", "section"), ("toolbox", "w" * 5001, "text")],
)
def test_bad_entries_are_refused_and_nothing_is_saved(alex, in_harbor, section, text, field) -> None:
    with pytest.raises(ValidationError) as caught:
        wellness_entry_add(participant=alex.membership, section=section, text=text)
    assert field in caught.value.message_dict
    assert not WellnessEntry.objects.exists()


def test_an_entry_is_changed_or_removed_only_by_its_owner(alex, jordan, alex_toolbox) -> None:
    entry = alex_toolbox[0]
    wellness_entry_update(
        participant=alex.membership, entry=entry, text="A long walk by the water", response=""
    )
    assert WellnessEntry.objects.get(pk=entry.pk).text == "A long walk by the water"
    with pytest.raises(PermissionDenied):
        wellness_entry_update(participant=jordan.membership, entry=entry, text="mine now", response="")
    with pytest.raises(PermissionDenied):
        wellness_entry_remove(participant=jordan.membership, entry=entry)
    wellness_entry_remove(participant=alex.membership, entry=entry)
    assert not WellnessEntry.objects.filter(pk=entry.pk).exists()


def test_crisis_language_in_a_warning_sign_is_screened(alex, in_harbor) -> None:
    entry = wellness_entry_add(
        participant=alex.membership,
        section="warning_signs",
        text="i have the pills in my hand and im going to take them all tonight",
    )
    assert entry.screening_level == "urgent"
