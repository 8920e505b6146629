"""Conversations for the demo organization (Harbor): alex and pat in the middle of a
conversation (with a session note and a follow-up due), jordan and riley a few messages in.

`seed_demo` is idempotent: a conversation that already has messages is left as it is.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership
from alongside.conversations.models import Conversation, Message, ReadState, SessionNote
from alongside.conversations.services import conversation_for_match
from alongside.matching.models import PeerMatch

if TYPE_CHECKING:
    from alongside.accounts.models import User

ALEX_AND_PAT = [
    ("pat", 26, "Hey Alex, how did the interview go yesterday?"),
    (
        "alex",
        25,
        "Better than I thought! They asked about the gap in my work history and I just told the truth.",
    ),
    ("pat", 25, "That takes guts. How are you feeling about it today?"),
    ("alex", 3, "Honestly a bit wobbly. My brother called again and it brought a lot up."),
    ("pat", 3, "I hear you. Want to talk it through on the phone tonight, or would writing here be easier?"),
    ("alex", 2, "Phone would be good. After 7?"),
    (
        "pat",
        2,
        "After 7 works. I'll call you. Remember the toolbox: the walk around the block helped last time.",
    ),
]
JORDAN_AND_RILEY = [
    ("riley", 30, "Hi Jordan, I'm Riley. Glad we're matched. No pressure to write much, I'm here."),
    ("jordan", 29, "Hi. Thanks. Mornings are the hardest for me."),
    ("riley", 29, "Mornings were rough for me too. Want to try a small morning plan together this week?"),
]


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    for participant, peer, lines in (("alex", "pat", ALEX_AND_PAT), ("jordan", "riley", JORDAN_AND_RILEY)):
        with scopes_disabled():
            match = (
                PeerMatch.objects.filter(
                    participant__user=users[participant],
                    peer__user=users[peer],
                    status=PeerMatch.Status.ACTIVE,
                )
                .select_related("organization")
                .first()
            )
        if match is None:
            continue
        with scope(organization=match.organization):
            conversation = conversation_for_match(match)
            if conversation.messages.exists():
                continue
            _messages(conversation, users, lines)
            if participant == "alex":
                _note(conversation)


def _messages(conversation: Conversation, users: dict[str, User], lines: list[tuple[str, int, str]]) -> None:
    now = timezone.now()
    members = {
        m.user_id: m
        for m in Membership.objects.filter(pk__in=[conversation.participant_id, conversation.peer_id])
    }
    rows = []
    for seq, (who, hours_ago, text) in enumerate(lines, start=1):
        sender = members[users[who].pk]
        rows.append(
            Message(
                organization_id=conversation.organization_id,
                conversation=conversation,
                seq=seq,
                client_id=f"demo-{seq}",
                sender=sender,
                body=text,
                created_at=now - timedelta(hours=hours_ago, minutes=-seq),
            )
        )
    Message.objects.bulk_create(rows)
    conversation.last_seq = len(rows)
    conversation.last_message_at = rows[-1].created_at
    conversation.save(update_fields=["last_seq", "last_message_at"])
    # The participant has read everything but the last message; the peer has read it all.
    for member_id, read in ((conversation.participant_id, len(rows) - 1), (conversation.peer_id, len(rows))):
        ReadState.objects.update_or_create(
            conversation=conversation,
            member_id=member_id,
            defaults={
                "organization_id": conversation.organization_id,
                "read_seq": read,
                "delivered_seq": len(rows),
            },
        )


def _note(conversation: Conversation) -> None:
    today = timezone.localdate()
    SessionNote.objects.create(
        organization_id=conversation.organization_id,
        conversation=conversation,
        author_id=conversation.peer_id,
        happened_on=today - timedelta(days=6),
        duration_minutes=40,
        contact_type="phone",
        life_areas=["employment", "community"],
        agreed="Alex will apply for the warehouse job and tell his sister about the interview.",
        follow_up="Ask how the application went",
        follow_up_due=today + timedelta(days=1),
        participant_comment="Yes. And I want to talk about my brother next time.",
        participant_commented_at=timezone.now() - timedelta(days=5),
        created_at=timezone.now() - timedelta(days=6),
    )
