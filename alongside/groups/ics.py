"""Calendar files (RFC 5545): a person's feed of their groups' meetings, and one meeting.

The feed carries each schedule as it is stored: a VEVENT with its RRULE, EXDATEs for
cancelled meetings, and overrides (RECURRENCE-ID) for moved meetings and for the meetings the
person answered, marked CONFIRMED (going) or TENTATIVE (waiting list). Every DTSTART has its
TZID, and a VTIMEZONE for each zone is included. Text follows the person's language; with
plain titles (the default) nothing in the feed says what the group is about.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.core.timezones import as_reader, zone_named
from alongside.groups import recurrence
from alongside.groups.models import CalendarFeed, GroupFormat, MeetingRsvp, MeetingSeries, SupportGroup
from alongside.groups.schedules import Meeting, schedule_of
from alongside.groups.selectors import feed_content
from alongside.groups.services.common import group_url, meeting_url

STATUS_OF_ANSWER: dict[str, str] = {
    MeetingRsvp.Status.GOING: "CONFIRMED",
    MeetingRsvp.Status.WAITLISTED: "TENTATIVE",
}


def _location(group: SupportGroup) -> str:
    if group.format == GroupFormat.IN_PERSON:
        return group.address
    return str(group.get_format_display())


def _description(group: SupportGroup, link: str) -> str:
    parts = [group.name, str(group.get_format_display())]
    if group.joining_details:
        parts.append(group.joining_details)
    parts.append(_("Details and your answer: %(link)s") % {"link": link})
    return "\n".join(parts)


def _answer_note(status: str) -> str:
    if status == MeetingRsvp.Status.GOING:
        return _("You said you're coming.")
    return _("You're on the waiting list.")


def _series_events(
    series: MeetingSeries, answers: dict[datetime, str], *, discreet: bool, stamp: datetime
) -> list[icalendar.Event]:
    group = series.group
    link = settings.SITE_URL + group_url(group)
    if discreet:
        schedule = schedule_of(series, summary=_("Group meeting"), url=link)
    else:
        schedule = schedule_of(
            series, description=_description(group, link), location=_location(group), url=link
        )
    master, *overrides = recurrence.events(schedule, stamp=stamp)
    by_original = {event.decoded("recurrence-id"): event for event in overrides}
    for original, status in sorted(answers.items()):
        if original in schedule.cancelled:
            continue
        override = by_original.get(original)
        if override is None:
            local = original.astimezone(schedule.tz)
            override = icalendar.Event()
            override.add("uid", schedule.uid)
            override.add("dtstamp", stamp)
            override.add("recurrence-id", local)
            override.add("dtstart", local)
            override.add("dtend", local + schedule.duration)
            override.add("summary", schedule.summary)
            for name in ("location", "url"):
                if name in master:
                    override.add(name, master[name])
            by_original[original] = override
        override.add("status", STATUS_OF_ANSWER[status])
        override.pop("description", None)
        override.add(
            "description",
            "\n".join(part for part in (_answer_note(status), str(master.get("description", ""))) if part),
        )
    return [master, *(by_original[key] for key in sorted(by_original))]


def feed_calendar(feed: CalendarFeed, *, now: datetime) -> icalendar.Calendar:
    """The calendar a person's private link serves, in their language."""
    member: Membership = feed.member
    with as_reader(member):
        content = feed_content(member, now=now)
        answers: dict[int, dict[datetime, str]] = defaultdict(dict)
        for answer in content.answers:
            answers[answer.series_id][answer.original_start] = answer.status
        components = [
            event
            for series in content.series
            for event in _series_events(series, answers[series.pk], discreet=feed.discreet, stamp=now)
        ]
        return recurrence.calendar(components, stamp=now, name=_("My group meetings"))


def meeting_calendar(meeting: Meeting, *, now: datetime) -> icalendar.Calendar:
    """One meeting as a calendar file to download: a single event with its own UID (so it
    does not clash with the same meeting in a subscribed feed)."""
    group = meeting.group
    zone = zone_named(meeting.series.timezone)
    link = settings.SITE_URL + meeting_url(meeting)
    event = icalendar.Event()
    event.add("uid", f"{meeting.series.uid}-{meeting.key}@alongside")
    event.add("dtstamp", now)
    event.add("dtstart", meeting.start.astimezone(zone))
    event.add("dtend", meeting.end.astimezone(zone))
    event.add("summary", meeting.title)
    event.add("description", _description(group, link))
    event.add("location", _location(group))
    event.add("url", link)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    return recurrence.calendar([event], stamp=now)
