"""The organization admin's page for the lived-experience taxonomy."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.core.access import roles_required
from alongside.core.roles import Role
from alongside.participants import services
from alongside.participants.forms import (
    ExperienceAreaAddForm,
    ExperienceAreaUpdateForm,
    add_service_errors,
)
from alongside.participants.models import (
    ExperienceArea,
)

# The lived-experience taxonomy ---------------------------------------------------------------


@roles_required(Role.ADMIN)
def experience_area_list(request: HttpRequest) -> HttpResponse:
    """Admins rename, hide / show, add and reorder the lived-experience areas intake offers."""
    add_form = ExperienceAreaAddForm(request.POST or None)
    if request.method == "POST" and add_form.is_valid():
        try:
            area = services.experience_area_create(
                actor=request.user,  # type: ignore[arg-type]
                organization=request.organization,  # type: ignore[attr-defined]
                label=add_form.cleaned_data["label"],
            )
        except ValidationError as exc:
            add_service_errors(add_form, exc)
        else:
            messages.success(request, _("Added “%(label)s”.") % {"label": area.display_label})
            return redirect("experience_area_list")
    areas = list(ExperienceArea.objects.order_by("position", "label", "pk"))
    rows = [
        {
            "area": area,
            "form": ExperienceAreaUpdateForm(
                initial={"label": area.label, "is_active": area.is_active}, auto_id=f"id_area{area.pk}_%s"
            ),
            "first": index == 0,
            "last": index == len(areas) - 1,
        }
        for index, area in enumerate(areas)
    ]
    return render(
        request,
        "participants/experience_areas.html",
        {"rows": rows, "add_form": add_form},
        status=400 if add_form.errors else 200,
    )


@roles_required(Role.ADMIN)
@require_POST
def experience_area_update(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_object_or_404(ExperienceArea, pk=area_id)
    form = ExperienceAreaUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the area a name of up to 80 characters."))
        return redirect("experience_area_list")
    try:
        services.experience_area_update(
            actor=request.user,  # type: ignore[arg-type]
            area=area,
            label=form.cleaned_data["label"],
            is_active=form.cleaned_data["is_active"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Saved “%(label)s”.") % {"label": area.display_label})
    return redirect("experience_area_list")


@roles_required(Role.ADMIN)
@require_POST
def experience_area_move(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_object_or_404(ExperienceArea, pk=area_id)
    direction = request.POST.get("direction", "")
    try:
        services.experience_area_move(actor=request.user, area=area, direction=direction)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Moved “%(label)s”.") % {"label": area.display_label})
    return redirect(reverse("experience_area_list") + f"#area-{area.pk}")
