"""Support groups for the demo organization (Harbor): three groups with recurring meetings.

- "Daily check-in circle", online, meets EVERY DAY from 12:00 to 13:00 New York time, so
  there is always a meeting within a day to try, and its group room opens at that hour (riley,
  the facilitator, can enter the room at any time). jordan and alex are members.
- "Thursday evening recovery circle", in person at the Harbor Community Hall, every Thursday
  19:00 to 20:30. Facilitated by pat; alex is a member who said he's coming next Thursday, and
  was at two of the last three meetings (attendance taken by pat). The fourth coming
  Thursday is cancelled (the hall is closed).
- "Grupo de apoyo en español", by phone, in Spanish, on the 2nd Tuesday of every month at
  18:00. Facilitated by luis (riley when luis is not in the demo); rosa, tomás and elena are
  members, and the next meeting is moved an hour earlier.

`seed_demo` is idempotent: a group that exists is left exactly as it is, with its meetings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization
from alongside.core.timezones import today_in, zone_named
from alongside.groups import recurrence
from alongside.groups.models import (
    Attendance,
    GroupMember,
    MeetingRsvp,
    MeetingSeries,
    OccurrenceChange,
    SupportGroup,
)
from alongside.groups.schedules import Meeting, meetings_between, series_queryset, upcoming_meetings
from alongside.participants.models import ExperienceArea

if TYPE_CHECKING:
    from alongside.accounts.models import User

HARBOR = "harbor"
ZONE = "America/New_York"

GUIDELINES_EN = """What is said in the group stays in the group.
Speak from your own experience; listen without fixing or giving advice.
Everyone may pass. Nobody has to share.
Come as sober as you can; if you're struggling, you're still welcome to listen.
Phones on silent. Be kind, to others and to yourself."""

GUIDELINES_ES = """Lo que se dice en el grupo se queda en el grupo.
Hable desde su propia experiencia; escuche sin dar consejos.
Cada persona puede pasar su turno. Nadie está obligado a hablar.
Respeto y amabilidad con los demás y con uno mismo."""


@dataclass(frozen=True)
class DemoGroup:
    name: str
    description: str
    facilitators: tuple[str, ...]
    format: str
    frequency: str
    start_time: time
    duration_minutes: int
    language: str = "en"
    address: str = ""
    joining_details: str = ""
    capacity: int = 12
    guidelines: str = GUIDELINES_EN
    topics: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    # Who said they're coming to the next meeting.
    coming: tuple[str, ...] = ()
    # (username, attended) for each of the last meetings, most recent first.
    history: tuple[tuple[tuple[str, bool], ...], ...] = field(default_factory=tuple)


DAILY = DemoGroup(
    name="Daily check-in circle",
    description=(
        "A short daily check-in online: how are you today, and what will help you get through it? "
        "Every day at noon (New York time), for an hour."
    ),
    facilitators=("riley",),
    format="online",
    frequency=recurrence.DAILY,
    start_time=time(12, 0),
    duration_minutes=60,
    capacity=15,
    topics=("anxiety", "depression"),
    members=("jordan", "alex"),
    coming=("jordan",),
    history=((("jordan", True),), (("jordan", False),)),
)
THURSDAY = DemoGroup(
    name="Thursday evening recovery circle",
    description=(
        "A peer-led circle for anyone in recovery from alcohol or drugs, newcomers welcome. Coffee from 6:45."
    ),
    facilitators=("pat",),
    format="in_person",
    frequency=recurrence.WEEKLY,
    start_time=time(19, 0),
    duration_minutes=90,
    address="Harbor Community Hall, Room 2\n41 Wharf Street",
    joining_details="Use the side door on Wharf Street; ring the bell marked Room 2.",
    topics=("alcohol", "opioids", "stimulants"),
    members=("alex", "jordan"),
    coming=("alex",),
    history=(
        (("alex", True), ("jordan", True)),
        (("alex", False), ("jordan", True)),
        (("alex", True),),
    ),
)
SPANISH = DemoGroup(
    name="Grupo de apoyo en español",
    description="Un grupo de apoyo entre pares, en español, por teléfono. El segundo martes de cada mes.",
    facilitators=("luis",),
    format="phone",
    frequency=recurrence.MONTHLY,
    start_time=time(18, 0),
    duration_minutes=60,
    language="es",
    joining_details="Llame al (555) 010-2040 y marque el código 7788#.",
    capacity=10,
    guidelines=GUIDELINES_ES,
    topics=("alcohol", "depression"),
    members=("rosa", "tomas", "elena"),
    coming=("rosa", "tomas"),
    history=((("rosa", True), ("elena", True)),),
)
DEMO_GROUPS = (DAILY, THURSDAY, SPANISH)


def _first_day(demo: DemoGroup, today: date) -> date:
    """A first meeting in the past, so the demo has history: a month ago for the daily group,
    six Thursdays ago, or the 2nd Tuesday of three months ago."""
    if demo.frequency == recurrence.DAILY:
        return today - timedelta(days=30)
    if demo.frequency == recurrence.WEEKLY:
        return today - timedelta(days=(today.weekday() - 3) % 7 + 42)
    month = (today.replace(day=1) - timedelta(days=80)).replace(day=1)
    first_tuesday = month + timedelta(days=(1 - month.weekday()) % 7)
    return first_tuesday + timedelta(days=7)


def _memberships(
    organization: Organization, users: dict[str, User], names: tuple[str, ...]
) -> list[Membership]:
    found = []
    for name in names:
        user = users.get(name)
        membership = (
            Membership.objects.filter(user=user, organization=organization).first()
            if user is not None
            else None
        )
        if membership is not None:
            found.append(membership)
    return found


def _answer(meeting: Meeting, person: Membership, status: str, at: datetime) -> None:
    MeetingRsvp.objects.get_or_create(
        series=meeting.series,
        original_start=meeting.original_start,
        member=person,
        defaults={
            "organization": meeting.group.organization,
            "starts_at": meeting.start,
            "status": status,
            "queued_at": at,
        },
    )


def _seed_group(organization: Organization, demo: DemoGroup, users: dict[str, User], now: datetime) -> None:
    facilitators = _memberships(organization, users, demo.facilitators) or _memberships(
        organization, users, ("riley",)
    )
    if not facilitators or SupportGroup.objects.filter(name=demo.name).exists():
        return
    zone = zone_named(ZONE)
    today = today_in(zone, now)
    group = SupportGroup.objects.create(
        organization=organization,
        name=demo.name,
        description=demo.description,
        format=demo.format,
        address=demo.address,
        joining_details=demo.joining_details,
        language=demo.language,
        capacity=demo.capacity,
        access="open",
        guidelines=demo.guidelines,
        timezone=ZONE,
        created_by=users.get("sam"),
        created_at=now - timedelta(days=90),
    )
    group.facilitators.set(facilitators)
    group.topics.set(ExperienceArea.objects.filter(slug__in=demo.topics))
    first_day = _first_day(demo, today)
    MeetingSeries.objects.create(
        organization=organization,
        group=group,
        frequency=demo.frequency,
        first_day=first_day,
        start_time=demo.start_time,
        duration_minutes=demo.duration_minutes,
        month_week=recurrence.month_week_of(first_day) if demo.frequency == recurrence.MONTHLY else 0,
        timezone=ZONE,
        created_by=facilitators[0],
        created_at=now - timedelta(days=90),
    )
    members = {person.user.username: person for person in _memberships(organization, users, demo.members)}
    for person in members.values():
        GroupMember.objects.create(
            organization=organization,
            group=group,
            member=person,
            joined_at=now - timedelta(days=60),
            guidelines_version=1,
            guidelines_accepted_at=now - timedelta(days=60),
        )
    series = series_queryset().get(group=group)
    coming = upcoming_meetings([series], after=now + timedelta(hours=3), per_series=4)
    for name in demo.coming:
        if name in members and coming:
            _answer(coming[0], members[name], MeetingRsvp.Status.GOING, now - timedelta(days=1))
    past = [m for m in meetings_between([series], now - timedelta(days=120), now) if m.has_ended(now)]
    for meeting, records in zip(reversed(past), demo.history, strict=False):
        for name, attended in records:
            attendee = members.get(name)
            if attendee is None:
                continue
            _answer(meeting, attendee, MeetingRsvp.Status.GOING, meeting.start - timedelta(days=2))
            Attendance.objects.get_or_create(
                series=series,
                original_start=meeting.original_start,
                member=attendee,
                defaults={
                    "organization": organization,
                    "attended": attended,
                    "source": Attendance.Source.FACILITATOR
                    if demo.format != "online"
                    else Attendance.Source.SELF,
                    "recorded_by": facilitators[0] if demo.format != "online" else attendee,
                    "recorded_at": meeting.end,
                },
            )
    if demo is THURSDAY and len(coming) >= 4:
        OccurrenceChange.objects.create(
            organization=organization,
            series=series,
            original_start=coming[3].original_start,
            kind=OccurrenceChange.Kind.CANCELLED,
            note="The hall is closed that week.",
            changed_by=facilitators[0],
        )
    if demo is SPANISH and coming:
        moved_start = coming[0].original_start - timedelta(hours=1)
        OccurrenceChange.objects.create(
            organization=organization,
            series=series,
            original_start=coming[0].original_start,
            kind=OccurrenceChange.Kind.MOVED,
            new_start=moved_start,
            new_end=moved_start + timedelta(minutes=demo.duration_minutes),
            note="Este mes empezamos una hora antes.",
            changed_by=facilitators[0],
        )
        MeetingRsvp.objects.filter(series=series, original_start=coming[0].original_start).update(
            starts_at=moved_start
        )


def seed_demo(*, users: dict[str, User], rng: random.Random) -> None:
    """Harbor's three demo groups (see the module docstring). A group that exists is left as it
    is; people missing from `users` are left out. `rng` is unused: the groups are fixed."""
    del rng
    with scopes_disabled():
        organization = Organization.objects.filter(slug=HARBOR).first()
    if organization is None:
        return
    now = timezone.now()
    with scope(organization=organization):
        for demo in DEMO_GROUPS:
            _seed_group(organization, demo, users, now)
