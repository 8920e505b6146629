"""Support groups and their meetings.

A group has facilitators (peer supporters or supervisors), guidelines each member accepts
before joining, and meeting series. A series is a rule (RFC 5545, see `recurrence`) in its
time zone; its occurrences are computed, never stored. Only what attaches to one occurrence is
stored, named by series and original start: a cancellation or move (`OccurrenceChange`),
an answer (`MeetingRsvp`) and attendance (`Attendance`). Something else that belongs to one
meeting later (a group room, its messages) attaches the same way; an occurrence's online
window is its start and end.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from alongside.accounts.models import validate_timezone
from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped
from alongside.groups import recurrence
from alongside.participants.models import SPOKEN_LANGUAGES

NAME_MAX = 120
NOTE_MAX = 300
CAPACITY_MAX = 500
LANGUAGE_CHOICES = [(code, label) for code, label, _own in SPOKEN_LANGUAGES]


class GroupFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")


class GroupAccess(models.TextChoices):
    OPEN = "open", _("Anyone in the organization may join")
    INVITE = "invite", _("Only people who are invited")


class SupportGroup(OrganizationScoped):
    """A peer support group: what it is about, how and in which language it meets, who
    facilitates it, who may join, and the guidelines members agree to."""

    name = models.CharField(_("name"), max_length=NAME_MAX)
    description = models.TextField(_("what the group is about"), blank=True)
    topics = models.ManyToManyField(
        "participants.ExperienceArea", blank=True, related_name="+", verbose_name=_("topics")
    )
    facilitators = models.ManyToManyField(
        "accounts.Membership", related_name="facilitated_groups", verbose_name=_("facilitators")
    )
    format = models.CharField(_("how it meets"), max_length=12, choices=GroupFormat.choices)
    address = models.TextField(_("address"), blank=True, help_text=_("Where an in-person group meets."))
    joining_details = models.TextField(
        _("how to join a meeting"),
        blank=True,
        help_text=_("A dial-in number, a room or a door code. Only members and facilitators see it."),
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    capacity = models.PositiveSmallIntegerField(
        _("places at each meeting"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(CAPACITY_MAX)],
        help_text=_("When a meeting is full, people who answer later join its waiting list."),
    )
    access = models.CharField(_("who may join"), max_length=10, choices=GroupAccess.choices)
    guidelines = models.TextField(_("group guidelines"))
    guidelines_version = models.PositiveIntegerField(default=1)
    guidelines_changed_at = models.DateTimeField(default=now)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_timezone],
        help_text=_("New meeting schedules use it; each schedule keeps the time zone it was made in."),
    )
    is_active = models.BooleanField(_("meeting"), default=True, help_text=_("Closed groups are hidden."))
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("support group")
        verbose_name_plural = _("support groups")
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="group_name_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.access == GroupAccess.OPEN


class GroupMember(OrganizationScoped):
    """A person's place in a group, with the guidelines version they accepted and when. One
    row per person and group: leaving and rejoining updates it (the audit log keeps history)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        LEFT = "left", _("Left")
        REMOVED = "removed", _("Removed by a facilitator")

    group = models.ForeignKey(SupportGroup, on_delete=models.CASCADE, related_name="members")
    member = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="group_memberships"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    joined_at = models.DateTimeField(_("joined"), default=now)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    guidelines_version = models.PositiveIntegerField(_("guidelines version accepted"))
    guidelines_accepted_at = models.DateTimeField(_("guidelines accepted"))
    room_name = models.CharField(
        _("name shown in the group room"),
        max_length=40,
        blank=True,
        help_text=_("Leave empty to use your own name. A first name or a pseudonym is fine."),
    )

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [models.UniqueConstraint(fields=["group", "member"], name="one_group_member_row")]
        indexes = [models.Index(fields=["member", "status"])]

    def __str__(self) -> str:
        return f"{self.member_id} in group {self.group_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class GroupInvitation(OrganizationScoped):
    """An invitation to an (often invite-only) group for one person in the organization."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    group = models.ForeignKey(SupportGroup, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="group_invitations"
    )
    invited_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("group invitation")
        verbose_name_plural = _("group invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "invitee"],
                condition=Q(status="pending"),
                name="one_pending_group_invitation",
            )
        ]

    def __str__(self) -> str:
        return f"invitation of {self.invitee_id} to group {self.group_id} ({self.status})"


class Frequency(models.TextChoices):
    ONCE = recurrence.ONCE, _("Once")
    DAILY = recurrence.DAILY, _("Every day")
    WEEKLY = recurrence.WEEKLY, _("Every week")
    BIWEEKLY = recurrence.BIWEEKLY, _("Every two weeks")
    MONTHLY = recurrence.MONTHLY, _("Every month, on the same weekday (for example the 2nd Tuesday)")


class MeetingSeries(OrganizationScoped):
    """When a group meets: a first meeting, a length, and how it repeats, in one time zone."""

    group = models.ForeignKey(SupportGroup, on_delete=models.CASCADE, related_name="series")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title (optional)"), max_length=NAME_MAX, blank=True)
    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency.choices)
    first_day = models.DateField(_("first meeting"))
    start_time = models.TimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"), validators=[MinValueValidator(15), MaxValueValidator(480)]
    )
    # For monthly series: which weekday of the month (1 to 4, or -1 for the last one).
    month_week = models.SmallIntegerField(default=0)
    until = models.DateField(_("last possible meeting day"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, validators=[validate_timezone])
    created_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["first_day", "start_time", "pk"]
        verbose_name = _("meeting schedule")
        verbose_name_plural = _("meeting schedules")

    def __str__(self) -> str:
        return f"series {self.pk} of group {self.group_id}"

    @property
    def ical_uid(self) -> str:
        return f"{self.uid}@alongside"

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    def has_ended(self, today: date) -> bool:
        return self.until is not None and self.until < today


class OccurrenceChange(OrganizationScoped):
    """One occurrence cancelled (an EXDATE) or moved (an override with RECURRENCE-ID)."""

    class Kind(models.TextChoices):
        CANCELLED = "cancelled", _("Cancelled")
        MOVED = "moved", _("Moved")

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="changes")
    original_start = models.DateTimeField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    new_start = models.DateTimeField(null=True, blank=True)
    new_end = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note for members"), max_length=NOTE_MAX, blank=True)
    changed_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["original_start"]
        verbose_name = _("meeting change")
        verbose_name_plural = _("meeting changes")
        constraints = [
            models.UniqueConstraint(fields=["series", "original_start"], name="one_change_per_occurrence"),
            models.CheckConstraint(
                condition=Q(kind="cancelled") | Q(new_start__isnull=False, new_end__isnull=False),
                name="moved_occurrence_has_times",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.series_id}@{self.original_start:%Y-%m-%d %H:%M}"


class MeetingRsvp(OrganizationScoped):
    """A person's answer for one occurrence. When the meeting is full they wait in line, in the
    order they answered; a place that opens goes to the first in line."""

    class Status(models.TextChoices):
        GOING = "going", _("Going")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Not going")

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="rsvps")
    original_start = models.DateTimeField()
    # Where the occurrence is now (kept in step when it moves): the reminder job reads it.
    starts_at = models.DateTimeField()
    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="meeting_rsvps")
    status = models.CharField(max_length=12, choices=Status.choices)
    queued_at = models.DateTimeField(default=now)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("meeting answer")
        verbose_name_plural = _("meeting answers")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "original_start", "member"], name="one_rsvp_per_person_and_occurrence"
            )
        ]
        indexes = [
            models.Index(fields=["series", "original_start", "status", "queued_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.status} {self.series_id}@{self.original_start:%Y-%m-%d %H:%M}"


class Attendance(OrganizationScoped):
    """Whether someone was at one occurrence: taken by a facilitator, or told by the member."""

    class Source(models.TextChoices):
        FACILITATOR = "facilitator", _("Taken by a facilitator")
        SELF = "self", _("Told by the member")

    series = models.ForeignKey(MeetingSeries, on_delete=models.CASCADE, related_name="attendance")
    original_start = models.DateTimeField()
    member = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="meeting_attendance"
    )
    attended = models.BooleanField(_("was there"))
    source = models.CharField(max_length=12, choices=Source.choices)
    recorded_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["original_start", "pk"]
        verbose_name = _("meeting attendance")
        verbose_name_plural = _("meeting attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "original_start", "member"], name="one_attendance_per_person_and_occurrence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {'at' if self.attended else 'not at'} {self.series_id}"


class CalendarFeed(OrganizationScoped):
    """A private, revocable calendar link for one person. Only the digest of its secret is
    stored; the link is shown once, when it is made."""

    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="calendar_feeds")
    token_hash = models.CharField(max_length=64, unique=True)
    discreet = models.BooleanField(
        _("plain titles"),
        default=True,
        help_text=_("Events read “Group meeting”, so people who see your calendar don't learn more."),
    )
    created_at = models.DateTimeField(default=now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self) -> str:
        return f"calendar link {self.pk} of {self.member_id}"


class RoomMessage(OrganizationScoped):
    """A message in a group's online room during a meeting. Members write during the meeting
    window (facilitators at any time) under their name or the pseudonym they chose; a
    facilitator's deletion keeps the row (who and when) and removes the words."""

    group = models.ForeignKey(SupportGroup, on_delete=models.CASCADE, related_name="room_messages")
    meeting_start = models.DateTimeField(null=True, blank=True)  # the occurrence it was written in
    client_id = models.CharField(max_length=64)
    sender = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    shown_as = models.CharField(max_length=80)
    body = EncryptedTextField()
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=now)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "sender", "client_id"], name="room_message_client_id_unique"
            )
        ]
        indexes = [models.Index(fields=["group", "meeting_start"])]

    def __str__(self) -> str:
        return f"room message {self.pk}"


class RoomMute(OrganizationScoped):
    """A facilitator muted someone in the room: they can read but not write until it ends."""

    group = models.ForeignKey(SupportGroup, on_delete=models.CASCADE, related_name="room_mutes")
    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    muted_by = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=now)
    until = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"mute {self.member_id} in {self.group_id}"
