"""Sign-ins and sign-outs go into the audit log (who, when, from which request); changed
credentials end every other session and token; turning two-factor off is told to the person."""

from __future__ import annotations

from typing import Any

from allauth.mfa.signals import authenticator_removed
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from alongside.accounts.models import Membership, User, credentials_changed
from alongside.core.audit import audit_record


@receiver(user_logged_in)
def record_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(action="auth.login", actor=user, organization=None)


@receiver(user_logged_out)
def record_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(action="auth.logout", actor=user, organization=None)


@receiver(credentials_changed)
def end_sessions_when_credentials_change(sender: Any, user: User, change: str, **kwargs: Any) -> None:
    """A new password, or a deactivated account, ends every token and every other session,
    whatever the path that made the change."""
    from alongside.accounts.security import SessionsEndReason, sessions_end

    reason = SessionsEndReason.PASSWORD_CHANGED if change == "password" else SessionsEndReason.DEACTIVATED
    sessions_end(user=user, reason=reason)


@receiver(post_save, sender=Membership)
def end_sessions_when_last_membership_ends(sender: Any, instance: Membership, **kwargs: Any) -> None:
    was_active = instance._loaded_is_active
    instance._loaded_is_active = instance.is_active
    if was_active and not instance.is_active:
        _end_sessions_if_no_membership_left(instance.user)


@receiver(post_delete, sender=Membership)
def end_sessions_when_last_membership_goes(sender: Any, instance: Membership, **kwargs: Any) -> None:
    if isinstance(kwargs.get("origin"), User):
        return  # the person themself is being erased; their sessions and tokens go with them
    if instance.is_active:
        _end_sessions_if_no_membership_left(instance.user)


def _end_sessions_if_no_membership_left(user: User) -> None:
    from alongside.accounts.security import SessionsEndReason, sessions_end, user_lost_last_membership

    if user_lost_last_membership(user):
        # Someone whose account is being erased is not written to about it.
        being_erased = user.deletion_requests.filter(
            cancelled_at__isnull=True, completed_at__isnull=True
        ).exists()
        sessions_end(user=user, reason=SessionsEndReason.NO_ACTIVE_MEMBERSHIP, notify=not being_erased)


@receiver(authenticator_removed)
def tell_when_two_factor_is_turned_off(sender: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    from allauth.mfa.models import Authenticator

    from alongside.accounts.security import SecurityEvent, security_notice_send

    if authenticator.type == Authenticator.Type.TOTP:
        audit_record(action="auth.two_factor.off", actor=user, organization=None)
        security_notice_send(user=user, event=SecurityEvent.TWO_FACTOR_OFF)
