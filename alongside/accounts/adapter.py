from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest

from alongside.accounts.throttle import locked_message, login_attempt, refused_message
from alongside.core.network import client_address


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "ALLOW_SIGNUP", True))

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's rate limits count by the same address as everything else (forwarded
        headers believed only from trusted proxies)."""
        return client_address(request)

    def authenticate(self, request: HttpRequest, **credentials: Any) -> AbstractBaseUser | None:
        """Checks a password behind our login throttle (per account and address, with growing
        locks) instead of allauth's `login_failed` limit, which let anyone lock a person out by
        name and let one address lock out everyone behind it."""
        from allauth.account.auth_backends import AuthenticationBackend

        login = str(credentials.get("username") or credentials.get("email") or "")
        with login_attempt(login=login, address=client_address(request)) as attempt:
            if attempt.retry_after:
                raise forms.ValidationError(refused_message(attempt.retry_after), code="throttled")
            AuthenticationBackend.unstash_authenticated_user()
            user = authenticate(request, **credentials)
            user = user or AuthenticationBackend.unstash_authenticated_user()
            if user is not None:
                attempt.succeeded()
                return user
            attempt.failed()
        self.authentication_failed(request, **credentials)
        if attempt.locked_for:
            raise forms.ValidationError(locked_message(attempt.locked_for), code="throttled")
        return None
