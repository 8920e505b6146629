"""`api_access`: who may call an API operation. Import this from any app's api.py."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from alongside.core.access import Access


def api_access(access: Access) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declares (and for roles, enforces) who may call an operation; the route test reads it.

    Put it under the router decorator:

        @router.get("/goals", response=list[GoalOut])
        @api_access(Access(roles=frozenset({Role.PARTICIPANT})))
        def goal_list(request): ...
    """

    def decorate(operation: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(operation)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if access.roles:
                membership = getattr(request, "membership", None)
                if membership is None or membership.role not in access.roles:
                    raise PermissionDenied
            return operation(request, *args, **kwargs)

        wrapper.access = access  # type: ignore[attr-defined]
        # django-ninja reads the operation's parameter types from the signature; resolve them
        # here, in the operation's own module, since the wrapper lives in this one.
        hints = typing.get_type_hints(operation)
        signature = inspect.signature(operation)
        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[
                p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
            ],
            return_annotation=hints.get("return", signature.return_annotation),
        )
        return wrapper

    return decorate
