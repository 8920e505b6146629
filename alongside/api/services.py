"""API tokens: issue, check, revoke."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import User
from alongside.api.models import PersonalAccessToken
from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest

TOKEN_PREFIX = "alo_"  # noqa: S105 (marks tokens in logs and secret scanners)


token_digest = secret_digest


@transaction.atomic
def token_issue(
    *, user: User, name: str = "API client", days: int | None = None
) -> tuple[PersonalAccessToken, str]:
    """Creates a token for `user`; returns the row and the raw token (never stored)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name[:100],
        token_hash=token_digest(raw),
        prefix=raw[:12],
        expires_at=timezone.now() + timedelta(days=days or settings.API_TOKEN_DAYS),
    )
    audit_record(action="api.token.issue", actor=user, organization=None, obj=token)
    return token, raw


def token_user(raw_token: str) -> tuple[User, PersonalAccessToken] | None:
    """The user a raw bearer token belongs to, if it is known, unexpired and not revoked."""
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=token_digest(raw_token), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token


@transaction.atomic
def token_revoke(*, token: PersonalAccessToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action="api.token.revoke", actor=token.user, organization=None, obj=token)


def tokens_drop_expired() -> int:
    cutoff = timezone.now() - timedelta(days=30)
    deleted, _counts = PersonalAccessToken.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
