from __future__ import annotations

from django_tasks import task

from alongside.api.services import tokens_drop_expired


@task()
def drop_expired_tokens() -> int:
    return tokens_drop_expired()
