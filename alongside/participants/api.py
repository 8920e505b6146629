"""The participant's own intake answers, for clients such as a mobile app."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Field, Router, Schema

from alongside.api.access import api_access
from alongside.api.problems import problem
from alongside.core.access import Access
from alongside.core.roles import Role
from alongside.participants import steps
from alongside.participants.models import ParticipantProfile
from alongside.participants.selectors import experience_areas_for_intake
from alongside.participants.services import (
    IntakeAnswers,
    consent_is_current,
    profile_answers_replace,
    profile_for,
)

ROUTER_PREFIX = "/participants"
router = Router(tags=["participants"])
PARTICIPANT_ONLY = Access(roles=frozenset({Role.PARTICIPANT}))


class ExperienceAreaOut(Schema):
    id: int
    label: str
    offered: bool


class ProfileOut(Schema):
    focus: str
    languages: list[str]
    age_band: str
    gender: str
    experience_ids: list[int]
    priority_experience_ids: list[int]
    peer_gender: str
    peer_age_bands: list[str]
    meeting_formats: list[str]
    availability: list[str] = Field(
        description='Day-parts in the person\'s own time zone, e.g. "tue-evening".'
    )
    timezone: str
    recovery_start: date | None
    hopes: str
    tracks_medication: bool
    consented: bool = Field(
        description="Agreed to the current privacy terms (needed before anything is kept)."
    )
    consent_version: str
    current_consent_version: str
    consented_at: datetime | None
    intake_step: str
    intake_completed_at: datetime | None
    help_suggested: bool = Field(description="What they hope for suggests a crisis: offer the help page.")
    experience_area_choices: list[ExperienceAreaOut]


class ProfileIn(Schema):
    """Every answer; a missing one is written as empty (PUT replaces the answers)."""

    focus: str = ""
    languages: list[str] = Field(default_factory=list)
    age_band: str = ""
    gender: str = ""
    experience_ids: list[int] = Field(default_factory=list)
    priority_experience_ids: list[int] = Field(default_factory=list)
    peer_gender: str = ""
    peer_age_bands: list[str] = Field(default_factory=list)
    meeting_formats: list[str] = Field(default_factory=list)
    availability: list[str] = Field(default_factory=list)
    timezone: str | None = Field(default=None, description="IANA name; leave out to keep the current one.")
    recovery_start: date | None = None
    hopes: str = ""
    tracks_medication: bool = False
    consent: bool | None = Field(
        default=None, description="true agrees to the current privacy terms; leave out once agreed."
    )
    complete_intake: bool = Field(default=False, description="Finish intake after saving.")


def _profile_out(profile: ParticipantProfile) -> dict[str, Any]:
    return {
        "focus": profile.focus,
        "languages": profile.languages,
        "age_band": profile.age_band,
        "gender": profile.gender,
        "experience_ids": sorted(profile.experiences.values_list("pk", flat=True)),
        "priority_experience_ids": sorted(profile.priority_experiences.values_list("pk", flat=True)),
        "peer_gender": profile.peer_gender,
        "peer_age_bands": profile.peer_age_bands,
        "meeting_formats": profile.meeting_formats,
        "availability": profile.availability,
        "timezone": profile.participant.user.timezone,
        "recovery_start": profile.recovery_start,
        "hopes": profile.hopes,
        "tracks_medication": profile.tracks_medication,
        "consented": consent_is_current(profile),
        "consent_version": profile.consent_version,
        "current_consent_version": steps.CONSENT_VERSION,
        "consented_at": profile.consented_at,
        "intake_step": profile.intake_step,
        "intake_completed_at": profile.intake_completed_at,
        "help_suggested": profile.hopes_screening_level == "urgent",
        "experience_area_choices": [
            {"id": area.pk, "label": area.display_label, "offered": area.is_active}
            for area in experience_areas_for_intake(profile)
        ],
    }


def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [
            {"location": f"body.{field}" if field != "__all__" else "body", "message": message}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"location": "body", "message": message} for message in exc.messages]
    return problem(
        request,
        422,
        "Some answers could not be saved. Nothing was changed.",
        kind="invalid-input",
        errors=errors,
    )


@router.get("/me/profile", response=ProfileOut)
@api_access(PARTICIPANT_ONLY)
def my_profile(request: HttpRequest) -> Any:
    """The signed-in participant's own intake answers, and the experience areas they may choose."""
    return _profile_out(profile_for(request.membership))  # type: ignore[attr-defined]


@router.put("/me/profile", response={200: ProfileOut})
@api_access(PARTICIPANT_ONLY)
def my_profile_replace(request: HttpRequest, body: ProfileIn) -> Any:
    """Replace the signed-in participant's intake answers (and optionally finish intake).

    Needs agreement to the current privacy terms (`consent: true` once). Invalid answers are a
    422 problem naming each field; nothing is saved then. "What you hope for" is screened for
    crisis language: `help_suggested` says when to offer help.
    """
    participant = request.membership  # type: ignore[attr-defined]
    answers: IntakeAnswers = {
        "focus": body.focus,
        "languages": body.languages,
        "age_band": body.age_band,
        "gender": body.gender,
        "experience_ids": body.experience_ids,
        "priority_experience_ids": body.priority_experience_ids,
        "peer_gender": body.peer_gender,
        "peer_age_bands": body.peer_age_bands,
        "meeting_formats": body.meeting_formats,
        "availability": body.availability,
        "recovery_start": body.recovery_start,
        "hopes": body.hopes,
        "tracks_medication": body.tracks_medication,
    }
    if body.timezone is not None:
        answers["timezone"] = body.timezone
    try:
        progress = profile_answers_replace(
            participant=participant,
            actor=request.user,  # type: ignore[arg-type]
            answers=answers,
            consent=body.consent,
            complete=body.complete_intake,
            locale=(get_language() or "en")[:2],
        )
    except ValidationError as exc:
        return _invalid(request, exc)
    return _profile_out(progress.profile)
