"""Errors as RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger("alongside.api")
PROBLEM_TYPE = "https://alongside.invalid/problems/"


def problem(
    request: HttpRequest, status: int, detail: str, *, kind: str | None = None, **extra: Any
) -> HttpResponse:
    title = HTTPStatus(status).phrase
    body = {
        "type": PROBLEM_TYPE + (kind or title.lower().replace(" ", "-")),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }
    response = HttpResponse(json.dumps(body), status=status, content_type="application/problem+json")
    if status == HTTPStatus.UNAUTHORIZED:
        response["WWW-Authenticate"] = 'Bearer realm="alongside"'
    return response


def install_problem_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = [
            {
                "location": ".".join(str(part) for part in error.get("loc", [])),
                "message": error.get("msg", ""),
            }
            for error in exc.errors
        ]
        return problem(
            request, 422, "The request body or parameters are not valid.", kind="invalid-input", errors=errors
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem(request, 401, "Sign in, or send a valid bearer token.", kind="unauthenticated")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(request, exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem(request, 404, "Not found.")

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return problem(request, 403, "Your role does not allow this.", kind="forbidden")

    @api.exception_handler(DjangoValidationError)
    def rejected(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return problem(request, 400, " ".join(exc.messages), kind="rejected")

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s", request.path)
        return problem(
            request, 500, "Something went wrong on our side. Nothing was changed.", kind="server-error"
        )
