"""Real-time notifications to one person, sent only after the transaction commits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from alongside.core.models import Notification

if TYPE_CHECKING:
    from alongside.accounts.models import Organization, User


def user_group(user_id: int) -> str:
    return f"notify.user.{user_id}"


def group_send(group: str, event: dict[str, Any]) -> None:
    """Sends `event` to a channel-layer group now, from synchronous code. Callers that write
    run it with `transaction.on_commit`, so nobody hears of something that was not stored."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, event)


def notify_user(user_id: int, payload: dict[str, Any]) -> None:
    """Push `payload` to every open tab of this person once the current transaction commits."""
    transaction.on_commit(lambda: group_send(user_group(user_id), {"type": "notify", "payload": payload}))


def notification_send(
    *,
    user: User,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    organization: Organization | None = None,
    email: bool = False,
) -> Notification:
    """Stores an in-app notification, pushes it live to the person's open tabs and, through the
    worker, to the devices where they turned on web push; emails it when `email` is set and
    the person has an address. Sending happens after commit."""
    notification = Notification.objects.create(
        user=user, organization=organization, kind=kind, title=title[:200], body=body, url=url
    )
    notify_user(
        user.pk, {"id": notification.pk, "kind": kind, "title": notification.title, "body": body, "url": url}
    )
    if user.push_subscriptions.exists():
        from alongside.core.webpush import enabled, send_web_push

        if enabled():
            transaction.on_commit(lambda: send_web_push.enqueue(notification.pk))
    if email and user.email:
        link = settings.SITE_URL + url if url.startswith("/") else url

        def send() -> None:
            send_mail(
                notification.title, "\n\n".join(part for part in (body, link) if part), None, [user.email]
            )

        transaction.on_commit(send)
    return notification
