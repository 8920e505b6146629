"""Recovery plan pages. Thin: parse the form, call a service or selector, render or redirect.

The participant's pages work on their own plan only (ids of anyone else's records are 404).
The peer's pages start from a participant on their caseload; supervisors and admins may only
read. A write is saved and committed before the person is told so.
"""

from alongside.plans.views.goals import (
    plan_goal_create,
    plan_goal_decide,
    plan_goal_edit,
    plan_goal_progress,
    plan_home,
    plan_review,
    plan_step_create,
    plan_step_decide,
    plan_step_edit,
    plan_step_progress,
)
from alongside.plans.views.peer import (
    plan_goal_suggest,
    plan_participant,
    plan_peer_note,
    plan_review_peer,
    plan_step_suggest,
)
from alongside.plans.views.wellness import (
    plan_sharing,
    plan_wellness,
    plan_wellness_add,
    plan_wellness_edit,
    plan_wellness_remove,
)
from alongside.plans.views.work import (
    plan_application_add,
    plan_application_edit,
    plan_checklist_add,
    plan_checklist_remove,
    plan_checklist_status,
    plan_checklist_usual,
    plan_work,
)

__all__ = [
    "plan_application_add",
    "plan_application_edit",
    "plan_checklist_add",
    "plan_checklist_remove",
    "plan_checklist_status",
    "plan_checklist_usual",
    "plan_goal_create",
    "plan_goal_decide",
    "plan_goal_edit",
    "plan_goal_progress",
    "plan_goal_suggest",
    "plan_home",
    "plan_participant",
    "plan_peer_note",
    "plan_review",
    "plan_review_peer",
    "plan_sharing",
    "plan_step_create",
    "plan_step_decide",
    "plan_step_edit",
    "plan_step_progress",
    "plan_step_suggest",
    "plan_wellness",
    "plan_wellness_add",
    "plan_wellness_edit",
    "plan_wellness_remove",
    "plan_work",
]
