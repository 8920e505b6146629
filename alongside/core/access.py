"""Who may use a route. Every view states it with one of these decorators.

The authorization test walks every URL pattern, reads the `access` attribute these decorators
leave on the view, and checks anonymous, outsider, wrong-role and allowed access against it;
a route without one fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from alongside.core.roles import Role

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass(frozen=True)
class Access:
    """public: anyone; signed_in: any account, with or without an organization;
    otherwise the active membership must hold one of `roles`."""

    public: bool = False
    signed_in: bool = False
    roles: frozenset[str] = frozenset()

    def allows(self, role: str | None, authenticated: bool) -> bool:
        if self.public:
            return True
        if not authenticated:
            return False
        if self.signed_in:
            return True
        return role in self.roles


def _mark(view: View, access: Access) -> View:
    view.access = access  # type: ignore[attr-defined]
    return view


def public(view: View) -> View:
    """Open to everyone, signed in or not (login, sign-up, health check, help lines)."""
    return _mark(view, Access(public=True))


def signed_in(view: View) -> View:
    """Any signed-in person, even one not (yet) in an organization."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return _mark(wrapper, Access(signed_in=True))  # type: ignore[arg-type,return-value]


def roles_required(*roles: Role | str) -> Callable[[View], View]:
    """Only people whose active membership holds one of these roles."""
    allowed = frozenset(str(role) for role in roles)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = getattr(request, "membership", None)
            if membership is None or membership.role not in allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return _mark(wrapper, Access(roles=allowed))  # type: ignore[arg-type,return-value]

    return decorate


def any_member(view: View) -> View:
    return roles_required(*Role.values)(view)


def access_of(view: Any) -> Access | None:
    """The declared access of a resolved view, looking through class-based view wrappers."""
    for candidate in _unwrap(view):
        access = getattr(candidate, "access", None)
        if isinstance(access, Access):
            return access
    return None


def _unwrap(view: Any) -> Iterable[Any]:
    seen = 0
    while view is not None and seen < 10:
        yield view
        view_class = getattr(view, "view_class", None)
        if view_class is not None:
            yield view_class
        view = getattr(view, "__wrapped__", None)
        seen += 1
