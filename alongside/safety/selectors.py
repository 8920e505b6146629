"""Reads of safety plans and crisis lines. Who may see a safety plan:

- the participant, all of it, always;
- their peer supporter, read-only (and suggest additions), while the participant shares it
  with that person and they are still the participant's peer supporter;
- whoever holds an open private link the participant made, read-only;
- a responder during an urgent incident (`safety_plan_for_incident`, for the crisis screens);
- nobody else: supervisors, admins and clinicians do not see it unless it is shared with them.

Every read by someone other than the participant is audited. Crisis lines are the organization's
own list; an anonymous visitor, or an organization that lists none, gets the lines Alongside
ships for the country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest
from alongside.core.roles import STAFF_ROLES, Role
from alongside.matching.models import PeerMatch
from alongside.matching.selectors import active_match_for
from alongside.safety.crisis_lines import default_lines_for, emergency_number_for
from alongside.safety.models import (
    CONTACT_SECTIONS,
    SECTION_PROMPTS,
    Content,
    CrisisLine,
    CrisisLineKind,
    Entry,
    SafetyPlan,
    SafetyPlanLink,
    SafetyPlanShare,
    SafetyPlanSuggestion,
    SafetyPlanVersion,
    Section,
    SuggestionStatus,
)
from alongside.safety.services import peer_may_read

if TYPE_CHECKING:
    from alongside.accounts.models import Membership, Organization


class LinkClosed(Exception):
    """The private link exists but has expired or was turned off."""


# Crisis lines ---------------------------------------------------------------------------------


def crisis_lines_for(organization: Organization | None, *, country: str = "") -> list[CrisisLine]:
    """The crisis lines to show, in order: the organization's active lines, or, for an
    anonymous visitor, an organization that lists none, or a visitor who asked for another
    country, the lines Alongside ships for that country (unsaved, never written). One query."""
    wanted = (country or (organization.country if organization else "") or "US").upper()[:2]
    if organization is not None and wanted == organization.country.upper():
        with scope(organization=organization):
            lines = list(CrisisLine.objects.filter(organization=organization, is_active=True))
        if lines:
            return lines
    return [
        CrisisLine(
            name=default.name,
            kind=default.kind,
            phone=default.phone,
            sms=default.sms,
            sms_keyword=default.sms_keyword,
            chat_url=default.chat_url,
            hours=str(default.hours),
            description=str(default.description),
            languages=str(default.languages),
            country=wanted,
        )
        for default in default_lines_for(wanted)
    ]


def emergency_number(organization: Organization | None, *, country: str = "") -> str:
    return emergency_number_for(country or (organization.country if organization else "") or "US")


@dataclass
class CrisisHelp:
    """What to show someone who needs help now."""

    emergency_number: str
    lines: list[CrisisLine]
    country: str

    @property
    def own_lines(self) -> list[CrisisLine]:
        """The organization's own warm line or contact (kind "organization")."""
        return [line for line in self.lines if line.kind == CrisisLineKind.ORGANIZATION]

    @property
    def other_lines(self) -> list[CrisisLine]:
        return [line for line in self.lines if line.kind != CrisisLineKind.ORGANIZATION]


def crisis_help_for(organization: Organization | None, *, country: str = "") -> CrisisHelp:
    wanted = (country or (organization.country if organization else "") or "US").upper()[:2]
    return CrisisHelp(
        emergency_number=emergency_number(organization, country=wanted),
        lines=crisis_lines_for(organization, country=wanted),
        country=wanted,
    )


def crisis_lines_admin(organization: Organization) -> list[CrisisLine]:
    """Every line the organization lists, shown or hidden, for its admins."""
    return list(CrisisLine.objects.filter(organization=organization))


def crisis_line_of(organization: Organization, line_id: int) -> CrisisLine:
    line = CrisisLine.objects.filter(organization=organization, pk=line_id).first()
    if line is None:
        raise Http404
    return line


# Safety plans --------------------------------------------------------------------------------


@dataclass
class SectionView:
    key: str
    title: str
    prompt: str
    number: int | None
    entries: list[Entry]

    @property
    def takes_phone(self) -> bool:
        return self.key in CONTACT_SECTIONS


def section_views(content: Content) -> list[SectionView]:
    """The six steps in order, then the reasons for living (numbered None)."""
    views = []
    for index, (key, label) in enumerate(Section.choices):
        views.append(
            SectionView(
                key=key,
                title=str(label),
                prompt=str(SECTION_PROMPTS[Section(key)]),
                number=index + 1 if key != Section.REASONS_FOR_LIVING else None,
                entries=content.get(key, []),
            )
        )
    return views


def section_view(key: str, content: Content) -> SectionView:
    for view in section_views(content):
        if view.key == key:
            return view
    raise Http404


@dataclass
class SafetyPlanPage:
    """A safety plan as one viewer may see it, with the crisis lines that go in step 5."""

    participant: Membership
    plan: SafetyPlan | None
    crisis: CrisisHelp
    viewer: str  # "owner", "peer", "link" or "responder"
    sections: list[SectionView] = field(default_factory=list)
    suggestions: list[SafetyPlanSuggestion] = field(default_factory=list)
    match: PeerMatch | None = None

    @property
    def steps(self) -> list[SectionView]:
        return [section for section in self.sections if section.number is not None]

    @property
    def reasons(self) -> SectionView:
        return self.sections[-1]

    @property
    def is_empty(self) -> bool:
        return self.plan is None or self.plan.is_empty

    @property
    def is_own(self) -> bool:
        return self.viewer == "owner"


def _page(participant: Membership, plan: SafetyPlan | None, viewer: str) -> SafetyPlanPage:
    content = plan.content() if plan is not None else {}
    return SafetyPlanPage(
        participant=participant,
        plan=plan,
        crisis=crisis_help_for(participant.organization),
        viewer=viewer,
        sections=section_views(content),
    )


def _audit_read(
    *, viewer: Membership | None, participant: Membership, plan: SafetyPlan | None, reason: str
) -> None:
    audit_record(
        action="safety_plan.read",
        actor=viewer.user if viewer is not None else None,
        organization=participant.organization,
        subject=participant,
        obj=plan,
        reason=reason,
    )


def own_safety_plan(participant: Membership) -> SafetyPlanPage:
    """The participant's own plan (not audited: it is theirs), with the suggestions waiting
    for them and their peer supporter."""
    if participant.role != Role.PARTICIPANT:
        raise Http404
    plan = SafetyPlan.objects.filter(participant=participant).select_related("updated_by__user").first()
    page = _page(participant, plan, "owner")
    page.match = active_match_for(participant)
    if plan is not None:
        page.suggestions = list(
            SafetyPlanSuggestion.objects.filter(plan=plan, status=SuggestionStatus.PENDING).select_related(
                "suggested_by__user"
            )
        )
    return page


def safety_plan_for_peer(*, viewer: Membership, participant_id: int) -> SafetyPlanPage:
    """The plan of a participant who shares it with `viewer`, their peer supporter; otherwise
    404, the same answer whether it does not exist or is not shared. Audited as
    safety_plan.read."""
    plan = (
        SafetyPlan.objects.filter(participant_id=participant_id)
        .select_related("participant__user", "participant__organization", "updated_by__user")
        .first()
    )
    if plan is None or not peer_may_read(viewer, plan):
        raise Http404
    participant = plan.participant
    _audit_read(viewer=viewer, participant=participant, plan=plan, reason="shared with their peer supporter")
    page = _page(participant, plan, "peer")
    page.suggestions = list(
        SafetyPlanSuggestion.objects.filter(plan=plan, suggested_by=viewer, status=SuggestionStatus.PENDING)
    )
    return page


def plans_shared_with(peer: Membership) -> list[SafetyPlanShare]:
    """The plans participants share with this peer supporter, who is still their peer."""
    return list(
        SafetyPlanShare.objects.filter(
            person=peer,
            revoked_at__isnull=True,
            plan__participant__is_active=True,
            plan__participant__peer_matches__peer=peer,
            plan__participant__peer_matches__status=PeerMatch.Status.ACTIVE,
        )
        .select_related("plan__participant__user")
        .order_by("plan__participant__user__username")
        .distinct()
    )


def safety_plan_by_link(raw_token: str) -> SafetyPlanPage:
    """The plan behind a private link, for whoever holds it. 404 for an unknown link;
    LinkClosed for one that expired or was turned off (audited as safety_plan.link.refused).
    Each view is counted and audited as safety_plan.read with the link's id."""
    digest = secret_digest(raw_token or "")
    with scopes_disabled():
        link = (
            SafetyPlanLink.objects.filter(token_hash=digest)
            .select_related("plan__participant__user", "plan__participant__organization", "organization")
            .first()
        )
    if link is None:
        raise Http404
    participant = link.plan.participant
    with scope(organization=link.organization):
        if not link.is_open() or not participant.is_active:
            audit_record(
                action="safety_plan.link.refused",
                actor=None,
                organization=participant.organization,
                subject=participant,
                obj=link,
                reason="revoked"
                if link.revoked_at
                else "expired"
                if not link.is_open()
                else "account closed",
            )
            raise LinkClosed
        SafetyPlanLink.objects.filter(pk=link.pk).update(
            view_count=F("view_count") + 1, last_viewed_at=timezone.now()
        )
        _audit_read(viewer=None, participant=participant, plan=link.plan, reason=f"private link {link.pk}")
        return _page(participant, link.plan, "link")


def safety_plan_for_incident(participant: Membership, *, responder: Membership) -> SafetyPlanPage | None:
    """For the crisis screens: the participant's plan (None if they have none) for a staff
    member responding to an urgent incident. The caller decides that there is an urgent
    incident this responder handles; this checks the responder is staff in the participant's
    organization and audits the read as safety_plan.read, reason "crisis response"."""
    if responder.role not in STAFF_ROLES or responder.organization_id != participant.organization_id:
        raise Http404
    with scope(organization=participant.organization):
        plan = SafetyPlan.objects.filter(participant=participant).first()
        if plan is None:
            return None
        _audit_read(viewer=responder, participant=participant, plan=plan, reason="crisis response")
        return _page(participant, plan, "responder")


# The participant's own records ------------------------------------------------------------------


def own_plan_record(participant: Membership) -> SafetyPlan | None:
    return SafetyPlan.objects.filter(participant=participant).first()


def own_versions(participant: Membership) -> list[SafetyPlanVersion]:
    return list(
        SafetyPlanVersion.objects.filter(plan__participant=participant).select_related("saved_by__user")
    )


def own_version(participant: Membership, number: int) -> SafetyPlanVersion:
    version = (
        SafetyPlanVersion.objects.filter(plan__participant=participant, number=number)
        .select_related("plan", "saved_by__user")
        .first()
    )
    if version is None:
        raise Http404
    return version


def own_suggestion(participant: Membership, suggestion_id: int) -> SafetyPlanSuggestion:
    suggestion = (
        SafetyPlanSuggestion.objects.filter(plan__participant=participant, pk=suggestion_id)
        .select_related("plan")
        .first()
    )
    if suggestion is None:
        raise Http404
    return suggestion


def own_link(participant: Membership, link_id: int) -> SafetyPlanLink:
    link = (
        SafetyPlanLink.objects.filter(plan__participant=participant, pk=link_id)
        .select_related("plan")
        .first()
    )
    if link is None:
        raise Http404
    return link


def own_share(participant: Membership, share_id: int) -> SafetyPlanShare:
    share = (
        SafetyPlanShare.objects.filter(plan__participant=participant, pk=share_id)
        .select_related("plan")
        .first()
    )
    if share is None:
        raise Http404
    return share


@dataclass
class SharingPage:
    participant: Membership
    plan: SafetyPlan | None
    match: PeerMatch | None
    peer_share: SafetyPlanShare | None
    shares: list[SafetyPlanShare]
    links: list[SafetyPlanLink]

    @property
    def open_links(self) -> list[SafetyPlanLink]:
        now = timezone.now()
        return [link for link in self.links if link.is_open(now)]

    @property
    def closed_links(self) -> list[SafetyPlanLink]:
        now = timezone.now()
        return [link for link in self.links if not link.is_open(now)]


def own_sharing(participant: Membership) -> SharingPage:
    """Who the participant shares their plan with: their peer supporter and private links."""
    plan = own_plan_record(participant)
    match = active_match_for(participant)
    shares = (
        list(SafetyPlanShare.objects.filter(plan=plan).select_related("person__user"))
        if plan is not None
        else []
    )
    peer_share = next(
        (
            share
            for share in shares
            if match is not None and share.person_id == match.peer_id and share.revoked_at is None
        ),
        None,
    )
    links = list(SafetyPlanLink.objects.filter(plan=plan)) if plan is not None else []
    return SharingPage(
        participant=participant, plan=plan, match=match, peer_share=peer_share, shares=shares, links=links
    )
