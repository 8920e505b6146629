"""Conversations: sending is idempotent and stored before it is acknowledged, in order, over
HTTP and over WebSocket; who may read and write; receipts; reports; break-glass; pausing."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Organization
from alongside.conversations import selectors, services
from alongside.conversations.models import Conversation, Message, MessageReport
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from alongside.core.timezones import today_of
from alongside.matching.models import PeerMatch
from alongside.matching.services import match_start
from alongside.safety.escalation.models import Incident
from config.asgi import application
from conftest import Persona, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def chat(alex: Persona, pat: Persona) -> Conversation:
    with scope(organization=alex.organization):
        return services.conversation_for_match(PeerMatch.objects.get(participant=alex.membership))


def send(conversation: Conversation, who: Persona, body: str, client_id: str) -> services.Sent:
    with scope(organization=conversation.organization_id):
        return services.message_send(
            conversation=conversation, sender=who.membership, client_id=client_id, body=body
        )


def test_sending_twice_with_the_same_id_stores_once(chat: Conversation, alex: Persona) -> None:
    first = send(chat, alex, "Hi Pat", "c-1")
    again = send(chat, alex, "Hi Pat", "c-1")
    assert first.created and not again.created
    assert again.message.pk == first.message.pk
    with scope(organization=chat.organization_id):
        assert Message.objects.count() == 1


def test_messages_are_numbered_in_order_and_encrypted_at_rest(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    seqs = [send(chat, who, f"message {i}", f"id-{i}").message.seq for i, who in enumerate([alex, pat, alex])]
    assert seqs == [1, 2, 3]
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM conversations_message")
        stored = [row[0] for row in cursor.fetchall()]
    assert all(value.startswith("enc1:") and "message" not in value for value in stored)


@pytest.mark.parametrize(
    ("client_id", "body", "error"),
    [
        ("", "Hello", "no valid id"),
        ("has spaces", "Hello", "no valid id"),
        ("ok-1", "   ", "Write a message"),
        ("ok-2", "x" * 4001, "up to 4000 characters"),
    ],
)
def test_bad_input_is_refused_and_stores_nothing(
    chat: Conversation, alex: Persona, client_id: str, body: str, error: str
) -> None:
    with pytest.raises(ValidationError, match=error):
        send(chat, alex, body, client_id)
    with scope(organization=chat.organization_id):
        assert not Message.objects.exists()
        chat.refresh_from_db()
        assert chat.last_seq == 0


def test_only_the_two_people_write_and_a_past_conversation_is_read_only(
    harbor: Organization, chat: Conversation, alex: Persona, pat: Persona, riley: Persona, sam: Persona
) -> None:
    with pytest.raises(PermissionDenied):
        send(chat, riley, "Hello", "r-1")
    with pytest.raises(PermissionDenied):
        send(chat, sam, "Hello", "s-1")
    with scope(organization=harbor):
        match_start(actor=sam.user, participant=alex.membership, peer=riley.membership)
        access = selectors.conversation_access(alex.membership, chat.pk)
        assert access.mode == "read"
        from django.http import Http404

        with pytest.raises(Http404):
            selectors.conversation_access(pat.membership, chat.pk)  # the earlier peer no longer sees it
        # The new match has its own conversation, where alex writes to riley.
        assert selectors.conversations_for(alex.membership)[0].peer == riley.membership
    with pytest.raises(PermissionDenied):
        send(chat, alex, "Still there?", "a-9")


def test_a_participants_urgent_message_raises_an_incident_linked_to_it(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    sent = send(chat, alex, "I have a plan to end my life tonight", "u-1")
    assert sent.message.screening_level == "urgent"
    with scope(organization=chat.organization_id):
        incident = Incident.objects.get()
        assert (incident.source, incident.source_id) == ("chat", sent.message.pk)


def test_receipts_move_forward_only(chat: Conversation, alex: Persona, pat: Persona) -> None:
    for i in range(3):
        send(chat, pat, f"m{i}", f"p-{i}")
    with scope(organization=chat.organization_id):
        chat.refresh_from_db()
        services.receipts_mark(conversation=chat, member=alex.membership, read=2)
        services.receipts_mark(conversation=chat, member=alex.membership, read=1, delivered=3)
        assert selectors.receipts_of(chat, alex.membership.pk) == (3, 2)
        assert selectors.unread_total(alex.membership) == 1


def test_reports_reach_the_supervisors_queue(
    chat: Conversation, alex: Persona, pat: Persona, sam: Persona
) -> None:
    sent = send(chat, pat, "Something off", "p-1")
    with scope(organization=chat.organization_id):
        with pytest.raises(ValidationError):
            services.message_report(message=sent.message, reporter=pat.membership)  # own message
        services.message_report(message=sent.message, reporter=alex.membership, reason="Made me uneasy")
        with pytest.raises(ValidationError):
            services.message_report(message=sent.message, reporter=alex.membership)
        assert MessageReport.objects.get().reason == "Made me uneasy"
    assert Notification.objects.filter(user=sam.user, kind="conversation.report").exists()
    page = sam.client().get(reverse("conversation_reports")).content.decode()
    assert "Something off" in page and "Made me uneasy" in page
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="message.report_view", actor=sam.user).exists()


def test_a_supervisor_reads_only_through_break_glass_with_a_reason(
    chat: Conversation, alex: Persona, pat: Persona, sam: Persona
) -> None:
    send(chat, alex, "Private words", "a-1")
    client = sam.client()
    assert client.get(reverse("conversation_read", args=[chat.pk])).status_code == 404
    short = client.post(reverse("conversation_break_glass", args=[chat.pk]), {"reason": "why"})
    assert short.status_code == 400
    client.post(
        reverse("conversation_break_glass", args=[chat.pk]), {"reason": "Safety concern raised by Pat"}
    )
    page = client.get(reverse("conversation_read", args=[chat.pk])).content.decode()
    assert "Private words" in page and 'id="chat-form"' not in page
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="conversation.break_glass", actor=sam.user).exists()
    seen = alex.client().get(reverse("conversation_detail", args=[chat.pk])).content.decode()
    assert "Safety concern raised by Pat" in seen  # the participant sees who read it and why


def test_the_peer_pauses_and_the_participant_sees_where_to_get_help(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    pat.client().post(reverse("conversation_pause", args=[chat.pk]), {"pause": "1"})
    with pytest.raises(ValidationError, match="paused"):
        send(chat, alex, "Hello?", "a-1")
    page = alex.client().get(reverse("conversation_detail", args=[chat.pk])).content.decode()
    assert "paused this conversation" in page and "Get help now" in page
    pat.client().post(reverse("conversation_pause", args=[chat.pk]), {"pause": "0"})
    assert send(chat, alex, "Hello?", "a-1").created


def test_the_page_works_without_javascript(chat: Conversation, alex: Persona, pat: Persona) -> None:
    client = alex.client()
    page = client.get(reverse("conversation_detail", args=[chat.pk])).content.decode()
    assert 'name="client_id"' in page
    form_id = page.split('name="client_id" value="')[1].split('"')[0]
    for _ in range(2):  # a double submit of the same form
        response = client.post(
            reverse("conversation_send", args=[chat.pk]), {"client_id": form_id, "body": "Hi Pat"}
        )
        assert response.status_code == 302
    assert "Hi Pat" in pat.client().get(reverse("conversation_detail", args=[chat.pk])).content.decode()
    with scope(organization=chat.organization_id):
        assert Message.objects.count() == 1
    bad = client.post(
        reverse("conversation_send", args=[chat.pk]), {"client_id": "x2", "body": ""}, follow=True
    )
    assert "Write a message before sending." in bad.content.decode()


def test_htmx_posts_and_polls_return_only_new_messages(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    send(chat, pat, "First", "p-1")
    client = alex.client()
    response = client.post(
        reverse("conversation_send", args=[chat.pk]),
        {"client_id": "a-1", "body": "Second", "after": "1"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert "Second" in body and "First" not in body
    assert 'id="chat-client-id"' in body  # a fresh id for the next message
    send(chat, pat, "Third", "p-2")
    polled = client.get(
        reverse("conversation_poll", args=[chat.pk]) + "?after=2", headers={"HX-Request": "true"}
    )
    assert "Third" in polled.content.decode() and "Second" not in polled.content.decode()


def test_an_urgent_message_sent_over_http_leads_to_help(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    response = alex.client().post(
        reverse("conversation_send", args=[chat.pk]),
        {"client_id": "u-1", "body": "I'm going to kill myself tonight"},
    )
    assert response["Location"].startswith("/crisis/help/")


def test_history_pages_back(chat: Conversation, alex: Persona, pat: Persona) -> None:
    for i in range(60):
        send(chat, alex if i % 2 else pat, f"line {i:02d}", f"id-{i}")
    page = alex.client().get(reverse("conversation_detail", args=[chat.pk])).content.decode()
    assert "line 59" in page and "line 09" not in page and "?before=11" in page
    older = alex.client().get(reverse("conversation_detail", args=[chat.pk]) + "?before=11").content.decode()
    assert "line 09" in older and "line 00" in older


# Over WebSocket -------------------------------------------------------------------------------------


def connect(user: Any, conversation: Conversation) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        application, f"/ws/conversations/{conversation.pk}/", headers=[(b"origin", b"http://localhost")]
    )
    communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_live_send_is_acknowledged_after_storing_and_reaches_the_other_person(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    async def scenario() -> tuple[dict, dict, dict, dict]:
        mine, theirs = connect(alex.user, chat), connect(pat.user, chat)
        other_tab = connect(alex.user, chat)
        for socket in (mine, theirs, other_tab):
            assert (await socket.connect())[0]
        await mine.send_json_to({"type": "send", "client_id": "live-1", "body": "Are you around?"})
        ack = await mine.receive_json_from(timeout=3)
        received = await theirs.receive_json_from(timeout=3)
        in_other_tab = await other_tab.receive_json_from(timeout=3)
        await theirs.send_json_to({"type": "typing"})
        typing = await mine.receive_json_from(timeout=3)  # the next frame: no second copy came
        for socket in (mine, theirs, other_tab):
            await socket.disconnect()
        return ack, received, in_other_tab, typing

    ack, received, in_other_tab, typing = async_to_sync(scenario)()
    assert ack["type"] == "ack" and ack["client_id"] == "live-1" and ack["seq"] == 1
    with scopes_disabled():
        assert Message.objects.get(pk=ack["id"]).body == "Are you around?"  # stored before the ack
    assert ack["message"]["client_id"] == "live-1" and ack["message"]["body"] == "Are you around?"
    assert received == {"type": "message", "message": ack["message"]}
    assert in_other_tab == received  # the sender's other tabs see it like the other person
    assert typing == {"type": "typing", "member_id": pat.membership.pk}


@pytest.mark.django_db(transaction=True)
def test_a_resent_message_after_a_lost_ack_is_not_stored_twice(chat: Conversation, alex: Persona) -> None:
    async def scenario() -> list[dict]:
        socket = connect(alex.user, chat)
        await socket.connect()
        replies = []
        for _ in range(2):
            await socket.send_json_to({"type": "send", "client_id": "same", "body": "Once"})
            reply = await socket.receive_json_from(timeout=3)
            replies.append(reply)
        await socket.disconnect()
        return replies

    first, second = async_to_sync(scenario)()
    assert first["id"] == second["id"] and second["duplicate"] is True
    with scopes_disabled():
        assert Message.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_after_a_reconnect_the_client_catches_up_in_order(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    send(chat, pat, "one", "p-1")
    send(chat, alex, "two", "a-1")
    send(chat, pat, "three", "p-2")

    async def scenario() -> list[dict]:
        socket = connect(alex.user, chat)
        await socket.connect()
        await socket.send_json_to({"type": "sync", "after": 1})
        got = [await socket.receive_json_from(timeout=3) for _ in range(3)]
        await socket.disconnect()
        return got

    two, three, synced = async_to_sync(scenario)()
    assert [two["message"]["body"], three["message"]["body"]] == ["two", "three"]
    assert synced == {"type": "synced", "last": 3, "more": False}


@pytest.mark.django_db(transaction=True)
def test_read_receipts_reach_the_sender(chat: Conversation, alex: Persona, pat: Persona) -> None:
    send(chat, alex, "hello", "a-1")

    async def scenario() -> dict:
        mine, theirs = connect(alex.user, chat), connect(pat.user, chat)
        await mine.connect()
        await theirs.connect()
        await theirs.send_json_to({"type": "read", "seq": 1})
        receipt = await mine.receive_json_from(timeout=3)
        await mine.disconnect()
        await theirs.disconnect()
        return receipt

    assert async_to_sync(scenario)() == {
        "type": "receipt",
        "member_id": pat.membership.pk,
        "read": 1,
        "delivered": 1,
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("who", ["riley", "sam", "outsider", "old_peer"])
def test_the_socket_refuses_everyone_but_the_two_people(
    chat: Conversation, who: str, riley: Persona, sam: Persona, outsider: Persona, alex: Persona
) -> None:
    people = {"riley": riley, "sam": sam, "outsider": outsider}
    if who == "old_peer":
        with scope(organization=alex.organization):
            match_start(actor=sam.user, participant=alex.membership, peer=riley.membership)
        user = chat.peer.user
    else:
        user = people[who].user

    async def scenario() -> tuple[bool, int | None]:
        return await connect(user, chat).connect()

    assert async_to_sync(scenario)() == (False, 4403)


@pytest.mark.django_db(transaction=True)
def test_a_past_conversation_is_read_only_over_the_socket_too(
    chat: Conversation, alex: Persona, riley: Persona, sam: Persona
) -> None:
    with scope(organization=alex.organization):
        match_start(actor=sam.user, participant=alex.membership, peer=riley.membership)

    async def scenario() -> dict:
        socket = connect(alex.user, chat)
        assert (await socket.connect())[0]
        await socket.send_json_to({"type": "send", "client_id": "late", "body": "hello?"})
        reply = await socket.receive_json_from(timeout=3)
        await socket.disconnect()
        return reply

    assert async_to_sync(scenario)()["type"] == "error"
    with scopes_disabled():
        assert not Message.objects.exists()


def test_session_notes_are_written_with_the_participant(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    from datetime import timedelta

    client = pat.client()
    response = client.post(
        reverse("session_note_new", args=[chat.pk]),
        {
            "happened_on": today_of(pat.membership).isoformat(),
            "duration_minutes": "45",
            "contact_type": "phone",
            "life_areas": ["home", "employment"],
            "agreed": "Alex will call the housing office on Monday",
            "follow_up": "Ask how the call went",
            "follow_up_due": (today_of(pat.membership) + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    note_url = response["Location"]
    assert Notification.objects.filter(user=alex.user, kind="session_note.new").exists()
    page = alex.client().get(note_url).content.decode()
    assert "Alex will call the housing office on Monday" in page
    alex.client().post(note_url, {"comment": "Thanks, this is right. I might be late."})
    assert "I might be late" in client.get(note_url).content.decode()
    with scope(organization=chat.organization_id):
        assert [n.follow_up for n in selectors.open_follow_ups(alex.membership)] == ["Ask how the call went"]
        assert [n.follow_up for n in selectors.open_follow_ups(pat.membership)] == ["Ask how the call went"]
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="session_note.read", actor=alex.user).exists()
    bad = client.post(
        reverse("session_note_new", args=[chat.pk]), {"happened_on": "2999-01-01", "duration_minutes": "0"}
    )
    assert bad.status_code == 400


def test_a_new_match_opens_a_conversation_at_once(harbor: Organization, sam: Persona, riley: Persona) -> None:
    newcomer = make_person("newcomer", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        match = match_start(actor=sam.user, participant=newcomer.membership, peer=riley.membership)
        assert Conversation.objects.get(match=match).peer == riley.membership


def test_the_api_sends_once_per_client_id_and_catches_up(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    url = f"/api/v1/conversations/{chat.pk}/messages"
    client = alex.client()
    first = client.post(url, {"client_id": "api-1", "body": "From my app"}, content_type="application/json")
    again = client.post(url, {"client_id": "api-1", "body": "From my app"}, content_type="application/json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    empty = client.post(url, {"client_id": "api-2", "body": " "}, content_type="application/json")
    assert empty.status_code == 422 and empty["Content-Type"] == "application/problem+json"
    send(chat, pat, "Reply", "p-1")
    later = pat.client().get(url + "?after=1").json()
    assert [m["body"] for m in later] == ["Reply"]


# Many messages in one transaction (what the WebSocket write queue does under load) ----------


def test_a_batch_gives_each_message_its_own_result_and_stores_only_the_good_ones(
    chat: Conversation, alex: Persona, pat: Persona, jordan: Persona, riley: Persona, harbor: Organization
) -> None:
    with scope(organization=harbor):
        other = services.conversation_for_match(
            match_start(participant=jordan.membership, peer=riley.membership, actor=None)
        )
    send(chat, alex, "sent earlier", "earlier")
    items = [
        services.Outgoing(chat.pk, alex.membership, "b-1", "first"),
        services.Outgoing(other.pk, jordan.membership, "j-1", "hello riley"),
        services.Outgoing(chat.pk, pat.membership, "p-1", "second"),
        services.Outgoing(chat.pk, alex.membership, "b-1", "first"),  # the same id again in the batch
        services.Outgoing(chat.pk, alex.membership, "earlier", "sent earlier"),  # already stored
        services.Outgoing(chat.pk, alex.membership, "bad id!", "refused"),
        services.Outgoing(chat.pk, jordan.membership, "x-1", "not my conversation"),
        services.Outgoing(chat.pk, alex.membership, "empty", "   "),
        services.Outgoing(chat.pk, alex.membership, "b-2", "third"),
    ]
    with scope(organization=harbor):
        results = services.messages_send(items)
    assert len(results) == len(items)
    first, jordans, second, again, earlier, bad, stranger, empty, third = results
    assert isinstance(bad, ValidationError) and isinstance(empty, ValidationError)
    assert isinstance(stranger, PermissionDenied)
    assert [r.message.seq for r in (first, second, third)] == [2, 3, 4]  # type: ignore[union-attr]
    assert again.message.pk == first.message.pk and not again.created  # type: ignore[union-attr]
    assert not earlier.created and earlier.message.seq == 1  # type: ignore[union-attr]
    assert jordans.created and jordans.message.seq == 1  # type: ignore[union-attr]
    with scopes_disabled():
        assert sorted(Message.objects.filter(conversation=chat).values_list("seq", "client_id")) == [
            (1, "earlier"),
            (2, "b-1"),
            (3, "p-1"),
            (4, "b-2"),
        ]
        assert Message.objects.get(client_id="b-2").body == "third"
        chat.refresh_from_db()
        assert chat.last_seq == 4
        states = {s.member_id: (s.read_seq, s.delivered_seq) for s in chat.read_states.all()}
    assert states[alex.membership.pk] == (4, 4) and states[pat.membership.pk] == (3, 3)


def test_a_paused_conversation_refuses_every_message_of_a_batch(
    chat: Conversation, alex: Persona, pat: Persona, harbor: Organization
) -> None:
    with scope(organization=harbor):
        services.conversation_pause(conversation=chat, peer=pat.membership, pause=True)
        results = services.messages_send(
            [services.Outgoing(chat.pk, alex.membership, f"q-{i}", "hello") for i in range(3)]
        )
    assert all(isinstance(result, ValidationError) for result in results)
    with scopes_disabled():
        assert not Message.objects.exists()


def test_urgent_words_in_a_batch_raise_an_incident_for_that_message(
    chat: Conversation, alex: Persona, pat: Persona, harbor: Organization
) -> None:
    with scope(organization=harbor):
        results = services.messages_send(
            [
                services.Outgoing(chat.pk, pat.membership, "p-1", "How was the meeting?"),
                services.Outgoing(chat.pk, alex.membership, "a-1", "I have a plan to end my life tonight"),
            ]
        )
        incident = Incident.objects.get()
    assert results[1].message.screening_level == "urgent"  # type: ignore[union-attr]
    assert results[0].message.screening_level == "none"  # type: ignore[union-attr]
    assert incident.source_id == results[1].message.pk  # type: ignore[union-attr]


@pytest.mark.django_db(transaction=True)
def test_many_messages_sent_at_once_are_all_stored_in_order_and_delivered(
    chat: Conversation, alex: Persona, pat: Persona
) -> None:
    count = 40

    async def scenario() -> tuple[list[dict], list[dict]]:
        mine, theirs = connect(alex.user, chat), connect(pat.user, chat)
        assert (await mine.connect())[0] and (await theirs.connect())[0]
        for i in range(count):  # all in flight together: the queue stores them in batches
            await mine.send_json_to({"type": "send", "client_id": f"burst-{i}", "body": f"line {i}"})
        replies = [await mine.receive_json_from(timeout=5) for _ in range(count)]
        received = [await theirs.receive_json_from(timeout=5) for _ in range(count)]
        await mine.disconnect()
        await theirs.disconnect()
        return replies, received

    replies, received = async_to_sync(scenario)()
    acks = [reply for reply in replies if reply["type"] == "ack"]
    assert [ack["client_id"] for ack in acks] == [f"burst-{i}" for i in range(count)]
    assert [ack["seq"] for ack in acks] == list(range(1, count + 1))
    assert [r["message"]["seq"] for r in received] == list(range(1, count + 1))
    with scopes_disabled():
        assert Message.objects.filter(conversation=chat).count() == count


def test_receipts_in_a_batch_never_move_back_nor_past_the_last_message(
    chat: Conversation, alex: Persona, pat: Persona, jordan: Persona, harbor: Organization
) -> None:
    for i in range(3):
        send(chat, pat, f"line {i}", f"p-{i}")
    with scope(organization=harbor):
        results = services.receipts_mark_many(
            [
                services.Receipt(chat.pk, alex.membership, read=2, delivered=3),
                services.Receipt(chat.pk, alex.membership, read=1, delivered=1),  # older: ignored
                services.Receipt(chat.pk, alex.membership, read=9, delivered=9),  # cut to 3
                services.Receipt(chat.pk, jordan.membership, read=1),  # not one of the two
            ]
        )
    first, older, beyond, stranger = results
    assert first == {"type": "chat.receipt", "member_id": alex.membership.pk, "read": 2, "delivered": 3}
    assert older == {"type": "chat.receipt", "member_id": alex.membership.pk, "read": 1, "delivered": 1}
    assert beyond == {"type": "chat.receipt", "member_id": alex.membership.pk, "read": 3, "delivered": 3}
    assert isinstance(stranger, PermissionDenied)
    with scopes_disabled():
        state = chat.read_states.get(member=alex.membership)
    assert (state.read_seq, state.delivered_seq) == (3, 3)
    with scope(organization=harbor):
        services.receipts_mark_many([services.Receipt(chat.pk, alex.membership, read=1, delivered=1)])
    state.refresh_from_db()
    assert (state.read_seq, state.delivered_seq) == (3, 3)  # never back
