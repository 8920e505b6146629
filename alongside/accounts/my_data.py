"""Everything Alongside holds about a person: the download, and erasure on request.

The records are found generically: whatever would be deleted together with each of the
person's memberships (Django's deletion collector follows every CASCADE), so a new kind of
participant record is included without a change here. Encrypted text is decrypted for the
download; secrets (password hashes, token hashes, two-factor secrets) never leave.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from alongside.accounts.models import DeletionRequest, Membership, User
from alongside.core.audit import audit_record
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role

NEVER_EXPORTED = {"password", "token_hash", "hash", "prev_hash", "data", "secret"}
EXPORT_VERSION = 1


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def _record(instance: models.Model) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in NEVER_EXPORTED or field.name == "organization":
            continue
        key = field.attname if field.is_relation else field.name
        fields[str(field.verbose_name) if not field.is_relation else key] = _value(
            getattr(instance, field.attname)
        )
    for field in instance._meta.many_to_many:
        fields[str(field.verbose_name)] = [str(related) for related in getattr(instance, field.name).all()]
    return fields


def records_of(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    """Every record that belongs to this membership, grouped by kind, decrypted."""
    collector = Collector(using=router.db_for_write(Membership), origin=membership)
    collector.collect([membership])
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with scopes_disabled():
        instances: list[models.Model] = [obj for objs in collector.data.values() for obj in objs]
        for queryset in collector.fast_deletes:
            instances.extend(queryset)
        for instance in sorted(instances, key=lambda i: (i._meta.label, str(i.pk))):
            if isinstance(instance, Membership):
                continue
            grouped[str(instance._meta.verbose_name_plural).capitalize()].append(_record(instance))
    return dict(grouped)


def personal_data_collect(user: User) -> dict[str, Any]:
    """The whole download for `user`. The caller audits it (it is the person's own data)."""
    with scopes_disabled():
        memberships = list(
            Membership.objects.filter(user=user)
            .select_related("organization", "programme")
            .order_by("joined_at")
        )
        accesses = (
            AuditEvent.objects.filter(subject__in=memberships)
            .exclude(actor=user)
            .order_by("created_at")
            .values("created_at", "actor_label", "action", "reason")
        )
        notifications = Notification.objects.filter(user=user).order_by("created_at")
        return {
            "format": "alongside-personal-data",
            "version": EXPORT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "account": {
                "username": user.username,
                "display_name": user.display_name,
                "email": user.email,
                "time_zone": user.timezone,
                "language": user.language,
                "joined": _value(user.date_joined),
                "last_login": _value(user.last_login),
            },
            "organizations": [
                {
                    "organization": m.organization.name,
                    "role": m.get_role_display(),
                    "programme": m.programme.name if m.programme else None,
                    "joined": _value(m.joined_at),
                    "active": m.is_active,
                    "records": records_of(m),
                }
                for m in memberships
            ],
            "notifications": [_record(n) for n in notifications],
            "who_accessed_my_data": [
                {
                    "when": _value(row["created_at"]),
                    "who": row["actor_label"],
                    "what": row["action"],
                    "why": row["reason"],
                }
                for row in accesses
            ],
        }


def can_request_deletion(user: User) -> bool:
    """Participants erase their own accounts; staff accounts are deactivated by an admin, so
    that the people they supported keep their history."""
    with scopes_disabled():
        return not Membership.objects.filter(user=user).exclude(role=Role.PARTICIPANT).exists()


def pending_deletion(user: User) -> DeletionRequest | None:
    return DeletionRequest.objects.filter(
        user=user, cancelled_at__isnull=True, completed_at__isnull=True
    ).first()


@transaction.atomic
def deletion_request_create(*, user: User, password: str) -> DeletionRequest:
    """Asks for erasure after the longest grace period among the person's organizations. The
    password is asked again so nobody can do this from an unattended session."""
    if not user.check_password(password):
        raise ValidationError(_("That password is not right. Nothing was changed."))
    if not can_request_deletion(user):
        raise ValidationError(_("Staff accounts are closed by your organization's admin."))
    if pending_deletion(user) is not None:
        raise ValidationError(_("You have already asked for your account to be deleted."))
    with scopes_disabled():
        memberships = list(Membership.objects.filter(user=user).select_related("organization"))
    grace = max((m.organization.deletion_grace_days for m in memberships), default=0)
    request = DeletionRequest.objects.create(
        user=user,
        username=user.username,
        email=user.email,
        erase_after=timezone.now() + dt.timedelta(days=grace),
    )
    for membership in memberships:
        audit_record(
            action="account.deletion.request",
            actor=user,
            organization=membership.organization,
            subject=membership,
        )
    if grace == 0:
        transaction.on_commit(lambda: account_erase(deletion=request))
    return request


@transaction.atomic
def deletion_request_cancel(*, user: User) -> DeletionRequest:
    request = pending_deletion(user)
    if request is None:
        raise ValidationError(_("There is no deletion request to cancel."))
    request.cancelled_at = timezone.now()
    request.save(update_fields=["cancelled_at"])
    audit_record(action="account.deletion.cancel", actor=user, organization=None)
    return request


@transaction.atomic
def account_erase(*, deletion: DeletionRequest) -> None:
    """Erases the account and every record that belongs to it; keeps the audit trail (its
    entries refer to ids and a username label, and the chain stays verifiable)."""
    deletion = DeletionRequest.objects.select_for_update().get(pk=deletion.pk)
    if not deletion.is_pending or deletion.user is None:
        return
    user = deletion.user
    with scopes_disabled():
        for membership in Membership.objects.filter(user=user).select_related("organization"):
            audit_record(
                action="account.erase", actor=None, organization=membership.organization, subject=membership
            )
            membership.delete()
        user.delete()
    email = deletion.email
    deletion.user = None
    deletion.completed_at = timezone.now()
    deletion.email = ""
    deletion.save(update_fields=["user", "completed_at", "email"])
    if email:
        transaction.on_commit(
            lambda: send_mail(
                _("Your Alongside account has been deleted"),
                _("As you asked, your account and the records kept about you have been deleted."),
                None,
                [email],
            )
        )


def deletions_carry_out(now: dt.datetime | None = None) -> int:
    """Periodic job: erase every account whose grace period has passed."""
    now = now or timezone.now()
    due = DeletionRequest.objects.filter(
        cancelled_at__isnull=True, completed_at__isnull=True, erase_after__lte=now
    )
    count = 0
    for deletion in due:
        account_erase(deletion=deletion)
        count += 1
    return count
