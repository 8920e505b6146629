"""Writes for groups: creating and editing them, joining (with the guidelines), leaving,
removing a member, and invitations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alongside.accounts.models import Membership, validate_timezone
from alongside.core.roles import OVERSIGHT_ROLES
from alongside.groups.models import (
    CAPACITY_MAX,
    NAME_MAX,
    GroupAccess,
    GroupFormat,
    GroupInvitation,
    GroupMember,
    MeetingRsvp,
    SupportGroup,
)
from alongside.groups.selectors import FACILITATOR_ROLES, MEMBER_ROLES
from alongside.groups.selectors import facilitator_ids as facilitators_of
from alongside.groups.services.common import (
    Problems,
    group_url,
    notify,
    record,
    require_joiner,
    require_manager,
)
from alongside.participants.models import SPOKEN_LANGUAGE_CODES, ExperienceArea

TEXT_MAX = 5000


def _clean(
    *,
    group: SupportGroup | None,
    name: str,
    description: str,
    facilitator_ids: list[int],
    topic_ids: list[int],
    format: str,
    address: str,
    joining_details: str,
    language: str,
    capacity: int,
    access: str,
    guidelines: str,
    timezone_name: str,
) -> tuple[dict[str, object], list[Membership], list[ExperienceArea]]:
    problems = Problems()
    name = (name or "").strip()
    if not name:
        problems.add("name", _("Give the group a name."))
    elif len(name) > NAME_MAX:
        problems.add("name", _("Please keep the name to %(max)s characters or fewer.") % {"max": NAME_MAX})
    else:
        same_name = SupportGroup.objects.filter(name__iexact=name)
        if group is not None:
            same_name = same_name.exclude(pk=group.pk)
        if same_name.exists():
            problems.add("name", _("Another group already has this name."))
    facilitators = list(
        Membership.objects.filter(pk__in=facilitator_ids, is_active=True, role__in=FACILITATOR_ROLES)
    )
    if not facilitators or len(facilitators) != len(set(facilitator_ids)):
        problems.add("facilitators", _("Choose at least one facilitator: a peer supporter or a supervisor."))
    topics = list(ExperienceArea.objects.filter(pk__in=topic_ids))
    if len(topics) != len(set(topic_ids)):
        problems.add("topics", _("Choose topics from the list."))
    if format not in GroupFormat.values:
        problems.add("format", _("Choose how the group meets."))
    address = (address or "").strip()
    if format == GroupFormat.IN_PERSON and not address:
        problems.add("address", _("Give the address where the group meets."))
    if language not in SPOKEN_LANGUAGE_CODES:
        problems.add("language", _("Choose a language from the list."))
    if not 1 <= capacity <= CAPACITY_MAX:
        problems.add("capacity", _("Between 1 and %(max)s places.") % {"max": CAPACITY_MAX})
    if access not in GroupAccess.values:
        problems.add("access", _("Choose who may join."))
    guidelines = (guidelines or "").strip()
    if not guidelines:
        problems.add("guidelines", _("Write the group guidelines members agree to before they join."))
    for field, text in (
        ("description", description),
        ("guidelines", guidelines),
        ("joining_details", joining_details),
    ):
        if len(text or "") > TEXT_MAX:
            problems.add(
                field, _("This can be up to %(max)s characters. Please shorten it.") % {"max": TEXT_MAX}
            )
    try:
        validate_timezone(timezone_name)
    except ValidationError:
        problems.add("timezone", _("Choose a time zone from the list."))
    problems.raise_if_any()
    values: dict[str, object] = {
        "name": name,
        "description": (description or "").strip(),
        "format": format,
        "address": address if format == GroupFormat.IN_PERSON else "",
        "joining_details": (joining_details or "").strip(),
        "language": language,
        "capacity": capacity,
        "access": access,
        "guidelines": guidelines,
        "timezone": timezone_name,
    }
    return values, facilitators, topics


def _require_oversight(actor: Membership) -> None:
    if actor.role not in OVERSIGHT_ROLES or not actor.is_active:
        raise PermissionDenied


@transaction.atomic
def group_create(
    *,
    actor: Membership,
    name: str,
    description: str = "",
    facilitator_ids: Iterable[int],
    topic_ids: Iterable[int] = (),
    format: str,
    address: str = "",
    joining_details: str = "",
    language: str = "en",
    capacity: int = 12,
    access: str = GroupAccess.OPEN,
    guidelines: str,
    timezone_name: str = "",
) -> SupportGroup:
    """Supervisors and admins start a group and choose its facilitators. Audited."""
    _require_oversight(actor)
    facilitator_list, topic_list = list(facilitator_ids), list(topic_ids)
    values, facilitators, topics = _clean(
        group=None,
        name=name,
        description=description,
        facilitator_ids=facilitator_list,
        topic_ids=topic_list,
        format=format,
        address=address,
        joining_details=joining_details,
        language=language,
        capacity=capacity,
        access=access,
        guidelines=guidelines,
        timezone_name=timezone_name or actor.organization.timezone,
    )
    group = SupportGroup.objects.create(organization=actor.organization, created_by=actor.user, **values)
    group.facilitators.set(facilitators)
    group.topics.set(topics)
    record("group.create", actor=actor, group=group, obj=group)
    for facilitator in facilitators:
        if facilitator.pk == actor.pk:
            continue
        notify(
            facilitator,
            kind="groups.facilitator",
            title=gettext_lazy("You facilitate %(group)s"),
            url=group_url(group),
            group=group.name,
        )
    return group


@transaction.atomic
def group_update(
    *,
    actor: Membership,
    group: SupportGroup,
    name: str,
    description: str,
    facilitator_ids: Iterable[int],
    topic_ids: Iterable[int],
    format: str,
    address: str,
    joining_details: str,
    language: str,
    capacity: int,
    access: str,
    guidelines: str,
    timezone_name: str,
    is_active: bool = True,
) -> SupportGroup:
    """Supervisors and admins edit a group. Changed guidelines get a new version that members
    accept again before their next answer; more places move people up from waiting lists;
    closing the group ends its schedules. Audited, facilitator changes separately."""
    from alongside.groups.services.meetings import promote_waitlists, series_stop

    _require_oversight(actor)
    facilitator_list, topic_list = list(facilitator_ids), list(topic_ids)
    values, facilitators, topics = _clean(
        group=group,
        name=name,
        description=description,
        facilitator_ids=facilitator_list,
        topic_ids=topic_list,
        format=format,
        address=address,
        joining_details=joining_details,
        language=language,
        capacity=capacity,
        access=access,
        guidelines=guidelines,
        timezone_name=timezone_name,
    )
    group = SupportGroup.objects.select_for_update().get(pk=group.pk)
    guidelines_changed = values["guidelines"] != group.guidelines
    more_places = capacity > group.capacity
    closing = group.is_active and not is_active
    before = facilitators_of(group)
    for attribute, value in values.items():
        setattr(group, attribute, value)
    now = timezone.now()
    if guidelines_changed:
        group.guidelines_version += 1
        group.guidelines_changed_at = now
    group.is_active = is_active
    group.updated_at = now
    group.save()
    group.facilitators.set(facilitators)
    group.topics.set(topics)
    record("group.update", actor=actor, group=group, obj=group)
    added = {person.pk for person in facilitators} - before
    if added or before - {person.pk for person in facilitators}:
        record(
            "group.facilitators.update",
            actor=actor,
            group=group,
            obj=group,
            reason="facilitators=" + ",".join(str(pk) for pk in sorted(p.pk for p in facilitators)),
        )
        for facilitator in facilitators:
            if facilitator.pk in added and facilitator.pk != actor.pk:
                notify(
                    facilitator,
                    kind="groups.facilitator",
                    title=gettext_lazy("You facilitate %(group)s"),
                    url=group_url(group),
                    group=group.name,
                )
    members = list(
        GroupMember.objects.filter(group=group, status=GroupMember.Status.ACTIVE).select_related(
            "member__user", "member__organization"
        )
    )
    if closing:
        for series in group.series.all():
            series_stop(actor=actor, series=series)
    elif more_places:
        promote_waitlists(group=group, now=now)
    if guidelines_changed and not closing:
        for row in members:
            notify(
                row.member,
                kind="groups.guidelines",
                title=gettext_lazy("The guidelines of %(group)s changed"),
                body=gettext_lazy("Please read them and accept them again before your next meeting."),
                url=group_url(group),
                group=group.name,
            )
    return group


@transaction.atomic
def group_join(*, member: Membership, group: SupportGroup, accepted_version: int) -> GroupMember:
    """A participant or peer supporter joins an open group, or one they are invited to, by
    accepting its guidelines; the version accepted and the time are kept. A member who
    accepted an older version accepts the new one the same way. Audited."""
    require_joiner(member, group)
    group = SupportGroup.objects.select_for_update().get(pk=group.pk)
    if not group.is_active:
        raise ValidationError(_("This group is closed."))
    if member.pk in facilitators_of(group):
        raise ValidationError(_("You facilitate this group."))
    if accepted_version != group.guidelines_version:
        raise ValidationError(
            _("The guidelines changed while you were reading them. Please read them again before you join.")
        )
    now = timezone.now()
    row = GroupMember.objects.filter(group=group, member=member).first()
    if row is not None and row.is_active:
        if row.guidelines_version == group.guidelines_version:
            raise ValidationError(_("You are already a member of this group."))
        row.guidelines_version, row.guidelines_accepted_at = group.guidelines_version, now
        row.save(update_fields=["guidelines_version", "guidelines_accepted_at"])
        record(
            "group.guidelines.accept",
            actor=member,
            group=group,
            person=member,
            obj=row,
            reason=f"version={group.guidelines_version}",
        )
        return row
    invitation = (
        GroupInvitation.objects.select_for_update()
        .filter(group=group, invitee=member, status=GroupInvitation.Status.PENDING)
        .first()
    )
    removed = row is not None and row.status == GroupMember.Status.REMOVED
    if invitation is None and (not group.is_open or removed):
        raise ValidationError(
            _("A facilitator removed you from this group. Talk with them if you would like to come back.")
            if removed
            else _("This group is for invited people. A facilitator can invite you.")
        )
    if row is None:
        row = GroupMember(organization=group.organization, group=group, member=member)
    row.status = GroupMember.Status.ACTIVE
    row.joined_at, row.left_at = now, None
    row.guidelines_version, row.guidelines_accepted_at = group.guidelines_version, now
    row.save()
    if invitation is not None:
        invitation.status, invitation.answered_at = GroupInvitation.Status.ACCEPTED, now
        invitation.save(update_fields=["status", "answered_at"])
    record(
        "group.member.join",
        actor=member,
        group=group,
        person=member,
        obj=row,
        reason=f"guidelines version {group.guidelines_version}" + (", invited" if invitation else ""),
    )
    return row


def _end_membership(row: GroupMember, status: str, now: datetime) -> None:
    from alongside.groups.services.meetings import answers_drop

    row.status, row.left_at = status, now
    row.save(update_fields=["status", "left_at"])
    future = MeetingRsvp.objects.filter(
        member=row.member, series__group=row.group, starts_at__gt=now
    ).exclude(status=MeetingRsvp.Status.CANCELLED)
    answers_drop(answers=list(future), now=now)


@transaction.atomic
def group_leave(*, member: Membership, group: SupportGroup) -> GroupMember:
    """A member leaves. Their answers to coming meetings are withdrawn (places go to the
    waiting lists). Audited."""
    row = GroupMember.objects.select_for_update().filter(group=group, member=member).first()
    if row is None or not row.is_active:
        raise ValidationError(_("You are not a member of this group."))
    _end_membership(row, GroupMember.Status.LEFT, timezone.now())
    record("group.member.leave", actor=member, group=group, person=member, obj=row)
    return row


@transaction.atomic
def group_member_remove(*, actor: Membership, group: SupportGroup, row: GroupMember) -> GroupMember:
    """A facilitator, supervisor or admin removes a member, who is told. Audited."""
    require_manager(actor, group)
    row = (
        GroupMember.objects.select_for_update()
        .select_related("member__user", "member__organization")
        .get(pk=row.pk)
    )
    if row.group_id != group.pk or not row.is_active:
        raise ValidationError(_("This person is not a member of the group."))
    _end_membership(row, GroupMember.Status.REMOVED, timezone.now())
    record("group.member.remove", actor=actor, group=group, person=row.member, obj=row)
    notify(
        row.member,
        kind="groups.removed",
        title=gettext_lazy("You are no longer in %(group)s"),
        body=gettext_lazy("A facilitator removed you from the group. You can talk with them about it."),
        url="/groups/",
        group=group.name,
    )
    return row


@transaction.atomic
def group_invite(*, actor: Membership, group: SupportGroup, invitee: Membership) -> GroupInvitation:
    """A facilitator, supervisor or admin invites someone in the organization; they are told
    and may accept (by accepting the guidelines) or decline. Audited."""
    require_manager(actor, group)
    if invitee.organization_id != group.organization_id or not invitee.is_active:
        raise PermissionDenied
    if invitee.role not in MEMBER_ROLES:
        raise ValidationError(_("Participants and peer supporters can be invited."))
    if not group.is_active:
        raise ValidationError(_("This group is closed."))
    if invitee.pk in facilitators_of(group):
        raise ValidationError(_("They facilitate this group."))
    if GroupMember.objects.filter(group=group, member=invitee, status=GroupMember.Status.ACTIVE).exists():
        raise ValidationError(_("They are already a member."))
    if GroupInvitation.objects.filter(
        group=group, invitee=invitee, status=GroupInvitation.Status.PENDING
    ).exists():
        raise ValidationError(_("They are already invited."))
    invitation = GroupInvitation.objects.create(
        organization=group.organization, group=group, invitee=invitee, invited_by=actor
    )
    record("group.invitation.create", actor=actor, group=group, person=invitee, obj=invitation)
    notify(
        invitee,
        kind="groups.invitation",
        title=gettext_lazy("You're invited to join %(group)s"),
        body=gettext_lazy("Read what the group is about and its guidelines, then join if it feels right."),
        url=group_url(group),
        group=group.name,
    )
    return invitation


@transaction.atomic
def group_invitation_decline(*, member: Membership, group: SupportGroup) -> GroupInvitation:
    """The invited person says no, thanks. Audited."""
    invitation = (
        GroupInvitation.objects.select_for_update()
        .filter(group=group, invitee=member, status=GroupInvitation.Status.PENDING)
        .first()
    )
    if invitation is None:
        raise ValidationError(_("There is no invitation to answer."))
    invitation.status, invitation.answered_at = GroupInvitation.Status.DECLINED, timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    record("group.invitation.decline", actor=member, group=group, person=member, obj=invitation)
    return invitation


@transaction.atomic
def group_invitation_withdraw(*, actor: Membership, invitation: GroupInvitation) -> GroupInvitation:
    """A facilitator, supervisor or admin takes back an invitation not yet answered. Audited."""
    require_manager(actor, invitation.group)
    invitation = GroupInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != GroupInvitation.Status.PENDING:
        raise ValidationError(_("This invitation was already answered."))
    invitation.status, invitation.answered_at = GroupInvitation.Status.WITHDRAWN, timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    record(
        "group.invitation.withdraw",
        actor=actor,
        group=invitation.group,
        person=invitation.invitee,
        obj=invitation,
    )
    return invitation
