"""Writes for a participant's intake: step by step from the wizard, or all at once from the API.

Who may call: the participant themselves, or a staff member the caller has already checked
with `selectors.intake_participant_for` (helping a walk-in through intake in person). Every
write is audited with the participant as its subject. Nothing is kept before the participant
has agreed to how their answers are used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership, User
from alongside.core.audit import audit_record
from alongside.core.roles import Role
from alongside.core.timezones import is_known_zone, today_of
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
from alongside.safety.screening import screen_text

HOPES_MAX = 2000
EARLIEST_RECOVERY_START = date(1920, 1, 1)
# Day-part labels as the matching engine reads them ("tue-evening"), in week order.
AVAILABILITY_SLOTS: tuple[str, ...] = tuple(f"{day}-{part}" for day, _d in WEEKDAYS for part, _p in DAY_PARTS)
LANGUAGE_ORDER: tuple[str, ...] = tuple(code for code, _label, _own in SPOKEN_LANGUAGES)


class IntakeAnswers(TypedDict, total=False):
    """Answers to write. A key that is present is written (an empty value clears it); a key that
    is absent is left as it is."""

    consent: bool
    focus: str
    languages: list[str]
    age_band: str
    gender: str
    experience_ids: list[int]
    priority_experience_ids: list[int]
    peer_gender: str
    peer_age_bands: list[str]
    meeting_formats: list[str]
    availability: list[str]
    timezone: str
    recovery_start: date | None
    tracks_medication: bool
    hopes: str


ANSWER_KEYS = frozenset(IntakeAnswers.__annotations__)


@dataclass(frozen=True)
class IntakeProgress:
    profile: ParticipantProfile
    # The step the participant continues at ("" once intake is finished).
    resume_at: str
    # The crisis-screening level of "what you hope for" when it was part of this write.
    screening_level: str | None = None

    @property
    def needs_help_now(self) -> bool:
        return self.screening_level == "urgent"


def profile_for(participant: Membership) -> ParticipantProfile:
    """The participant's profile, created empty on first use (within the active scope)."""
    profile, _created = ParticipantProfile.objects.get_or_create(
        participant=participant, defaults={"organization_id": participant.organization_id}
    )
    return profile


def consent_is_current(profile: ParticipantProfile) -> bool:
    return profile.consented_at is not None and profile.consent_version == steps.CONSENT_VERSION


# Validation ----------------------------------------------------------------------------------


def _choice(value: str, allowed: Iterable[str], message: str) -> str:
    value = (value or "").strip()
    if value and value not in set(allowed):
        raise ValidationError(message)
    return value


def _choices(values: Iterable[str], allowed: Iterable[str], message: str) -> list[str]:
    """Known values only, de-duplicated, in the canonical order of `allowed`."""
    order = list(allowed)
    given = {str(v).strip() for v in values}
    unknown = given - set(order)
    if unknown:
        raise ValidationError(message % {"values": ", ".join(sorted(unknown))})
    return [value for value in order if value in given]


def _locked_profile(participant: Membership) -> ParticipantProfile:
    if participant.role != Role.PARTICIPANT or not participant.is_active:
        raise ValidationError(_("Only active participants have an intake."))
    profile_for(participant)
    return ParticipantProfile.objects.select_for_update().get(participant=participant)


def _offered_areas(profile: ParticipantProfile) -> dict[int, ExperienceArea]:
    """Areas a participant may choose: the organization's shown ones, and any hidden ones that
    are already on their profile (so editing never silently drops them)."""
    shown = ExperienceArea.objects.filter(organization_id=profile.organization_id, is_active=True)
    current = profile.experiences.filter(organization_id=profile.organization_id)
    return {area.pk: area for area in [*shown, *current]}


def _area_ids(values: Iterable[Any], field: str) -> set[int]:
    ids = set()
    for value in values:
        try:
            ids.add(int(value))
        except (TypeError, ValueError):
            raise ValidationError(
                {field: _("“%(value)s” is not an experience.") % {"value": value}}
            ) from None
    return ids


@dataclass
class _Cleaned:
    values: dict[str, Any]
    experiences: list[ExperienceArea] | None = None
    priorities: list[ExperienceArea] | None = None


def _clean(profile: ParticipantProfile, answers: Mapping[str, Any]) -> _Cleaned:
    """Checks every answer given; raises one ValidationError naming each bad field."""
    unknown = set(answers) - ANSWER_KEYS
    if unknown:
        raise ValidationError(_("Unknown answers: %(keys)s") % {"keys": ", ".join(sorted(unknown))})
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    cleaned = _Cleaned(values=values)

    def check(field: str, clean: Any) -> None:
        if field not in answers:
            return
        try:
            values[field] = clean(answers[field])
        except ValidationError as exc:
            errors.setdefault(field, []).extend(exc.messages)

    check(
        "focus",
        lambda v: _choice(
            v, ParticipantProfile.Focus.values, _("Choose mental health, substance use or both.")
        ),
    )
    check("languages", lambda v: _choices(v, LANGUAGE_ORDER, _("Unknown language: %(values)s.")))
    check("age_band", lambda v: _choice(v, dict(AGE_BANDS), _("Choose one of the age ranges.")))
    check("gender", lambda v: _choice(v, dict(GENDERS), _("Choose one of the options, or leave it empty.")))
    check(
        "peer_gender",
        lambda v: _choice(v, dict(GENDERS), _("Choose one of the options, or no preference.")),
    )
    check("peer_age_bands", lambda v: _choices(v, dict(AGE_BANDS), _("Unknown age range: %(values)s.")))
    check(
        "meeting_formats",
        lambda v: _choices(v, dict(MEETING_FORMATS), _("Unknown way to meet: %(values)s.")),
    )
    check(
        "availability", lambda v: _choices(v, AVAILABILITY_SLOTS, _("Unknown time of the week: %(values)s."))
    )
    check("timezone", _clean_timezone)
    check("recovery_start", lambda v: _clean_recovery_start(v, today_of(profile.participant)))
    check("tracks_medication", bool)
    check("hopes", _clean_hopes)
    check("consent", _clean_consent)

    if "experience_ids" in answers or "priority_experience_ids" in answers:
        offered = _offered_areas(profile)
        try:
            if "experience_ids" in answers:
                ids = _area_ids(answers["experience_ids"], "experience_ids")
                if ids - set(offered):
                    raise ValidationError(
                        {
                            "experience_ids": _(
                                "Some of the chosen experiences are not offered here. Please choose again."
                            )
                        }
                    )
                cleaned.experiences = sorted(
                    (offered[pk] for pk in ids), key=lambda a: (a.position, a.label, a.pk)
                )
                chosen = ids
            else:
                chosen = set(profile.experiences.values_list("pk", flat=True))
            if "priority_experience_ids" in answers:
                priority = _area_ids(answers["priority_experience_ids"], "priority_experience_ids")
                if priority - chosen:
                    raise ValidationError(
                        {
                            "priority_experience_ids": _(
                                "Choose what matters most from the experiences you shared."
                            )
                        }
                    )
                cleaned.priorities = sorted(
                    (offered[pk] for pk in priority if pk in offered),
                    key=lambda a: (a.position, a.label, a.pk),
                )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_timezone(value: str) -> str:
    value = (value or "").strip()
    if not is_known_zone(value):
        raise ValidationError(_("Choose your time zone from the list."))
    return value


def _clean_recovery_start(value: date | None, today: date) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, date):
        raise ValidationError(_("Enter a date, like 2024-03-15."))
    if value > today:
        raise ValidationError(_("The date can't be in the future. Leave it empty if you're not sure yet."))
    if value < EARLIEST_RECOVERY_START:
        raise ValidationError(_("Please check the year of that date."))
    return value


def _clean_hopes(value: str) -> str:
    value = (value or "").strip()
    if len(value) > HOPES_MAX:
        raise ValidationError(
            _("Please keep this to %(max)d characters (it is %(length)d now).")
            % {"max": HOPES_MAX, "length": len(value)}
        )
    return value


def _clean_consent(value: bool) -> bool:
    if value is not True:
        raise ValidationError(_("Please tick the box to agree, so that we can keep your answers."))
    return True


# Writing -------------------------------------------------------------------------------------


def _apply(*, profile: ParticipantProfile, cleaned: _Cleaned, locale: str) -> tuple[str | None, date | None]:
    """Writes cleaned answers onto the locked profile. Returns the screening level of the
    hopes text (when given) and the old recovery start date."""
    values = cleaned.values
    screening_level = None
    if "hopes" in values:
        # Screened before the write, so the level is stored with the text it belongs to.
        screening = screen_text(values["hopes"], locale=locale)
        screening_level = screening.level
        profile.hopes = values["hopes"]
        profile.hopes_screening_level = screening_level
        from alongside.safety.escalation.services import respond_to_screening

        respond_to_screening(
            participant=profile.participant, screening=screening, text=values["hopes"], source="intake"
        )
    if values.get("consent") and not consent_is_current(profile):
        profile.consented_at = timezone.now()
        profile.consent_version = steps.CONSENT_VERSION
    for field in (
        "focus",
        "languages",
        "age_band",
        "gender",
        "peer_gender",
        "peer_age_bands",
        "meeting_formats",
        "availability",
        "tracks_medication",
    ):
        if field in values:
            setattr(profile, field, values[field])
    old_start = profile.recovery_start
    if "recovery_start" in values:
        profile.recovery_start = values["recovery_start"]
    if "timezone" in values and values["timezone"] != profile.participant.user.timezone:
        user = profile.participant.user
        user.timezone = values["timezone"]
        user.save(update_fields=["timezone"])
    if cleaned.experiences is not None:
        profile.experiences.set(cleaned.experiences)
        kept = {area.pk for area in cleaned.experiences}
        if cleaned.priorities is None:
            # Something that is no longer among their experiences cannot be a priority either.
            stale = [a for a in profile.priority_experiences.all() if a.pk not in kept]
            if stale:
                profile.priority_experiences.remove(*stale)
    if cleaned.priorities is not None:
        profile.priority_experiences.set(cleaned.priorities)
    profile.updated_at = timezone.now()
    profile.save()
    return screening_level, old_start


def _restart_recovery_counter(*, profile: ParticipantProfile, actor: User) -> None:
    """Starts (or moves) the recovery counter at the profile's start date. The counter refuses a
    date before the participant's last setback; that is reported on the date's field."""
    from alongside.checkins.milestones import recovery_period_start

    if profile.recovery_start is None:
        return
    try:
        recovery_period_start(participant=profile.participant, started_on=profile.recovery_start, actor=actor)
    except ValidationError as exc:
        raise ValidationError({"recovery_start": exc.messages}) from exc


def _require_consent(profile: ParticipantProfile) -> None:
    if not consent_is_current(profile):
        raise ValidationError(
            {"consent": _("Please read how your information is used, and agree to it, before we go on.")}
        )


@transaction.atomic
def intake_step_save(
    *,
    participant: Membership,
    actor: User,
    step: str,
    answers: IntakeAnswers,
    move: Literal["next", "back", "summary"] = "next",
    locale: str = "en",
) -> IntakeProgress:
    """Saves one wizard step's answers and moves the participant's place in the wizard.

    `move`: "next" continues at the following step, "back" at the one before (the answers are
    kept either way), "summary" returns to the summary (editing from it). Once intake is
    finished, the place stays empty: later edits change answers only. A changed recovery start
    date after intake is finished restarts the recovery counter. "What you hope for" is screened
    for crisis language before it is written. Audited as intake.consent or intake.answers.save.
    """
    if step not in steps.BY_SLUG or step == steps.SUMMARY:
        raise ValidationError(_("There is no such intake step."))
    extra = set(answers) - set(steps.BY_SLUG[step].fields)
    if extra:
        raise ValidationError(
            _("These answers belong to another step: %(keys)s") % {"keys": ", ".join(sorted(extra))}
        )
    if move not in ("next", "back", "summary"):
        raise ValidationError(_("Go to the next step, the step before, or the summary."))
    profile = _locked_profile(participant)
    if step == "consent":
        if answers.get("consent") is not True:
            raise ValidationError(
                {"consent": _("Please tick the box to agree, so that we can keep your answers.")}
            )
    else:
        _require_consent(profile)
    cleaned = _clean(profile, answers)
    level, old_start = _apply(profile=profile, cleaned=cleaned, locale=locale)
    if profile.intake_completed_at is None:
        target = {
            "next": steps.step_after(step),
            "back": steps.step_before(step),
            "summary": steps.SUMMARY,
        }[move]
        profile.intake_step = target
        profile.save(update_fields=["intake_step"])
    elif "recovery_start" in cleaned.values and profile.recovery_start != old_start:
        _restart_recovery_counter(profile=profile, actor=actor)
    audit_record(
        action="intake.consent" if step == "consent" else "intake.answers.save",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=profile,
        reason=step,
    )
    return IntakeProgress(profile=profile, resume_at=profile.intake_step, screening_level=level)


@transaction.atomic
def intake_step_skip(
    *, participant: Membership, actor: User, step: str, to_summary: bool = False
) -> IntakeProgress:
    """Moves past an optional step without changing its answers. Privacy and the summary
    cannot be skipped. Audited as intake.step.skip."""
    if step not in steps.BY_SLUG:
        raise ValidationError(_("There is no such intake step."))
    if not steps.BY_SLUG[step].optional:
        raise ValidationError(_("This step can't be skipped."))
    profile = _locked_profile(participant)
    _require_consent(profile)
    if profile.intake_completed_at is None:
        profile.intake_step = steps.SUMMARY if to_summary else steps.step_after(step)
        profile.save(update_fields=["intake_step"])
    audit_record(
        action="intake.step.skip",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=profile,
        reason=step,
    )
    return IntakeProgress(profile=profile, resume_at=profile.intake_step)


@transaction.atomic
def intake_finish(*, participant: Membership, actor: User) -> ParticipantProfile:
    """Finishes intake: needs the participant's agreement to the current privacy terms. Sets
    intake_completed_at and, with a recovery start date, starts the recovery counter. Finishing
    twice changes nothing the second time. Audited as intake.finish."""
    profile = _locked_profile(participant)
    _require_consent(profile)
    if profile.intake_completed_at is not None:
        return profile
    profile.intake_completed_at = timezone.now()
    profile.intake_step = ""
    profile.updated_at = profile.intake_completed_at
    profile.save(update_fields=["intake_completed_at", "intake_step", "updated_at"])
    _restart_recovery_counter(profile=profile, actor=actor)
    audit_record(
        action="intake.finish",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=profile,
    )
    from alongside.matching.services import intake_finished

    intake_finished(participant=participant)
    return profile


@transaction.atomic
def profile_answers_replace(
    *,
    participant: Membership,
    actor: User,
    answers: IntakeAnswers,
    consent: bool | None = None,
    complete: bool = False,
    locale: str = "en",
) -> IntakeProgress:
    """Writes all intake answers at once (the API's PUT), for the participant themselves.

    `consent=True` records agreement to the current terms; without a current agreement nothing
    is written. `consent=False` is refused (withdrawing consent is a request to the
    organization, not an edit). `complete=True` then finishes intake as intake_finish does.
    Audited as profile.update (and intake.finish).
    """
    profile = _locked_profile(participant)
    if consent is False:
        raise ValidationError(
            {
                "consent": _(
                    "Consent can't be withdrawn here. Ask your organization to delete your information."
                )
            }
        )
    given = dict(answers)
    if consent:
        given["consent"] = True
    elif not consent_is_current(profile):
        _require_consent(profile)
    cleaned = _clean(profile, given)  # type: ignore[arg-type]
    level, old_start = _apply(profile=profile, cleaned=cleaned, locale=locale)
    if (
        profile.intake_completed_at is not None
        and "recovery_start" in cleaned.values
        and profile.recovery_start != old_start
    ):
        _restart_recovery_counter(profile=profile, actor=actor)
    audit_record(
        action="profile.update",
        actor=actor,
        organization=participant.organization,
        subject=participant,
        obj=profile,
    )
    if complete:
        profile = intake_finish(participant=participant, actor=actor)
    return IntakeProgress(profile=profile, resume_at=profile.intake_step, screening_level=level)
