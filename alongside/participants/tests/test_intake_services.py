"""The rules of intake, at the service layer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_scopes import scope

from alongside.checkins.models import RecoveryPeriod
from alongside.core.models import AuditEvent
from alongside.core.timezones import today_of
from alongside.participants import steps
from alongside.participants.models import ExperienceArea, ParticipantProfile
from alongside.participants.selectors import experience_areas_for_intake, intake_status
from alongside.participants.services import (
    experience_area_update,
    intake_finish,
    intake_step_save,
    intake_step_skip,
    profile_for,
)


def agree(person) -> None:
    intake_step_save(
        participant=person.membership, actor=person.user, step="consent", answers={"consent": True}
    )


def save(person, step: str, move: str = "next", **answers):
    return intake_step_save(
        participant=person.membership, actor=person.user, step=step, answers=answers, move=move
    )


def area(slug: str) -> ExperienceArea:
    return ExperienceArea.objects.get(slug=slug)


def test_nothing_is_kept_before_the_participant_agrees_to_the_privacy_terms(alex, in_harbor) -> None:
    with pytest.raises(ValidationError) as refused:
        save(alex, "about", focus="both")
    assert "consent" in refused.value.message_dict
    assert profile_for(alex.membership).focus == ""


def test_agreeing_records_when_and_to_which_version_and_moves_on(alex, in_harbor) -> None:
    progress = save(alex, "consent", consent=True)
    profile = progress.profile
    assert profile.consented_at is not None
    assert profile.consent_version == steps.CONSENT_VERSION
    assert progress.resume_at == "about"


def test_the_privacy_step_needs_the_box_ticked(alex, in_harbor) -> None:
    with pytest.raises(ValidationError):
        save(alex, "consent", consent=False)
    assert profile_for(alex.membership).consented_at is None


def test_each_step_is_saved_on_next_and_intake_resumes_where_it_stopped(alex, in_harbor) -> None:
    agree(alex)
    save(alex, "about", focus="substance_use", languages=["es", "en"], age_band="35-44", gender="man")
    status = intake_status(alex.membership)
    assert status is not None
    assert (status.completed, status.started, status.resume_at) == (False, True, "experiences")
    assert status.step_number == 3
    profile = ParticipantProfile.objects.get(participant=alex.membership)
    assert profile.focus == "substance_use"
    assert profile.languages == ["en", "es"]  # ISO codes, in the list's order


def test_back_keeps_the_answers_and_goes_to_the_step_before(alex, in_harbor) -> None:
    agree(alex)
    progress = save(alex, "about", move="back", focus="both")
    assert progress.resume_at == "consent"
    assert progress.profile.focus == "both"


def test_skipping_an_optional_step_moves_on_and_keeps_earlier_answers(alex, in_harbor) -> None:
    agree(alex)
    save(alex, "about", move="back", focus="mental_health")
    progress = intake_step_skip(participant=alex.membership, actor=alex.user, step="about")
    assert progress.resume_at == "experiences"
    assert progress.profile.focus == "mental_health"


def test_the_privacy_step_cannot_be_skipped(alex, in_harbor) -> None:
    with pytest.raises(ValidationError, match="can't be skipped"):
        intake_step_skip(participant=alex.membership, actor=alex.user, step="consent")


def test_answers_for_another_step_are_refused(alex, in_harbor) -> None:
    agree(alex)
    with pytest.raises(ValidationError, match="another step"):
        save(alex, "about", hopes="sneaking in")


def test_finishing_needs_agreement_to_the_current_terms(alex, in_harbor) -> None:
    with pytest.raises(ValidationError):
        intake_finish(participant=alex.membership, actor=alex.user)
    agree(alex)
    ParticipantProfile.objects.filter(participant=alex.membership).update(consent_version="old")
    with pytest.raises(ValidationError):
        intake_finish(participant=alex.membership, actor=alex.user)
    assert profile_for(alex.membership).intake_completed_at is None


def test_finishing_sets_the_completion_time_once(alex, in_harbor) -> None:
    agree(alex)
    first = intake_finish(participant=alex.membership, actor=alex.user).intake_completed_at
    second = intake_finish(participant=alex.membership, actor=alex.user).intake_completed_at
    assert first is not None
    assert first == second
    status = intake_status(alex.membership)
    assert status is not None and status.completed


def test_a_recovery_date_in_the_future_is_refused_and_nothing_saved(alex, in_harbor) -> None:
    agree(alex)
    tomorrow = today_of(alex.membership) + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        save(alex, "recovery", recovery_start=tomorrow, tracks_medication=True)
    assert "recovery_start" in refused.value.message_dict
    profile = profile_for(alex.membership)
    assert (profile.recovery_start, profile.tracks_medication) == (None, False)


def test_a_recovery_date_today_or_earlier_is_kept(alex, in_harbor) -> None:
    agree(alex)
    today = today_of(alex.membership)
    assert save(alex, "recovery", recovery_start=today).profile.recovery_start == today
    with pytest.raises(ValidationError, match="year"):
        save(alex, "recovery", recovery_start=date(1900, 1, 1))


def test_finishing_with_a_recovery_date_starts_the_recovery_counter(alex, in_harbor) -> None:
    agree(alex)
    started = today_of(alex.membership) - timedelta(days=400)
    save(alex, "recovery", recovery_start=started)
    assert not RecoveryPeriod.objects.filter(participant=alex.membership).exists()
    intake_finish(participant=alex.membership, actor=alex.user)
    period = RecoveryPeriod.objects.get(participant=alex.membership)
    assert (period.started_on, period.ended_on) == (started, None)


def test_changing_the_date_after_intake_moves_the_recovery_counter(alex, in_harbor) -> None:
    agree(alex)
    today = today_of(alex.membership)
    save(alex, "recovery", recovery_start=today - timedelta(days=30))
    intake_finish(participant=alex.membership, actor=alex.user)
    save(alex, "recovery", recovery_start=today - timedelta(days=10))
    open_period = RecoveryPeriod.objects.get(participant=alex.membership, ended_on__isnull=True)
    assert open_period.started_on == today - timedelta(days=10)


def test_an_unknown_experience_is_refused(alex, in_harbor) -> None:
    agree(alex)
    with pytest.raises(ValidationError) as refused:
        save(alex, "experiences", experience_ids=[area("opioids").pk, 999_999])
    assert "experience_ids" in refused.value.message_dict
    assert not profile_for(alex.membership).experiences.exists()


def test_another_organizations_experience_area_is_refused(alex, elsewhere, harbor) -> None:
    with scope(organization=elsewhere):
        theirs = ExperienceArea.objects.get(slug="opioids").pk
    with scope(organization=harbor):
        agree(alex)
        with pytest.raises(ValidationError):
            save(alex, "experiences", experience_ids=[theirs])
        assert not profile_for(alex.membership).experiences.exists()


def test_hidden_areas_leave_intake_but_stay_on_profiles_that_have_them(
    alex, jordan, morgan, in_harbor
) -> None:
    agree(alex)
    agree(jordan)
    grief = area("grief")
    save(alex, "experiences", experience_ids=[grief.pk, area("opioids").pk])
    experience_area_update(actor=morgan.user, area=grief, label=grief.label, is_active=False)

    assert grief in experience_areas_for_intake(profile_for(alex.membership))
    assert grief not in experience_areas_for_intake(profile_for(jordan.membership))
    # Alex keeps it when saving again; Jordan cannot newly choose it.
    save(alex, "experiences", experience_ids=[grief.pk, area("opioids").pk])
    assert set(profile_for(alex.membership).experiences.values_list("slug", flat=True)) == {
        "grief",
        "opioids",
    }
    with pytest.raises(ValidationError):
        save(jordan, "experiences", experience_ids=[grief.pk])


def test_what_matters_most_comes_from_the_participants_own_experiences(alex, in_harbor) -> None:
    agree(alex)
    opioids, parenting = area("opioids"), area("parenting")
    save(alex, "experiences", experience_ids=[opioids.pk, parenting.pk])
    with pytest.raises(ValidationError) as refused:
        save(alex, "peer", priority_experience_ids=[area("grief").pk])
    assert "priority_experience_ids" in refused.value.message_dict
    save(alex, "peer", priority_experience_ids=[parenting.pk], peer_gender="", peer_age_bands=["35-44"])
    # Removing an experience drops it from what matters most too.
    save(alex, "experiences", experience_ids=[opioids.pk])
    assert not profile_for(alex.membership).priority_experiences.exists()


def test_unknown_choices_are_refused_with_the_field_named(alex, in_harbor) -> None:
    agree(alex)
    with pytest.raises(ValidationError) as refused:
        save(alex, "about", focus="other", languages=["xx"], age_band="12-17", gender="robot")
    assert set(refused.value.message_dict) == {"focus", "languages", "age_band", "gender"}
    with pytest.raises(ValidationError) as refused:
        save(
            alex,
            "meeting",
            meeting_formats=["carrier pigeon"],
            availability=["mon-brunch"],
            timezone="Mars/Base",
        )
    assert set(refused.value.message_dict) == {"meeting_formats", "availability", "timezone"}


def test_ways_to_meet_and_the_weekly_times_are_kept_in_the_participants_time_zone(alex, in_harbor) -> None:
    agree(alex)
    save(
        alex,
        "meeting",
        meeting_formats=["video", "chat"],
        availability=["sat-morning", "tue-evening"],
        timezone="America/Chicago",
    )
    profile = profile_for(alex.membership)
    assert profile.meeting_formats == ["chat", "video"]
    assert profile.availability == ["tue-evening", "sat-morning"]
    alex.user.refresh_from_db()
    assert alex.user.timezone == "America/Chicago"


def test_what_they_hope_for_is_encrypted_and_screened(alex, in_harbor) -> None:
    agree(alex)
    calm = save(alex, "hopes", hopes="To feel less alone and get back to work.")
    assert calm.screening_level == "none"
    urgent = save(alex, "hopes", hopes="i have the pills in my hand and im going to take them all tonight")
    assert urgent.needs_help_now
    profile = ParticipantProfile.objects.get(participant=alex.membership)
    assert profile.hopes.startswith("i have the pills")  # saved, not lost
    assert profile.hopes_screening_level == "urgent"
    with connection.cursor() as cursor:
        cursor.execute("SELECT hopes FROM participants_participantprofile WHERE id = %s", [profile.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("enc1:")
    assert "pills" not in stored


def test_every_intake_write_is_audited_with_the_participant_as_subject(alex, in_harbor) -> None:
    agree(alex)
    save(alex, "about", focus="both")
    intake_step_skip(participant=alex.membership, actor=alex.user, step="experiences")
    intake_finish(participant=alex.membership, actor=alex.user)
    events = list(AuditEvent.objects.filter(subject=alex.membership).order_by("sequence"))
    assert [(e.action, e.reason) for e in events] == [
        ("intake.consent", "consent"),
        ("intake.answers.save", "about"),
        ("intake.step.skip", "experiences"),
        ("intake.finish", ""),
    ]
    assert all(e.actor_id == alex.user.pk for e in events)


def test_only_participants_have_an_intake(pat, in_harbor) -> None:
    with pytest.raises(ValidationError):
        save(pat, "consent", consent=True)
