from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from alongside.api.services import token_user


class BearerTokenMiddleware:
    """Authenticates API requests that carry `Authorization: Bearer <token>`, before the
    organization middleware, so token clients get the same organization scope as the browser.
    A bad token is simply not authenticated: the API answers 401 itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.api_token = None  # type: ignore[attr-defined]
        header = request.headers.get("Authorization", "")
        if request.path.startswith("/api/") and header[:7].lower() == "bearer ":
            found = token_user(header[7:].strip())
            if found is not None:
                request.user, request.api_token = found  # type: ignore[attr-defined]
                request._dont_enforce_csrf_checks = True  # type: ignore[attr-defined]
        return self.get_response(request)
