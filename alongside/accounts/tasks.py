from __future__ import annotations

from django_tasks import task

from alongside.accounts.services import invitations_expire_old


@task()
def drop_expired_invitations() -> int:
    return invitations_expire_old()


@task()
def carry_out_deletions() -> int:
    from alongside.accounts.my_data import deletions_carry_out

    return deletions_carry_out()
