"""The REST API under /api/v1. Browser sessions (with CSRF) and bearer tokens both work."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Schema
from ninja.security import HttpBearer, SessionAuth

from alongside.accounts.mfa import SecondFactor, second_factor_check, second_factor_for
from alongside.accounts.throttle import login_attempt, refused_message
from alongside.api.access import api_access
from alongside.api.problems import install_problem_handlers, problem
from alongside.api.services import token_issue, token_revoke
from alongside.core.access import Access
from alongside.core.network import client_address
from alongside.core.roles import Role


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        # The token was checked by BearerTokenMiddleware, so the organization scope is in place.
        return request.user if getattr(request, "api_token", None) is not None else None


api = NinjaAPI(
    title="Alongside API",
    version="1",
    description="Peer support for mental health and addiction recovery. Errors are RFC 9457 problem details.",
    urls_namespace="api",
    auth=[BearerToken(), SessionAuth()],
    docs_url=None,  # the interactive docs page loads assets from another host
)
install_problem_handlers(api)


def mount_app_routers() -> None:
    """Each app that offers API operations has `alongside/<app>/api.py` with a ninja `router`
    and its URL `ROUTER_PREFIX` (e.g. "/plans")."""
    import alongside

    for app in pkgutil.iter_modules(alongside.__path__):
        if not app.ispkg or app.name == "api":
            continue
        packages = [f"alongside.{app.name}"]
        # Apps nested one level down (alongside/safety/escalation) offer theirs the same way.
        parent = importlib.import_module(packages[0])
        packages += [
            f"{packages[0]}.{sub.name}"
            for sub in pkgutil.iter_modules(parent.__path__)
            if sub.ispkg and importlib.util.find_spec(f"{packages[0]}.{sub.name}.apps") is not None
        ]
        for package in packages:
            if importlib.util.find_spec(f"{package}.api") is None:
                continue
            module = importlib.import_module(f"{package}.api")
            api.add_router(module.ROUTER_PREFIX, module.router)


class TokenRequest(Schema):
    username: str
    password: str
    name: str = "API client"
    code: str | None = Field(
        default=None,
        description=(
            "The current code from the person's authenticator app, or one of their unused "
            "recovery codes. Required when the person has two-factor authentication on, or an "
            "organization they belong to requires it for their role."
        ),
    )


class TokenResponse(Schema):
    token: str
    token_type: str = "Bearer"  # noqa: S105 (a scheme name, not a secret)
    expires_at: str


def _throttled(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = problem(request, 429, refused_message(retry_after), kind="rate-limited")
    response["Retry-After"] = str(retry_after)
    return response


@api.post("/auth/token", auth=None, response={200: TokenResponse}, tags=["auth"])
@api_access(Access(public=True))
def create_token(request: HttpRequest, body: TokenRequest) -> Any:
    """Exchange a username (or email), password and, where two-factor authentication applies,
    a `code` for a bearer token. Wrong passwords and wrong codes count against the same
    per-account-and-address limit as web sign-ins: when it is reached the answer is 429 with
    `Retry-After`. A missing or wrong code is a 401 problem whose type ends in `mfa-required`."""
    username = body.username.strip()
    with login_attempt(login=username, address=client_address(request)) as attempt:
        if attempt.retry_after:
            return _throttled(request, attempt.retry_after)
        user = authenticate(request, username=username, password=body.password)
        if user is None or not user.is_active:
            attempt.failed()
            return problem(request, 401, "The username or password is not right.", kind="invalid-credentials")
        second_factor = second_factor_for(user)  # type: ignore[arg-type]
        if second_factor is SecondFactor.NOT_SET_UP:
            return problem(
                request,
                401,
                "An organization you belong to requires two-factor authentication for your role. "
                "Turn it on under My account, then send its code as `code`.",
                kind="mfa-required",
            )
        if second_factor is SecondFactor.NEEDED:
            if not body.code:
                return problem(
                    request,
                    401,
                    "This account uses two-factor authentication: send the code from your "
                    "authenticator app (or an unused recovery code) as `code`.",
                    kind="mfa-required",
                )
            if not second_factor_check(user=user, code=body.code):  # type: ignore[arg-type]
                attempt.failed()
                return problem(
                    request,
                    401,
                    "The two-factor code is not right, or it was already used. Wait for the next "
                    "code and try again.",
                    kind="mfa-required",
                )
        attempt.succeeded()
    token, raw = token_issue(user=user, name=body.name)  # type: ignore[arg-type]
    return {"token": raw, "expires_at": token.expires_at.isoformat()}


@api.delete("/auth/token", response={204: None}, tags=["auth"])
@api_access(Access(signed_in=True))
def revoke_token(request: HttpRequest) -> Any:
    """Revoke the bearer token this request was made with."""
    token = getattr(request, "api_token", None)
    if token is None:
        return problem(request, 400, "This request was not made with a bearer token.", kind="no-token")
    token_revoke(token=token)
    return 204, None


class OrganizationOut(Schema):
    id: int
    name: str
    slug: str


class MembershipOut(Schema):
    organization: OrganizationOut
    role: Role
    active: bool


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    timezone: str = Field(
        description="The IANA time zone this person reads times in: their own, else their active organization's."
    )
    language: str
    memberships: list[MembershipOut]


@api.get("/me", response=MeOut, tags=["accounts"])
@api_access(Access(signed_in=True))
def me(request: HttpRequest) -> Any:
    """The signed-in person, their organizations and roles (the active one marked)."""
    user = request.user
    active = getattr(request, "membership", None)
    return {
        "id": user.pk,
        "username": user.username,  # type: ignore[union-attr]
        "display_name": user.shown_name,  # type: ignore[union-attr]
        "timezone": timezone.get_current_timezone_name(),  # theirs, else their organization's
        "language": user.language or "en",  # type: ignore[union-attr]
        "memberships": [
            {
                "organization": {
                    "id": m.organization.pk,
                    "name": m.organization.name,
                    "slug": m.organization.slug,
                },
                "role": m.role,
                "active": active is not None and m.pk == active.pk,
            }
            for m in request.memberships  # type: ignore[attr-defined]
        ],
    }


@api.get("/me/data", tags=["accounts"])
@api_access(Access(signed_in=True))
def my_data_export(request: HttpRequest) -> Any:
    """Everything Alongside holds about the signed-in person (the same as the My data download).
    Audited as a personal-data export."""
    from alongside.accounts.views_my_data import audited_personal_data

    return audited_personal_data(request, "api")


mount_app_routers()
