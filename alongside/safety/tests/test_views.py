"""The safety plan pages, Get help now, the control in every page's header, the crisis lines
settings and the service worker, through the browser's eyes (Django's test client)."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.models import AuditEvent
from alongside.safety.models import (
    CrisisLine,
    Entry,
    SafetyPlan,
    SafetyPlanLink,
    SafetyPlanShare,
    SafetyPlanSuggestion,
)
from alongside.safety.services import (
    safety_plan_link_create,
    safety_plan_share_with_peer,
    safety_plan_suggest,
    safety_plan_update,
)


def write(persona, **sections: list[Entry]) -> SafetyPlan:
    with scope(organization=persona.organization):
        return safety_plan_update(participant=persona.membership, sections=sections)


def plan_of(persona) -> SafetyPlan:
    with scope(organization=persona.organization):
        return SafetyPlan.objects.get(participant=persona.membership)


def share(alex) -> SafetyPlanShare:
    with scope(organization=alex.organization):
        return safety_plan_share_with_peer(participant=alex.membership)


def section_post(**rows: str) -> dict[str, str]:
    return {"version": rows.pop("version", "0"), **rows}


# The participant's own plan ---------------------------------------------------------------------


def test_an_empty_plan_invites_the_participant_to_start(alex) -> None:
    page = alex.client().get("/safety/plan/").content.decode()
    assert "Start with step 1" in page
    assert 'href="/safety/plan/steps/warning_signs/"' in page


def test_the_plan_page_shows_the_six_steps_reasons_and_the_organizations_crisis_lines(alex) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")], people_to_ask=[Entry("Dana", "617 555 0131")])
    page = alex.client().get("/safety/plan/").content.decode()
    for step in range(1, 7):
        assert f"Step {step}" in page
    assert "My reasons for living" in page
    assert "Not sleeping" in page
    assert 'href="tel:6175550131"' in page
    assert 'href="tel:988"' in page and 'href="sms:741741?&amp;body=HOME"' in page
    assert 'href="tel:911"' in page


def test_the_plan_page_takes_the_same_queries_however_big_the_plan(alex, pat) -> None:
    client = alex.client()
    write(alex, warning_signs=[Entry("One")])
    client.get("/safety/plan/")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/safety/plan/").status_code == 200
    write(
        alex,
        **{
            section: [Entry(f"Line {n}") for n in range(15)]
            for section in ("coping_strategies", "distractions")
        },
    )
    share(alex)
    with scope(organization=alex.organization):
        for n in range(5):
            safety_plan_suggest(
                peer=pat.membership, participant=alex.membership, section="distractions", text=f"Idea {n}"
            )
    with CaptureQueriesContext(connection) as large:
        assert client.get("/safety/plan/").status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_step_is_written_line_by_line_and_the_participant_returns_to_it_on_the_plan(alex) -> None:
    client = alex.client()
    form = client.get("/safety/plan/steps/people_to_ask/").content.decode()
    assert 'name="text_2"' in form and 'name="phone_2"' in form and 'type="tel"' in form
    response = client.post(
        "/safety/plan/steps/people_to_ask/",
        section_post(text_0="Dana, my sister", phone_0="617 555 0131", text_1="", text_2="Mike"),
    )
    assert response.status_code == 302
    assert response["Location"] == "/safety/plan/#step-people_to_ask"
    assert plan_of(alex).entries("people_to_ask") == [Entry("Dana, my sister", "617 555 0131"), Entry("Mike")]


def test_save_and_next_goes_on_to_the_next_step(alex) -> None:
    response = alex.client().post(
        "/safety/plan/steps/warning_signs/", section_post(text_0="Not sleeping", then="next")
    )
    assert response["Location"] == "/safety/plan/steps/coping_strategies/"


def test_steps_without_contacts_take_no_phone_numbers(alex) -> None:
    form = alex.client().get("/safety/plan/steps/warning_signs/").content.decode()
    assert 'name="phone_0"' not in form


def test_an_edit_form_shows_the_lines_already_written_plus_three_empty_ones(alex) -> None:
    write(alex, warning_signs=[Entry("Not sleeping"), Entry("Skipping meetings")])
    form = alex.client().get("/safety/plan/steps/warning_signs/").content.decode()
    assert 'value="Not sleeping"' in form and 'value="Skipping meetings"' in form
    assert 'name="text_4"' in form and 'name="text_5"' not in form


def test_a_bad_phone_number_is_explained_and_nothing_is_saved(alex) -> None:
    response = alex.client().post(
        "/safety/plan/steps/people_to_ask/", section_post(text_0="Dana", phone_0="ring her")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This isn't saved yet." in page and "digits" in page
    assert 'value="ring her"' in page
    with scope(organization=alex.organization):
        assert not SafetyPlan.objects.exists()


def test_a_change_made_elsewhere_meanwhile_is_not_overwritten_and_what_was_typed_stays(alex) -> None:
    write(alex, warning_signs=[Entry("From the phone")])
    response = alex.client().post(
        "/safety/plan/steps/warning_signs/", section_post(version="0", text_0="From the laptop")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "changed in another window" in page
    assert 'value="From the laptop"' in page and 'name="version" value="1"' in page
    assert plan_of(alex).entries("warning_signs") == [Entry("From the phone")]


def test_crisis_language_is_saved_and_the_crisis_lines_are_put_in_view(alex) -> None:
    client = alex.client()
    response = client.post(
        "/safety/plan/steps/warning_signs/", section_post(text_0="I am going to kill myself tonight")
    )
    assert response["Location"] == "/safety/plan/#step-professionals"
    assert plan_of(alex).screening_level == "urgent"
    page = client.get(response["Location"]).content.decode()
    assert "It&#x27;s saved. If you might act on these thoughts now, call 911" in page


def test_an_unknown_step_is_not_found(alex) -> None:
    assert alex.client().get("/safety/plan/steps/hobbies/").status_code == 404


def test_the_print_view_has_the_plan_the_lines_and_the_participants_name(alex) -> None:
    write(alex, reasons_for_living=[Entry("Mia and Leo")])
    page = alex.client().get("/safety/plan/print/").content.decode()
    assert "Safety plan: Alex" in page
    assert "Mia and Leo" in page
    assert "safety-printable" in page and "data-print" in page
    assert "Call 1-800-662-4357" in page
    assert "In an emergency, call 911." in page


def test_history_lists_earlier_versions_and_one_can_be_brought_back(alex) -> None:
    write(alex, warning_signs=[Entry("First words")])
    write(alex, warning_signs=[Entry("Second words")])
    client = alex.client()
    assert 'href="/safety/plan/history/1/"' in client.get("/safety/plan/history/").content.decode()
    assert "First words" in client.get("/safety/plan/history/1/").content.decode()
    response = client.post("/safety/plan/history/1/restore/")
    assert response.status_code == 302
    plan = plan_of(alex)
    assert plan.entries("warning_signs") == [Entry("First words")] and plan.version == 3


def test_a_version_that_does_not_exist_is_not_found(alex) -> None:
    write(alex, warning_signs=[Entry("First words")])
    assert alex.client().get("/safety/plan/history/7/").status_code == 404


def test_the_participant_answers_a_suggestion_from_their_plan(alex, pat) -> None:
    write(alex, coping_strategies=[Entry("Walk")])
    share(alex)
    with scope(organization=alex.organization):
        suggestion = safety_plan_suggest(
            peer=pat.membership, participant=alex.membership, section="coping_strategies", text="Call Pat"
        )
    client = alex.client()
    page = client.get("/safety/plan/").content.decode()
    assert "Pat suggests, for “Things I can do on my own”:" in page
    response = client.post(f"/safety/plan/suggestions/{suggestion.pk}/", {"decision": "accept"})
    assert response["Location"] == "/safety/plan/#step-coping_strategies"
    assert plan_of(alex).entries("coping_strategies") == [Entry("Walk"), Entry("Call Pat")]


def test_someone_elses_suggestion_is_not_found(alex, pat, jordan) -> None:
    write(alex, coping_strategies=[Entry("Walk")])
    share(alex)
    with scope(organization=alex.organization):
        suggestion = safety_plan_suggest(
            peer=pat.membership, participant=alex.membership, section="coping_strategies", text="Call Pat"
        )
    response = jordan.client().post(f"/safety/plan/suggestions/{suggestion.pk}/", {"decision": "accept"})
    assert response.status_code == 404
    with scope(organization=alex.organization):
        assert SafetyPlanSuggestion.objects.get().status == "pending"


# Sharing ---------------------------------------------------------------------------------------


def test_the_participant_shares_with_their_peer_and_stops(alex, pat) -> None:
    client = alex.client()
    assert "Share with Pat" in client.get("/safety/plan/sharing/").content.decode()
    client.post("/safety/plan/sharing/peer/")
    page = client.get("/safety/plan/sharing/").content.decode()
    assert "Stop sharing with Pat" in page
    assert pat.client().get(f"/safety/participants/{alex.membership.pk}/plan/").status_code == 200
    with scope(organization=alex.organization):
        share_id = SafetyPlanShare.objects.get().pk
    client.post(f"/safety/plan/sharing/{share_id}/stop/")
    assert pat.client().get(f"/safety/participants/{alex.membership.pk}/plan/").status_code == 404


def test_a_private_link_is_shown_once_and_opens_the_plan_for_whoever_holds_it(alex, client) -> None:
    write(alex, reasons_for_living=[Entry("Mia and Leo")])
    response = alex.client().post("/safety/plan/sharing/links/", {"label": "Dana", "days": "7"})
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    url = re.search(r'value="(http://testserver/safety/shared/[^"]+/)"', response.content.decode()).group(1)
    shared = client.get(url.removeprefix("http://testserver"))
    assert shared.status_code == 200
    assert "Mia and Leo" in shared.content.decode()
    assert shared["Referrer-Policy"] == "no-referrer" and "noindex" in shared["X-Robots-Tag"]
    assert "no-store" in shared["Cache-Control"]
    sharing = alex.client().get("/safety/plan/sharing/").content.decode()
    assert "Opened 1 time." in sharing
    assert url not in sharing


def test_a_turned_off_link_says_so(alex, client) -> None:
    with scope(organization=alex.organization):
        link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    alex.client().post(f"/safety/plan/sharing/links/{link.pk}/revoke/")
    response = client.get(f"/safety/shared/{raw}/")
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()


def test_an_expired_link_says_so(alex, client) -> None:
    with scope(organization=alex.organization):
        link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=1)
        SafetyPlanLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(f"/safety/shared/{raw}/").status_code == 410


def test_a_made_up_link_is_not_found(client, db) -> None:
    assert client.get("/safety/shared/made-up/").status_code == 404


def test_a_link_without_a_label_is_not_made(alex) -> None:
    response = alex.client().post("/safety/plan/sharing/links/", {"label": "", "days": "7"})
    assert response.status_code == 400
    assert "Say who the link is for" in response.content.decode()
    with scope(organization=alex.organization):
        assert not SafetyPlanLink.objects.exists()


# The peer supporter --------------------------------------------------------------------------------


def test_the_peer_reads_a_shared_plan_and_sends_a_suggestion(alex, pat) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    share(alex)
    client = pat.client()
    assert "Alex" in client.get("/safety/shared-with-me/").content.decode()
    page = client.get(f"/safety/participants/{alex.membership.pk}/plan/").content.decode()
    assert "Not sleeping" in page and "Suggest an addition" in page
    response = client.post(
        f"/safety/participants/{alex.membership.pk}/plan/suggest/",
        {"section": "people_to_ask", "text": "Your cousin Lee", "phone": "555 0177"},
    )
    assert response.status_code == 302
    with scope(organization=alex.organization):
        suggestion = SafetyPlanSuggestion.objects.get()
    assert (suggestion.text, suggestion.phone, suggestion.suggested_by) == (
        "Your cousin Lee",
        "555 0177",
        pat.membership,
    )
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="safety_plan.read", actor=pat.user).count() == 2


def test_a_bad_suggestion_is_explained(alex, pat) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    share(alex)
    response = pat.client().post(
        f"/safety/participants/{alex.membership.pk}/plan/suggest/",
        {"section": "warning_signs", "text": "Tired", "phone": "555 0177"},
    )
    assert response.status_code == 400
    assert "does not take phone numbers" in response.content.decode()


def test_a_plan_not_shared_is_not_found_for_the_peer(alex, pat) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    assert pat.client().get(f"/safety/participants/{alex.membership.pk}/plan/").status_code == 404


def test_another_peer_cannot_open_a_plan_shared_with_someone_else(alex, pat, riley) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    share(alex)
    assert riley.client().get(f"/safety/participants/{alex.membership.pk}/plan/").status_code == 404


# Get help now ---------------------------------------------------------------------------------------


def test_help_shows_the_organizations_lines_to_its_members(alex) -> None:
    with scope(organization=alex.organization):
        CrisisLine.objects.create(
            organization=alex.organization,
            name="Harbor warm line",
            kind="organization",
            phone="617 555 0148",
            position=0,
        )
    page = alex.client().get("/help/").content.decode()
    assert "Harbor warm line" in page and 'href="tel:6175550148"' in page
    assert "Open my safety plan" in page


def test_help_shows_the_static_lines_and_the_emergency_number_to_anyone(client, db) -> None:
    page = client.get("/help/").content.decode()
    assert "988 Suicide &amp; Crisis Lifeline" in page and 'href="tel:911"' in page
    assert "Open my safety plan" not in page


def test_help_shows_another_countrys_lines_on_request(client, db) -> None:
    page = client.get("/help/?country=AU").content.decode()
    assert "Lifeline" in page and "call 000" in page


def test_help_for_an_organization_in_another_country_uses_its_lines(outsider) -> None:
    page = outsider.client().get("/help/").content.decode()
    assert "Samaritans" in page and "call 999" in page


# The control in every participant page's header --------------------------------------------------


def test_every_participant_page_has_help_now_with_lines_plan_and_peer(alex, pat) -> None:
    page = alex.client().get("/").content.decode()
    panel = page[page.index('<details class="help-now-panel">') : page.index("</details>")]
    assert "Get help now" in panel
    assert 'href="tel:911"' in panel and 'href="tel:988"' in panel
    assert 'href="/safety/plan/"' in panel
    assert "Pat" in panel


def test_help_now_shows_the_organizations_own_contact(alex) -> None:
    with scope(organization=alex.organization):
        CrisisLine.objects.create(
            organization=alex.organization,
            name="Harbor warm line",
            kind="organization",
            phone="617 555 0148",
            position=0,
        )
    page = alex.client().get("/").content.decode()
    panel = page[page.index('<details class="help-now-panel">') : page.index("</details>")]
    assert "Harbor warm line" in panel and 'href="tel:6175550148"' in panel


def test_staff_and_visitors_get_the_link_to_the_help_page(pat, client, db) -> None:
    for page in (pat.client().get("/").content.decode(), client.get("/accounts/login/").content.decode()):
        assert '<a class="help-now" href="/help/">' in page
        assert "help-now-panel" not in page


def test_help_now_shows_the_person_on_call_when_the_page_knows_them(alex, rf) -> None:
    template = Template("{% load safety %}{% help_now %}")
    with scope(organization=alex.organization):
        html = template.render(
            Context(
                {"membership": alex.membership, "on_call": {"name": "Sam Okafor", "phone": "617 555 0100"}}
            )
        )
        without = template.render(Context({"membership": alex.membership}))
    assert "On call now" in html and "Sam Okafor" in html and 'href="tel:617 555 0100"' in html
    assert "On call now" not in without


def test_the_navigation_has_my_safety_plan_and_for_admins_crisis_lines(alex, morgan) -> None:
    assert 'href="/safety/plan/"' in alex.client().get("/checkins/").content.decode()
    assert 'href="/safety/crisis-lines/"' in morgan.client().get("/").content.decode()


# Crisis lines settings -----------------------------------------------------------------------------


def test_an_admin_sees_adds_changes_and_removes_lines(morgan) -> None:
    client = morgan.client()
    assert "Crisis Text Line" in client.get("/safety/crisis-lines/").content.decode()
    response = client.post(
        "/safety/crisis-lines/",
        {
            "name": "Harbor warm line",
            "kind": "organization",
            "phone": "617 555 0148",
            "country": "US",
            "position": "0",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    with scope(organization=morgan.organization):
        line = CrisisLine.objects.get(name="Harbor warm line")
    edit = client.get(f"/safety/crisis-lines/{line.pk}/")
    assert 'value="617 555 0148"' in edit.content.decode()
    client.post(
        f"/safety/crisis-lines/{line.pk}/",
        {
            "name": "Harbor warm line",
            "kind": "organization",
            "phone": "617 555 0148",
            "hours": "9 to 9",
            "position": "0",
        },
    )
    with scope(organization=morgan.organization):
        line.refresh_from_db()
    assert (line.hours, line.is_active) == ("9 to 9", False)
    client.post(f"/safety/crisis-lines/{line.pk}/remove/")
    with scope(organization=morgan.organization):
        assert not CrisisLine.objects.filter(name="Harbor warm line").exists()


def test_a_line_with_no_way_to_reach_it_is_refused_on_the_form(morgan) -> None:
    response = morgan.client().post(
        "/safety/crisis-lines/", {"name": "Mystery", "kind": "other", "position": "5"}
    )
    assert response.status_code == 400
    assert "at least one way to reach the line" in response.content.decode()


def test_another_organizations_line_is_not_found(morgan, outsider) -> None:
    with scope(organization=outsider.organization):
        line = CrisisLine.objects.first()
    assert morgan.client().get(f"/safety/crisis-lines/{line.pk}/").status_code == 404


def test_the_usual_lines_can_be_added_back(morgan) -> None:
    with scope(organization=morgan.organization):
        CrisisLine.objects.all().delete()
    client = morgan.client()
    assert "lists no crisis lines" in client.get("/safety/crisis-lines/").content.decode()
    client.post("/safety/crisis-lines/defaults/")
    with scope(organization=morgan.organization):
        assert CrisisLine.objects.count() == 3


# The service worker ------------------------------------------------------------------------------------


def test_the_service_worker_keeps_the_plan_and_help_offline_and_forgets_them_on_sign_out(client, db) -> None:
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "showNotification" in body
    config = json.loads(re.search(r"const CONFIG = (\{.*?\});", body).group(1))
    assert config["pages"] == ["/safety/plan/", "/help/"]
    assert "/static/alongside/css/safety.css" in config["assets"]
    assert (config["signIn"], config["signOut"]) == ("/accounts/login/", "/accounts/logout/")
    assert "forgetOffline" in body


def test_the_offline_pages_ask_to_be_kept_and_other_pages_do_not(alex) -> None:
    client = alex.client()
    assert "data-keep-offline" in client.get("/safety/plan/").content.decode()
    assert "data-keep-offline" in client.get("/help/").content.decode()
    assert "data-keep-offline" not in client.get("/safety/plan/sharing/").content.decode()


@pytest.mark.parametrize("path", ["/safety/plan/", "/safety/plan/print/", "/help/"])
def test_no_script_or_style_is_inline(alex, path) -> None:
    page = alex.client().get(path).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert " style=" not in page


def test_my_data_shows_the_safety_plan_in_the_participants_words(alex) -> None:
    write(alex, reasons_for_living=[Entry("Mia and Leo")])
    client = alex.client()
    assert "Mia and Leo" in client.get("/me/data/summary/").content.decode()
    assert "Mia and Leo" in client.get("/me/data/download.json").content.decode()
