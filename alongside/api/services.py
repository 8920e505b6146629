"""API tokens: issue, check, revoke."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import User
from alongside.accounts.security import SecurityEvent, security_notice_send
from alongside.api.models import PersonalAccessToken
from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest

TOKEN_PREFIX = "alo_"  # noqa: S105 (marks tokens in logs and secret scanners)


token_digest = secret_digest


LAST_USED_PRECISION = timedelta(minutes=1)


@transaction.atomic
def token_issue(
    *, user: User, name: str = "API client", days: int | None = None
) -> tuple[PersonalAccessToken, str]:
    """Creates a token for `user`; returns the row and the raw token (never stored). Audited,
    and the person is told (in the app and by email) that a token was created, and from where."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name[:100],
        token_hash=token_digest(raw),
        prefix=raw[:12],
        expires_at=timezone.now() + timedelta(days=days or settings.API_TOKEN_DAYS),
    )
    audit_record(action="api.token.issue", actor=user, organization=None, obj=token)
    security_notice_send(user=user, event=SecurityEvent.TOKEN_CREATED, token_name=token.name)
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
    # Recorded at most once a minute, so that using a token does not write on every request.
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token


@transaction.atomic
def token_revoke(*, token: PersonalAccessToken) -> None:
    """Revokes one token (its owner's own choice, or the token revoking itself). Audited."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(action="api.token.revoke", actor=token.user, organization=None, obj=token)


@transaction.atomic
def tokens_revoke_all(*, user: User) -> int:
    """Revokes every token `user` still holds (part of signing them out everywhere)."""
    revoked = PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        audit_record(
            action="api.token.revoke_all", actor=user, organization=None, obj=user, reason=str(revoked)
        )
    return revoked


def tokens_of(user: User) -> list[PersonalAccessToken]:
    """The person's own tokens that still work, newest first (only ever their own)."""
    return list(
        PersonalAccessToken.objects.filter(
            user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).order_by("-created_at")
    )


def tokens_drop_expired() -> int:
    cutoff = timezone.now() - timedelta(days=30)
    deleted, _counts = PersonalAccessToken.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
