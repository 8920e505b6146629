"""Group and meeting services: joining with the guidelines, answers and the waiting list,
changes to one meeting, attendance, calendar links and reminders."""

from __future__ import annotations

import zoneinfo
from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.crypto import secret_digest
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from alongside.groups import services
from alongside.groups.models import (
    Attendance,
    CalendarFeed,
    GroupInvitation,
    GroupMember,
    MeetingRsvp,
    OccurrenceChange,
    SupportGroup,
)
from alongside.groups.schedules import meeting_at, series_queryset, upcoming_meetings
from alongside.groups.selectors import calendar_feed_lookup
from alongside.groups.tests.factories import a_group, a_series, join, next_meeting, next_weekday, reload
from conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(in_harbor, pat):
    return a_group(in_harbor, facilitators=[pat.membership], capacity=2)


@pytest.fixture
def series(group):
    return a_series(group)


@pytest.fixture
def meeting(series):
    return next_meeting(series)


def people(harbor, *names):
    return [make_person(name, harbor, Role.PARTICIPANT).membership for name in names]


def audited(action: str) -> list[AuditEvent]:
    with scopes_disabled():
        return list(AuditEvent.objects.filter(action=action))


def _update(group, actor, facilitator, **changes):
    values = {
        "name": group.name,
        "description": "",
        "facilitator_ids": [facilitator.pk],
        "topic_ids": [],
        "format": group.format,
        "address": group.address,
        "joining_details": "",
        "language": "en",
        "capacity": group.capacity,
        "access": "open",
        "guidelines": group.guidelines,
        "timezone_name": group.timezone,
        **changes,
    }
    return services.group_update(actor=actor, group=group, **values)


# Starting groups --------------------------------------------------------------------------------


def test_a_supervisor_starts_a_group_with_facilitators_and_they_are_told(sam, pat, in_harbor) -> None:
    group = services.group_create(
        actor=sam.membership,
        name="Parents in recovery",
        facilitator_ids=[pat.membership.pk, sam.membership.pk],
        format="online",
        guidelines="Be kind.",
    )
    assert set(group.facilitators.all()) == {pat.membership, sam.membership}
    assert group.timezone == "America/New_York" and group.guidelines_version == 1
    assert Notification.objects.filter(user=pat.user, kind="groups.facilitator").exists()
    assert audited("group.create")


def test_only_supervisors_and_admins_start_groups(pat, in_harbor) -> None:
    with pytest.raises(PermissionDenied):
        services.group_create(
            actor=pat.membership,
            name="Mine",
            facilitator_ids=[pat.membership.pk],
            format="phone",
            guidelines="x",
        )


def test_facilitators_are_peers_or_supervisors_and_an_in_person_group_needs_an_address(
    sam, alex, in_harbor
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.group_create(
            actor=sam.membership,
            name="Walk",
            facilitator_ids=[alex.membership.pk],
            format="in_person",
            guidelines="x",
        )
    assert set(caught.value.message_dict) == {"facilitators", "address"}
    assert not SupportGroup.objects.exists()


# Joining ----------------------------------------------------------------------------------------


def test_joining_records_the_guidelines_version_accepted_and_when(group, alex) -> None:
    before = timezone.now()
    row = services.group_join(member=alex.membership, group=group, accepted_version=1)
    assert (row.status, row.guidelines_version) == ("active", 1)
    assert before <= row.guidelines_accepted_at <= timezone.now()
    event = audited("group.member.join")[0]
    assert (event.subject_id, event.object_id) == (alex.membership.pk, str(row.pk))


def test_joining_with_guidelines_that_changed_meanwhile_is_refused(group, alex) -> None:
    SupportGroup.objects.filter(pk=group.pk).update(guidelines_version=2)
    with pytest.raises(ValidationError, match="changed while you were reading"):
        services.group_join(member=alex.membership, group=group, accepted_version=1)
    assert not GroupMember.objects.exists()


def test_an_invite_only_group_takes_only_invited_people(in_harbor, pat, alex) -> None:
    group = a_group(in_harbor, facilitators=[pat.membership], access="invite")
    with pytest.raises(ValidationError, match="for invited people"):
        services.group_join(member=alex.membership, group=group, accepted_version=1)
    invitation = services.group_invite(actor=pat.membership, group=group, invitee=alex.membership)
    assert Notification.objects.filter(user=alex.user, kind="groups.invitation").exists()
    services.group_join(member=alex.membership, group=group, accepted_version=1)
    invitation.refresh_from_db()
    assert invitation.status == GroupInvitation.Status.ACCEPTED


def test_a_facilitator_who_is_not_of_the_group_cannot_invite(in_harbor, pat, riley, alex) -> None:
    group = a_group(in_harbor, facilitators=[pat.membership], access="invite")
    with pytest.raises(PermissionDenied):
        services.group_invite(actor=riley.membership, group=group, invitee=alex.membership)


def test_a_declined_invitation_leaves_the_group_closed_to_them(in_harbor, pat, alex) -> None:
    group = a_group(in_harbor, facilitators=[pat.membership], access="invite")
    services.group_invite(actor=pat.membership, group=group, invitee=alex.membership)
    services.group_invitation_decline(member=alex.membership, group=group)
    with pytest.raises(ValidationError):
        services.group_join(member=alex.membership, group=group, accepted_version=1)


def test_someone_removed_cannot_rejoin_an_open_group_on_their_own(group, pat, alex) -> None:
    row = services.group_join(member=alex.membership, group=group, accepted_version=1)
    services.group_member_remove(actor=pat.membership, group=group, row=row)
    assert Notification.objects.filter(user=alex.user, kind="groups.removed").exists()
    assert audited("group.member.remove")[0].subject_id == alex.membership.pk
    with pytest.raises(ValidationError, match="removed you"):
        services.group_join(member=alex.membership, group=group, accepted_version=1)


def test_a_facilitator_does_not_join_their_own_group(group, pat) -> None:
    with pytest.raises(ValidationError, match="You facilitate"):
        services.group_join(member=pat.membership, group=group, accepted_version=1)


def test_changed_guidelines_must_be_accepted_again_before_the_next_answer(
    group, sam, pat, alex, meeting
) -> None:
    services.group_join(member=alex.membership, group=group, accepted_version=1)
    _update(group, sam.membership, pat.membership, guidelines=group.guidelines + " No advice-giving.")
    group.refresh_from_db()
    assert group.guidelines_version == 2
    assert Notification.objects.filter(user=alex.user, kind="groups.guidelines").exists()
    with pytest.raises(ValidationError, match="guidelines changed"):
        services.rsvp_set(member=alex.membership, meeting=meeting)
    row = services.group_join(member=alex.membership, group=group, accepted_version=2)
    assert row.guidelines_version == 2
    assert services.rsvp_set(member=alex.membership, meeting=meeting).status == "going"


# Answers and the waiting list ------------------------------------------------------------------


def test_answers_fill_the_places_then_the_waiting_list(harbor, group, meeting) -> None:
    first, second, third = people(harbor, "ana", "ben", "cy")
    for person in (first, second, third):
        join(group, person)
    statuses = [services.rsvp_set(member=p, meeting=meeting).status for p in (first, second, third)]
    assert statuses == ["going", "going", "waitlisted"]


def test_answering_twice_changes_nothing(group, alex, meeting) -> None:
    join(group, alex.membership)
    first = services.rsvp_set(member=alex.membership, meeting=meeting)
    again = services.rsvp_set(member=alex.membership, meeting=meeting)
    assert (again.pk, again.queued_at, MeetingRsvp.objects.count()) == (first.pk, first.queued_at, 1)


def test_a_place_that_opens_goes_to_the_first_in_line_who_is_told(harbor, group, meeting) -> None:
    going_one, going_two, waiting_first, waiting_second = people(harbor, "ana", "ben", "cy", "dee")
    for person in (going_one, going_two, waiting_first, waiting_second):
        join(group, person)
        services.rsvp_set(member=person, meeting=meeting)
    services.rsvp_cancel(member=going_one, meeting=meeting)
    status = dict(MeetingRsvp.objects.values_list("member_id", "status"))
    assert status[waiting_first.pk] == "going" and status[waiting_second.pk] == "waitlisted"
    assert status[going_one.pk] == "cancelled"
    told = Notification.objects.get(kind="groups.place_opened")
    assert told.user == waiting_first.user
    assert told.url.endswith(f"/groups/meetings/{meeting.series.pk}/{meeting.key}/")


def test_leaving_the_waiting_list_promotes_nobody(harbor, group, meeting) -> None:
    ana, ben, cy = people(harbor, "ana", "ben", "cy")
    for person in (ana, ben, cy):
        join(group, person)
        services.rsvp_set(member=person, meeting=meeting)
    services.rsvp_cancel(member=cy, meeting=meeting)
    assert MeetingRsvp.objects.filter(status="going").count() == 2
    assert not Notification.objects.filter(kind="groups.place_opened").exists()


def test_someone_who_answers_again_after_cancelling_goes_to_the_back_of_the_line(
    harbor, group, meeting
) -> None:
    ana, ben, cy, dee = people(harbor, "ana", "ben", "cy", "dee")
    for person in (ana, ben, cy, dee):
        join(group, person)
        services.rsvp_set(member=person, meeting=meeting)
    services.rsvp_cancel(member=cy, meeting=meeting)
    services.rsvp_set(member=cy, meeting=meeting)
    services.rsvp_cancel(member=ana, meeting=meeting)
    assert MeetingRsvp.objects.get(member=dee).status == "going"
    assert MeetingRsvp.objects.get(member=cy).status == "waitlisted"


def test_leaving_the_group_withdraws_coming_answers_and_fills_the_place(harbor, group, meeting) -> None:
    ana, ben, cy = people(harbor, "ana", "ben", "cy")
    for person in (ana, ben, cy):
        join(group, person)
        services.rsvp_set(member=person, meeting=meeting)
    services.group_leave(member=ana, group=group)
    assert MeetingRsvp.objects.get(member=ana).status == "cancelled"
    assert MeetingRsvp.objects.get(member=cy).status == "going"
    assert audited("group.member.leave")


def test_more_places_move_people_up_from_the_waiting_list(harbor, group, sam, pat, meeting) -> None:
    ana, ben, cy = people(harbor, "ana", "ben", "cy")
    for person in (ana, ben, cy):
        join(group, person)
        services.rsvp_set(member=person, meeting=meeting)
    _update(group, sam.membership, pat.membership, capacity=3)
    assert MeetingRsvp.objects.get(member=cy).status == "going"


def test_only_members_answer(group, alex, meeting) -> None:
    with pytest.raises(ValidationError, match="Join the group first"):
        services.rsvp_set(member=alex.membership, meeting=meeting)


def test_a_meeting_that_is_over_takes_no_answers(group, alex) -> None:
    series = a_series(group, first_day=timezone.localdate() - timedelta(days=21), frequency="weekly")
    join(group, alex.membership)
    past = upcoming_meetings(
        [series_queryset().get(pk=series.pk)], after=timezone.now() - timedelta(days=20), per_series=1
    )[0]
    with pytest.raises(ValidationError, match="over"):
        services.rsvp_set(member=alex.membership, meeting=past)


# Changing one meeting ---------------------------------------------------------------------------


def test_cancelling_a_meeting_withdraws_answers_and_tells_everyone(group, pat, alex, meeting) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    services.occurrence_cancel(actor=pat.membership, meeting=meeting, note="The hall is closed.")
    assert reload(meeting).cancelled
    assert MeetingRsvp.objects.get(member=alex.membership).status == "cancelled"
    told = Notification.objects.get(kind="groups.meeting_cancelled")
    assert told.user == alex.user and "The hall is closed." in told.body
    with pytest.raises(ValidationError, match="cancelled"):
        services.rsvp_set(member=alex.membership, meeting=reload(meeting))


def test_moving_a_meeting_keeps_answers_and_tells_everyone(group, pat, alex, meeting) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    new_start = meeting.start + timedelta(days=1, hours=-1)
    change = services.occurrence_move(
        actor=pat.membership, meeting=meeting, new_start=new_start, duration_minutes=90
    )
    assert change.kind == OccurrenceChange.Kind.MOVED
    moved = reload(meeting)
    assert (moved.start, moved.end - moved.start, moved.key) == (
        new_start,
        timedelta(minutes=90),
        meeting.key,
    )
    answer = MeetingRsvp.objects.get(member=alex.membership)
    assert (answer.status, answer.starts_at) == ("going", new_start)
    assert Notification.objects.get(kind="groups.meeting_moved").user == alex.user


def test_moving_a_meeting_back_to_its_usual_time_removes_the_change(group, pat, meeting) -> None:
    services.occurrence_move(
        actor=pat.membership,
        meeting=meeting,
        new_start=meeting.start + timedelta(hours=1),
        duration_minutes=60,
    )
    services.occurrence_move(
        actor=pat.membership, meeting=reload(meeting), new_start=meeting.original_start, duration_minutes=60
    )
    assert not OccurrenceChange.objects.exists()


def test_a_meeting_cannot_move_into_the_past(group, pat, meeting) -> None:
    with pytest.raises(ValidationError):
        services.occurrence_move(
            actor=pat.membership,
            meeting=meeting,
            new_start=timezone.now() - timedelta(hours=1),
            duration_minutes=60,
        )


def test_only_those_who_manage_the_group_change_its_meetings(group, riley, alex, meeting) -> None:
    for person in (riley, alex):
        with pytest.raises(PermissionDenied):
            services.occurrence_cancel(actor=person.membership, meeting=meeting)


def test_a_schedule_that_stops_withdraws_later_answers(group, series, pat, alex) -> None:
    join(group, alex.membership)
    series = series_queryset().get(pk=series.pk)
    first, second = upcoming_meetings([series], after=timezone.now(), per_series=2)
    services.rsvp_set(member=alex.membership, meeting=first)
    services.rsvp_set(member=alex.membership, meeting=second)
    services.series_stop(actor=pat.membership, series=series, last_day=first.start.date())
    status = dict(MeetingRsvp.objects.values_list("original_start", "status"))
    assert status == {first.original_start: "going", second.original_start: "cancelled"}
    assert upcoming_meetings([series_queryset().get(pk=series.pk)], after=timezone.now(), per_series=5) == [
        reload(first)
    ]


def test_a_schedule_cannot_stop_in_the_past(group, series, pat) -> None:
    with pytest.raises(ValidationError) as caught:
        services.series_stop(
            actor=pat.membership, series=series, last_day=timezone.localdate() - timedelta(days=7)
        )
    assert "last_day" in caught.value.message_dict


def test_closing_a_group_ends_its_schedules_and_withdraws_coming_answers(
    group, sam, pat, alex, meeting
) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    _update(group, sam.membership, pat.membership, is_active=False)
    assert MeetingRsvp.objects.get().status == "cancelled"
    assert upcoming_meetings([series_queryset().get(group=group)], after=timezone.now(), per_series=3) == []
    assert Notification.objects.filter(user=alex.user, kind="groups.schedule_stopped").exists()
    assert alex.client().get(f"/groups/{group.pk}/").status_code == 404


def test_a_new_schedule_cannot_start_in_the_past(group, pat) -> None:
    with pytest.raises(ValidationError) as caught:
        services.series_create(
            actor=pat.membership,
            group=group,
            frequency="weekly",
            first_day=timezone.localdate() - timedelta(days=3),
            start_time=time(19),
            duration_minutes=60,
        )
    assert "first_day" in caught.value.message_dict


def test_a_monthly_schedule_repeats_on_the_weekday_of_the_month_of_its_first_meeting(group, pat) -> None:
    first_day = next_weekday(1, after=timezone.localdate() + timedelta(days=30))  # a Tuesday
    series = services.series_create(
        actor=pat.membership,
        group=group,
        frequency="monthly",
        first_day=first_day,
        start_time=time(18),
        duration_minutes=60,
    )
    meetings = upcoming_meetings([series_queryset().get(pk=series.pk)], after=timezone.now(), per_series=3)
    week = (first_day.day - 1) // 7 + 1
    for meeting in meetings:
        assert meeting.start.weekday() == 1
        assert (meeting.start.day - 1) // 7 + 1 == week or (week == 5 and meeting.start.day > 21)


# Attendance -------------------------------------------------------------------------------------


@pytest.fixture
def started(group):
    """A one-off meeting that began an hour ago and lasts two hours."""
    begun = (timezone.now() - timedelta(hours=1)).astimezone(zoneinfo.ZoneInfo(group.timezone))
    begun = begun.replace(second=0, microsecond=0)
    series = a_series(
        group, first_day=begun.date(), start_time=begun.time(), frequency="once", duration_minutes=120
    )
    return meeting_at(series_queryset().get(pk=series.pk), begun)


def test_the_facilitator_takes_attendance_and_each_record_is_audited(
    harbor, group, pat, alex, started
) -> None:
    jordan = people(harbor, "jo")[0]
    for person in (alex.membership, jordan):
        join(group, person)
    services.attendance_take(
        actor=pat.membership,
        meeting=started,
        listed_ids=[alex.membership.pk, jordan.pk],
        attended_ids=[alex.membership.pk],
    )
    records = dict(Attendance.objects.values_list("member_id", "attended"))
    assert records == {alex.membership.pk: True, jordan.pk: False}
    assert {e.subject_id for e in audited("group.attendance.record")} == {alex.membership.pk, jordan.pk}
    services.attendance_take(
        actor=pat.membership,
        meeting=started,
        listed_ids=[alex.membership.pk, jordan.pk],
        attended_ids=[alex.membership.pk],
    )
    assert len(audited("group.attendance.record")) == 2  # nothing changed, nothing more recorded


def test_attendance_cannot_be_taken_for_someone_unconnected_with_the_group(
    group, pat, riley, started
) -> None:
    with pytest.raises(ValidationError):
        services.attendance_take(
            actor=pat.membership, meeting=started, listed_ids=[riley.membership.pk], attended_ids=[]
        )


def test_attendance_waits_for_the_meeting_to_start(group, pat, alex, meeting) -> None:
    join(group, alex.membership)
    with pytest.raises(ValidationError, match="once the meeting has started"):
        services.attendance_take(
            actor=pat.membership,
            meeting=meeting,
            listed_ids=[alex.membership.pk],
            attended_ids=[alex.membership.pk],
        )
    with pytest.raises(ValidationError, match="once the meeting has started"):
        services.attendance_self_record(member=alex.membership, meeting=meeting)


def test_a_member_says_they_were_there_unless_the_facilitator_already_took_attendance(
    group, pat, alex, started
) -> None:
    join(group, alex.membership)
    row = services.attendance_self_record(member=alex.membership, meeting=started)
    assert (row.attended, row.source) == (True, "self")
    assert audited("group.attendance.record")[0].subject_id == alex.membership.pk
    services.attendance_take(
        actor=pat.membership, meeting=started, listed_ids=[alex.membership.pk], attended_ids=[]
    )
    with pytest.raises(ValidationError, match="already took attendance"):
        services.attendance_self_record(member=alex.membership, meeting=started)
    assert Attendance.objects.get().attended is False


def test_self_attendance_closes_a_week_after_the_meeting(group, alex) -> None:
    join(group, alex.membership)
    series = a_series(group, first_day=timezone.localdate() - timedelta(days=30), frequency="once")
    old = upcoming_meetings(
        [series_queryset().get(pk=series.pk)], after=timezone.now() - timedelta(days=40), per_series=1
    )[0]
    with pytest.raises(ValidationError):
        services.attendance_self_record(member=alex.membership, meeting=old)


# Calendar links ---------------------------------------------------------------------------------


def test_a_calendar_link_stores_only_the_digest_and_can_be_revoked(alex, in_harbor) -> None:
    feed, raw = services.calendar_feed_create(member=alex.membership)
    assert raw not in feed.token_hash and feed.token_hash == secret_digest(raw)
    assert calendar_feed_lookup(raw) == feed
    assert services.calendar_feed_revoke(member=alex.membership) == 1
    assert calendar_feed_lookup(raw) is None
    assert audited("group.calendar_feed.revoke")


def test_a_new_calendar_link_replaces_the_old_one(alex, in_harbor) -> None:
    _first, old = services.calendar_feed_create(member=alex.membership)
    _second, new = services.calendar_feed_create(member=alex.membership)
    assert calendar_feed_lookup(old) is None and calendar_feed_lookup(new) is not None
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1


def test_a_calendar_link_stops_working_when_its_person_leaves_the_organization(alex, in_harbor) -> None:
    _feed, raw = services.calendar_feed_create(member=alex.membership)
    alex.membership.is_active = False
    alex.membership.save()
    assert calendar_feed_lookup(raw) is None


# Reminders --------------------------------------------------------------------------------------


def test_a_reminder_goes_once_to_each_person_going(harbor, group, alex, meeting) -> None:
    ana = people(harbor, "ana")[0]
    for person in (alex.membership, ana):
        join(group, person)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    MeetingRsvp.objects.update(queued_at=meeting.start - timedelta(days=2))
    soon = meeting.start - timedelta(minutes=90)
    assert services.meeting_reminders_send(now=soon) == 1
    assert services.meeting_reminders_send(now=soon + timedelta(minutes=10)) == 0
    reminder = Notification.objects.get(kind="groups.meeting_reminder")
    assert reminder.user == alex.user
    assert group.name not in reminder.title + reminder.body  # neutral words on a lock screen


def test_no_reminder_before_its_time_or_for_a_late_answer_or_a_cancelled_meeting(
    group, pat, alex, meeting
) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)  # answered just now
    assert services.meeting_reminders_send(now=meeting.start - timedelta(days=1)) == 0
    MeetingRsvp.objects.update(queued_at=meeting.start - timedelta(days=3))
    services.occurrence_cancel(actor=pat.membership, meeting=meeting)
    assert services.meeting_reminders_send(now=meeting.start - timedelta(minutes=30)) == 0


def test_the_reminder_follows_a_moved_meeting(group, pat, alex, meeting) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    MeetingRsvp.objects.update(queued_at=meeting.start - timedelta(days=3))
    later = meeting.start + timedelta(days=1)
    services.occurrence_move(actor=pat.membership, meeting=meeting, new_start=later, duration_minutes=60)
    assert services.meeting_reminders_send(now=meeting.start - timedelta(minutes=30)) == 0
    assert services.meeting_reminders_send(now=later - timedelta(minutes=30)) == 1


def test_reminders_work_across_organizations_without_a_scope(harbor, group, alex, meeting) -> None:
    join(group, alex.membership)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    MeetingRsvp.objects.update(queued_at=meeting.start - timedelta(days=3))
    with scope():  # no organization: the job looks across all of them
        assert services.meeting_reminders_send(now=meeting.start - timedelta(minutes=5)) == 1


# My data ----------------------------------------------------------------------------------------


def test_a_persons_group_records_are_in_their_data_download_without_secrets(group, alex, meeting) -> None:
    from alongside.accounts.my_data import records_of

    services.group_join(member=alex.membership, group=group, accepted_version=1)
    services.rsvp_set(member=alex.membership, meeting=meeting)
    services.calendar_feed_create(member=alex.membership)
    records = records_of(alex.membership)
    assert records["Group memberships"][0]["guidelines version accepted"] == 1
    assert records["Meeting answers"][0]["status"] == "going"
    assert "token_hash" not in records["Calendar links"][0]
