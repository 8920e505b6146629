"""Writes for participants: intake answers, walk-in registration and account handover, and the
organization's lived-experience taxonomy. Keyword-only, transactional and audited."""

from alongside.participants.services.intake import (
    IntakeAnswers,
    IntakeProgress,
    consent_is_current,
    intake_finish,
    intake_step_save,
    intake_step_skip,
    profile_answers_replace,
    profile_for,
)
from alongside.participants.services.taxonomy import (
    experience_area_create,
    experience_area_move,
    experience_area_update,
    experience_areas_ensure_defaults,
)
from alongside.participants.services.walk_in import (
    HandoverError,
    Registration,
    handover_accept,
    handover_lookup,
    handover_send,
    participant_register,
)

__all__ = [
    "HandoverError",
    "IntakeAnswers",
    "IntakeProgress",
    "Registration",
    "consent_is_current",
    "experience_area_create",
    "experience_area_move",
    "experience_area_update",
    "experience_areas_ensure_defaults",
    "handover_accept",
    "handover_lookup",
    "handover_send",
    "intake_finish",
    "intake_step_save",
    "intake_step_skip",
    "participant_register",
    "profile_answers_replace",
    "profile_for",
]
