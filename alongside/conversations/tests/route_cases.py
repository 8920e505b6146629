"""Authorization cases for the conversation routes (collected by tests/authz.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_scopes import scope

from alongside.conversations import services
from alongside.conversations.models import SessionNote
from alongside.matching.models import PeerMatch
from conftest import Persona
from tests.authz import ApiCase, RouteCase

OVERSIGHT = ("sam", "morgan")


def alex_conversation(personas: dict[str, Persona]) -> Any:
    alex = personas["alex"]
    with scope(organization=alex.organization):
        match = PeerMatch.objects.get(participant=alex.membership, status=PeerMatch.Status.ACTIVE)
        return services.conversation_for_match(match)


def conversation_id(personas: dict[str, Persona]) -> dict[str, Any]:
    return {"conversation_id": alex_conversation(personas).pk}


def a_message(personas: dict[str, Persona]) -> dict[str, Any]:
    conversation = alex_conversation(personas)
    with scope(organization=conversation.organization_id):
        sent = services.message_send(
            conversation=conversation,
            sender=personas["pat"].membership,
            client_id="route-case",
            body="Hi Alex",
        )
    return {"conversation_id": conversation.pk, "message_id": sent.message.pk}


def a_note(personas: dict[str, Persona]) -> dict[str, Any]:
    conversation = alex_conversation(personas)
    with scope(organization=conversation.organization_id):
        note = SessionNote.objects.create(
            organization_id=conversation.organization_id,
            conversation=conversation,
            author=personas["pat"].membership,
            happened_on=timezone.localdate() - timedelta(days=1),
            duration_minutes=30,
            contact_type="phone",
            agreed="Call the housing office",
        )
    return {"note_id": note.pk}


def a_report(personas: dict[str, Persona]) -> dict[str, Any]:
    ids = a_message(personas)
    alex = personas["alex"]
    with scope(organization=alex.organization):
        from alongside.conversations.models import Message, MessageReport

        report, _created = MessageReport.objects.get_or_create(
            message=Message.objects.get(pk=ids["message_id"]),
            reporter=alex.membership,
            defaults={"organization_id": alex.organization.pk},
        )
    return {"report_id": report.pk}


def glass_opened(personas: dict[str, Persona]) -> dict[str, Any]:
    """Both supervisors opened break-glass access with a reason (only then may they read)."""
    conversation = alex_conversation(personas)
    with scope(organization=conversation.organization_id):
        for name in OVERSIGHT:
            services.break_glass_open(
                conversation=conversation,
                supervisor=personas[name].membership,
                reason="Checking after a report",
            )
    return {"conversation_id": conversation.pk}


ROUTES: dict[str, RouteCase] = {
    "conversation_list": RouteCase(allowed=("alex", "pat"), ok=(200, 302)),
    "conversation_low_data": RouteCase(method="post", allowed=("alex", "pat"), ok=(302,)),
    "conversation_detail": RouteCase(kwargs=conversation_id, allowed=("alex", "pat")),
    "conversation_read": RouteCase(kwargs=glass_opened, allowed=OVERSIGHT),
    "conversation_send": RouteCase(
        kwargs=conversation_id,
        method="post",
        data={"client_id": "abc", "body": "Hello"},
        allowed=("alex", "pat"),
        ok=(302,),
    ),
    "conversation_poll": RouteCase(kwargs=conversation_id, allowed=("alex", "pat")),
    "conversation_pause": RouteCase(
        kwargs=conversation_id, method="post", data={"pause": "1"}, allowed=("pat",), ok=(302,)
    ),
    "conversation_break_glass": RouteCase(kwargs=conversation_id, allowed=OVERSIGHT),
    "conversation_message_report": RouteCase(kwargs=a_message, allowed=("alex", "pat")),
    "conversation_reports": RouteCase(allowed=OVERSIGHT),
    "conversation_report_resolve": RouteCase(
        kwargs=a_report, method="post", data={"resolution": "Talked with Pat"}, allowed=OVERSIGHT, ok=(302,)
    ),
    "session_note_new": RouteCase(kwargs=conversation_id, allowed=("pat",)),
    "session_note_detail": RouteCase(kwargs=a_note, allowed=("alex", "pat")),
    "session_note_follow_up_done": RouteCase(
        kwargs=a_note, method="post", allowed=("alex", "pat"), ok=(302,)
    ),
}


def messages_path(personas: dict[str, Persona]) -> str:
    return f"/api/v1/conversations/{alex_conversation(personas).pk}/messages"


def receipts_path(personas: dict[str, Persona]) -> str:
    return f"/api/v1/conversations/{alex_conversation(personas).pk}/receipts"


def notes_path(personas: dict[str, Persona]) -> str:
    return f"/api/v1/conversations/{alex_conversation(personas).pk}/notes"


def comment_path(personas: dict[str, Persona]) -> str:
    return f"/api/v1/conversations/notes/{a_note(personas)['note_id']}/comment"


API_ROUTES: dict[str, ApiCase] = {
    "conversations_list": ApiCase("get", "/api/v1/conversations", allowed=("alex", "pat")),
    "conversation_messages": ApiCase("get", messages_path, allowed=("alex", "pat")),
    "conversation_send": ApiCase(
        "post", messages_path, {"client_id": "api-1", "body": "Hello"}, allowed=("alex", "pat"), ok=(200, 201)
    ),
    "conversation_receipts": ApiCase("post", receipts_path, {"read": 0}, allowed=("alex", "pat"), ok=(204,)),
    "conversation_notes": ApiCase("get", notes_path, allowed=("alex", "pat")),
    "session_note_comment": ApiCase("put", comment_path, {"comment": "Thanks"}, allowed=("alex",)),
}
