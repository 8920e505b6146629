"""Web push: the browser's own notifications, when a person turns them on for a device.

Sending happens in the task worker (a push service can be slow); a subscription the push
service says is gone (404 or 410) is deleted.
"""

from __future__ import annotations

import base64
import json
import logging
from functools import cache

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django_tasks import task
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from alongside.core.models import Notification, PushSubscription

logger = logging.getLogger("alongside.webpush")


def enabled() -> bool:
    return bool(settings.WEBPUSH_VAPID_PRIVATE_KEY)


@cache
def _vapid(key: str) -> Vapid:
    return Vapid.from_pem(key.encode()) if "BEGIN" in key else Vapid.from_string(key)


def vapid() -> Vapid:
    return _vapid(settings.WEBPUSH_VAPID_PRIVATE_KEY)


def application_server_key() -> str:
    """The public key browsers need to subscribe (uncompressed point, base64url)."""
    raw = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@task()
def send_web_push(notification_id: int) -> int:
    """Push one stored notification to every device its person subscribed. Returns how many
    devices accepted it."""
    if not enabled():
        return 0
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None:
        return 0
    payload = json.dumps(
        {"title": notification.title, "body": notification.body, "url": notification.url or "/"}
    )
    delivered = 0
    for subscription in PushSubscription.objects.filter(user_id=notification.user_id):
        try:
            webpush(
                subscription.as_subscription_info(),
                data=payload,
                vapid_private_key=vapid(),
                vapid_claims={"sub": settings.WEBPUSH_CONTACT},
                ttl=3600,
                timeout=10,
            )
            delivered += 1
        except WebPushException as exc:
            status = exc.response.status_code if exc.response is not None else None
            if status in (404, 410):
                subscription.delete()
            else:
                logger.warning("web push to %s failed: %s", subscription.pk, status)
    return delivered
