"""Writes for an organization's lived-experience taxonomy (the areas intake offers)."""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from alongside.accounts.models import Organization, User
from alongside.core.audit import audit_record
from alongside.participants.models import DEFAULT_EXPERIENCE_AREAS, ExperienceArea

LABEL_MAX = 80


@transaction.atomic
def experience_areas_ensure_defaults(*, organization: Organization) -> int:
    """Adds the default lived-experience areas an organization does not have yet. Idempotent."""
    with scope(organization=organization):
        existing = set(ExperienceArea.objects.values_list("slug", flat=True))
        missing = [
            ExperienceArea(organization=organization, slug=slug, label=label, position=index)
            for index, (slug, label) in enumerate(DEFAULT_EXPERIENCE_AREAS)
            if slug not in existing
        ]
        ExperienceArea.objects.bulk_create(missing)
    return len(missing)


def _clean_label(*, organization: Organization, label: str, exclude_pk: int | None = None) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise ValidationError({"label": _("Give the area a name.")})
    if len(label) > LABEL_MAX:
        raise ValidationError(
            {"label": _("Keep the name to %(max)d characters or fewer.") % {"max": LABEL_MAX}}
        )
    clash = ExperienceArea.objects.filter(organization=organization, label__iexact=label)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"label": _("There is already an area called “%(label)s”.") % {"label": label}})
    return label


def _unique_slug(organization: Organization, label: str) -> str:
    base = slugify(label)[:40] or "area"
    taken = set(
        ExperienceArea.objects.filter(organization=organization, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def experience_area_create(*, actor: User, organization: Organization, label: str) -> ExperienceArea:
    """An organization admin adds an area (shown, at the end of the list). Audited."""
    with scope(organization=organization):
        label = _clean_label(organization=organization, label=label)
        last = ExperienceArea.objects.filter(organization=organization).aggregate(last=Max("position"))[
            "last"
        ]
        area = ExperienceArea.objects.create(
            organization=organization,
            slug=_unique_slug(organization, label),
            label=label,
            position=(last or 0) + 1,
        )
        audit_record(action="experience_area.create", actor=actor, organization=organization, obj=area)
    return area


@transaction.atomic
def experience_area_update(
    *, actor: User, area: ExperienceArea, label: str, is_active: bool
) -> ExperienceArea:
    """An organization admin renames an area or hides / shows it. A hidden area is no longer
    offered at intake but stays on the profiles that already have it. Audited."""
    organization = area.organization
    with scope(organization=organization):
        clean = _clean_label(organization=organization, label=label, exclude_pk=area.pk)
        changes = []
        if clean != area.label:
            changes.append("label")
        if is_active != area.is_active:
            changes.append("shown" if is_active else "hidden")
        area.label = clean
        area.is_active = is_active
        area.save(update_fields=["label", "is_active"])
        audit_record(
            action="experience_area.update",
            actor=actor,
            organization=organization,
            obj=area,
            reason=",".join(changes),
        )
    return area


@transaction.atomic
def experience_area_move(
    *, actor: User, area: ExperienceArea, direction: Literal["up", "down"]
) -> ExperienceArea:
    """Moves an area one place up or down in the order intake shows them. Positions are
    renumbered 0..n-1 on the way, so gaps and ties from older data disappear. Audited."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an area up or down."))
    organization = area.organization
    with scope(organization=organization):
        areas = list(
            ExperienceArea.objects.select_for_update()
            .filter(organization=organization)
            .order_by("position", "label", "pk")
        )
        index = next(i for i, candidate in enumerate(areas) if candidate.pk == area.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(areas):
            areas[index], areas[other] = areas[other], areas[index]
        changed = []
        for position, candidate in enumerate(areas):
            if candidate.position != position:
                candidate.position = position
                changed.append(candidate)
        ExperienceArea.objects.bulk_update(changed, ["position"])
        audit_record(
            action="experience_area.move", actor=actor, organization=organization, obj=area, reason=direction
        )
        area.refresh_from_db(fields=["position"])
    return area
