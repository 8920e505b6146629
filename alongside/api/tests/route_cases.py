"""Authorization cases for My account › Sign-in and security (collected by tests/authz.py)."""

from __future__ import annotations

from typing import Any

from alongside.api.services import token_issue
from conftest import Persona
from tests.authz import ALL, RouteCase


def _alex_token(personas: dict[str, Persona]) -> dict[str, Any]:
    token, _raw = token_issue(user=personas["alex"].user, name="alex's phone")
    return {"token_id": token.pk}


ROUTES: dict[str, RouteCase] = {
    "account_security": RouteCase(allowed=ALL),
    # Only the token's owner may revoke it; for anyone else it does not exist (404).
    "api_token_revoke": RouteCase(kwargs=_alex_token, method="post", allowed=("alex",), ok=(302,)),
    "sessions_end_others": RouteCase(method="post", allowed=ALL, ok=(302,)),
}
