"""Reads of groups and meetings, with who may see what.

- Supervisors and admins see every group of their organization, open, invite-only or closed,
  and manage them all.
- Facilitators (peer supporters or supervisors chosen for a group) see and manage their groups.
- Participants and peer supporters see open groups, and invite-only groups only once they are
  invited or members. Clinicians see no groups.
- Members do not see each other's names; facilitators and supervisors see who is in the group
  and who is coming, and each such read of participants is audited.

Another organization's group, or one the viewer may not see, is a 404, the same as one that
does not exist. Each page takes a fixed number of queries however many groups, meetings and
members there are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import formats, timezone
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.audit import audit_record_many
from alongside.core.crypto import secret_digest
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.core.timezones import zone_label, zone_of
from alongside.groups import recurrence
from alongside.groups.models import (
    Attendance,
    CalendarFeed,
    GroupAccess,
    GroupInvitation,
    GroupMember,
    MeetingRsvp,
    MeetingSeries,
    SupportGroup,
)
from alongside.groups.schedules import (
    Meeting,
    meeting_at,
    meetings_between,
    schedule_text,
    series_queryset,
    upcoming_meetings,
    when_text,
)

MEMBER_ROLES = frozenset({Role.PARTICIPANT, Role.PEER})
FACILITATOR_ROLES = frozenset({Role.PEER, Role.SUPERVISOR})
# How many occurrences of each series the finder looks through for one on the day and at the
# time asked for: two weeks of a daily group, months of a weekly one.
FINDER_LOOKAHEAD = 14
GROUP_PAGE_MEETINGS = 6
MANAGE_PAGE_MEETINGS = 10
# A member may say they were at a meeting from its start until this long after it ended.
SELF_ATTENDANCE_DAYS = 7
DAY_PART_HOURS = {
    "night": range(0, 6),
    "morning": range(6, 12),
    "afternoon": range(12, 18),
    "evening": range(18, 24),
}
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# Who sees which groups ----------------------------------------------------------------------


def _is_facilitator(viewer: Membership) -> Exists:
    return Exists(Membership.objects.filter(pk=viewer.pk, facilitated_groups=OuterRef("pk")))


def groups_visible_to(viewer: Membership) -> QuerySet[SupportGroup]:
    """The groups `viewer` may see (see the module docstring)."""
    groups = SupportGroup.objects.all()
    if viewer.role in OVERSIGHT_ROLES:
        return groups
    if viewer.role not in MEMBER_ROLES:
        return groups.none()
    is_member = Exists(
        GroupMember.objects.filter(group=OuterRef("pk"), member=viewer, status=GroupMember.Status.ACTIVE)
    )
    is_invited = Exists(
        GroupInvitation.objects.filter(
            group=OuterRef("pk"), invitee=viewer, status=GroupInvitation.Status.PENDING
        )
    )
    return groups.filter(
        _is_facilitator(viewer) | (Q(is_active=True) & (Q(access=GroupAccess.OPEN) | is_member | is_invited))
    )


def facilitator_ids(group: SupportGroup) -> set[int]:
    return {person.pk for person in group.facilitators.all()}


def can_manage(viewer: Membership, group: SupportGroup) -> bool:
    """Supervisors and admins manage every group; facilitators manage theirs."""
    return viewer.role in OVERSIGHT_ROLES or viewer.pk in facilitator_ids(group)


def _groups_with_people() -> QuerySet[SupportGroup]:
    return SupportGroup.objects.prefetch_related(
        Prefetch("facilitators", queryset=Membership.objects.select_related("user")), "topics"
    )


def group_for(*, viewer: Membership, group_id: int) -> SupportGroup:
    """A group the viewer may see, or 404."""
    group = _groups_with_people().filter(pk=group_id, pk__in=groups_visible_to(viewer).values("pk")).first()
    if group is None:
        raise Http404
    return group


def group_to_manage(*, viewer: Membership, group_id: int) -> SupportGroup:
    """A group the viewer facilitates or oversees: 404 if they may not see it, 403 if they may
    see it but not manage it."""
    group = group_for(viewer=viewer, group_id=group_id)
    if not can_manage(viewer, group):
        raise PermissionDenied
    return group


def member_row(viewer: Membership, group: SupportGroup) -> GroupMember | None:
    return GroupMember.objects.filter(group=group, member=viewer).first()


def pending_invitation(viewer: Membership, group: SupportGroup) -> GroupInvitation | None:
    return (
        GroupInvitation.objects.filter(group=group, invitee=viewer, status=GroupInvitation.Status.PENDING)
        .select_related("invited_by__user")
        .first()
    )


def is_current_member(row: GroupMember | None, group: SupportGroup) -> bool:
    return row is not None and row.is_active and row.guidelines_version == group.guidelines_version


def invitable_people(viewer: Membership, group: SupportGroup) -> QuerySet[Membership]:
    """Whom the viewer may invite: supervisors and admins anyone in the organization who could
    join (participants and peer supporters); a peer facilitator the participants they walk with
    and other peer supporters. Never current members or the group's facilitators."""
    from alongside.participants.selectors import participants_visible_to

    people = Membership.objects.filter(is_active=True, role__in=MEMBER_ROLES).select_related("user")
    if viewer.role not in OVERSIGHT_ROLES:
        people = people.filter(Q(role=Role.PEER) | Q(pk__in=participants_visible_to(viewer).values("pk")))
    members = GroupMember.objects.filter(group=group, status=GroupMember.Status.ACTIVE).values("member_id")
    return (
        people.exclude(pk__in=members)
        .exclude(pk__in=[person.pk for person in group.facilitators.all()])
        .order_by("user__display_name", "user__username")
    )


# Meetings -----------------------------------------------------------------------------------


def meeting_for(*, viewer: Membership, series_id: int, key: str) -> Meeting:
    """One occurrence of a series in a group the viewer may see, or 404."""
    original_start = recurrence.parse_occurrence_key(key)
    series = (
        series_queryset()
        .filter(pk=series_id, group__in=groups_visible_to(viewer))
        .prefetch_related(Prefetch("group__facilitators", queryset=Membership.objects.select_related("user")))
        .first()
    )
    if series is None or original_start is None:
        raise Http404
    meeting = meeting_at(series, original_start)
    if meeting is None:
        raise Http404
    return meeting


def _pairs_filter(meetings: list[Meeting]) -> Q:
    query = Q(pk__in=[])
    for meeting in meetings:
        query |= Q(series_id=meeting.series.pk, original_start=meeting.original_start)
    return query


def going_counts(meetings: list[Meeting]) -> Counter[tuple[int, datetime]]:
    """How many are going to each meeting, in one query."""
    if not meetings:
        return Counter()
    rows = MeetingRsvp.objects.filter(_pairs_filter(meetings), status=MeetingRsvp.Status.GOING).values_list(
        "series_id", "original_start"
    )
    return Counter((series_id, start) for series_id, start in rows)


def answers_of(viewer: Membership, meetings: list[Meeting]) -> dict[tuple[int, datetime], MeetingRsvp]:
    if not meetings:
        return {}
    return {
        (rsvp.series_id, rsvp.original_start): rsvp
        for rsvp in MeetingRsvp.objects.filter(_pairs_filter(meetings), member=viewer)
    }


def waitlist_position(rsvp: MeetingRsvp) -> int:
    """1 for the first in line."""
    ahead = MeetingRsvp.objects.filter(
        series_id=rsvp.series_id, original_start=rsvp.original_start, status=MeetingRsvp.Status.WAITLISTED
    ).filter(Q(queued_at__lt=rsvp.queued_at) | Q(queued_at=rsvp.queued_at, pk__lt=rsvp.pk))
    return ahead.count() + 1


@dataclass
class MeetingLine:
    """One meeting as a list shows it to one viewer."""

    meeting: Meeting
    when: str
    going: int
    capacity: int
    answer: MeetingRsvp | None = None

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.going, 0)

    @property
    def status(self) -> str:
        return self.answer.status if self.answer else ""


def _lines(viewer: Membership, meetings: list[Meeting]) -> list[MeetingLine]:
    zone = zone_of(viewer)
    counts = going_counts(meetings)
    answers = answers_of(viewer, meetings)
    return [
        MeetingLine(
            meeting=meeting,
            when=when_text(meeting.start, meeting.end, zone),
            going=counts[(meeting.series.pk, meeting.original_start)],
            capacity=meeting.group.capacity,
            answer=answers.get((meeting.series.pk, meeting.original_start)),
        )
        for meeting in meetings
    ]


def live_series(series: list[MeetingSeries], now: datetime) -> list[MeetingSeries]:
    """Series that may still have meetings (a day of slack covers every time zone)."""
    yesterday = now.date() - timedelta(days=1)
    return [item for item in series if not item.has_ended(yesterday)]


def meeting_line(*, viewer: Membership, meeting: Meeting) -> MeetingLine:
    """One meeting with how many are going and the viewer's own answer."""
    return _lines(viewer, [meeting])[0]


def active_series(group: SupportGroup, now: datetime) -> list[MeetingSeries]:
    return live_series(list(group.series.all()), now)


# The finder ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FinderFilters:
    topic: str = ""
    format: str = ""
    language: str = ""
    day: str = ""
    time: str = ""

    @property
    def any(self) -> bool:
        return any((self.topic, self.format, self.language, self.day, self.time))


@dataclass
class GroupCard:
    group: SupportGroup
    schedules: list[str]
    next_line: MeetingLine | None = None
    relation: str = ""  # "member", "facilitator", "invited" or ""


@dataclass
class FinderPage:
    viewer: Membership
    zone_name: str
    results: list[GroupCard]
    mine: list[GroupCard]
    languages: list[str]
    filters: FinderFilters
    closed: list[SupportGroup] = field(default_factory=list)


def _matches_time(meeting: Meeting, filters: FinderFilters, zone: Any) -> bool:
    local = meeting.start.astimezone(zone)
    if filters.day and WEEKDAY_KEYS[local.weekday()] != filters.day:
        return False
    return not (filters.time and local.hour not in DAY_PART_HOURS.get(filters.time, range(0)))


def _relations(viewer: Membership, groups: list[SupportGroup]) -> dict[int, str]:
    relations: dict[int, str] = {}
    for group_id in GroupInvitation.objects.filter(
        invitee=viewer, status=GroupInvitation.Status.PENDING, group__in=groups
    ).values_list("group_id", flat=True):
        relations[group_id] = "invited"
    for group_id in GroupMember.objects.filter(
        member=viewer, status=GroupMember.Status.ACTIVE, group__in=groups
    ).values_list("group_id", flat=True):
        relations[group_id] = "member"
    for group in groups:
        if viewer.pk in facilitator_ids(group):
            relations[group.pk] = "facilitator"
    return relations


def finder_page(*, viewer: Membership, filters: FinderFilters, now: datetime | None = None) -> FinderPage:
    """Open groups (and the viewer's own) matching the filters, each with its next meeting on
    the day and at the time asked for, in the viewer's time zone."""
    now = now or timezone.now()
    zone = zone_of(viewer)
    groups = list(
        _groups_with_people()
        .filter(pk__in=groups_visible_to(viewer).values("pk"))
        .prefetch_related(Prefetch("series", queryset=series_queryset()))
    )
    relations = _relations(viewer, groups)
    open_groups = [group for group in groups if group.is_active]
    chosen: list[tuple[SupportGroup, Meeting | None]] = []
    for group in open_groups:
        if filters.format and group.format != filters.format:
            continue
        if filters.language and group.language != filters.language:
            continue
        if filters.topic and filters.topic not in {topic.slug for topic in group.topics.all()}:
            continue
        upcoming = upcoming_meetings(active_series(group, now), after=now, per_series=FINDER_LOOKAHEAD)
        matching = [meeting for meeting in upcoming if _matches_time(meeting, filters, zone)]
        if (filters.day or filters.time) and not matching:
            continue
        chosen.append((group, matching[0] if matching else None))
    lines = {
        line.meeting.group.pk: line
        for line in _lines(viewer, [meeting for _group, meeting in chosen if meeting is not None])
    }
    cards = {
        group.pk: GroupCard(
            group=group,
            schedules=[schedule_text(series) for series in active_series(group, now)],
            next_line=lines.get(group.pk),
            relation=relations.get(group.pk, ""),
        )
        for group, _meeting in chosen
    }
    # The viewer's own groups, each with its very next meeting whatever the filters.
    own = [group for group in open_groups if group.pk in relations]
    own_next = {}
    for group in own:
        if group.pk in cards and not filters.any:
            continue
        found = upcoming_meetings(active_series(group, now), after=now, per_series=1)
        if found:
            own_next[group.pk] = found[0]
    own_lines = {line.meeting.group.pk: line for line in _lines(viewer, list(own_next.values()))}
    mine = [
        cards[group.pk]
        if group.pk in cards and not filters.any
        else GroupCard(
            group=group,
            schedules=[schedule_text(series) for series in active_series(group, now)],
            next_line=own_lines.get(group.pk),
            relation=relations[group.pk],
        )
        for group in own
    ]
    results = sorted(
        cards.values(),
        key=lambda card: (
            card.next_line is None,
            card.next_line.meeting.start if card.next_line else now,
            card.group.name,
        ),
    )
    return FinderPage(
        viewer=viewer,
        zone_name=zone_label(zone),
        results=results,
        mine=mine,
        languages=sorted({group.language for group in open_groups}),
        filters=filters,
        closed=[group for group in groups if not group.is_active],
    )


# One group ----------------------------------------------------------------------------------


@dataclass
class GroupPage:
    group: SupportGroup
    viewer: Membership
    row: GroupMember | None
    invitation: GroupInvitation | None
    manager: bool
    facilitator: bool
    schedules: list[str]
    meetings: list[MeetingLine]

    @property
    def is_member(self) -> bool:
        return self.row is not None and self.row.is_active

    @property
    def must_accept_guidelines(self) -> bool:
        """A member who accepted an older version of the guidelines."""
        return self.is_member and not is_current_member(self.row, self.group)

    @property
    def may_join(self) -> bool:
        return (
            self.viewer.role in MEMBER_ROLES
            and self.group.is_active
            and not self.facilitator
            and not self.is_member
            and (self.invitation is not None or (self.group.is_open and not self.was_removed))
        )

    @property
    def was_removed(self) -> bool:
        return self.row is not None and self.row.status == GroupMember.Status.REMOVED

    @property
    def sees_joining_details(self) -> bool:
        return self.manager or self.is_member

    @property
    def may_edit(self) -> bool:
        return self.viewer.role in OVERSIGHT_ROLES

    @property
    def accepted_on(self) -> str:
        """When the member accepted the guidelines, as a date in their time zone."""
        if self.row is None:
            return ""
        return formats.date_format(
            self.row.guidelines_accepted_at.astimezone(zone_of(self.viewer)), "DATE_FORMAT"
        )


def group_page(*, viewer: Membership, group: SupportGroup, now: datetime | None = None) -> GroupPage:
    now = now or timezone.now()
    series = list(series_queryset().filter(group=group))
    for item in series:
        item.group = group  # the facilitators prefetched on `group` come along
    live = live_series(series, now)
    meetings = upcoming_meetings(live, after=now, per_series=GROUP_PAGE_MEETINGS)[:GROUP_PAGE_MEETINGS]
    return GroupPage(
        group=group,
        viewer=viewer,
        row=member_row(viewer, group),
        invitation=pending_invitation(viewer, group),
        manager=can_manage(viewer, group),
        facilitator=viewer.pk in facilitator_ids(group),
        schedules=[schedule_text(item) for item in live],
        meetings=_lines(viewer, meetings),
    )


# Managing a group ---------------------------------------------------------------------------


@dataclass
class SeriesLine:
    series: MeetingSeries
    text: str
    ended: bool


@dataclass
class RosterLine:
    row: GroupMember
    current_guidelines: bool


@dataclass
class ManagePage:
    group: SupportGroup
    members: list[RosterLine]
    invitations: list[GroupInvitation]
    series: list[SeriesLine]
    meetings: list[MeetingLine]
    past: list[MeetingLine]


def _audit_read(viewer: Membership, people: list[Membership], action: str, obj: Any) -> None:
    participants = [person for person in people if person.role == Role.PARTICIPANT]
    if participants:
        audit_record_many(
            action=action, actor=viewer.user, organization=viewer.organization, subjects=participants, obj=obj
        )


def manage_page(*, viewer: Membership, group: SupportGroup, now: datetime | None = None) -> ManagePage:
    """Members, invitations, schedules and the coming and recent meetings of a group the viewer
    manages. Reading who is in the group is audited once per participant member."""
    now = now or timezone.now()
    rows = list(
        GroupMember.objects.filter(group=group, status=GroupMember.Status.ACTIVE)
        .select_related("member__user")
        .order_by("member__user__display_name", "member__user__username")
    )
    invitations = list(
        GroupInvitation.objects.filter(group=group, status=GroupInvitation.Status.PENDING).select_related(
            "invitee__user"
        )
    )
    series = list(series_queryset().filter(group=group))
    for item in series:
        item.group = group
    yesterday = now.date() - timedelta(days=1)
    live = live_series(series, now)
    coming = meetings_between(live, now, now + timedelta(days=120), include_cancelled=True)[
        :MANAGE_PAGE_MEETINGS
    ]
    recent = [
        meeting
        for meeting in meetings_between(series, now - timedelta(days=28), now)
        if meeting.has_started(now)
    ][-5:]
    _audit_read(viewer, [row.member for row in rows], "group.roster.read", group)
    return ManagePage(
        group=group,
        members=[RosterLine(row, row.guidelines_version == group.guidelines_version) for row in rows],
        invitations=invitations,
        series=[SeriesLine(item, schedule_text(item), item.has_ended(yesterday)) for item in series],
        meetings=_lines(viewer, coming),
        past=list(reversed(_lines(viewer, recent))),
    )


# One meeting --------------------------------------------------------------------------------


@dataclass
class AttendanceLine:
    member: Membership
    answer: str
    record: Attendance | None


@dataclass
class MeetingPage:
    meeting: Meeting
    line: MeetingLine
    viewer: Membership
    row: GroupMember | None
    manager: bool
    waitlist_position: int | None
    own_attendance: Attendance | None
    may_record_own_attendance: bool
    going: list[MeetingRsvp] = field(default_factory=list)
    waitlist: list[MeetingRsvp] = field(default_factory=list)
    attendance: list[AttendanceLine] = field(default_factory=list)
    may_take_attendance: bool = False
    may_change: bool = False

    @property
    def is_member(self) -> bool:
        return self.row is not None and self.row.is_active

    @property
    def must_accept_guidelines(self) -> bool:
        return self.is_member and not is_current_member(self.row, self.meeting.group)


def self_attendance_open(meeting: Meeting, now: datetime) -> bool:
    return meeting.start <= now <= meeting.end + timedelta(days=SELF_ATTENDANCE_DAYS)


def meeting_page(*, viewer: Membership, meeting: Meeting, now: datetime | None = None) -> MeetingPage:
    """One meeting: the viewer's answer and place in line, their attendance; for those who
    manage the group also who is coming, the waiting list and attendance (an audited read)."""
    now = now or timezone.now()
    group = meeting.group
    line = _lines(viewer, [meeting])[0]
    row = member_row(viewer, group)
    manager = can_manage(viewer, group)
    answer = line.answer
    own = Attendance.objects.filter(
        series=meeting.series, original_start=meeting.original_start, member=viewer
    ).first()
    page = MeetingPage(
        meeting=meeting,
        line=line,
        viewer=viewer,
        row=row,
        manager=manager,
        waitlist_position=waitlist_position(answer)
        if answer is not None and answer.status == MeetingRsvp.Status.WAITLISTED
        else None,
        own_attendance=own,
        may_record_own_attendance=row is not None
        and row.is_active
        and not meeting.cancelled
        and self_attendance_open(meeting, now)
        and not (own is not None and own.source == Attendance.Source.FACILITATOR),
    )
    if not manager:
        return page
    answers = list(
        MeetingRsvp.objects.filter(series=meeting.series, original_start=meeting.original_start)
        .exclude(status=MeetingRsvp.Status.CANCELLED)
        .select_related("member__user")
    )
    page.going = [a for a in answers if a.status == MeetingRsvp.Status.GOING]
    page.waitlist = [a for a in answers if a.status == MeetingRsvp.Status.WAITLISTED]
    page.may_change = not meeting.cancelled and not meeting.has_started(now)
    page.may_take_attendance = not meeting.cancelled and meeting.has_started(now)
    people: list[Membership] = [a.member for a in page.going]
    if page.may_take_attendance:
        records = {
            record.member_id: record
            for record in Attendance.objects.filter(
                series=meeting.series, original_start=meeting.original_start
            ).select_related("member__user")
        }
        members = [
            row.member
            for row in GroupMember.objects.filter(
                group=group, status=GroupMember.Status.ACTIVE
            ).select_related("member__user")
        ]
        listed = {person.pk: person for person in [*people, *members]}
        for record in records.values():
            listed.setdefault(record.member_id, record.member)
        answers_by_member = {a.member_id: a.status for a in answers}
        page.attendance = [
            AttendanceLine(person, answers_by_member.get(person.pk, ""), records.get(person.pk))
            for person in sorted(listed.values(), key=lambda p: p.user.shown_name.lower())
        ]
        people = list(listed.values())
    _audit_read(
        viewer, [*people, *(a.member for a in page.waitlist)], "group.meeting.roster.read", meeting.series
    )
    return page


# The viewer's own meetings ------------------------------------------------------------------


def my_groups(viewer: Membership) -> QuerySet[SupportGroup]:
    """Groups the viewer belongs to or facilitates (open ones)."""
    is_member = Exists(
        GroupMember.objects.filter(group=OuterRef("pk"), member=viewer, status=GroupMember.Status.ACTIVE)
    )
    return SupportGroup.objects.filter(is_active=True).filter(is_member | _is_facilitator(viewer))


def my_upcoming(*, viewer: Membership, now: datetime | None = None, days: int = 30) -> list[MeetingLine]:
    """The meetings of the viewer's groups in the next `days` days, with their answer."""
    now = now or timezone.now()
    series = list(series_queryset().filter(group__in=my_groups(viewer)))
    meetings = meetings_between(live_series(series, now), now, now + timedelta(days=days))
    return _lines(viewer, meetings)


def group_meetings(
    *, viewer: Membership, group: SupportGroup, now: datetime | None = None
) -> list[MeetingLine]:
    now = now or timezone.now()
    series = list(series_queryset().filter(group=group))
    live = live_series(series, now)
    return _lines(
        viewer, upcoming_meetings(live, after=now, per_series=GROUP_PAGE_MEETINGS)[:GROUP_PAGE_MEETINGS]
    )


# Calendar links -----------------------------------------------------------------------------


def calendar_feed_lookup(raw_token: str) -> CalendarFeed | None:
    """The live calendar link for a secret, or None (unknown, revoked, or its person no longer
    active). Looked up across organizations by digest: the secret is the permission."""
    with scopes_disabled():
        feed = (
            CalendarFeed.objects.select_related("member__user", "member__organization")
            .filter(token_hash=secret_digest(raw_token), revoked_at__isnull=True)
            .first()
        )
        if feed is None or not feed.member.is_active or not feed.member.organization.is_active:
            return None
        now = timezone.now()
        if feed.last_used_at is None or now - feed.last_used_at > timedelta(minutes=5):
            CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed


def active_calendar_feed(member: Membership) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(member=member, revoked_at__isnull=True).first()


@dataclass
class FeedContent:
    series: list[MeetingSeries]
    answers: list[MeetingRsvp]


def feed_content(member: Membership, *, now: datetime | None = None) -> FeedContent:
    """What a person's calendar link lists: every schedule of the groups they belong to or
    facilitate, and their answers to meetings from the last 60 days on."""
    now = now or timezone.now()
    series = list(
        series_queryset()
        .filter(group__in=my_groups(member))
        .filter(Q(until__isnull=True) | Q(until__gte=(now - timedelta(days=60)).date()))
    )
    answers = list(
        MeetingRsvp.objects.filter(
            member=member,
            series__in=[item.pk for item in series],
            original_start__gte=now - timedelta(days=60),
        ).exclude(status=MeetingRsvp.Status.CANCELLED)
    )
    return FeedContent(series=series, answers=answers)
