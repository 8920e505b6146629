"""Writes for recovery plans. Keyword-only, transactional, validated, audited.

Everything here runs inside the participant's organization scope (except the reminder job,
which works across organizations). Callers resolve the objects they pass in through
`alongside.plans.selectors`, which answer 404 for someone else's; the services check ownership
again, so a mistake in a caller cannot write into another person's plan. Free text a
participant writes is screened for crisis language before anything is saved, and the most
serious level is stored with the record.
"""

from alongside.plans.services.goals import (
    goal_create,
    goal_decide,
    goal_set_progress,
    goal_suggest,
    goal_update,
    step_create,
    step_decide,
    step_set_progress,
    step_suggest,
    step_update,
)
from alongside.plans.services.plan import peer_note_add, plan_ensure, plan_review_set, plan_sharing_update
from alongside.plans.services.reminders import plan_review_reminders_send
from alongside.plans.services.wellness import wellness_entry_add, wellness_entry_remove, wellness_entry_update
from alongside.plans.services.work import (
    job_application_create,
    job_application_update,
    readiness_item_add,
    readiness_item_remove,
    readiness_item_set_status,
    readiness_items_add_usual,
)

__all__ = [
    "goal_create",
    "goal_decide",
    "goal_set_progress",
    "goal_suggest",
    "goal_update",
    "job_application_create",
    "job_application_update",
    "peer_note_add",
    "plan_ensure",
    "plan_review_reminders_send",
    "plan_review_set",
    "plan_sharing_update",
    "readiness_item_add",
    "readiness_item_remove",
    "readiness_item_set_status",
    "readiness_items_add_usual",
    "step_create",
    "step_decide",
    "step_set_progress",
    "step_suggest",
    "step_update",
    "wellness_entry_add",
    "wellness_entry_remove",
    "wellness_entry_update",
]
