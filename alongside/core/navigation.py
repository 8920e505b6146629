"""What each role sees in the main navigation. Only routes that exist are listed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from alongside.core.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


BY_ROLE: dict[str, list[NavItem]] = {
    Role.PARTICIPANT: [
        NavItem(_("Home"), "home"),
        NavItem(_("Conversations"), "conversation_list"),
        NavItem(_("My check-ins"), "checkin_history"),
        NavItem(_("My recovery"), "recovery_overview"),
        NavItem(_("My plan"), "plan_home"),
        NavItem(_("Groups"), "groups_finder"),
        NavItem(_("My safety plan"), "safety_plan"),
        NavItem(_("My profile"), "intake"),
    ],
    Role.PEER: [
        NavItem(_("My caseload"), "home"),
        NavItem(_("Conversations"), "conversation_list"),
        NavItem(_("Crisis alerts"), "incident_list"),
        NavItem(_("Asked for you"), "matching_peer_proposals"),
        NavItem(_("My matching profile"), "matching_peer_profile"),
        NavItem(_("Safety plans shared with me"), "safety_plans_shared"),
        NavItem(_("Groups"), "groups_finder"),
        NavItem(_("Register a participant"), "participant_register"),
    ],
    Role.SUPERVISOR: [
        NavItem(_("Organization"), "home"),
        NavItem(_("Participants"), "participant_list"),
        NavItem(_("Crisis alerts"), "incident_list"),
        NavItem(_("On-call rota"), "on_call"),
        NavItem(_("Matching"), "matching_caseload"),
        NavItem(_("Groups"), "groups_finder"),
        NavItem(_("Register a participant"), "participant_register"),
        NavItem(_("Audit log"), "audit_log"),
    ],
    Role.CLINICIAN: [
        NavItem(_("Home"), "home"),
    ],
    Role.ADMIN: [
        NavItem(_("Settings"), "home"),
        NavItem(_("People and roles"), "staff_list"),
        NavItem(_("Matching"), "matching_caseload"),
        NavItem(_("Matching settings"), "matching_settings"),
        NavItem(_("Groups"), "groups_finder"),
        NavItem(_("Invitations"), "invitation_list"),
        NavItem(_("Programmes"), "programme_list"),
        NavItem(_("Lived experience areas"), "experience_area_list"),
        NavItem(_("Crisis alerts"), "incident_list"),
        NavItem(_("On-call rota"), "on_call"),
        NavItem(_("Crisis alert settings"), "escalation_settings"),
        NavItem(_("Moderation"), "conversation_reports"),
        NavItem(_("Crisis lines"), "crisis_line_list"),
        NavItem(_("Register a participant"), "participant_register"),
        NavItem(_("Audit log"), "audit_log"),
    ],
}


def navigation_for(request: HttpRequest, membership: Any) -> list[NavItem]:
    if not request.user.is_authenticated:
        return []
    if membership is None:
        return [NavItem(_("Home"), "home")]
    return BY_ROLE.get(membership.role, [])
