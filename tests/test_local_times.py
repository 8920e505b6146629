"""Every page shows times in the reader's own zone: here a New York reader (alex, pat, sam:
none chose a zone, so their organization's applies) on both sides of the clock changes of 2026
(March 8, forward; November 1, back). 4:57 pm in New York is 21:57 UTC in winter and 20:57 UTC
in summer, so a page in UTC, or on a fixed UTC-5, shows another time on one side or both."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.conversations.models import Message
from alongside.conversations.services import conversation_for_match, message_send
from alongside.core.audit import audit_record
from alongside.core.models import AuditEvent
from alongside.core.timezones import today_of
from alongside.groups.models import RoomMessage
from alongside.groups.rooms import room_post
from alongside.groups.tests.factories import a_group, a_series, join
from alongside.matching.models import PeerMatch
from alongside.safety.escalation.models import Incident, IncidentEvent, OnCallShift
from alongside.safety.models import Entry, SafetyPlanVersion
from alongside.safety.services import safety_plan_update

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
# 4:57 pm in New York the day before and the day after each change of clocks.
MOMENTS = [
    datetime(2026, 3, 7, 16, 57, tzinfo=NEW_YORK),  # EST, UTC-5
    datetime(2026, 3, 9, 16, 57, tzinfo=NEW_YORK),  # EDT, UTC-4
    datetime(2026, 10, 31, 16, 57, tzinfo=NEW_YORK),  # EDT
    datetime(2026, 11, 2, 16, 57, tzinfo=NEW_YORK),  # EST
]
SHOWN = ["03/07/2026 4:57 PM", "03/09/2026 4:57 PM", "10/31/2026 4:57 PM", "11/02/2026 4:57 PM"]


def page_of(persona, url: str) -> str:
    response = persona.client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_readers_own_zone_is_the_organizations_when_they_chose_none(alex, pat, sam) -> None:
    assert {alex.user.timezone, pat.user.timezone, sam.user.timezone} == {""}
    assert alex.organization.timezone == "America/New_York"


def test_a_chat_shows_each_message_at_its_new_york_time_in_the_order_sent(alex, pat) -> None:
    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
        for number, moment in enumerate(MOMENTS, start=1):
            sent = message_send(
                conversation=conversation,
                sender=alex.membership if number % 2 else pat.membership,
                client_id=f"m{number}",
                body=f"Message {number}",
            )
            Message.objects.filter(pk=sent.message.pk).update(created_at=moment)
    for reader in (alex, pat):
        page = page_of(reader, reverse("conversation_detail", args=[conversation.pk]))
        positions = [page.index(text) for text in SHOWN]
        assert positions == sorted(positions)  # each shown, oldest first
        bodies = [page.index(f"Message {n}") for n in range(1, 5)]
        assert bodies == sorted(bodies)
        assert "9:57 PM" not in page and "8:57 PM" not in page  # 4:57 pm read as UTC


def test_a_group_room_opens_at_noon_for_a_new_york_reader(alex, pat) -> None:
    with scope(organization=alex.organization):
        group = a_group(alex.organization, facilitators=[pat.membership], name="Noon circle", format="online")
        # Every day at noon New York time, so the next one may fall either side of a clock change.
        a_series(
            group,
            first_day=timezone.now().astimezone(NEW_YORK).date() + timedelta(days=1),
            start_time=time(12),
            frequency="daily",
        )
        join(group, alex.membership)
    page = page_of(alex, reverse("groups_room", args=[group.pk]))
    assert "The room opens a few minutes before the next meeting" in page
    assert "12:00 PM to 1:00 PM (America/New York time)" in page
    assert "5:00 PM" not in page and "4:00 PM" not in page  # noon read as UTC


def test_a_group_room_shows_messages_at_the_readers_time(alex, pat) -> None:
    with scope(organization=alex.organization):
        group = a_group(alex.organization, facilitators=[pat.membership], name="Noon circle", format="online")
        a_series(
            group,
            first_day=timezone.now().astimezone(NEW_YORK).date() + timedelta(days=1),
            start_time=time(12),
            frequency="daily",
        )
        posted = room_post(viewer=pat.membership, group_id=group.pk, client_id="r1", body="Welcome, everyone")
        RoomMessage.objects.filter(pk=posted.message.pk).update(created_at=MOMENTS[1])
    page = page_of(pat, reverse("groups_room", args=[group.pk]))  # a facilitator may always come in
    assert "Welcome, everyone" in page and ">4:57 PM</time>" in page


def test_a_crisis_timeline_shows_new_york_times(alex, pat, sam) -> None:
    alex.client().post(
        reverse("checkin_today"),
        {"mood": "1", "note": "I can't go on. I have a plan to end my life tonight", "wants_to_talk": "on"},
    )
    with scope(organization=alex.organization):
        incident = Incident.objects.get()
        Incident.objects.filter(pk=incident.pk).update(created_at=MOMENTS[0])
        events = list(incident.events.order_by("pk"))
        for event, moment in zip(events, MOMENTS, strict=False):
            IncidentEvent.objects.filter(pk=event.pk).update(at=moment)
    page = page_of(sam, reverse("incident_detail", args=[incident.pk]))
    assert SHOWN[0] in page  # when it began
    for shown in SHOWN[: len(events)]:
        assert shown in page  # each step of the timeline


def test_the_audit_log_shows_and_filters_by_new_york_days(alex, sam, monkeypatch) -> None:
    late = datetime(2026, 11, 2, 21, 30, tzinfo=NEW_YORK)  # already November 3 in UTC
    for moment in [*MOMENTS, late]:
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment.astimezone(UTC))
        audit_record(
            action="test.moment", actor=sam.user, organization=sam.organization, subject=alex.membership
        )
    monkeypatch.undo()
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="test.moment").count() == 5
    page = page_of(sam, reverse("audit_log") + "?action=test.")
    for shown in SHOWN:
        assert shown in page
    # The date filter's days are New York days, midnight to midnight there.
    day = page_of(sam, reverse("audit_log") + "?action=test.&since=2026-11-02&until=2026-11-02")
    assert "11/02/2026 4:57 PM" in day and "11/02/2026 9:30 PM" in day
    assert "10/31/2026" not in day


def test_safety_plan_versions_show_when_each_was_saved_in_new_york_time(alex) -> None:
    with scope(organization=alex.organization):
        for number in range(1, 4):
            safety_plan_update(
                participant=alex.membership, sections={"warning_signs": [Entry(f"Sign {number}")]}
            )
        versions = list(SafetyPlanVersion.objects.order_by("number"))
        for version, (saved, replaced) in zip(versions, pairwise(MOMENTS), strict=False):
            SafetyPlanVersion.objects.filter(pk=version.pk).update(saved_at=saved, replaced_at=replaced)
    page = page_of(alex, reverse("safety_plan_history"))
    assert "March 7, 2026, 4:57 PM" in page and "March 9, 2026, 4:57 PM" in page
    version = page_of(alex, reverse("safety_plan_version", args=[versions[1].number]))
    # A time at the end of a sentence ends it once: "…, 4:57 PM." never "p.m..".
    assert "Saved March 9, 2026, 4:57 PM, replaced Oct. 31, 2026, 4:57 PM." in version


def test_a_participant_in_another_zone_sees_the_same_chat_at_their_own_time(alex, pat) -> None:
    alex.user.timezone = "America/Los_Angeles"
    alex.user.save(update_fields=["timezone"])
    with scope(organization=alex.organization):
        conversation = conversation_for_match(PeerMatch.objects.get(participant=alex.membership))
        sent = message_send(conversation=conversation, sender=pat.membership, client_id="x1", body="Hello")
        Message.objects.filter(pk=sent.message.pk).update(created_at=MOMENTS[1])
    url = reverse("conversation_detail", args=[conversation.pk])
    assert "03/09/2026 1:57 PM" in page_of(alex, url)
    assert "03/09/2026 4:57 PM" in page_of(pat, url)


def test_the_on_call_rota_takes_and_shows_shift_times_in_the_readers_zone(sam, riley) -> None:
    day = today_of(sam.membership) + timedelta(days=3)
    response = sam.client().post(
        reverse("on_call"),
        {
            "member": riley.membership.pk,
            "day": day.isoformat(),
            "start": "09:00",
            "hours": "8",
            "tier": "1",
            "repeat_weeks": "0",
        },
    )
    assert response.status_code == 302
    with scope(organization=sam.organization):
        shift = OnCallShift.objects.get()
    assert shift.starts_at == datetime.combine(day, time(9), tzinfo=NEW_YORK)  # 9 am there, not 9 am UTC
    page = page_of(sam, reverse("on_call"))
    assert "Times are in America/New York." in page
    assert f"{day:%m/%d/%Y} 9:00 AM" in page and f"{day:%m/%d/%Y} 5:00 PM" in page
