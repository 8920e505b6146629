"""Checks, audit and notification helpers shared by the group services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.core.audit import audit_record
from alongside.core.notifications import notification_send
from alongside.core.roles import Role
from alongside.core.timezones import as_reader, zone_of
from alongside.groups.models import SupportGroup
from alongside.groups.schedules import Meeting, when_text
from alongside.groups.selectors import MEMBER_ROLES, can_manage


class Problems:
    """Collects every problem with the input so the person sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def require_manager(actor: Membership, group: SupportGroup) -> None:
    """Facilitators of this group, and supervisors and admins of its organization."""
    if actor.organization_id != group.organization_id or not actor.is_active or not can_manage(actor, group):
        raise PermissionDenied


def require_joiner(person: Membership, group: SupportGroup) -> None:
    """Participants and peer supporters of the group's organization take part as members."""
    if person.organization_id != group.organization_id or not person.is_active:
        raise PermissionDenied
    if person.role not in MEMBER_ROLES:
        raise ValidationError(_("Participants and peer supporters join groups."))


def record(
    action: str,
    *,
    actor: Membership,
    group: SupportGroup,
    person: Membership | None = None,
    obj: Model,
    reason: str = "",
) -> None:
    """An audit event; the person is its subject when they are a participant."""
    audit_record(
        action=action,
        actor=actor.user,
        organization=group.organization,
        subject=person if person is not None and person.role == Role.PARTICIPANT else None,
        obj=obj,
        reason=reason,
    )


def meeting_url(meeting: Meeting) -> str:
    return reverse("groups_occurrence", kwargs={"series_id": meeting.series.pk, "start": meeting.key})


def group_url(group: SupportGroup) -> str:
    return reverse("groups_detail", kwargs={"group_id": group.pk})


def notify(person: Membership, *, kind: str, title: Any, body: Any = "", url: str, **values: Any) -> None:
    """An in-app notification in the person's own language. `title` and `body` are lazy
    strings formatted with `values`; a meeting in `values` becomes its time in the person's
    own time zone (`when`), and so does a `previous` one (`was`); a date reads as the person's
    language writes dates."""
    with as_reader(person):
        for name, text_name in (("meeting", "when"), ("previous", "was")):
            meeting = values.pop(name, None)
            if meeting is not None:
                values[text_name] = when_text(meeting.start, meeting.end, zone_of(person))
        for name, value in values.items():
            if isinstance(value, date) and not isinstance(value, datetime):
                values[name] = formats.date_format(value, "DATE_FORMAT")
        notification_send(
            user=person.user,
            organization=person.organization,
            kind=kind,
            title=str(title) % values,
            body=str(body) % values if body else "",
            url=url,
        )
