"""Who may see which participants. Every read of participant data starts here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone

from alongside.accounts.models import Membership
from alongside.checkins.models import CheckIn
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.roles import Role
from alongside.core.timezones import today_of, zone_label, zone_of
from alongside.matching.models import PeerMatch
from alongside.participants import steps
from alongside.participants.models import (
    AGE_BANDS,
    DAY_PARTS,
    GENDERS,
    MEETING_FORMATS,
    SPOKEN_LANGUAGES,
    WEEKDAYS,
    ExperienceArea,
    ParticipantProfile,
)


def participants_visible_to(viewer: Membership) -> QuerySet[Membership]:
    """The participants `viewer` may see in their organization.

    A participant sees only themselves; a peer supporter sees their active caseload;
    supervisors and admins see every participant; clinicians see nobody until a participant
    consents to share (consent arrives with clinical integration).
    """
    participants = Membership.objects.filter(role=Role.PARTICIPANT).select_related("user", "programme")
    if viewer.role == Role.PARTICIPANT:
        return participants.filter(pk=viewer.pk)
    if viewer.role == Role.PEER:
        return participants.filter(
            peer_matches__peer=viewer, peer_matches__status=PeerMatch.Status.ACTIVE, is_active=True
        )
    if viewer.role in (Role.SUPERVISOR, Role.ADMIN):
        return participants
    return participants.none()


def participant_for(*, viewer: Membership, participant_id: int, reason: str = "") -> Membership:
    """One participant the viewer may see, or 404 (the same answer whether the participant does
    not exist or is not theirs to see). Audited as participant.view."""
    participant = participants_visible_to(viewer).filter(pk=participant_id).first()
    if participant is None:
        raise Http404
    if viewer.pk != participant.pk:
        audit_record(
            action="participant.view",
            actor=viewer.user,
            organization=viewer.organization,
            subject=participant,
            reason=reason,
        )
    return participant


@dataclass
class CaseloadEntry:
    participant: Membership
    last_checkin: CheckIn | None
    reasons: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.reasons)


def caseload_of(peer: Membership, today: date | None = None) -> list[CaseloadEntry]:
    """The peer's caseload with who needs attention and why, most urgent first.

    Two queries whatever the caseload size. Reasons: crisis language or distress in a recent
    note, no check-in for three days or more, asked to talk, a very low mood, strong cravings
    with a wish to talk, or having used in the last week.
    """
    from django.utils.translation import gettext as _

    from alongside.checkins.selectors import checkin_signals

    today = today or today_of(peer)
    participants = list(participants_visible_to(peer).order_by("user__display_name", "user__username"))
    recent = CheckIn.objects.filter(
        participant__in=participants, day__gte=today - timedelta(days=7)
    ).order_by("participant_id", "-day")
    latest: dict[int, CheckIn] = {}
    flagged: dict[int, str] = {}
    by_participant: dict[int, list[CheckIn]] = {}
    for checkin in recent.defer("note"):
        latest.setdefault(checkin.participant_id, checkin)
        by_participant.setdefault(checkin.participant_id, []).append(checkin)
        if checkin.screening_level in ("concern", "urgent") and checkin.participant_id not in flagged:
            flagged[checkin.participant_id] = checkin.screening_level
    from alongside.safety.escalation.selectors import open_incidents_by_participant

    incidents = open_incidents_by_participant([p.pk for p in participants])
    entries = []
    for participant in participants:
        last = latest.get(participant.pk)
        reasons = []
        if flagged.get(participant.pk) == "urgent":
            reasons.append(_("Crisis language in a recent check-in"))
        elif flagged.get(participant.pk) == "concern":
            reasons.append(_("Signs of distress in a recent check-in"))
        if last is None or (today - last.day).days >= 3:
            reasons.append(_("No check-in for three days or more"))
        if last is not None and last.wants_to_talk and (today - last.day).days <= 1:
            reasons.append(_("Asked to talk"))
        if last is not None and last.mood == 1 and (today - last.day).days <= 1:
            reasons.append(_("Feeling very low"))
        reasons.extend(checkin_signals(by_participant.get(participant.pk, []), today))
        reasons.extend(_incident_reasons(incidents.get(participant.pk, []), reasons))
        entries.append(CaseloadEntry(participant=participant, last_checkin=last, reasons=reasons))
    entries.sort(key=lambda entry: (not entry.needs_attention, -len(entry.reasons)))
    audit_record_many(
        action="caseload.view", actor=peer.user, organization=peer.organization, subjects=participants
    )
    return entries


def _incident_reasons(incidents: list[Any], already: list[str]) -> list[str]:
    """Open crisis incidents not already explained by the check-in reasons: an urgent alert, or
    a concern found in something else they wrote (a follow-up is suggested)."""
    from django.utils.translation import gettext as _

    found: list[str] = []
    for incident in incidents:
        if incident.level == "urgent":
            text = _("An urgent crisis alert is open")
        elif incident.source == "checkin":
            continue  # the check-in reasons above already say it
        elif incident.source == "checkin_signal":
            found += [r for r in incident.reason_list if r not in already and r not in found]
            continue
        else:
            text = _("Signs of distress in their %(where)s: a follow-up is suggested") % {
                "where": incident.get_source_display().lower()
            }
        if text not in already and text not in found:
            found.append(text)
    return found


# Intake ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeStatus:
    """Where a participant is in intake, for their home page card."""

    completed: bool
    started: bool
    resume_at: str
    step_number: int
    step_count: int

    @property
    def url(self) -> str:
        return reverse("intake")


def intake_status(membership: Membership) -> IntakeStatus | None:
    """The participant's own intake progress (one query; creates nothing). None for staff."""
    if membership.role != Role.PARTICIPANT:
        return None
    row = (
        ParticipantProfile.objects.filter(participant=membership)
        .values("intake_step", "intake_completed_at", "consented_at")
        .first()
    )
    if row is not None and row["intake_completed_at"] is not None:
        return IntakeStatus(True, True, "", steps.QUESTION_COUNT, steps.QUESTION_COUNT)
    resume_at = (row["intake_step"] if row is not None else "") or steps.FIRST
    if resume_at not in steps.BY_SLUG:
        resume_at = steps.FIRST
    return IntakeStatus(
        completed=False,
        started=row is not None and row["consented_at"] is not None,
        resume_at=resume_at,
        step_number=min(steps.step_number(resume_at), steps.QUESTION_COUNT),
        step_count=steps.QUESTION_COUNT,
    )


def intake_participant_for(*, viewer: Membership, participant_id: int) -> Membership:
    """A participant whose intake `viewer` (staff) may fill in with them, or 404.

    Anyone who may see the participant (participants_visible_to) may; so may the staff member
    who registered them as a walk-in, until their intake is finished. Audited as
    participant.view with the reason "intake".
    """
    participant = participants_visible_to(viewer).filter(pk=participant_id, is_active=True).first()
    if participant is None and viewer.role != Role.PARTICIPANT:
        registered = ParticipantProfile.objects.filter(
            participant_id=participant_id,
            registered_by_id=viewer.user_id,
            intake_completed_at__isnull=True,
            participant__role=Role.PARTICIPANT,
            participant__is_active=True,
        ).first()
        if registered is not None:
            participant = Membership.objects.select_related("user").get(pk=registered.participant_id)
    if participant is None or participant.pk == viewer.pk:
        raise Http404
    audit_record(
        action="participant.view",
        actor=viewer.user,
        organization=viewer.organization,
        subject=participant,
        reason="intake",
    )
    return participant


def experience_areas_for_intake(profile: ParticipantProfile) -> list[ExperienceArea]:
    """The areas intake offers this participant: the organization's shown areas, plus hidden
    ones already on their profile (so they can keep or remove them), in the admin's order."""
    chosen = list(profile.experiences.values_list("pk", flat=True)) if profile.pk else []
    return list(
        ExperienceArea.objects.filter(Q(is_active=True) | Q(pk__in=chosen)).order_by("position", "label")
    )


@dataclass(frozen=True)
class SummaryItem:
    label: str
    value: str


@dataclass(frozen=True)
class SummarySection:
    step: str
    title: str
    items: list[SummaryItem]


def intake_summary(profile: ParticipantProfile) -> list[SummarySection]:
    """The participant's answers in plain words, one section per step, for the summary page.
    The caller has already checked (and audited) that the reader may see this participant."""
    from django.utils.translation import gettext as _

    not_said = _("Not answered")
    zone = zone_of(profile.participant)

    def local(moment: datetime) -> datetime:
        return timezone.localtime(moment, zone)

    def words(values: list[str], labels: dict[str, Any]) -> str:
        return ", ".join(str(labels.get(value, value)) for value in values) or not_said

    languages = {code: label for code, label, _own in SPOKEN_LANGUAGES}
    experiences = list(profile.experiences.all())
    priorities = list(profile.priority_experiences.all())
    slots = set(profile.availability)
    days = []
    for day, day_label in WEEKDAYS:
        parts = [str(part_label) for part, part_label in DAY_PARTS if f"{day}-{part}" in slots]
        if parts:
            days.append(f"{day_label}: {', '.join(parts)}")
    focus = dict(ParticipantProfile.Focus.choices).get(profile.focus, "")
    sections = {
        "consent": [
            SummaryItem(
                _("Privacy"),
                _("You agreed on %(date)s.")
                % {"date": formats.date_format(local(profile.consented_at), "DATE_FORMAT")}
                if profile.consented_at
                else _("Not agreed yet: needed to finish."),
            )
        ],
        "about": [
            SummaryItem(_("What brings you"), str(focus) or not_said),
            SummaryItem(_("Languages"), words(profile.languages, languages)),
            SummaryItem(_("Your age"), dict(AGE_BANDS).get(profile.age_band, "") or not_said),
            SummaryItem(_("Your gender"), str(dict(GENDERS).get(profile.gender, "")) or not_said),
        ],
        "experiences": [
            SummaryItem(
                _("Lived experience"), ", ".join(area.display_label for area in experiences) or not_said
            )
        ],
        "peer": [
            SummaryItem(
                _("Matters most to share"), ", ".join(area.display_label for area in priorities) or not_said
            ),
            SummaryItem(
                _("Your peer's gender"), str(dict(GENDERS).get(profile.peer_gender, "")) or _("No preference")
            ),
            SummaryItem(
                _("Your peer's age"),
                words(profile.peer_age_bands, dict(AGE_BANDS))
                if profile.peer_age_bands
                else _("No preference"),
            ),
        ],
        "meeting": [
            SummaryItem(_("Ways to meet"), words(profile.meeting_formats, dict(MEETING_FORMATS))),
            SummaryItem(_("When you are usually free"), "; ".join(days) or not_said),
            SummaryItem(
                _("Time zone"),
                zone_label(profile.participant.user.timezone)
                if profile.participant.user.timezone
                else _("Your organization's: %(zone)s") % {"zone": zone_label(zone)},
            ),
        ],
        "recovery": [
            SummaryItem(
                _("Recovery start date"),
                formats.date_format(profile.recovery_start, "DATE_FORMAT")
                if profile.recovery_start
                else not_said,
            ),
            SummaryItem(
                _("Track medication in check-ins"), _("Yes") if profile.tracks_medication else _("No")
            ),
        ],
        "hopes": [SummaryItem(_("What you hope for"), profile.hopes or not_said)],
    }
    return [
        SummarySection(step=step.slug, title=str(step.title), items=sections[step.slug])
        for step in steps.STEPS
        if step.slug in sections
    ]


def walk_ins_registered_by(viewer: Membership, limit: int = 20) -> list[ParticipantProfile]:
    """The participants `viewer` registered in person, newest first, with whether they have
    finished intake and taken over their account. Audited (one event per participant shown)."""
    profiles = list(
        ParticipantProfile.objects.filter(registered_by_id=viewer.user_id, participant__is_active=True)
        .select_related("participant__user")
        .order_by("-participant__joined_at")[:limit]
    )
    if profiles:
        audit_record_many(
            action="participant.list",
            actor=viewer.user,
            organization=viewer.organization,
            subjects=[profile.participant for profile in profiles],
            reason="walk-ins",
        )
    return profiles
