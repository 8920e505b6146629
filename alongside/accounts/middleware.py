from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, User

ACTIVE_ORGANIZATION_KEY = "active_organization_id"


def memberships_of(user: User) -> list[Membership]:
    """Every active membership of a signed-in person, across organizations (filtered by person,
    so reading them unscoped shows nobody anything that is not theirs)."""
    with scopes_disabled():
        return list(
            Membership.objects.filter(user=user, is_active=True, organization__is_active=True)
            .select_related("organization", "programme")
            .order_by("joined_at", "organization__name")
        )


class UserLanguageMiddleware:
    """A signed-in person's saved language applies unless they just chose one on this device."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.language
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class OrganizationMiddleware:
    """Finds the active membership and runs the request inside that organization's scope.

    With no membership no scope is active, so any query of organization data raises instead of
    returning another organization's rows.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.memberships = []  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        request.organization = None  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            memberships = memberships_of(request.user)  # type: ignore[arg-type]
            chosen_id = request.session.get(ACTIVE_ORGANIZATION_KEY)
            active = next((m for m in memberships if m.organization_id == chosen_id), None)
            if active is None and memberships:
                active = memberships[0]
            request.memberships = memberships  # type: ignore[attr-defined]
            request.membership = active  # type: ignore[attr-defined]
            request.organization = active.organization if active else None  # type: ignore[attr-defined]
        if request.organization is not None:  # type: ignore[attr-defined]
            with scope(organization=request.organization):  # type: ignore[attr-defined]
                return self.get_response(request)
        return self.get_response(request)


MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz", "/api/", "/help/")


class RequiredMfaMiddleware:
    """Sends someone whose role must use two-factor authentication to set it up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        membership = getattr(request, "membership", None)
        if (
            membership is not None
            and membership.organization.requires_mfa_for(membership.role)
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not user_has_totp(request.user)
        ):
            messages.info(
                request,
                _(
                    "%(org)s asks everyone in your role to use two-factor authentication. Please set it up to continue."
                )
                % {"org": membership.organization.name},
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def user_has_totp(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
