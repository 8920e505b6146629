"""Crisis escalation services: raising incidents, the alert ladder on a controllable clock,
acknowledging, closing, debriefs, the participant's answers and the on-call rota."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_scopes import scope
from django_tasks_db.models import DBTaskResult

from alongside.accounts.models import Organization
from alongside.checkins.models import CheckIn
from alongside.checkins.services import checkin_save
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from alongside.core.timezones import zone_of
from alongside.safety.detector import screen
from alongside.safety.escalation import selectors, services
from alongside.safety.escalation.models import (
    Alert,
    Debrief,
    EscalationSettings,
    Incident,
    IncidentEvent,
    OnCallShift,
)
from conftest import Persona, make_person

pytestmark = pytest.mark.django_db

URGENT = "I can't go on. I have a plan to end my life tonight"
T0 = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)


def on_call(org: Organization, person: Persona, *, tier: int = 1, start: datetime = T0) -> OnCallShift:
    return OnCallShift.objects.create(
        organization=org,
        member=person.membership,
        starts_at=start - timedelta(hours=1),
        ends_at=start + timedelta(hours=12),
        tier=tier,
    )


def raise_urgent(person: Persona, *, now: datetime = T0) -> Incident:
    incident = services.respond_to_screening(
        participant=person.membership, screening=screen(URGENT), text=URGENT, source="checkin", now=now
    )
    assert incident is not None
    return incident


def alerted(incident: Incident) -> set[str]:
    return set(Alert.objects.filter(incident=incident).values_list("recipient__user__username", flat=True))


def test_urgent_words_in_a_check_in_alert_the_peer_and_whoever_is_on_call(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona
) -> None:
    on_call(in_harbor, sam, start=timezone.now())
    result = checkin_save(participant=alex.membership, mood=1, note=URGENT)
    assert result.screening_level == "urgent"
    incident = Incident.objects.get(participant=alex.membership)
    assert incident.level == "urgent" and incident.status == "open"
    assert incident.source == "checkin" and incident.source_id == result.checkin.pk
    assert incident.excerpt == URGENT and "suicide" in incident.categories
    assert alerted(incident) == {"pat", "sam"}
    told = Notification.objects.filter(kind="crisis.alert")
    assert set(told.values_list("user__username", flat=True)) == {"pat", "sam"}
    # The words stay in the product: the notification (also emailed) does not quote them.
    assert all("plan" not in n.body and "plan" not in n.title for n in told)
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds == ["detected", "alerted"]
    assert incident.next_escalation_at is not None
    assert AuditEvent.objects.filter(action="incident.raise").exists()


def test_the_timer_is_a_durable_job_stored_with_its_deadline(
    in_harbor: Organization, alex: Persona, pat: Persona, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        incident = raise_urgent(alex, now=timezone.now())
    job = DBTaskResult.objects.get(task_path="alongside.safety.escalation.tasks.escalation_check")
    assert job.status == "READY"
    assert job.args_kwargs["args"] == [incident.pk, 1]
    assert abs((job.run_after - incident.next_escalation_at).total_seconds()) < 1


def test_a_concern_marks_the_participant_for_their_peer_without_an_alarm(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona
) -> None:
    checkin_save(participant=alex.membership, mood=2, note="I feel hopeless, like nothing will ever change")
    incident = Incident.objects.get(participant=alex.membership)
    assert incident.level == "concern"
    assert not Alert.objects.exists() and not Notification.objects.filter(kind="crisis.alert").exists()
    assert incident.next_escalation_at is None
    assert selectors.open_incidents_by_participant([alex.membership.pk])[alex.membership.pk] == [incident]


def test_ordinary_words_raise_nothing(in_harbor: Organization, alex: Persona, pat: Persona) -> None:
    checkin_save(participant=alex.membership, mood=4, note="Good day. I'd kill for a nap though.")
    assert not Incident.objects.exists()


def test_a_second_finding_within_the_hour_joins_the_open_incident(
    in_harbor: Organization, alex: Persona, pat: Persona
) -> None:
    first = services.respond_to_screening(
        participant=alex.membership,
        screening=screen("I feel hopeless"),
        text="I feel hopeless",
        source="checkin",
        now=T0,
    )
    second = raise_urgent(alex, now=T0 + timedelta(minutes=10))
    assert first is not None and second.pk == first.pk
    assert second.level == "urgent"  # raised from concern: the ladder starts now
    assert alerted(second) == {"pat"} | {
        m.user.username for m in selectors.members_with_roles([Role.SUPERVISOR])
    }
    assert Incident.objects.count() == 1


def test_nobody_acknowledging_climbs_the_ladder_on_a_controllable_clock(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona, riley: Persona, morgan: Persona
) -> None:
    on_call(in_harbor, sam, tier=1)
    on_call(in_harbor, riley, tier=2)
    EscalationSettings.objects.create(organization=in_harbor, acknowledge_within_minutes=5)
    incident = raise_urgent(alex)
    assert alerted(incident) == {"pat", "sam"}
    # Too early: nothing moves.
    assert not services.escalate_if_due(incident_id=incident.pk, now=T0 + timedelta(minutes=4, seconds=59))
    assert services.escalate_if_due(incident_id=incident.pk, now=T0 + timedelta(minutes=5))
    assert alerted(incident) == {"pat", "sam", "riley"}  # the next tier on call
    # A stale timer of step 1 firing late does nothing twice.
    assert not services.escalate_if_due(incident_id=incident.pk, step=1, now=T0 + timedelta(minutes=30))
    assert services.escalate_if_due(incident_id=incident.pk, step=2, now=T0 + timedelta(minutes=10))
    assert alerted(incident) == {"pat", "sam", "riley", "morgan"}  # then the admins
    assert services.escalate_if_due(incident_id=incident.pk, now=T0 + timedelta(minutes=15))
    incident.refresh_from_db()
    assert incident.escalation_step == 4  # and again, admins and supervisors, until someone answers
    assert Notification.objects.filter(user=morgan.user, kind="crisis.alert").count() == 2
    services.incident_acknowledge(incident=incident, actor=riley.membership, now=T0 + timedelta(minutes=16))
    assert not services.escalate_if_due(incident_id=incident.pk, now=T0 + timedelta(hours=1))
    incident.refresh_from_db()
    assert incident.status == "acknowledged" and incident.acknowledged_by == riley.membership
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds == ["detected", "alerted", "escalated", "escalated", "escalated", "acknowledged"]
    # Everyone else alerted hears who is responding.
    assert set(
        Notification.objects.filter(kind="crisis.acknowledged").values_list("user__username", flat=True)
    ) == {"pat", "sam", "morgan"}


def test_the_sweep_escalates_whatever_is_overdue_in_every_organization(
    harbor: Organization, alex: Persona, pat: Persona, sam: Persona, outsider: Persona
) -> None:
    with scope(organization=harbor):
        incident = raise_urgent(alex, now=T0)
    assert services.escalation_sweep(now=T0 + timedelta(minutes=1)) == 0
    assert services.escalation_sweep(now=T0 + timedelta(minutes=6)) == 1
    with scope(organization=harbor):
        incident.refresh_from_db()
        assert incident.escalation_step == 2


def test_with_nobody_on_call_the_supervisors_are_alerted_first(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona, morgan: Persona
) -> None:
    incident = raise_urgent(alex)
    assert alerted(incident) == {"pat", "sam"}
    assert services.escalate_if_due(incident_id=incident.pk, now=T0 + timedelta(minutes=5))
    assert alerted(incident) == {"pat", "sam", "morgan"}


def test_only_responders_of_the_organization_may_acknowledge(
    in_harbor: Organization, alex: Persona, pat: Persona, jordan: Persona, casey: Persona, outsider: Persona
) -> None:
    incident = raise_urgent(alex)
    for person in (jordan, casey):
        with pytest.raises(PermissionDenied):
            services.incident_acknowledge(incident=incident, actor=person.membership)
    with pytest.raises(PermissionDenied):
        services.incident_acknowledge(incident=incident, actor=outsider.membership)
    services.incident_acknowledge(incident=incident, actor=pat.membership)
    with pytest.raises(ValidationError, match="already acknowledged"):
        services.incident_acknowledge(incident=incident, actor=pat.membership)


def test_closing_a_real_urgent_incident_offers_the_responder_a_debrief(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona
) -> None:
    incident = raise_urgent(alex)
    services.incident_acknowledge(incident=incident, actor=pat.membership)
    services.incident_record(
        incident=incident, actor=pat.membership, kind="contacted", detail="Called Alex, talked 40 min"
    )
    with pytest.raises(ValidationError):
        services.incident_record(incident=incident, actor=pat.membership, kind="follow_up")  # no date
    services.incident_record(
        incident=incident,
        actor=pat.membership,
        kind="follow_up",
        follow_up_on=timezone.localdate() + timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        services.incident_close(incident=incident, actor=pat.membership, outcome="made-up")
    services.incident_close(
        incident=incident, actor=pat.membership, outcome="safe_with_plan", note="Safe with his sister"
    )
    incident.refresh_from_db()
    assert incident.status == "closed" and not incident.false_alarm
    debrief = Debrief.objects.get(incident=incident)
    assert debrief.member == pat.membership
    assert Notification.objects.filter(user=pat.user, kind="crisis.debrief").exists()
    with pytest.raises(ValidationError):
        services.debrief_complete(
            debrief=debrief, member=pat.membership, reflection=" ", support_wanted=False
        )
    services.debrief_complete(
        debrief=debrief, member=pat.membership, reflection="Heavy night.", support_wanted=True
    )
    assert Notification.objects.filter(user=sam.user, kind="crisis.debrief_support").exists()
    kinds = list(incident.events.values_list("kind", flat=True))
    assert kinds[-4:] == ["contacted", "follow_up", "closed", "debrief"]


def test_a_false_alarm_is_marked_and_kept(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona
) -> None:
    incident = raise_urgent(alex)
    services.incident_close(
        incident=incident, actor=sam.membership, outcome="false_alarm", note="Song lyrics"
    )
    incident.refresh_from_db()
    assert incident.false_alarm and incident.status == "closed"
    assert incident.events.filter(kind=IncidentEvent.Kind.FALSE_ALARM).exists()
    assert not Debrief.objects.exists()
    assert Incident.objects.filter(pk=incident.pk).exists()


def test_the_participant_can_say_they_are_safe_and_ask_to_talk(
    in_harbor: Organization, alex: Persona, pat: Persona, sam: Persona, jordan: Persona
) -> None:
    on_call(in_harbor, sam, start=timezone.now())
    incident = raise_urgent(alex, now=timezone.now())
    services.participant_reports_safe(incident=incident, participant=alex.membership)
    incident.refresh_from_db()
    assert incident.participant_safe_at is not None and incident.status == "open"  # still needs a person
    assert Notification.objects.filter(user=pat.user, kind="crisis.safe").exists()
    assert services.participant_asks_to_talk(incident=incident, participant=alex.membership, whom="peer") == [
        pat.membership
    ]
    assert services.participant_asks_to_talk(
        incident=incident, participant=alex.membership, whom="on_call"
    ) == [sam.membership]
    with pytest.raises(PermissionDenied):
        services.participant_reports_safe(incident=incident, participant=jordan.membership)


@pytest.mark.parametrize(
    ("cravings", "talk", "moods", "expected"),
    [
        (9, True, [3], "Cravings 9 of 10 and asked to talk"),
        (10, False, [3], None),
        (2, False, [1, 1, 1], "Mood 1 of 5 three days running"),
        (2, False, [1, 1, 2], None),
    ],
)
def test_check_in_answers_that_need_a_person_raise_a_concern(
    in_harbor: Organization,
    alex: Persona,
    pat: Persona,
    cravings: int,
    talk: bool,
    moods: list[int],
    expected: str | None,
) -> None:
    checkin = CheckIn(pk=1, cravings=cravings, wants_to_talk=talk, mood=moods[0])
    found = services.checkin_signals_respond(participant=alex.membership, checkin=checkin, recent_moods=moods)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.level == "concern" and expected in found.reason_list


def test_a_participants_goal_with_urgent_words_raises_an_incident(
    in_harbor: Organization, alex: Persona, pat: Persona
) -> None:
    from alongside.plans.services import goal_create

    goal_create(participant=alex.membership, life_area="health", title="Get through tonight", why=URGENT)
    assert Incident.objects.get(participant=alex.membership).source == "plan"


def test_shifts_repeat_at_the_same_local_time_across_a_change_of_clocks(
    in_harbor: Organization, sam: Persona, riley: Persona, jordan: Persona
) -> None:
    riley.user.timezone = "America/New_York"
    riley.user.save()
    start = datetime(2026, 10, 24, 20, 0, tzinfo=zone_of(riley.membership))  # a Saturday, 8pm EDT
    shifts = services.shift_create(
        actor=sam.membership,
        member=riley.membership,
        starts_at=start,
        ends_at=start + timedelta(hours=10),
        tier=1,
        repeat_weeks=2,
    )
    local = [s.starts_at.astimezone(zone_of(riley.membership)) for s in shifts]
    assert [(d.date(), d.hour) for d in local] == [
        (date(2026, 10, 24), 20),
        (date(2026, 10, 31), 20),
        (date(2026, 11, 7), 20),  # after clocks went back on 1 November
    ]
    with pytest.raises(ValidationError):
        services.shift_create(
            actor=sam.membership,
            member=jordan.membership,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
    with pytest.raises(ValidationError):
        services.shift_create(actor=sam.membership, member=riley.membership, starts_at=start, ends_at=start)
    with pytest.raises(PermissionDenied):
        services.shift_create(
            actor=riley.membership,
            member=riley.membership,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )


def test_admins_set_the_time_to_acknowledge(in_harbor: Organization, morgan: Persona, sam: Persona) -> None:
    with pytest.raises(ValidationError):
        services.escalation_settings_save(actor=morgan.membership, acknowledge_within_minutes=0)
    with pytest.raises(PermissionDenied):
        services.escalation_settings_save(actor=sam.membership, acknowledge_within_minutes=3)
    services.escalation_settings_save(actor=morgan.membership, acknowledge_within_minutes=3)
    assert services.acknowledge_window(in_harbor) == timedelta(minutes=3)


def test_another_organizations_participant_is_never_alerted_about(
    harbor: Organization, elsewhere: Organization, alex: Persona, pat: Persona, outsider: Persona
) -> None:
    with scope(organization=harbor):
        incident = raise_urgent(alex)
    assert "outsider" not in alerted_unscoped(incident)
    stranger = make_person("stranger-peer", elsewhere, Role.PEER)
    with scope(organization=elsewhere):
        assert not selectors.incidents_visible_to(stranger.membership).exists()


def alerted_unscoped(incident: Incident) -> set[str]:
    from django_scopes import scopes_disabled

    with scopes_disabled():
        return alerted(incident)


def test_more_urgent_words_on_an_acknowledged_incident_reach_the_responders(
    in_harbor: Organization, alex: Persona, pat: Persona
) -> None:
    incident = raise_urgent(alex)
    services.incident_acknowledge(incident=incident, actor=pat.membership)
    again = raise_urgent(alex, now=T0 + timedelta(minutes=20))
    assert again.pk == incident.pk
    assert Notification.objects.filter(
        user=pat.user, kind="crisis.alert", title__contains="wrote again"
    ).exists()
