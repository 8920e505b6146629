"""Two-factor authentication outside allauth's own pages (the API's token exchange).

Codes are checked with allauth's own authenticators, so a TOTP code is accepted once within
its window (allauth remembers used codes in the cache) and a recovery code only once ever.
"""

from __future__ import annotations

from enum import Enum

from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership, User


class SecondFactor(Enum):
    NOT_NEEDED = "not-needed"
    NEEDED = "needed"  # the person has TOTP
    NOT_SET_UP = "not-set-up"  # an organization requires it for their role, and they have none


def second_factor_for(user: User) -> SecondFactor:
    """Whether signing in as `user` needs a code: they turned TOTP on, or an organization they
    are an active member of requires two-factor authentication for their role there."""
    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return SecondFactor.NEEDED
    with scopes_disabled():
        memberships = Membership.objects.filter(
            user=user, is_active=True, organization__is_active=True
        ).select_related("organization")
        if any(m.organization.requires_mfa_for(m.role) for m in memberships):
            return SecondFactor.NOT_SET_UP
    return SecondFactor.NOT_NEEDED


def second_factor_check(*, user: User, code: str) -> bool:
    """True when `code` is a current TOTP code (not used before) or an unused recovery code of
    `user`; the code is then spent."""
    code = "".join(code.split())
    if not code:
        return False
    for authenticator in Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    ).order_by("-type"):  # TOTP first
        if authenticator.wrap().validate_code(code):
            authenticator.record_usage()
            return True
    return False
