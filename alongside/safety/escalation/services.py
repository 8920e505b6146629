"""Crisis escalation: raising incidents from screening, the alert ladder, acknowledging,
recording what was done, closing, and the on-call rota.

Every write here runs in a transaction and is audited. Alerts and timers are sent only after
the transaction commits, so nobody is alerted about an incident that was rolled back, and a
timer is a durable job in the database (the worker picks it up after a restart; a periodic
sweep catches any timer whose job was lost).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization
from alongside.core.audit import audit_record
from alongside.core.notifications import notification_send
from alongside.core.roles import OVERSIGHT_ROLES, Role
from alongside.core.timezones import as_reader, today_of, zone_of
from alongside.safety.escalation import selectors
from alongside.safety.escalation.models import (
    Alert,
    Debrief,
    EscalationSettings,
    Incident,
    IncidentEvent,
    OnCallShift,
)

# A new finding for someone who already has an open incident from the last hour joins it
# (a person correcting the same note must not set off a second round of alarms).
JOIN_WITHIN = timedelta(hours=1)
MAX_EXCERPT = 2000
OUTCOMES = ("safe_with_plan", "connected_to_care", "emergency_services", "no_contact", "false_alarm", "other")


@dataclass(frozen=True)
class Finding:
    """What screening (or a check-in pattern) found, in plain data."""

    level: str  # "concern" or "urgent"
    categories: Sequence[str] = ()
    reasons: Sequence[str] = ()


def respond_to_screening(
    *,
    participant: Membership,
    screening: Any,
    text: str,
    source: str,
    source_id: int | None = None,
    now: datetime | None = None,
) -> Incident | None:
    """The one call every write that screens a participant's words makes, inside its own
    transaction, after storing the level: `concern` and `urgent` raise (or join) an incident.
    Staff writing is screened by the caller's policy, not here: only participants raise."""
    level = getattr(screening, "level", "none")
    if level not in (Incident.Level.CONCERN, Incident.Level.URGENT) or participant.role != Role.PARTICIPANT:
        return None
    return incident_raise(
        participant=participant,
        finding=Finding(level, tuple(screening.categories), tuple(screening.reasons)),
        excerpt=text,
        source=source,
        source_id=source_id,
        now=now,
    )


@transaction.atomic
def incident_raise(
    *,
    participant: Membership,
    finding: Finding,
    excerpt: str,
    source: str,
    source_id: int | None = None,
    now: datetime | None = None,
) -> Incident:
    """Records what was found about `participant`; an urgent finding starts the alert ladder at
    once (their peer and whoever is first on call), a concern only marks them for their peer.

    An urgent finding joins an incident of theirs still open from the last hour instead of
    opening another (raising a concern incident to urgent and starting the ladder); a concern
    joins an open urgent incident, or one from the same source."""
    now = now or timezone.now()
    recent = (
        Incident.objects.select_for_update()
        .filter(participant=participant, status__in=(Incident.Status.OPEN, Incident.Status.ACKNOWLEDGED))
        .filter(created_at__gte=now - JOIN_WITHIN)
        .order_by("-created_at")
    )
    # Urgent words join whatever is open (one alarm at a time); a concern joins an open urgent
    # incident or one from the same place, and otherwise stands on its own for the caseload.
    open_one = next(
        (
            i
            for i in recent
            if finding.level == Incident.Level.URGENT
            or i.level == Incident.Level.URGENT
            or i.source == source
        ),
        None,
    )
    reasons = "\n".join(dict.fromkeys(r for r in finding.reasons if r))
    if open_one is not None:
        incident = open_one
        incident.categories = sorted(set(incident.categories) | set(finding.categories))
        incident.reasons = "\n".join(dict.fromkeys([*incident.reason_list, *reasons.splitlines()]))
        incident.excerpt = excerpt[:MAX_EXCERPT]
        raised = finding.level == Incident.Level.URGENT and incident.level == Incident.Level.CONCERN
        if raised:
            incident.level = Incident.Level.URGENT
        incident.save(update_fields=["categories", "reasons", "excerpt", "level"])
    else:
        incident = Incident.objects.create(
            organization_id=participant.organization_id,
            participant=participant,
            level=finding.level,
            source=source,
            source_id=source_id,
            categories=sorted(set(finding.categories)),
            reasons=reasons,
            excerpt=excerpt[:MAX_EXCERPT],
            created_at=now,
        )
        raised = incident.level == Incident.Level.URGENT
    _event(incident, IncidentEvent.Kind.DETECTED, detail=reasons, at=now)
    audit_record(
        action="incident.raise",
        actor=None,
        organization=participant.organization,
        subject=participant,
        obj=incident,
        reason=finding.level,
    )
    if raised and incident.status == Incident.Status.OPEN:
        _alert_step(incident, step=1, now=now)
    elif open_one is not None and finding.level == Incident.Level.URGENT:
        # More urgent words on an incident people already have: tell everyone alerted.
        _tell_responders(
            incident,
            kind="crisis.alert",
            title=lambda: _("%(name)s wrote again: open the alert") % {"name": participant.user.shown_name},
        )
    return incident


# The ladder ------------------------------------------------------------------------------------


def acknowledge_window(organization: Organization) -> timedelta:
    row = EscalationSettings.objects.filter(organization=organization).first()
    return timedelta(minutes=row.acknowledge_within_minutes if row else 5)


def ladder_step(incident: Incident, step: int, now: datetime) -> list[tuple[Membership, str]]:
    """Who is alerted at `step` (1-based): first the participant's peer and the first tier on
    call; then each next tier on call; then the organization's admins; after that the admins
    and supervisors again at every step until someone acknowledges. With nobody on call, the
    supervisors take the on-call place."""
    shifts = selectors.on_call_at(now)
    tiers = sorted({s.tier for s in shifts})
    people: list[tuple[Membership, str]] = []
    if step == 1:
        peer = selectors.peer_of(incident.participant)
        if peer is not None:
            people.append((peer, "peer"))
    if tiers and step <= len(tiers):
        people += [(s.member, "on_call") for s in shifts if s.tier == tiers[step - 1]]
    elif not tiers and step == 1:
        people += [(m, "supervisor") for m in selectors.members_with_roles([Role.SUPERVISOR])]
    elif step == max(len(tiers), 1) + 1:
        people += [(m, "admin") for m in selectors.members_with_roles([Role.ADMIN])]
    else:
        people += [(m, "oversight") for m in selectors.members_with_roles([Role.ADMIN, Role.SUPERVISOR])]
    if not people:  # an organization with nobody else still has its admins
        people = [(m, "admin") for m in selectors.members_with_roles([Role.ADMIN])]
    seen: set[int] = set()
    unique = []
    for member, why in people:
        if member.pk not in seen and member.pk != incident.participant_id:
            seen.add(member.pk)
            unique.append((member, why))
    return unique


def _alert_step(incident: Incident, *, step: int, now: datetime) -> None:
    recipients = ladder_step(incident, step, now)
    for member, why in recipients:
        alert, created = Alert.objects.get_or_create(
            incident=incident,
            recipient=member,
            defaults={"organization_id": incident.organization_id, "step": step, "why": why, "sent_at": now},
        )
        if not created:
            alert.step, alert.sent_at = step, now
            alert.save(update_fields=["step", "sent_at"])
        _send_alert(incident, member, repeat=not created)
    _event(
        incident,
        IncidentEvent.Kind.ALERTED if step == 1 else IncidentEvent.Kind.ESCALATED,
        recipients=[m.pk for m, _why in recipients],
        at=now,
    )
    incident.escalation_step = step
    incident.next_escalation_at = now + acknowledge_window(incident.organization)
    incident.save(update_fields=["escalation_step", "next_escalation_at"])
    _schedule(incident.pk, step, incident.next_escalation_at)


def _send_alert(incident: Incident, member: Membership, *, repeat: bool) -> None:
    # The participant's words stay inside the product: email and push say only who and where.
    with as_reader(member):
        name = incident.participant.user.shown_name
        title = (
            _("Still waiting: %(name)s needs someone now")
            if repeat
            else _("Urgent: %(name)s needs someone now")
        ) % {"name": name}
        notification_send(
            user=member.user,
            organization=incident.organization,
            kind="crisis.alert",
            title=title,
            body=_("Open the alert to see what they wrote and acknowledge it."),
            url=reverse("incident_detail", args=[incident.pk]),
            email=True,
        )


def _schedule(incident_id: int, step: int, when: datetime) -> None:
    from alongside.safety.escalation.tasks import escalation_check

    transaction.on_commit(lambda: escalation_check.using(run_after=when).enqueue(incident_id, step))


def escalate_if_due(*, incident_id: int, step: int | None = None, now: datetime | None = None) -> bool:
    """Moves an unacknowledged urgent incident to the next step when its time is up. Safe to
    call any number of times, from the timer job and from the sweep: a stale or early call
    does nothing. Returns whether it escalated."""
    now = now or timezone.now()
    with scopes_disabled():
        organization_id = (
            Incident.objects.filter(pk=incident_id).values_list("organization_id", flat=True).first()
        )
    if organization_id is None:
        return False
    with scope(organization=organization_id), transaction.atomic():
        incident = (
            Incident.objects.select_for_update().select_related("organization").filter(pk=incident_id).first()
        )
        if (
            incident is None
            or incident.status != Incident.Status.OPEN
            or incident.next_escalation_at is None
            or incident.next_escalation_at > now
            or (step is not None and step != incident.escalation_step)
        ):
            return False
        _alert_step(incident, step=incident.escalation_step + 1, now=now)
        audit_record(
            action="incident.escalate",
            actor=None,
            organization=incident.organization,
            subject=incident.participant,
            obj=incident,
            reason=f"step {incident.escalation_step}",
        )
        return True


def escalation_sweep(*, now: datetime | None = None) -> int:
    """Escalates every urgent incident whose time is up, in all organizations (the safety net
    behind the per-incident timer jobs)."""
    now = now or timezone.now()
    with scopes_disabled():
        due = list(
            Incident.objects.filter(
                status=Incident.Status.OPEN, level=Incident.Level.URGENT, next_escalation_at__lte=now
            ).values_list("pk", flat=True)
        )
    return sum(escalate_if_due(incident_id=pk, now=now) for pk in due)


# Responding -------------------------------------------------------------------------------------


def _responder(incident: Incident, actor: Membership) -> None:
    if not selectors.may_respond(actor, incident):
        raise PermissionDenied


@transaction.atomic
def incident_acknowledge(*, incident: Incident, actor: Membership, now: datetime | None = None) -> Incident:
    """`actor` takes the incident: the ladder stops and everyone alerted is told who is on it."""
    _responder(incident, actor)
    now = now or timezone.now()
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status != Incident.Status.OPEN:
        raise ValidationError(_("This alert was already acknowledged."))
    incident.status = Incident.Status.ACKNOWLEDGED
    incident.acknowledged_at = now
    incident.acknowledged_by = actor
    incident.next_escalation_at = None
    incident.save(update_fields=["status", "acknowledged_at", "acknowledged_by", "next_escalation_at"])
    _event(incident, IncidentEvent.Kind.ACKNOWLEDGED, actor=actor, at=now)
    audit_record(
        action="incident.acknowledge",
        actor=actor.user,
        organization=actor.organization,
        subject=incident.participant,
        obj=incident,
    )
    for alert in incident.alerts.exclude(recipient=actor).select_related("recipient__user"):
        with as_reader(alert.recipient):
            notification_send(
                user=alert.recipient.user,
                organization=incident.organization,
                kind="crisis.acknowledged",
                title=_("%(who)s is responding to the alert about %(name)s")
                % {"who": actor.user.shown_name, "name": incident.participant.user.shown_name},
                url=reverse("incident_detail", args=[incident.pk]),
            )
    return incident


@transaction.atomic
def incident_record(
    *,
    incident: Incident,
    actor: Membership,
    kind: str,
    detail: str = "",
    follow_up_on: date | None = None,
) -> IncidentEvent:
    """Adds to the timeline: a contact made, a note, or a follow-up with its date."""
    _responder(incident, actor)
    if kind not in (IncidentEvent.Kind.CONTACTED, IncidentEvent.Kind.NOTE, IncidentEvent.Kind.FOLLOW_UP):
        raise ValidationError(_("Choose what you are recording: a contact, a note or a follow-up."))
    detail = detail.strip()
    if kind == IncidentEvent.Kind.NOTE and not detail:
        raise ValidationError(_("Write the note before saving it."))
    if kind == IncidentEvent.Kind.FOLLOW_UP:
        if follow_up_on is None:
            raise ValidationError(_("Give the date of the follow-up."))
        if follow_up_on < today_of(actor):
            raise ValidationError(_("A follow-up date can't be in the past."))
        incident.follow_up_on = follow_up_on
        incident.save(update_fields=["follow_up_on"])
        detail = detail or follow_up_on.isoformat()
    event = _event(incident, kind, actor=actor, detail=detail[:4000])
    audit_record(
        action=f"incident.{kind}",
        actor=actor.user,
        organization=actor.organization,
        subject=incident.participant,
        obj=incident,
    )
    return event


@transaction.atomic
def incident_close(
    *, incident: Incident, actor: Membership, outcome: str, note: str = "", now: datetime | None = None
) -> Incident:
    """Closes the incident with its outcome. A false alarm is marked, never deleted (screening is
    evaluated against them). After an urgent incident that was real, the person who handled it
    is offered a debrief, which becomes their supervision entry."""
    _responder(incident, actor)
    if outcome not in OUTCOMES:
        raise ValidationError(_("Choose how it ended."))
    now = now or timezone.now()
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status == Incident.Status.CLOSED:
        raise ValidationError(_("This incident is already closed."))
    if incident.status == Incident.Status.OPEN:
        incident.acknowledged_at, incident.acknowledged_by = now, actor
    incident.status = Incident.Status.CLOSED
    incident.closed_at, incident.closed_by = now, actor
    incident.next_escalation_at = None
    incident.outcome = outcome
    incident.outcome_note = note.strip()[:4000]
    incident.false_alarm = outcome == "false_alarm"
    incident.save()
    if incident.false_alarm:
        _event(incident, IncidentEvent.Kind.FALSE_ALARM, actor=actor, detail=incident.outcome_note, at=now)
    _event(incident, IncidentEvent.Kind.CLOSED, actor=actor, detail=outcome, at=now)
    audit_record(
        action="incident.close",
        actor=actor.user,
        organization=actor.organization,
        subject=incident.participant,
        obj=incident,
        reason=outcome,
    )
    if incident.is_urgent and not incident.false_alarm:
        handler = incident.acknowledged_by or actor
        debrief, created = Debrief.objects.get_or_create(
            incident=incident, member=handler, defaults={"organization_id": incident.organization_id}
        )
        if created:
            _event(incident, IncidentEvent.Kind.DEBRIEF, actor=handler, at=now)
            with as_reader(handler):
                notification_send(
                    user=handler.user,
                    organization=incident.organization,
                    kind="crisis.debrief",
                    title=_("Take a moment for yourself: a short debrief after the alert about %(name)s")
                    % {"name": incident.participant.user.shown_name},
                    url=reverse("debrief", args=[debrief.pk]),
                )
    return incident


@transaction.atomic
def debrief_complete(
    *, debrief: Debrief, member: Membership, reflection: str, support_wanted: bool
) -> Debrief:
    """The responder's reflection after an urgent incident: their supervision entry. Asking for
    support tells the supervisors."""
    if debrief.member_id != member.pk:
        raise PermissionDenied
    reflection = reflection.strip()
    if not reflection and not support_wanted:
        raise ValidationError(_("Write a few words, or ask to talk it through with your supervisor."))
    debrief.reflection = reflection[:8000]
    debrief.support_wanted = support_wanted
    debrief.completed_at = timezone.now()
    debrief.save(update_fields=["reflection", "support_wanted", "completed_at"])
    audit_record(
        action="debrief.complete",
        actor=member.user,
        organization=member.organization,
        subject=debrief.incident.participant,
        obj=debrief,
    )
    if support_wanted:
        for supervisor in selectors.members_with_roles([Role.SUPERVISOR]):
            with as_reader(supervisor):
                notification_send(
                    user=supervisor.user,
                    organization=member.organization,
                    kind="crisis.debrief_support",
                    title=_("%(who)s would like to talk through a recent crisis alert")
                    % {"who": member.user.shown_name},
                    url=reverse("debrief", args=[debrief.pk]),
                )
    return debrief


# The participant's side -------------------------------------------------------------------------


@transaction.atomic
def participant_reports_safe(*, incident: Incident, participant: Membership) -> Incident:
    """ "I'm safe right now": recorded and passed on to everyone alerted. It does not stop the
    ladder: a person still checks in."""
    if incident.participant_id != participant.pk:
        raise PermissionDenied
    now = timezone.now()
    incident.participant_safe_at = now
    incident.save(update_fields=["participant_safe_at"])
    _event(incident, IncidentEvent.Kind.SAFE, actor=participant, at=now)
    audit_record(
        action="incident.safe",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=incident,
    )
    _tell_responders(
        incident,
        kind="crisis.safe",
        title=lambda: _("%(name)s says they are safe right now") % {"name": participant.user.shown_name},
    )
    return incident


@transaction.atomic
def participant_asks_to_talk(*, incident: Incident, participant: Membership, whom: str) -> list[Membership]:
    """The participant asks their peer, or whoever is on call now, to reach out now."""
    if incident.participant_id != participant.pk:
        raise PermissionDenied
    if whom == "peer":
        peer = selectors.peer_of(participant)
        people = [peer] if peer is not None else []
    elif whom == "on_call":
        people = [s.member for s in selectors.on_call_at(timezone.now())]
        if not people:
            people = selectors.members_with_roles([Role.SUPERVISOR])
    else:
        raise ValidationError(_("Choose who you would like to talk to."))
    if not people:
        raise ValidationError(
            _("Nobody is available that way right now. Please use one of the crisis lines.")
        )
    _event(
        incident, IncidentEvent.Kind.TALK, actor=participant, detail=whom, recipients=[p.pk for p in people]
    )
    audit_record(
        action="incident.talk",
        actor=participant.user,
        organization=participant.organization,
        subject=participant,
        obj=incident,
    )
    for person in people:
        with as_reader(person):
            notification_send(
                user=person.user,
                organization=incident.organization,
                kind="crisis.talk",
                title=_("%(name)s is asking to talk now") % {"name": participant.user.shown_name},
                url=reverse("incident_detail", args=[incident.pk]),
                email=True,
            )
    return people


def _tell_responders(incident: Incident, *, kind: str, title: Any) -> None:
    for alert in incident.alerts.select_related("recipient__user"):
        with as_reader(alert.recipient):
            notification_send(
                user=alert.recipient.user,
                organization=incident.organization,
                kind=kind,
                title=title(),
                url=reverse("incident_detail", args=[incident.pk]),
            )


# Check-in patterns --------------------------------------------------------------------------------


def checkin_signals_respond(
    *, participant: Membership, checkin: Any, recent_moods: Iterable[int]
) -> Incident | None:
    """Patterns in check-in answers that need a person even without words: cravings of 9 or 10
    with a wish to talk, or a mood of 1 three days running. They raise a concern."""
    reasons = []
    categories = []
    if (checkin.cravings or 0) >= 9 and checkin.wants_to_talk:
        reasons.append(_("Cravings %(n)s of 10 and asked to talk") % {"n": checkin.cravings})
        categories.append("substance_use")
    moods = list(recent_moods)
    if len(moods) >= 3 and all(m == 1 for m in moods[:3]):
        reasons.append(_("Mood 1 of 5 three days running"))
        categories.append("low_mood")
    if not reasons:
        return None
    return incident_raise(
        participant=participant,
        finding=Finding(Incident.Level.CONCERN, categories, reasons),
        excerpt="",
        source=Incident.Source.CHECKIN_SIGNAL,
        source_id=checkin.pk,
    )


# On-call rota -------------------------------------------------------------------------------------


@transaction.atomic
def shift_create(
    *,
    actor: Membership,
    member: Membership,
    starts_at: datetime,
    ends_at: datetime,
    tier: int = 1,
    repeat_weeks: int = 0,
) -> list[OnCallShift]:
    """Puts `member` (a peer supporter, supervisor or admin) on call, optionally the same hours
    each week for `repeat_weeks` more weeks. Supervisors and admins only."""
    if actor.role not in OVERSIGHT_ROLES:
        raise PermissionDenied
    if member.organization_id != actor.organization_id or member.role not in (Role.PEER, *OVERSIGHT_ROLES):
        raise ValidationError(_("Only peer supporters, supervisors and admins can be on call."))
    if not member.is_active:
        raise ValidationError(_("That person's account is not active."))
    if ends_at <= starts_at:
        raise ValidationError(_("A shift has to end after it starts."))
    if ends_at - starts_at > timedelta(days=7):
        raise ValidationError(_("A shift can be at most 7 days long."))
    if not 1 <= tier <= 9:
        raise ValidationError(_("The order is a number from 1 to 9."))
    if not 0 <= repeat_weeks <= 52:
        raise ValidationError(_("Repeat for 0 to 52 weeks."))
    shifts = []
    for week in range(repeat_weeks + 1):
        shifts.append(
            OnCallShift.objects.create(
                organization_id=actor.organization_id,
                member=member,
                starts_at=_same_local_time(starts_at, week, member),
                ends_at=_same_local_time(ends_at, week, member),
                tier=tier,
                created_by=actor.user,
            )
        )
    audit_record(action="on_call.add", actor=actor.user, organization=actor.organization, obj=shifts[0])
    return shifts


def _same_local_time(moment: datetime, weeks: int, member: Membership) -> datetime:
    """`moment` moved on by whole weeks at the same wall-clock time in the person's zone (a
    Saturday 8pm shift stays 8pm across a change of clocks)."""
    zone = zone_of(member)
    local = moment.astimezone(zone).replace(tzinfo=None) + timedelta(weeks=weeks)
    return local.replace(tzinfo=zone)


@transaction.atomic
def shift_delete(*, actor: Membership, shift: OnCallShift) -> None:
    if actor.role not in OVERSIGHT_ROLES:
        raise PermissionDenied
    audit_record(action="on_call.remove", actor=actor.user, organization=actor.organization, obj=shift)
    shift.delete()


@transaction.atomic
def escalation_settings_save(*, actor: Membership, acknowledge_within_minutes: int) -> EscalationSettings:
    if actor.role != Role.ADMIN:
        raise PermissionDenied
    if not 1 <= acknowledge_within_minutes <= 60:
        raise ValidationError(_("Choose between 1 and 60 minutes."))
    row, _created = EscalationSettings.objects.update_or_create(
        organization=actor.organization, defaults={"acknowledge_within_minutes": acknowledge_within_minutes}
    )
    audit_record(
        action="escalation_settings.save", actor=actor.user, organization=actor.organization, obj=row
    )
    return row


def _event(
    incident: Incident,
    kind: str,
    *,
    actor: Membership | None = None,
    detail: str = "",
    recipients: list[int] | None = None,
    at: datetime | None = None,
) -> IncidentEvent:
    return IncidentEvent.objects.create(
        organization_id=incident.organization_id,
        incident=incident,
        kind=kind,
        actor=actor,
        detail=detail,
        recipients=recipients or [],
        at=at or timezone.now(),
    )
