from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.checkins.forms import CheckInForm
from alongside.checkins.models import CheckIn
from alongside.checkins.services import checkin_save
from alongside.core.access import roles_required
from alongside.core.roles import Role


@roles_required(Role.PARTICIPANT)
@require_POST
def checkin_today(request: HttpRequest) -> HttpResponse:
    """Save today's check-in. Saved first, then the person is told (and shown help if needed)."""
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return render(request, "checkins/checkin_form.html", {"form": form}, status=400)
    try:
        result = checkin_save(
            participant=request.membership,  # type: ignore[attr-defined]
            mood=form.cleaned_data["mood"],
            wants_to_talk=form.cleaned_data["wants_to_talk"],
            note=form.cleaned_data["note"],
            locale=(get_language() or "en")[:2],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return render(request, "checkins/checkin_form.html", {"form": form}, status=400)
    if result.screening_level == "urgent":
        messages.warning(request, _("Your check-in is saved. You matter: help is available right now."))
        return redirect("crisis_help")
    if result.checkin.wants_to_talk:
        messages.success(
            request, _("Thank you for checking in. Your peer supporter will see that you'd like to talk.")
        )
    else:
        messages.success(request, _("Thank you for checking in."))
    return redirect("home")


@roles_required(Role.PARTICIPANT)
def checkin_history(request: HttpRequest) -> HttpResponse:
    checkins = CheckIn.objects.filter(participant=request.membership).order_by("-day")  # type: ignore[attr-defined]
    page = Paginator(checkins, 30).get_page(request.GET.get("page"))
    return render(request, "checkins/history.html", {"page": page})
