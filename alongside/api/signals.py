"""Signing a person out everywhere revokes their API tokens too."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from alongside.accounts.models import User
from alongside.accounts.security import signed_out_everywhere
from alongside.api.services import tokens_revoke_all


@receiver(signed_out_everywhere)
def revoke_tokens(sender: Any, user: User, **kwargs: Any) -> None:
    tokens_revoke_all(user=user)
