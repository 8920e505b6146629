"""Group rooms: open to members during the meeting and to facilitators always, idempotent
sends, screening, moderation (delete, mute, remove) that is audited, pseudonyms, and the
WebSocket with its refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Organization
from alongside.core.models import AuditEvent
from alongside.core.roles import Role
from alongside.groups import rooms
from alongside.groups.models import RoomMessage, SupportGroup
from alongside.groups.tests.factories import a_group, a_series, join
from alongside.safety.escalation.models import Incident
from config.asgi import application
from conftest import Persona, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def online(harbor: Organization, pat: Persona, alex: Persona) -> SupportGroup:
    """An online group whose daily meeting started five minutes ago and lasts two hours."""
    with scope(organization=harbor):
        group = a_group(
            harbor, facilitators=[pat.membership], name="Online circle", format="online", address=""
        )
        join(group, alex.membership)
        started = timezone.now() - timedelta(minutes=5)
        a_series(
            group,
            first_day=started.date(),
            start_time=started.time().replace(second=0, microsecond=0),
            frequency="daily",
            duration_minutes=120,
            timezone="UTC",
        )
    return group


@pytest.fixture
def later(harbor: Organization, pat: Persona, alex: Persona) -> SupportGroup:
    """An online group whose next meeting is tomorrow."""
    with scope(organization=harbor):
        group = a_group(
            harbor, facilitators=[pat.membership], name="Later circle", format="online", address=""
        )
        join(group, alex.membership)
        tomorrow = timezone.now() + timedelta(days=1)
        a_series(
            group,
            first_day=tomorrow.date(),
            start_time=tomorrow.time().replace(second=0, microsecond=0),
            frequency="weekly",
            timezone="UTC",
        )
    return group


def post(group: SupportGroup, who: Persona, body: str, client_id: str) -> rooms.Posted:
    with scope(organization=group.organization_id):
        return rooms.room_post(viewer=who.membership, group_id=group.pk, client_id=client_id, body=body)


def test_members_write_during_the_meeting_once_per_message(online: SupportGroup, alex: Persona) -> None:
    first = post(online, alex, "Hi everyone", "a-1")
    again = post(online, alex, "Hi everyone", "a-1")
    assert first.created and not again.created and again.message.pk == first.message.pk
    with scope(organization=online.organization_id):
        assert RoomMessage.objects.count() == 1


def test_outside_the_meeting_only_facilitators_come_in(
    later: SupportGroup, alex: Persona, pat: Persona
) -> None:
    with pytest.raises(ValidationError, match="opens shortly before"):
        post(later, alex, "Anyone here?", "a-1")
    assert post(later, pat, "Setting up for tomorrow", "p-1").created
    page = alex.client().get(reverse("groups_room", args=[later.pk])).content.decode()
    assert "The room opens a few minutes before the next meeting" in page and "chat-form" not in page


def test_people_outside_the_group_are_refused(online: SupportGroup, jordan: Persona, sam: Persona) -> None:
    for person in (jordan, sam):
        with pytest.raises(PermissionDenied):
            post(online, person, "Hello", "x-1")
        assert person.client().get(reverse("groups_room", args=[online.pk])).status_code in (403, 404)


def test_in_person_groups_have_no_room(harbor: Organization, pat: Persona, alex: Persona) -> None:
    with scope(organization=harbor):
        group = a_group(harbor, facilitators=[pat.membership])
        join(group, alex.membership)
    assert alex.client().get(reverse("groups_room", args=[group.pk])).status_code == 404


def test_members_may_show_a_pseudonym(online: SupportGroup, alex: Persona) -> None:
    alex.client().post(reverse("groups_room_name", args=[online.pk]), {"room_name": "Sunny"})
    assert post(online, alex, "Hello", "a-1").message.shown_as == "Sunny"
    assert "Sunny" in alex.client().get(reverse("groups_room", args=[online.pk])).content.decode()


def test_facilitators_delete_mute_and_remove_and_it_is_audited(
    online: SupportGroup, alex: Persona, pat: Persona
) -> None:
    message = post(online, alex, "Something unkind", "a-1").message
    client = pat.client()
    client.post(reverse("groups_room_moderate", args=[online.pk]), {"action": "delete", "target": message.pk})
    with scope(organization=online.organization_id):
        message.refresh_from_db()
        assert message.deleted_at is not None and message.body == "" and message.deleted_by == pat.membership
    client.post(
        reverse("groups_room_moderate", args=[online.pk]), {"action": "mute", "target": alex.membership.pk}
    )
    with pytest.raises(ValidationError, match="paused your messages"):
        post(online, alex, "Why?", "a-2")
    client.post(
        reverse("groups_room_moderate", args=[online.pk]), {"action": "unmute", "target": alex.membership.pk}
    )
    assert post(online, alex, "Sorry", "a-3").created
    client.post(
        reverse("groups_room_moderate", args=[online.pk]), {"action": "remove", "target": alex.membership.pk}
    )
    with pytest.raises(PermissionDenied):
        post(online, alex, "Let me back", "a-4")
    with scopes_disabled():
        actions = set(AuditEvent.objects.filter(actor=pat.user).values_list("action", flat=True))
    assert {"room.delete_message", "room.mute", "room.unmute"} <= actions
    with pytest.raises(PermissionDenied), scope(organization=online.organization_id):
        rooms.room_delete(viewer=alex.membership, group_id=online.pk, message_id=message.pk)


def test_urgent_words_in_a_room_raise_an_incident(online: SupportGroup, alex: Persona) -> None:
    message = post(online, alex, "I'm going to end my life tonight, I have the pills", "a-1").message
    assert message.screening_level == "urgent"
    with scope(organization=online.organization_id):
        incident = Incident.objects.get()
        assert (incident.source, incident.source_id) == ("group", message.pk)


def test_the_page_works_without_javascript(online: SupportGroup, alex: Persona, pat: Persona) -> None:
    client = alex.client()
    response = client.post(
        reverse("groups_room_send", args=[online.pk]), {"client_id": "f-1", "body": "From the form"}
    )
    assert response.status_code == 302
    assert "From the form" in pat.client().get(reverse("groups_room", args=[online.pk])).content.decode()
    polled = pat.client().get(
        reverse("groups_room_poll", args=[online.pk]) + "?after=0", headers={"HX-Request": "true"}
    )
    assert "From the form" in polled.content.decode()


def connect(user: object, group: SupportGroup) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        application, f"/ws/groups/{group.pk}/room/", headers=[(b"origin", b"http://localhost")]
    )
    communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_room_messages_reach_everyone_in_the_room_live(
    online: SupportGroup, alex: Persona, pat: Persona
) -> None:
    async def scenario() -> tuple[dict, dict]:
        member, facilitator = connect(alex.user, online), connect(pat.user, online)
        assert (await member.connect())[0] and (await facilitator.connect())[0]
        await member.send_json_to({"type": "send", "client_id": "live-1", "body": "Good to see you all"})
        ack = await member.receive_json_from(timeout=3)
        received = await facilitator.receive_json_from(timeout=3)
        await member.disconnect()
        await facilitator.disconnect()
        return ack, received

    ack, received = async_to_sync(scenario)()
    assert ack["type"] == "ack" and ack["client_id"] == "live-1"
    assert received["type"] == "message" and received["message"]["body"] == "Good to see you all"


@pytest.mark.django_db(transaction=True)
def test_the_room_socket_is_closed_to_members_between_meetings_and_to_strangers(
    later: SupportGroup, alex: Persona, pat: Persona, harbor: Organization
) -> None:
    stranger = make_person("stranger", harbor, Role.PARTICIPANT)

    async def scenario(user: object) -> tuple[bool, int | None]:
        return await connect(user, later).connect()

    assert async_to_sync(scenario)(alex.user) == (False, 4403)
    assert async_to_sync(scenario)(stranger.user) == (False, 4403)
    assert async_to_sync(scenario)(pat.user)[0] is True


# Many messages in one transaction (what the room's write queue does under load) -------------


def test_a_batch_of_room_messages_gives_each_its_own_result(
    online: SupportGroup, later: SupportGroup, alex: Persona, pat: Persona, harbor: Organization
) -> None:
    stranger = make_person("stranger", harbor, Role.PARTICIPANT)
    muted = make_person("muted", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        join(online, muted.membership)
        rooms.room_mute(viewer=pat.membership, group_id=online.pk, member_id=muted.membership.pk, minutes=10)
    post(online, alex, "said before", "before")
    items = [
        rooms.RoomPost(alex.membership, online.pk, "a-1", "Hello all"),
        rooms.RoomPost(pat.membership, online.pk, "p-1", "Welcome, everyone"),
        rooms.RoomPost(alex.membership, online.pk, "a-1", "Hello all"),  # again, in the same batch
        rooms.RoomPost(alex.membership, online.pk, "before", "said before"),  # stored earlier
        rooms.RoomPost(stranger.membership, online.pk, "s-1", "let me in"),
        rooms.RoomPost(muted.membership, online.pk, "m-1", "but I want to talk"),
        rooms.RoomPost(alex.membership, later.pk, "l-1", "too early"),
        rooms.RoomPost(pat.membership, later.pk, "l-2", "facilitators may prepare"),
        rooms.RoomPost(alex.membership, online.pk, "", "no id"),
    ]
    with scope(organization=harbor):
        results = rooms.room_posts(items)
    hello, welcome, again, before, strangers, muteds, early, prepare, no_id = results
    assert hello.created and welcome.created and prepare.created  # type: ignore[union-attr]
    assert again.message.pk == hello.message.pk and not again.created  # type: ignore[union-attr]
    assert not before.created  # type: ignore[union-attr]
    assert isinstance(strangers, PermissionDenied)
    assert isinstance(muteds, ValidationError) and isinstance(early, ValidationError)
    assert isinstance(no_id, ValidationError)
    assert hello.message.pk < welcome.message.pk  # type: ignore[union-attr]
    with scopes_disabled():
        assert sorted(RoomMessage.objects.values_list("client_id", flat=True)) == [
            "a-1",
            "before",
            "l-2",
            "p-1",
        ]


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_room_messages_is_stored_and_reaches_everyone_in_order(
    online: SupportGroup, alex: Persona, pat: Persona
) -> None:
    count = 30

    async def scenario() -> tuple[list[dict], list[dict]]:
        member, facilitator = connect(alex.user, online), connect(pat.user, online)
        assert (await member.connect())[0] and (await facilitator.connect())[0]
        for i in range(count):
            await member.send_json_to({"type": "send", "client_id": f"burst-{i}", "body": f"line {i}"})
        replies = [await member.receive_json_from(timeout=5) for _ in range(2 * count)]
        received = [await facilitator.receive_json_from(timeout=5) for _ in range(count)]
        await member.disconnect()
        await facilitator.disconnect()
        return replies, received

    replies, received = async_to_sync(scenario)()
    acks = [reply for reply in replies if reply["type"] == "ack"]
    assert [ack["client_id"] for ack in acks] == [f"burst-{i}" for i in range(count)]
    assert [r["message"]["client_id"] for r in received] == [f"burst-{i}" for i in range(count)]
    ids = [r["message"]["id"] for r in received]
    assert ids == sorted(ids)
    with scopes_disabled():
        assert RoomMessage.objects.filter(group=online).count() == count


def test_cancelling_the_meeting_closes_the_room_to_members_at_once(
    alex: Persona, pat: Persona, harbor: Organization
) -> None:
    from alongside.groups.services.meetings import occurrence_cancel

    with scope(organization=harbor):
        soon = a_group(harbor, facilitators=[pat.membership], name="Soon circle", format="online", address="")
        join(soon, alex.membership)
        starts = timezone.now() + timedelta(minutes=5)  # the room opens ten minutes before
        a_series(
            soon,
            first_day=starts.date(),
            start_time=starts.time().replace(second=0, microsecond=0),
            frequency="weekly",
            timezone="UTC",
        )
    assert post(soon, alex, "Before", "a-1").created  # the room's schedule is now cached
    with scope(organization=harbor):
        meeting = rooms.room_access(alex.membership, soon.pk).meeting
        assert meeting is not None
        occurrence_cancel(actor=pat.membership, meeting=meeting, note="Snow day")
    with pytest.raises(ValidationError):
        post(soon, alex, "After", "a-2")
    assert post(soon, pat, "Facilitators may still write", "p-1").created


def test_a_new_facilitator_may_enter_between_meetings_at_once(
    later: SupportGroup, alex: Persona, riley: Persona, harbor: Organization
) -> None:
    with pytest.raises(PermissionDenied):
        post(later, riley, "Hello?", "r-1")
    with pytest.raises(ValidationError):
        post(later, alex, "Too early", "a-1")  # caches the schedule
    with scope(organization=harbor):
        later.facilitators.add(riley.membership)
    assert post(later, riley, "Setting up the room", "r-2").created
