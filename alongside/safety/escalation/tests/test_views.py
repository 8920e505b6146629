"""Crisis pages: what the writer sees after urgent words, what responders see and do, the
rota, and who may see which incident."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from alongside.accounts.models import Organization
from alongside.core.models import AuditEvent
from alongside.safety.escalation.models import Alert, Incident, OnCallShift
from config.asgi import application
from conftest import Persona

pytestmark = pytest.mark.django_db

URGENT = "I can't go on. I have a plan to end my life tonight"


def check_in(person: Persona, note: str = URGENT):
    return person.client().post(reverse("checkin_today"), {"mood": "1", "note": note, "wants_to_talk": "on"})


def the_incident(org: Organization) -> Incident:
    with scope(organization=org):
        return Incident.objects.select_related("participant").get()


def test_urgent_words_take_the_writer_to_help_with_what_they_wrote_saved(
    alex: Persona, pat: Persona, sam: Persona
) -> None:
    response = check_in(alex)
    incident = the_incident(alex.organization)
    assert response.status_code == 302
    assert response["Location"] == reverse("crisis_now", args=[incident.pk])
    page = alex.client().get(response["Location"]).content.decode()
    assert "What you wrote is saved" in page
    assert "988" in page  # the organization's country lines
    assert reverse("safety_plan") in page
    assert f"Ask {pat.user.shown_name} (my peer supporter) to reach me now" in page
    assert "I&#x27;m safe right now" in page or "I'm safe right now" in page
    with scope(organization=alex.organization):
        assert alex.membership.checkins.get().note == URGENT  # nothing lost


def test_the_writer_says_they_are_safe_and_their_peer_hears_it(alex: Persona, pat: Persona) -> None:
    check_in(alex)
    incident = the_incident(alex.organization)
    alex.client().post(reverse("crisis_safe", args=[incident.pk]))
    page = pat.client().get(reverse("incident_detail", args=[incident.pk])).content.decode()
    assert "They said they are safe right now" in page


def test_another_participant_cannot_open_someones_help_screen(
    alex: Persona, pat: Persona, jordan: Persona
) -> None:
    check_in(alex)
    incident = the_incident(alex.organization)
    assert jordan.client().get(reverse("crisis_now", args=[incident.pk])).status_code == 404


def test_an_alerted_responder_sees_a_banner_on_every_page_until_someone_acknowledges(
    alex: Persona, pat: Persona, sam: Persona
) -> None:
    check_in(alex)
    incident = the_incident(alex.organization)
    home = sam.client().get(reverse("home")).content.decode()
    assert "Urgent: Alex needs someone now" in home
    detail = sam.client().get(reverse("incident_detail", args=[incident.pk])).content.decode()
    assert "I can&#x27;t go on. I have a plan to end my life tonight" in detail  # the message in context
    assert "Acknowledge: I" in detail
    with scope(organization=alex.organization):
        assert Alert.objects.get(incident=incident, recipient=sam.membership).seen_at is not None
        assert AuditEvent.objects.filter(action="incident.view", actor=sam.user).exists()
    sam.client().post(reverse("incident_acknowledge", args=[incident.pk]))
    assert "needs someone now" not in pat.client().get(reverse("home")).content.decode()
    detail = pat.client().get(reverse("incident_detail", args=[incident.pk])).content.decode()
    assert f"{sam.user.shown_name} acknowledged" in detail


def test_the_timeline_records_contact_notes_and_the_outcome(
    alex: Persona, pat: Persona, sam: Persona
) -> None:
    check_in(alex)
    incident = the_incident(alex.organization)
    client = pat.client()
    client.post(reverse("incident_acknowledge", args=[incident.pk]))
    client.post(reverse("incident_record", args=[incident.pk]), {"kind": "contacted", "detail": "Phoned him"})
    bad = client.post(
        reverse("incident_record", args=[incident.pk]), {"kind": "note", "detail": ""}, follow=True
    )
    assert "Write the note before saving it." in bad.content.decode()
    client.post(
        reverse("incident_close", args=[incident.pk]), {"outcome": "safe_with_plan", "note": "With family"}
    )
    page = sam.client().get(reverse("incident_detail", args=[incident.pk])).content.decode()
    for words in ("Detected", "Alert sent", "Acknowledged", "Contact made", "Phoned him", "Closed"):
        assert words in page
    with scope(organization=alex.organization):
        assert incident.events.filter(kind="note").count() == 0  # the empty note changed nothing


def test_a_peer_sees_only_incidents_of_people_they_walk_with(
    alex: Persona, pat: Persona, riley: Persona, jordan: Persona
) -> None:
    check_in(alex)
    incident = the_incident(alex.organization)
    assert riley.client().get(reverse("incident_detail", args=[incident.pk])).status_code == 404
    assert "Alex" not in riley.client().get(reverse("incident_list")).content.decode()
    assert pat.client().get(reverse("incident_detail", args=[incident.pk])).status_code == 200


def test_staff_see_a_warning_when_nobody_is_on_call(harbor: Organization, sam: Persona, pat: Persona) -> None:
    assert "Nobody is on call right now" in sam.client().get(reverse("home")).content.decode()
    with scope(organization=harbor):
        OnCallShift.objects.create(
            organization=harbor,
            member=sam.membership,
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now() + timedelta(hours=1),
        )
    assert "Nobody is on call right now" not in pat.client().get(reverse("home")).content.decode()


def test_supervisors_add_shifts_and_participants_see_who_is_on_call(
    harbor: Organization, sam: Persona, riley: Persona, alex: Persona
) -> None:
    # From yesterday midnight for three days: covers now whatever the time zones.
    yesterday = timezone.localdate() - timedelta(days=1)
    response = sam.client().post(
        reverse("on_call"),
        {
            "member": riley.membership.pk,
            "day": yesterday.isoformat(),
            "start": "00:00",
            "hours": "72",
            "tier": "1",
            "repeat_weeks": "0",
        },
    )
    assert response.status_code == 302
    bad = sam.client().post(reverse("on_call"), {"member": riley.membership.pk, "day": "", "hours": "0"})
    assert bad.status_code == 400
    with scope(organization=harbor):
        assert OnCallShift.objects.count() == 1
    assert riley.user.shown_name in riley.client().get(reverse("on_call")).content.decode()
    help_panel = alex.client().get(reverse("home")).content.decode()
    assert "On call now" in help_panel and riley.user.shown_name in help_panel


@pytest.mark.django_db(transaction=True)
def test_the_alert_reaches_the_peers_open_page_live(alex: Persona, pat: Persona) -> None:
    """The peer has the app open; the participant writes; the alert arrives over the WebSocket
    without a reload, naming the participant and linking to the incident."""

    async def scenario() -> dict:
        communicator = WebsocketCommunicator(
            application, "/ws/notifications/", headers=[(b"origin", b"http://localhost")]
        )
        communicator.scope["user"] = pat.user
        assert (await communicator.connect())[0]
        await sync_to_async(check_in)(alex)
        message = await communicator.receive_json_from(timeout=3)
        await communicator.disconnect()
        return message

    message = async_to_sync(scenario)()
    incident = the_incident(alex.organization)
    assert message["type"] == "notification"
    assert message["payload"]["kind"] == "crisis.alert"
    assert message["payload"]["title"] == "Urgent: Alex needs someone now"
    assert message["payload"]["url"] == reverse("incident_detail", args=[incident.pk])
