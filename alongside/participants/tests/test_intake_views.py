"""The intake wizard in the browser's shoes: a participant's own, and with staff beside them."""

from __future__ import annotations

from datetime import timedelta

from django.template.loader import render_to_string
from django_scopes import scope

from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.participants.models import ExperienceArea, ParticipantProfile
from alongside.participants.selectors import intake_status
from alongside.participants.services import participant_register
from conftest import make_person

INTAKE = "/participants/intake/"


def step(name: str) -> str:
    return f"{INTAKE}{name}/"


def profile_of(person) -> ParticipantProfile:
    with scope(organization=person.organization):
        return ParticipantProfile.objects.get(participant=person.membership)


def test_a_new_participant_starts_with_the_privacy_explanation(alex) -> None:
    client = alex.client()
    response = client.get(INTAKE)
    assert response["Location"] == step("consent")
    page = client.get(step("consent")).content.decode()
    assert "Who can see what" in page
    assert "encrypted" in page
    assert "deleted" in page


def test_later_steps_wait_until_the_participant_has_agreed(alex) -> None:
    client = alex.client()
    assert client.get(step("about"))["Location"] == step("consent")
    response = client.post(step("about"), {"focus": "both", "action": "next"})
    assert response["Location"] == step("consent")


def test_not_ticking_the_box_explains_why_and_keeps_nothing(alex) -> None:
    response = alex.client().post(step("consent"), {"action": "next"})
    assert response.status_code == 400
    assert "Please tick the box to agree" in response.content.decode()
    assert profile_of(alex).consented_at is None


def test_next_saves_each_step_and_coming_back_continues_there(alex) -> None:
    client = alex.client()
    assert client.post(step("consent"), {"consent": "on", "action": "next"})["Location"] == step("about")
    response = client.post(
        step("about"),
        {"focus": "both", "languages": ["en", "es"], "gender": "", "age_band": "", "action": "next"},
    )
    assert response["Location"] == step("experiences")
    assert profile_of(alex).languages == ["en", "es"]
    # Leaving and coming back later (a new session) continues at the step where they stopped.
    assert alex.client().get(INTAKE)["Location"] == step("experiences")


def test_back_keeps_what_was_typed_and_shows_the_step_before(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    response = client.post(step("about"), {"focus": "mental_health", "action": "back"})
    assert response["Location"] == step("consent")
    page = client.get(step("about")).content.decode()
    assert 'value="mental_health" id="id_focus_0" checked' in page
    assert profile_of(alex).focus == "mental_health"


def test_skip_moves_on_without_saving_the_step(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    response = client.post(step("about"), {"focus": "both", "action": "skip"})
    assert response["Location"] == step("experiences")
    assert profile_of(alex).focus == ""


def test_a_recovery_date_in_the_future_gets_a_clear_error_and_changes_nothing(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    tomorrow = today_of(alex.membership) + timedelta(days=1)
    response = client.post(
        step("recovery"), {"recovery_start": tomorrow.isoformat(), "tracks_medication": "on"}
    )
    assert response.status_code == 400
    assert "can&#x27;t be in the future" in response.content.decode()
    profile = profile_of(alex)
    assert (profile.recovery_start, profile.tracks_medication) == (None, False)


def test_the_experience_step_offers_the_organizations_shown_areas_in_order(alex, morgan) -> None:
    with scope(organization=alex.organization):
        ExperienceArea.objects.filter(slug="grief").update(is_active=False)
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    page = client.get(step("experiences")).content.decode()
    assert "Opioids" in page
    assert "Grief and loss" not in page
    assert page.index("Alcohol") < page.index("Opioids")


def test_the_weekly_times_are_an_accessible_grid(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    page = client.get(step("meeting")).content.decode()
    assert page.count('name="availability"') == 28
    assert '<th scope="row">Monday</th>' in page
    assert '<span class="visually-hidden">Monday, Morning (6–12)</span>' in page
    response = client.post(
        step("meeting"),
        {
            "meeting_formats": ["phone"],
            "availability": ["mon-morning", "sun-night"],
            "timezone": "America/New_York",
        },
    )
    assert response.status_code == 302
    assert profile_of(alex).availability == ["mon-morning", "sun-night"]


def test_crisis_language_in_what_they_hope_for_is_saved_and_leads_to_help(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    response = client.post(step("hopes"), {"hopes": "i want to kill myself tonight, i have a plan"})
    assert response["Location"].startswith("/crisis/help/")  # the help screen for the incident it raised
    profile = profile_of(alex)
    assert profile.hopes_screening_level == "urgent"
    assert profile.intake_step == "summary"


def test_the_summary_shows_the_answers_and_finish_completes_intake(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    client.post(step("about"), {"focus": "substance_use", "languages": ["es"]})
    client.post(step("hopes"), {"hopes": "Stay clean for my kids."})
    page = client.get(step("summary")).content.decode()
    assert "Substance use" in page
    assert "Spanish" in page
    assert "Stay clean for my kids." in page
    assert f'href="{step("about")}?return=summary"' in page
    response = client.post(step("summary"))
    assert response["Location"] == "/"
    assert profile_of(alex).intake_completed_at is not None
    assert client.get(INTAKE)["Location"] == step("summary")


def test_changing_an_answer_from_the_summary_returns_to_the_summary(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    page = client.get(step("about") + "?return=summary").content.decode()
    assert 'name="return" value="summary"' in page
    response = client.post(step("about"), {"focus": "both", "return": "summary"})
    assert response["Location"] == step("summary")


def test_an_unknown_step_is_not_found(alex) -> None:
    assert alex.client().get(step("nonsense")).status_code == 404


def test_the_home_card_invites_to_continue_until_intake_is_finished(alex) -> None:
    with scope(organization=alex.organization):
        fresh = render_to_string("participants/_intake_card.html", {"intake": intake_status(alex.membership)})
    assert "Tell us a little about you" in fresh
    assert 'href="/participants/intake/"' in fresh
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    with scope(organization=alex.organization):
        started = render_to_string(
            "participants/_intake_card.html", {"intake": intake_status(alex.membership)}
        )
    assert "step 2 of 7" in started
    client.post(step("summary"))
    with scope(organization=alex.organization):
        done = render_to_string("participants/_intake_card.html", {"intake": intake_status(alex.membership)})
        assert intake_status(make_person("sam", alex.organization, Role.SUPERVISOR).membership) is None
    assert done.strip() == ""


def test_a_peer_fills_in_intake_with_someone_on_their_caseload(alex, pat) -> None:
    client = pat.client()
    response = client.get(f"/participants/{alex.membership.pk}/intake/")
    assert response["Location"] == f"/participants/{alex.membership.pk}/intake/consent/"
    page = client.get(response["Location"]).content.decode()
    assert "Alex has heard how their information is used, and agrees" in page
    client.post(response["Location"], {"consent": "on"})
    profile = profile_of(alex)
    assert profile.consented_at is not None


def test_a_peer_cannot_open_the_intake_of_someone_not_theirs(alex, riley) -> None:
    assert riley.client().get(f"/participants/{alex.membership.pk}/intake/consent/").status_code == 404


def test_staff_who_registered_a_walk_in_help_with_intake_until_it_is_finished(riley, harbor) -> None:
    with scope(organization=harbor):
        walk_in = participant_register(actor=riley.membership, display_name="Sol", language="en").participant
    client = riley.client()
    base = f"/participants/{walk_in.pk}/intake/"
    client.post(base + "consent/", {"consent": "on"})
    client.post(base + "about/", {"focus": "mental_health"})
    response = client.post(base + "summary/")
    assert response["Location"] == "/participants/register/"
    with scope(organization=harbor):
        assert ParticipantProfile.objects.get(participant=walk_in).intake_completed_at is not None
    # Once finished, the answers are the participant's; this peer is not their peer supporter.
    assert client.get(base + "about/").status_code == 404


def test_staff_see_a_finished_intake_read_only(alex, pat) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    client.post(step("summary"))
    base = f"/participants/{alex.membership.pk}/intake/"
    staff = pat.client()
    assert staff.get(base + "about/")["Location"] == base + "summary/"
    page = staff.get(base + "summary/").content.decode()
    assert "Only they can change these answers now" in page
    assert "?return=summary" not in page


def test_another_organizations_participant_is_not_found(alex, outsider) -> None:
    response = outsider.client().get(f"/participants/{alex.membership.pk}/intake/consent/")
    assert response.status_code == 404


def test_after_the_privacy_terms_change_the_participant_is_asked_again(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    client.post(step("summary"))
    with scope(organization=alex.organization):
        ParticipantProfile.objects.filter(participant=alex.membership).update(consent_version="older")
    assert client.get(step("about"))["Location"] == step("consent")
    assert client.post(step("consent"), {"consent": "on"}).status_code == 302
    assert client.get(step("about")).status_code == 200


def test_a_hidden_area_already_chosen_is_shown_as_no_longer_offered(alex) -> None:
    client = alex.client()
    client.post(step("consent"), {"consent": "on"})
    with scope(organization=alex.organization):
        grief = ExperienceArea.objects.get(slug="grief")
    client.post(step("experiences"), {"experience_ids": [grief.pk]})
    with scope(organization=alex.organization):
        ExperienceArea.objects.filter(pk=grief.pk).update(is_active=False)
    assert "Grief and loss (no longer offered)" in client.get(step("experiences")).content.decode()
