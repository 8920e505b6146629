"""Every route states who may use it, and every route is tested for it.

The URL patterns, the API operations and the WebSocket routes are enumerated automatically.
A route with no declared access rule, or with no entry in the tables below, fails here; each
entry is then checked four ways: anonymous, an outsider (an admin of another organization),
a wrong role in the same organization, and the right person.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scope

from alongside.accounts.services import invitation_create
from alongside.api.api import api
from alongside.core.access import Access, access_of
from alongside.core.roles import Role
from config.websockets import websocket_urlpatterns
from conftest import Persona
from tests.authz import ALL, ApiCase, RouteCase, collect_app_cases, no_kwargs


def pending_invitation(personas: dict[str, Persona]) -> dict[str, Any]:
    morgan = personas["morgan"]
    with scope(organization=morgan.organization):
        invitation, _token = invitation_create(
            organization=morgan.organization, invited_by=morgan.user, email="new@example.org", role=Role.PEER
        )
    return {"invitation_id": invitation.pk}


def invitation_token(personas: dict[str, Persona]) -> dict[str, Any]:
    morgan = personas["morgan"]
    with scope(organization=morgan.organization):
        _invitation, token = invitation_create(
            organization=morgan.organization,
            invited_by=morgan.user,
            email="another@example.org",
            role=Role.PEER,
        )
    return {"token": token}


CORE_ROUTES: dict[str, RouteCase] = {
    "home": RouteCase(allowed=ALL),
    "healthz": RouteCase(ok=(200, 503)),
    "crisis_help": RouteCase(),
    "set_language": RouteCase(method="post", data={"language": "es", "next": "/"}, ok=(302,)),
    "preferences": RouteCase(allowed=ALL),
    "my_data": RouteCase(allowed=ALL),
    "my_data_download": RouteCase(allowed=ALL),
    "my_data_summary": RouteCase(allowed=ALL),
    "deletion_request": RouteCase(method="post", data={"password": "wrong"}, allowed=ALL, ok=(302,)),
    "deletion_cancel": RouteCase(method="post", allowed=ALL, ok=(302,)),
    "join_organization": RouteCase(method="post", data={"organization": "0"}, allowed=ALL, ok=(302, 404)),
    "switch_organization": RouteCase(method="post", data={"organization": "0"}, allowed=ALL, ok=(302,)),
    "invitation_accept": RouteCase(kwargs=invitation_token, capability_link=True),
    "organization_settings": RouteCase(
        method="post",
        data={
            "name": "Harbor Peer Collective",
            "timezone": "America/New_York",
            "country": "US",
            "default_language": "en",
            "deletion_grace_days": "14",
        },
        allowed=("morgan",),
        ok=(302,),
    ),
    "staff_list": RouteCase(allowed=("morgan",)),
    "membership_edit": RouteCase(
        kwargs=lambda p: {"membership_id": p["alex"].membership.pk},  # type: ignore[union-attr]
        allowed=("morgan",),
    ),
    "invitation_list": RouteCase(allowed=("morgan",)),
    "invitation_revoke": RouteCase(kwargs=pending_invitation, method="post", allowed=("morgan",), ok=(302,)),
    "programme_list": RouteCase(allowed=("morgan",)),
    "audit_log": RouteCase(allowed=("sam", "morgan")),
    "notification_list": RouteCase(allowed=ALL),
    "notifications_mark_read": RouteCase(method="post", allowed=ALL, ok=(302,)),
    "push_subscribe": RouteCase(method="post", allowed=ALL, ok=(400,)),
    "push_unsubscribe": RouteCase(method="post", allowed=ALL, ok=(400,)),
    "service_worker": RouteCase(),
    "checkin_today": RouteCase(method="post", data={"mood": "4"}, allowed=("alex",), ok=(302,)),
    "checkin_history": RouteCase(allowed=("alex",)),
    "participant_list": RouteCase(allowed=("sam", "morgan")),
    "participant_detail": RouteCase(
        kwargs=lambda p: {"participant_id": p["alex"].membership.pk},  # type: ignore[union-attr]
        allowed=("pat", "sam", "morgan"),
    ),
}
APP_ROUTES, APP_API_ROUTES = collect_app_cases()
ROUTES = {**CORE_ROUTES, **APP_ROUTES}

# What gives Harbor's data away on a page: an outsider must never see it.
HARBOR_MARKERS = ("Harbor Peer Collective", ">Alex<", "alex@example.org")


def django_routes() -> Iterator[tuple[str, Any]]:
    def walk(patterns: list[Any], namespace: str = "") -> Iterator[tuple[str, Any]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "api":
                    continue  # the API is enumerated operation by operation below
                yield from walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                if entry.callback.__module__.startswith("allauth."):
                    continue  # allauth's own login, sign-up, password and MFA flows
                yield entry.name or str(entry.pattern), entry.callback

    yield from walk(get_resolver().url_patterns)


def test_every_route_declares_access_and_has_a_test_case() -> None:
    undeclared = [name for name, view in django_routes() if access_of(view) is None]
    untested = [name for name, _view in django_routes() if name not in ROUTES]
    stale = set(ROUTES) - {name for name, _view in django_routes()}
    assert not undeclared, f"routes without an access rule: {undeclared}"
    assert not untested, f"routes without an authorization test case: {untested}"
    assert not stale, f"test cases for routes that no longer exist: {stale}"


def test_declared_roles_match_the_test_table() -> None:
    persona_roles = {
        "alex": Role.PARTICIPANT,
        "pat": Role.PEER,
        "sam": Role.SUPERVISOR,
        "casey": Role.CLINICIAN,
        "morgan": Role.ADMIN,
    }
    for name, view in django_routes():
        access = access_of(view)
        assert access is not None
        case = ROUTES[name]
        if access.roles:
            expected = {persona_roles[p] for p in case.allowed}
            assert expected == set(access.roles), (
                f"{name}: table allows {expected}, view allows {set(access.roles)}"
            )


def call(client: Any, case: RouteCase, personas: dict[str, Persona], name: str) -> Any:
    url = reverse(name, kwargs=case.kwargs(personas))
    return getattr(client, case.method)(url, data=case.data)


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_anonymous(name: str, client: Any, personas: dict[str, Persona]) -> None:
    case = ROUTES[name]
    access = access_of(dict(django_routes())[name])
    response = call(client, case, personas, name)
    if access is not None and access.public:
        assert response.status_code in (*case.ok, 302, 410)
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_outsider_sees_nothing_of_another_organization(name: str, personas: dict[str, Persona]) -> None:
    case = ROUTES[name]
    response = call(personas["outsider"].client(), case, personas, name)
    assert response.status_code in (*case.ok, 302, 403, 404, 410, 503)
    body = response.content.decode()
    if case.capability_link:
        return
    for marker in HARBOR_MARKERS:
        assert marker not in body, f"{name} showed {marker!r} to an outsider"
    if case.kwargs is not no_kwargs and case.allowed:
        assert response.status_code in (403, 404), f"{name}: outsider reached another organization's record"


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_wrong_role_is_refused(name: str, personas: dict[str, Persona]) -> None:
    case = ROUTES[name]
    access = access_of(dict(django_routes())[name])
    assert access is not None
    if not access.roles:
        pytest.skip("open to every signed-in person or to everyone")
    for persona in set(ALL) - set(case.allowed):
        response = call(personas[persona].client(), case, personas, name)
        assert response.status_code == 403, f"{name} let {persona} in"


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_right_person_is_let_in(name: str, personas: dict[str, Persona]) -> None:
    case = ROUTES[name]
    for persona in case.allowed or ("alex",):
        response = call(personas[persona].client(), case, personas, name)
        assert response.status_code in case.ok, f"{name} refused {persona}: {response.status_code}"


# The API ------------------------------------------------------------------------------------


CORE_API_ROUTES: dict[str, ApiCase] = {
    "create_token": ApiCase(
        "post", "/api/v1/auth/token", {"username": "alex", "password": "a-long-test-password"}
    ),
    "revoke_token": ApiCase("delete", "/api/v1/auth/token", ok=(204, 400)),
    "me": ApiCase("get", "/api/v1/me"),
    "my_data_export": ApiCase("get", "/api/v1/me/data"),
}
API_ROUTES = {**CORE_API_ROUTES, **APP_API_ROUTES}


def api_operations() -> Iterator[tuple[str, Any]]:
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                yield operation.view_func.__name__, operation


def test_every_api_operation_declares_access_and_has_a_test_case() -> None:
    operations = dict(api_operations())
    undeclared = [name for name, op in operations.items() if access_of(op.view_func) is None]
    assert not undeclared, f"API operations without an access rule: {undeclared}"
    assert set(operations) == set(API_ROUTES), "API operations and their test cases differ"


def api_call(client: Any, case: ApiCase, personas: dict[str, Persona]) -> Any:
    return getattr(client, case.method)(case.url(personas), data=case.body, content_type="application/json")


@pytest.mark.parametrize("name", sorted(API_ROUTES))
def test_api_anonymous(name: str, client: Any, personas: dict[str, Persona]) -> None:
    case = API_ROUTES[name]
    access: Access | None = access_of(dict(api_operations())[name].view_func)
    response = api_call(client, case, personas)
    if access is not None and access.public:
        assert response.status_code in case.ok
    else:
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("name", sorted(API_ROUTES))
def test_api_outsider_sees_nothing_of_another_organization(name: str, personas: dict[str, Persona]) -> None:
    case = API_ROUTES[name]
    response = api_call(personas["outsider"].client(), case, personas)
    if callable(case.path):  # a path naming one of Harbor's records
        assert response.status_code in (403, 404), f"{name}: outsider reached another organization's record"
    for marker in (*HARBOR_MARKERS, "harbor"):
        assert marker not in response.content.decode()


@pytest.mark.parametrize("name", sorted(API_ROUTES))
def test_api_right_person_is_let_in(name: str, personas: dict[str, Persona]) -> None:
    case = API_ROUTES[name]
    for persona in case.allowed:
        response = api_call(personas[persona].client(), case, personas)
        assert response.status_code in case.ok, f"{name} refused {persona}: {response.status_code}"


# WebSockets -----------------------------------------------------------------------------------


def test_every_websocket_route_declares_access() -> None:
    for route in websocket_urlpatterns:
        consumer = route.callback.consumer_class  # type: ignore[attr-defined]
        assert isinstance(getattr(consumer, "access", None), Access), f"{route.pattern} has no access rule"
