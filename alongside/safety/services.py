"""Writes for safety plans and crisis lines. Keyword-only, transactional, validated, audited.

Safety plan writes run inside the participant's organization scope. The participant is the only
one who changes their plan; their peer supporter, once the participant shared the plan with
them, may suggest additions, which join the plan only when the participant accepts them. Every
change keeps the version it replaced. What a participant (or their peer) writes is screened for
crisis language before anything is saved; the level of what was newly written is stored.

Crisis lines are organization settings: admins change them (checked by the caller's access
rule), and new organizations start with the lines Alongside ships for their country.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest
from alongside.core.notifications import notification_send
from alongside.core.roles import Role
from alongside.core.timezones import as_reader
from alongside.matching.selectors import active_match_for
from alongside.safety.crisis_lines import default_lines_for
from alongside.safety.models import (
    CONTACT_SECTIONS,
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
    content_to_json,
)
from alongside.safety.screening import screen_text

if TYPE_CHECKING:
    from alongside.accounts.models import Membership, Organization

ENTRY_MAX = 300
PHONE_MAX = 40
ENTRIES_MAX = 20
LABEL_MAX = 100
OPEN_LINKS_MAX = 10
LINK_DAYS = (1, 7, 30, 90)
# Lines are numbered 10, 20, 30... so an admin can put one before, between or after them.
POSITION_STEP = 10
SCREENING_ORDER = ("none", "concern", "urgent")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()./-]+$")


class PlanChangedElsewhere(Exception):
    """The plan changed since the version the writer last read (another tab or device)."""

    def __init__(self, current_version: int) -> None:
        super().__init__(current_version)
        self.current_version = current_version


# Validation and screening --------------------------------------------------------------------


class Problems:
    """Every problem with the input, so the person sees them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        messages = self.errors.setdefault(field, [])
        if message not in messages:
            messages.append(message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def phone_problem(phone: str) -> str | None:
    if len(phone) > PHONE_MAX:
        return _("A phone number can be up to %(max)s characters.") % {"max": PHONE_MAX}
    if not PHONE_PATTERN.match(phone) or sum(ch.isdigit() for ch in phone) < 3:
        return _("Write the phone number with digits, spaces, dashes or brackets, for example 555 0134.")
    return None


def clean_entries(section: str, entries: Iterable[Entry], problems: Problems) -> list[Entry]:
    """The section's entries without blank ones, or problems recorded under the section."""
    cleaned: list[Entry] = []
    for entry in entries:
        text, phone = (entry.text or "").strip(), (entry.phone or "").strip()
        if not text and not phone:
            continue
        if not text:
            problems.add(
                section, _("Add a name or a few words next to the phone number %(phone)s.") % {"phone": phone}
            )
        elif len(text) > ENTRY_MAX:
            problems.add(
                section,
                _("Please keep each line to %(max)s characters or fewer (one has %(count)s).")
                % {"max": ENTRY_MAX, "count": len(text)},
            )
        if phone:
            if section not in CONTACT_SECTIONS:
                problems.add(section, _("This part of the plan does not take phone numbers."))
            elif (problem := phone_problem(phone)) is not None:
                problems.add(section, problem)
        cleaned.append(Entry(text=text, phone=phone))
    if len(cleaned) > ENTRIES_MAX:
        problems.add(section, _("A part of the plan can hold up to %(max)s lines.") % {"max": ENTRIES_MAX})
    return cleaned


def most_serious(levels: Iterable[str]) -> str:
    return max(levels, key=SCREENING_ORDER.index, default="none")


def screen(texts: Iterable[str], *, locale: str) -> str:
    """The most serious screening level across the texts."""
    return most_serious(screen_text(text, locale=locale).level for text in texts if text)


def require_participant(participant: Membership) -> None:
    if participant.role != Role.PARTICIPANT or not participant.is_active:
        raise ValidationError(_("Only participants have a safety plan."))


def require_own(participant: Membership, plan: SafetyPlan) -> None:
    if plan.participant_id != participant.pk:
        raise PermissionDenied


def record(
    action: str, *, actor: Membership | None, participant: Membership, obj: Any, reason: str = ""
) -> None:
    audit_record(
        action=action,
        actor=actor.user if actor is not None else None,
        organization=participant.organization,
        subject=participant,
        obj=obj,
        reason=reason,
    )


def notify(person: Membership, *, kind: str, title: str, url: str) -> None:
    """An in-app notification in the person's own language; never any of the plan's text."""
    notification_send(user=person.user, organization=person.organization, kind=kind, title=title, url=url)


# The plan ------------------------------------------------------------------------------------


def _new_texts(before: Content, after: Content) -> list[str]:
    """What the writer newly wrote: lines that were not in the plan before."""
    known = {(section, entry.text) for section, entries in before.items() for entry in entries}
    return [
        entry.text
        for section, entries in after.items()
        for entry in entries
        if (section, entry.text) not in known
    ]


def _keep_version(plan: SafetyPlan, *, content: Content) -> SafetyPlanVersion:
    return SafetyPlanVersion.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        number=plan.version,
        content=content_to_json(content),
        saved_by=plan.updated_by,
        saved_at=plan.updated_at,
    )


@transaction.atomic
def safety_plan_ensure(*, participant: Membership) -> SafetyPlan:
    """The participant's plan, created empty the first time they share or start it."""
    require_participant(participant)
    plan, _created = SafetyPlan.objects.get_or_create(
        participant=participant,
        defaults={"organization_id": participant.organization_id, "updated_by": participant},
    )
    return plan


@transaction.atomic
def safety_plan_update(
    *,
    participant: Membership,
    sections: Mapping[str, Sequence[Entry]],
    locale: str = "en",
    expected_version: int | None = None,
    change: str = "edit",
) -> SafetyPlan:
    """The participant replaces the entries of the sections named (the others stay as they
    are). The version it replaces is kept. With `expected_version`, refuses (PlanChangedElsewhere)
    when the plan moved on since the writer read it. Newly written lines are screened and the
    level stored on the plan. Audited as safety_plan.update (section names only)."""
    require_participant(participant)
    problems = Problems()
    for unknown in sorted(set(sections) - set(Section.values)):
        problems.add("__all__", _("Unknown part of the plan: %(name)s") % {"name": unknown})
    cleaned = {
        section: clean_entries(section, entries, problems)
        for section, entries in sections.items()
        if section in Section.values
    }
    problems.raise_if_any()
    plan = SafetyPlan.objects.select_for_update().filter(participant=participant).first()
    if plan is None:
        plan = SafetyPlan(organization_id=participant.organization_id, participant=participant, version=0)
    if expected_version is not None and expected_version != plan.version:
        raise PlanChangedElsewhere(plan.version)
    before = plan.content()
    after = {**before, **cleaned}
    if plan.pk is not None and after == before:
        return plan
    if plan.pk is not None and not plan.is_empty:
        _keep_version(plan, content=before)
    for section, entries in cleaned.items():
        plan.set_entries(section, entries)
    plan.version += 1
    plan.screening_level = screen(_new_texts(before, after), locale=locale)
    plan.updated_by = participant
    plan.updated_at = timezone.now()
    plan.save()
    changed = [section for section in Section.values if after[section] != before[section]]
    record(
        "safety_plan.update",
        actor=participant,
        participant=participant,
        obj=plan,
        reason=f"{change}: {','.join(changed)}; version {plan.version}",
    )
    return plan


@transaction.atomic
def safety_plan_restore(*, participant: Membership, version: SafetyPlanVersion) -> SafetyPlan:
    """Brings back an earlier version of the participant's own plan. What it replaces is kept
    as a version too, so a restore can itself be undone."""
    require_own(participant, version.plan)
    return safety_plan_update(
        participant=participant, sections=version.sections(), change=f"restored version {version.number}"
    )


# Sharing with the peer supporter --------------------------------------------------------------


def active_share_for(plan: SafetyPlan, person: Membership) -> SafetyPlanShare | None:
    return SafetyPlanShare.objects.filter(plan=plan, person=person, revoked_at__isnull=True).first()


@transaction.atomic
def safety_plan_share_with_peer(*, participant: Membership) -> SafetyPlanShare:
    """The participant lets their current peer supporter read the plan and suggest additions.
    The permission is for that person: a new peer supporter is not let in until the participant
    shares again. The peer is told (without any of the plan). Audited as safety_plan.share."""
    require_participant(participant)
    match = active_match_for(participant)
    if match is None:
        raise ValidationError(_("You don't have a peer supporter yet, so there is nobody to share with."))
    plan = safety_plan_ensure(participant=participant)
    share = active_share_for(plan, match.peer)
    if share is not None:
        return share
    share = SafetyPlanShare.objects.create(organization_id=plan.organization_id, plan=plan, person=match.peer)
    record(
        "safety_plan.share", actor=participant, participant=participant, obj=share, reason="peer supporter"
    )
    with as_reader(match.peer):
        notify(
            match.peer,
            kind="safety_plan.shared",
            title=_("%(name)s shared their safety plan with you") % {"name": participant.user.shown_name},
            url=reverse("safety_plan_participant", args=[participant.pk]),
        )
    return share


@transaction.atomic
def safety_plan_share_revoke(*, participant: Membership, share: SafetyPlanShare) -> SafetyPlanShare:
    """The participant stops sharing with that person, at once. Audited as safety_plan.unshare."""
    require_own(participant, share.plan)
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        record("safety_plan.unshare", actor=participant, participant=participant, obj=share)
    return share


def peer_may_read(peer: Membership, plan: SafetyPlan) -> bool:
    """The plan is shared with this peer supporter, who is still the participant's peer."""
    if peer.role != Role.PEER or active_share_for(plan, peer) is None:
        return False
    match = active_match_for(plan.participant)
    return match is not None and match.peer_id == peer.pk


# Suggestions from the peer supporter ----------------------------------------------------------


@transaction.atomic
def safety_plan_suggest(
    *, peer: Membership, participant: Membership, section: str, text: str, phone: str = "", locale: str = "en"
) -> SafetyPlanSuggestion:
    """The peer supporter suggests a line for one section of a plan shared with them. The
    participant is told and decides. Screened; audited as safety_plan.suggest."""
    plan = SafetyPlan.objects.filter(participant=participant).first()
    if plan is None or not peer_may_read(peer, plan):
        raise PermissionDenied
    problems = Problems()
    if section not in Section.values:
        problems.add("section", _("Choose a part of the plan."))
    entries = clean_entries(section, [Entry(text=text, phone=phone)], problems)
    if not entries and not problems.errors:
        problems.add("text", _("Write your suggestion first."))
    problems.raise_if_any()
    entry = entries[0]
    suggestion = SafetyPlanSuggestion.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        section=section,
        text=entry.text,
        phone=entry.phone,
        suggested_by=peer,
        screening_level=screen([entry.text], locale=locale),
    )
    record("safety_plan.suggest", actor=peer, participant=participant, obj=suggestion, reason=section)
    with as_reader(participant):
        notify(
            participant,
            kind="safety_plan.suggestion",
            title=_("%(name)s suggested an addition to your safety plan") % {"name": peer.user.shown_name},
            url=reverse("safety_plan") + "#suggestions",
        )
    return suggestion


@transaction.atomic
def safety_plan_suggestion_decide(
    *, participant: Membership, suggestion: SafetyPlanSuggestion, accept: bool, locale: str = "en"
) -> SafetyPlanSuggestion:
    """The participant adds a suggestion to their plan (a new version) or dismisses it. The
    plan stays theirs: nothing joins it without this. Audited."""
    require_own(participant, suggestion.plan)
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(_("You have already answered this suggestion."))
    if accept:
        plan = SafetyPlan.objects.get(pk=suggestion.plan_id)
        entries = [*plan.entries(suggestion.section), Entry(text=suggestion.text, phone=suggestion.phone)]
        safety_plan_update(
            participant=participant,
            sections={suggestion.section: entries},
            locale=locale,
            change="accepted a suggestion",
        )
    suggestion.status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.DISMISSED
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])
    record(
        "safety_plan.suggestion." + ("accept" if accept else "dismiss"),
        actor=participant,
        participant=participant,
        obj=suggestion,
        reason=suggestion.section,
    )
    return suggestion


# Private links for a trusted person -----------------------------------------------------------


@transaction.atomic
def safety_plan_link_create(
    *, participant: Membership, label: str, days: int, locale: str = "en"
) -> tuple[SafetyPlanLink, str]:
    """A private link to a read-only copy of the plan for someone the participant trusts.
    Returns the link and its secret, which is shown once and never stored (only its digest).
    Audited as safety_plan.link.create."""
    require_participant(participant)
    problems = Problems()
    label = (label or "").strip()
    if not label:
        problems.add("label", _("Say who the link is for, so you can recognise it later."))
    elif len(label) > LABEL_MAX:
        problems.add("label", _("Please keep this to %(max)s characters or fewer.") % {"max": LABEL_MAX})
    if days not in LINK_DAYS:
        problems.add("days", _("Choose how long the link works."))
    plan = safety_plan_ensure(participant=participant)
    now = timezone.now()
    if (
        SafetyPlanLink.objects.filter(plan=plan, revoked_at__isnull=True, expires_at__gt=now).count()
        >= OPEN_LINKS_MAX
    ):
        problems.add(
            "__all__",
            _("You have %(max)s links working already. Turn one off before making another.")
            % {"max": OPEN_LINKS_MAX},
        )
    problems.raise_if_any()
    raw = secrets.token_urlsafe(32)
    link = SafetyPlanLink.objects.create(
        organization_id=plan.organization_id,
        plan=plan,
        label=label,
        token_hash=secret_digest(raw),
        screening_level=screen([label], locale=locale),
        expires_at=now + timedelta(days=days),
    )
    record(
        "safety_plan.link.create",
        actor=participant,
        participant=participant,
        obj=link,
        reason=f"expires {link.expires_at.isoformat()}",
    )
    return link, raw


@transaction.atomic
def safety_plan_link_revoke(*, participant: Membership, link: SafetyPlanLink) -> SafetyPlanLink:
    """Turns the link off at once. Audited as safety_plan.link.revoke."""
    require_own(participant, link.plan)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        record("safety_plan.link.revoke", actor=participant, participant=participant, obj=link)
    return link


# Crisis lines -------------------------------------------------------------------------------


CRISIS_LINE_FIELDS = (
    "name",
    "kind",
    "phone",
    "sms",
    "sms_keyword",
    "chat_url",
    "hours",
    "description",
    "languages",
    "country",
    "position",
    "is_active",
    "checked_on",
)


def _clean_crisis_line(line: CrisisLine) -> None:
    problems = Problems()
    line.name = line.name.strip()
    line.country = (line.country or "").strip().upper()
    for field in ("phone", "sms"):
        value = getattr(line, field).strip()
        setattr(line, field, value)
        if value and (problem := phone_problem(value)) is not None:
            problems.add(field, problem)
    if line.sms_keyword and not line.sms:
        problems.add("sms", _("Give the number to text the word to."))
    if line.chat_url and not line.chat_url.startswith("https://"):
        problems.add("chat_url", _("Use an address that starts with https://."))
    if not (line.phone or line.sms or line.chat_url):
        problems.add(
            "__all__", _("Give at least one way to reach the line: a number to call or text, or an address.")
        )
    try:
        line.full_clean(exclude=["organization"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            for message in messages:
                problems.add(field, message)
    problems.raise_if_any()


def _record_setting(action: str, *, actor: Membership | None, line: CrisisLine, reason: str = "") -> None:
    audit_record(
        action=action,
        actor=actor.user if actor is not None else None,
        organization=line.organization,
        obj=line,
        reason=reason or line.name,
    )


@transaction.atomic
def crisis_line_create(*, actor: Membership, organization: Organization, **fields: Any) -> CrisisLine:
    """An admin adds a line to the organization's list (at the end unless an order is given).
    Audited as crisis_line.create."""
    unknown = set(fields) - set(CRISIS_LINE_FIELDS)
    if unknown:
        raise TypeError(f"unknown crisis line fields: {sorted(unknown)}")
    if fields.get("position") is None:
        fields["position"] = _next_position(organization)
    line = CrisisLine(organization=organization, **fields)
    _clean_crisis_line(line)
    line.save()
    _record_setting("crisis_line.create", actor=actor, line=line)
    return line


@transaction.atomic
def crisis_line_update(*, actor: Membership, line: CrisisLine, **fields: Any) -> CrisisLine:
    """An admin changes a line of their organization's list. Audited as crisis_line.update."""
    if line.organization_id != actor.organization_id:
        raise PermissionDenied
    unknown = set(fields) - set(CRISIS_LINE_FIELDS)
    if unknown:
        raise TypeError(f"unknown crisis line fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(line, name, value if not (name == "position" and value is None) else line.position)
    _clean_crisis_line(line)
    line.updated_at = timezone.now()
    line.save()
    _record_setting("crisis_line.update", actor=actor, line=line)
    return line


@transaction.atomic
def crisis_line_remove(*, actor: Membership, line: CrisisLine) -> None:
    """An admin removes a line from the list. Audited as crisis_line.remove (with its name)."""
    if line.organization_id != actor.organization_id:
        raise PermissionDenied
    _record_setting("crisis_line.remove", actor=actor, line=line)
    line.delete()


def _next_position(organization: Organization) -> int:
    highest = CrisisLine.objects.filter(organization=organization).aggregate(highest=Max("position"))[
        "highest"
    ]
    return POSITION_STEP if highest is None else highest + POSITION_STEP


@transaction.atomic
def crisis_lines_add_defaults(*, organization: Organization, actor: Membership | None = None) -> int:
    """Adds the lines Alongside ships for the organization's country that its list does not
    have yet (by name), written in the organization's language. Returns how many were added.
    An admin's request is audited as crisis_line.create for each line; the seeding of a new
    organization (no actor) is not, like its other defaults."""
    with scope(organization=organization), translation.override(organization.default_language or "en"):
        names = CrisisLine.objects.filter(organization=organization).values_list("name", flat=True)
        have = {name.casefold() for name in names}
        position = _next_position(organization)
        added = 0
        for default in default_lines_for(organization.country):
            if default.name.casefold() in have:
                continue
            line = CrisisLine.objects.create(
                organization=organization,
                name=default.name,
                kind=default.kind,
                phone=default.phone,
                sms=default.sms,
                sms_keyword=default.sms_keyword,
                chat_url=default.chat_url,
                hours=str(default.hours),
                description=str(default.description),
                languages=str(default.languages),
                country="" if default.kind == CrisisLineKind.OTHER else organization.country,
                position=position,
            )
            position += POSITION_STEP
            added += 1
            if actor is not None:
                _record_setting("crisis_line.create", actor=actor, line=line, reason=f"{line.name} (default)")
    return added


@transaction.atomic
def crisis_lines_ensure_defaults(*, organization: Organization) -> int:
    """A new organization starts with its country's lines; one that lists any is left alone."""
    with scope(organization=organization):
        if CrisisLine.objects.filter(organization=organization).exists():
            return 0
    return crisis_lines_add_defaults(organization=organization)
