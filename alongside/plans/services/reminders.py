"""Plan review reminders: the participant and their peer supporter hear about the review the
day before and on the day, once each, in their own language and during their daytime."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership
from alongside.core.notifications import notification_send
from alongside.core.timezones import as_reader, local_time_of
from alongside.matching.models import PeerMatch
from alongside.plans.models import PlanReviewReminder, RecoveryPlan

# Reminders go out in the recipient's daytime only: a reminder is never worth a night-time ping.
DAYTIME_HOURS = range(8, 21)
Kind = PlanReviewReminder.Kind


def due_kind(review_on: date, person: Membership, now: datetime) -> str | None:
    """Which reminder is due for this person now, in their own time zone, if any."""
    local = local_time_of(person, now)
    if local.hour not in DAYTIME_HOURS:
        return None
    days_left = (review_on - local.date()).days
    if days_left == 1:
        return Kind.DAY_BEFORE
    if days_left == 0:
        return Kind.DAY_OF
    return None


def _message(
    plan: RecoveryPlan, person: Membership, kind: str, peer: Membership | None
) -> tuple[str, str, str]:
    """Title, body and link, worded for the participant or the peer. Neutral words only: an
    email subject can be seen by others, so it never says "recovery"."""
    participant = plan.participant
    assert plan.next_review_on is not None
    when = formats.date_format(plan.next_review_on, "DATE_FORMAT")
    if person.pk == participant.pk:
        title = (
            _("Your plan review is tomorrow") if kind == Kind.DAY_BEFORE else _("Your plan review is today")
        )
        if peer is not None:
            body = _(
                "You and %(peer)s planned to look at your plan together on %(date)s. "
                "Have a look at your goals beforehand if you like."
            ) % {"peer": peer.user.shown_name, "date": when}
        else:
            body = _("You planned to look at your plan on %(date)s.") % {"date": when}
        return title, body, reverse("plan_home")
    name = participant.user.shown_name
    title = (
        _("Plan review with %(name)s tomorrow")
        if kind == Kind.DAY_BEFORE
        else _("Plan review with %(name)s today")
    ) % {"name": name}
    body = _("%(name)s's plan review is on %(date)s.") % {"name": name, "date": when}
    return title, body, reverse("plan_participant", kwargs={"participant_id": participant.pk})


def _send(plan: RecoveryPlan, person: Membership, kind: str, peer: Membership | None) -> bool:
    """Records the reminder and sends it in one transaction; the unique record means a second
    run (or a second worker) never sends it again."""
    assert plan.next_review_on is not None
    try:
        with transaction.atomic():
            PlanReviewReminder.objects.create(
                organization_id=plan.organization_id,
                plan=plan,
                review_on=plan.next_review_on,
                kind=kind,
                recipient=person.user,
            )
            with as_reader(person):
                title, body, url = _message(plan, person, kind, peer)
                notification_send(
                    user=person.user,
                    organization=plan.participant.organization,
                    kind="plan.review_reminder",
                    title=title,
                    body=body,
                    url=url,
                    email=True,
                )
    except IntegrityError:
        return False
    return True


def plan_review_reminders_send(*, now: datetime | None = None) -> int:
    """Periodic job (hourly): for every plan whose review is today or tomorrow in someone's
    time zone, reminds the participant and their active peer supporter, in the app and by
    email, once per review date and kind. Returns how many reminders were sent."""
    now = now or timezone.now()
    utc_today = now.astimezone(UTC).date()  # every zone's today is within a day of it
    sent = 0
    with scopes_disabled():
        plans = list(
            RecoveryPlan.objects.filter(
                next_review_on__gte=utc_today - timedelta(days=1),
                next_review_on__lte=utc_today + timedelta(days=2),
                participant__is_active=True,
                participant__organization__is_active=True,
            ).select_related("participant__user", "participant__organization")
        )
        if not plans:
            return 0
        peers = {
            match.participant_id: match.peer
            for match in PeerMatch.objects.filter(
                participant_id__in=[plan.participant_id for plan in plans],
                status=PeerMatch.Status.ACTIVE,
                peer__is_active=True,
            ).select_related("peer__user", "peer__organization")
        }
        already = set(
            PlanReviewReminder.objects.filter(plan__in=plans).values_list(
                "plan_id", "review_on", "kind", "recipient_id"
            )
        )
        for plan in plans:
            assert plan.next_review_on is not None
            peer = peers.get(plan.participant_id)
            for person in (plan.participant, peer):
                if person is None:
                    continue
                kind = due_kind(plan.next_review_on, person, now)
                if kind is None or (plan.pk, plan.next_review_on, kind, person.user_id) in already:
                    continue
                sent += _send(plan, person, kind, peer)
    return sent
