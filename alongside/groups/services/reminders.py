"""Meeting reminders: people going to a meeting hear about it shortly before it starts, once."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from alongside.groups.models import MeetingRsvp
from alongside.groups.schedules import meeting_at, series_queryset
from alongside.groups.services.common import meeting_url, notify

REMINDER_LEAD = timedelta(hours=2)


def meeting_reminders_send(*, now: datetime | None = None) -> int:
    """Periodic job: reminds everyone going to a meeting that starts within REMINDER_LEAD, in
    their language and time zone. At most once per person and meeting, however often it runs
    or however many workers run it (the reminder is claimed by a conditional update before it
    is sent). People who answered after the reminder time, and meetings that were cancelled or
    are in closed groups, get none. Neutral words only: a reminder can show on a lock screen.
    Returns how many reminders were sent."""
    now = now or timezone.now()
    sent = 0
    with scopes_disabled():
        due = list(
            MeetingRsvp.objects.filter(
                status=MeetingRsvp.Status.GOING,
                reminder_sent_at__isnull=True,
                starts_at__gt=now,
                starts_at__lte=now + REMINDER_LEAD,
                queued_at__lte=F("starts_at") - REMINDER_LEAD,
                member__is_active=True,
                series__group__is_active=True,
                organization__is_active=True,
            ).select_related("member__user", "member__organization")
        )
        if not due:
            return 0
        by_series = defaultdict(list)
        for answer in due:
            by_series[answer.series_id].append(answer)
        for series in series_queryset().filter(pk__in=list(by_series)):
            for answer in by_series[series.pk]:
                meeting = meeting_at(series, answer.original_start)
                if meeting is None or meeting.cancelled or meeting.has_started(now):
                    continue
                with transaction.atomic():
                    claimed = MeetingRsvp.objects.filter(pk=answer.pk, reminder_sent_at__isnull=True).update(
                        reminder_sent_at=now
                    )
                    if claimed != 1:
                        continue
                    notify(
                        answer.member,
                        kind="groups.meeting_reminder",
                        title=gettext_lazy("Your group meets soon"),
                        body=gettext_lazy("You said you're coming: %(when)s."),
                        url=meeting_url(meeting),
                        meeting=meeting,
                    )
                sent += 1
    return sent
