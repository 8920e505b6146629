"""Shared pieces of the route authorization test.

Each app may add its routes' cases in `alongside/<app>/tests/route_cases.py`, defining
`ROUTES: dict[str, RouteCase]` (by URL name) and `API_ROUTES: dict[str, ApiCase]` (by
operation function name). tests/test_route_authorization.py collects them all.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import alongside
from conftest import Persona

Kwargs = Callable[[dict[str, Persona]], dict[str, Any]]

# Harbor's personas by role; "outsider" is an admin of another organization.
ALL = ("alex", "pat", "sam", "casey", "morgan")


def no_kwargs(personas: dict[str, Persona]) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class RouteCase:
    kwargs: Kwargs = no_kwargs
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    # Who in Harbor is allowed (by persona name); the others are the wrong roles.
    allowed: tuple[str, ...] = ()
    # Statuses that count as "let in" for the right person.
    ok: tuple[int, ...] = (200,)
    # The secret in the URL is the permission (an invitation link): whoever holds it may see
    # what it invites to; accepting it is tested where the feature is.
    capability_link: bool = False


@dataclass(frozen=True)
class ApiCase:
    method: str
    path: str | Callable[[dict[str, Persona]], str]
    body: dict[str, Any] | None = None
    allowed: tuple[str, ...] = ALL
    ok: tuple[int, ...] = (200,)

    def url(self, personas: dict[str, Persona]) -> str:
        return self.path(personas) if callable(self.path) else self.path


def collect_app_cases() -> tuple[dict[str, RouteCase], dict[str, ApiCase]]:
    routes: dict[str, RouteCase] = {}
    api_routes: dict[str, ApiCase] = {}
    for package in _app_packages():
        name = f"{package}.tests.route_cases"
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # the app has no tests package
            spec = None
        if spec is None:
            continue
        module = importlib.import_module(name)
        routes.update(getattr(module, "ROUTES", {}))
        api_routes.update(getattr(module, "API_ROUTES", {}))
    return routes, api_routes


def _app_packages() -> list[str]:
    """Each app under alongside/, and apps nested one level down (alongside/safety/escalation)."""
    found = []
    for app in pkgutil.iter_modules(alongside.__path__):
        if not app.ispkg:
            continue
        found.append(f"alongside.{app.name}")
        package = importlib.import_module(f"alongside.{app.name}")
        for sub in pkgutil.iter_modules(package.__path__):
            if sub.ispkg and importlib.util.find_spec(f"alongside.{app.name}.{sub.name}.apps") is not None:
                found.append(f"alongside.{app.name}.{sub.name}")
    return found
