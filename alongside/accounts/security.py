"""Ending sessions and API tokens, and telling people about changes to how they sign in.

`sessions_end` is the one service that signs a person out everywhere: it raises their session
generation (every browser session made before it stops working at its next request: the
session's auth hash no longer matches), asks every app holding credentials for them to revoke
them (`signed_out_everywhere`; the API app revokes its tokens), and keeps the session that asked
for it signed in. It is called for every password change or reset (whatever the path: allauth,
`alongside changepassword`, a walk-in handover), when an account is deactivated, when someone
loses their last active membership, and when a person signs out of their other sessions.

`security_notice_send` tells the person, in the app and by email in their language, what
happened, when, from where, and what to do if it was not them. It never includes a secret.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.core.audit import audit_record
from alongside.core.notifications import notification_send
from alongside.core.request_context import current_client
from alongside.core.timezones import zone_for

# Sent inside the transaction that signs a person out everywhere. Arguments: user. Apps that
# hold other credentials for the person (API tokens) revoke them here.
signed_out_everywhere = Signal()


class SessionsEndReason(Enum):
    PASSWORD_CHANGED = "password-changed"  # noqa: S105 (a reason, not a password)
    DEACTIVATED = "deactivated"
    NO_ACTIVE_MEMBERSHIP = "no-active-membership"
    ASKED = "asked"  # the person chose "sign out of every other session"


class SecurityEvent(Enum):
    TOKEN_CREATED = "security.token_created"  # noqa: S105 (an event name)
    PASSWORD_CHANGED = "security.password_changed"  # noqa: S105 (an event name)
    TWO_FACTOR_OFF = "security.two_factor_off"
    SESSIONS_ENDED = "security.sessions_ended"


@transaction.atomic
def sessions_end(
    *,
    user: User,
    reason: SessionsEndReason,
    keep_request: HttpRequest | None = None,
    actor: User | None = None,
    notify: bool = True,
) -> None:
    """Signs `user` out of every session and revokes every API token they hold. The session of
    `keep_request`, when it is the person's own, stays signed in. Audited; the person is told
    (a password change is told once, by its own notice)."""
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.session_generation += 1
    signed_out_everywhere.send(sender=User, user=user)
    kept = getattr(keep_request, "user", None)
    if keep_request is not None and kept is not None and kept.pk == user.pk:
        if kept is not user:
            kept.session_generation = user.session_generation
            kept.password = user.password
        update_session_auth_hash(keep_request, kept)
    audit_record(
        action="auth.sessions.end", actor=actor or user, organization=None, obj=user, reason=reason.value
    )
    if not notify:
        return
    if reason is SessionsEndReason.PASSWORD_CHANGED:
        security_notice_send(user=user, event=SecurityEvent.PASSWORD_CHANGED)
    else:
        security_notice_send(user=user, event=SecurityEvent.SESSIONS_ENDED, reason=reason)


def user_lost_last_membership(user: User) -> bool:
    with scopes_disabled():
        return not Membership.objects.filter(user=user, is_active=True).exists()


# Telling people ------------------------------------------------------------------------------

_BROWSERS = (
    ("Edg/", "Microsoft Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
    ("python-requests/", "a Python program"),
    ("python-httpx/", "a Python program"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "an iPhone"),
    ("iPad", "an iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "a Mac"),
    ("Macintosh", "a Mac"),
    ("Linux", "Linux"),
)


def device_in_words(user_agent: str) -> str:
    """'Firefox on Windows', 'Safari on an iPhone', or '' when the user agent says nothing
    recognisable (a browser's full user-agent string means nothing to most people)."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), "")
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system


def where_in_words(client: tuple[str, str] | None) -> str:
    if client is None:
        return _("on the server itself (a command run by an administrator)")
    address, user_agent = client
    device = device_in_words(user_agent)
    if device:
        return _("from %(device)s at internet address %(address)s") % {"device": device, "address": address}
    return _("from internet address %(address)s") % {"address": address}


def _language_of(user: User) -> str:
    if user.language:
        return user.language
    with scopes_disabled():
        membership = (
            Membership.objects.filter(user=user, is_active=True).select_related("organization").first()
        )
    return membership.organization.default_language if membership else settings.LANGUAGE_CODE


def _when_in_words(user: User, moment: datetime) -> str:
    local = timezone.localtime(moment, zone_for(user))  # theirs, else their organization's
    return formats.date_format(local, "DATETIME_FORMAT") + " (" + local.tzname() + ")"  # type: ignore[operator]


def _what_happened(
    event: SecurityEvent, reason: SessionsEndReason | None, token_name: str
) -> tuple[str, str]:
    if event is SecurityEvent.TOKEN_CREATED:
        return (
            _("A new API token was created for your account"),
            _("An API token named “%(name)s” was created for your account, so a program can act as you.")
            % {"name": token_name},
        )
    if event is SecurityEvent.PASSWORD_CHANGED:
        return (
            _("Your password was changed"),
            _(
                "Your Alongside password was changed. Every other place you were signed in has been "
                "signed out, and every API token has stopped working."
            ),
        )
    if event is SecurityEvent.TWO_FACTOR_OFF:
        return (
            _("Two-factor authentication was turned off"),
            _(
                "Two-factor authentication was turned off for your account. Signing in now needs only your password."
            ),
        )
    explanations = {
        SessionsEndReason.ASKED: _("You chose to sign out of every other session."),
        SessionsEndReason.DEACTIVATED: _("Your account was deactivated by your organization."),
        SessionsEndReason.NO_ACTIVE_MEMBERSHIP: _("You are no longer an active member of any organization."),
    }
    explanation = explanations.get(reason, "") if reason is not None else ""
    what = _(
        "Every other place you were signed in has been signed out, and every API token has stopped working."
    )
    return _("You were signed out everywhere else"), f"{what} {explanation}".strip()


def security_notice_send(
    *, user: User, event: SecurityEvent, reason: SessionsEndReason | None = None, token_name: str = ""
) -> None:
    """Tells `user` in the app and by email (in their language) what changed about how they sign
    in: what, when (in their time zone), from where (address and device in plain words, when it
    happened in a request), and what to do if it was not them."""
    with translation.override(_language_of(user)):
        title, what = _what_happened(event, reason, token_name)
        when = _when_in_words(user, timezone.now())
        where = where_in_words(current_client())
        body = "\n\n".join(
            [
                what,
                _("When: %(when)s.") % {"when": when},
                _("Where: %(where)s.") % {"where": re.sub(r"\s+", " ", where)},
                _(
                    "If this was you, there is nothing to do. If it was not you, reset your password now "
                    "(“Forgot your password?” on the sign-in page), sign out everywhere else under My "
                    "account › Sign-in and security, and tell your organization."
                ),
            ]
        )
        notification_send(
            user=user, kind=event.value, title=title, body=body, url=reverse("account_security"), email=True
        )
