"""My account › Sign-in and security: the person's API tokens (revoke any) and signing out of
every other session."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.accounts.models import User
from alongside.accounts.security import SessionsEndReason, sessions_end
from alongside.api.models import PersonalAccessToken
from alongside.api.services import token_revoke, tokens_of
from alongside.core.access import signed_in


@signed_in
def account_security(request: HttpRequest) -> HttpResponse:
    """Only ever the signed-in person's own tokens."""
    user = cast(User, request.user)
    return render(request, "api/account_security.html", {"tokens": tokens_of(user)})


@signed_in
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    # Someone else's token is a 404, exactly like a token that does not exist.
    token = get_object_or_404(PersonalAccessToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("account_security")


@signed_in
@require_POST
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    """Signs the person out everywhere but here, and revokes their API tokens."""
    sessions_end(user=cast(User, request.user), reason=SessionsEndReason.ASKED, keep_request=request)
    messages.success(
        request,
        _(
            "You are signed out everywhere else, and your API tokens no longer work. You are still signed in here."
        ),
    )
    return redirect("account_security")
