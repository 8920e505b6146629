"""Helpers shared by the plan pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.roles import Role
from alongside.plans.models import ReadinessItem, ReadinessKind
from alongside.safety.escalation.shortcuts import crisis_redirect

participant_only = roles_required(Role.PARTICIPANT)
peer_only = roles_required(Role.PEER)


def membership_of(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def screening_locale() -> str:
    return (get_language() or "en")[:2]


def add_errors(form: forms.Form, exc: ValidationError) -> None:
    """A service's errors on the form: on their field when the form has it, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def saved(request: HttpRequest, obj: Any, message: str, to: str) -> HttpResponse:
    """Tell the person it is saved (it is, and committed). Crisis language in what they wrote
    takes them to help right away, as a check-in does."""
    if getattr(obj, "screening_level", "none") == "urgent":
        messages.warning(request, _("It's saved. You matter, and help is available right now."))
        membership = getattr(request, "membership", None)
        if membership is not None and membership.role == "participant":
            return crisis_redirect(membership)
        return redirect("crisis_help")
    messages.success(request, message)
    return redirect(to)


def form_page(
    request: HttpRequest,
    *,
    form: forms.Form,
    title: str,
    submit: str,
    back: str,
    intro: str = "",
    back_label: str = "",
) -> HttpResponse:
    """A page with one form. A POST that ends here was not saved: answer 400 and say so."""
    failed = request.method == "POST"
    return render(
        request,
        "plans/form_page.html",
        {
            "form": form,
            "title": title,
            "intro": intro,
            "submit": submit,
            "back": back,
            "back_label": back_label or _("Back to my plan"),
            "failed": failed,
        },
        status=400 if failed else 200,
    )


def goal_anchor(goal_id: int) -> str:
    return reverse("plan_home") + f"#goal-{goal_id}"


def checklist_groups(items: list[ReadinessItem]) -> list[tuple[str, list[ReadinessItem]]]:
    return [
        (_("Documents"), [item for item in items if item.kind == ReadinessKind.DOCUMENT]),
        (_("Skills"), [item for item in items if item.kind == ReadinessKind.SKILL]),
    ]
