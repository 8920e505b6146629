"""Helpers shared by the group pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.roles import Role

# Everyone who takes part in groups: browsing, and the pages of one group or meeting.
browsers = roles_required(Role.PARTICIPANT, Role.PEER, Role.SUPERVISOR, Role.ADMIN)
# Those who join groups and answer meetings.
joiners = roles_required(Role.PARTICIPANT, Role.PEER)
# Those who may facilitate or oversee (the selector then checks it is their group).
managers = roles_required(Role.PEER, Role.SUPERVISOR, Role.ADMIN)
# Those who start groups and choose facilitators.
oversight = roles_required(Role.SUPERVISOR, Role.ADMIN)


def membership_of(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def tell_problems(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def add_errors(form: forms.Form, exc: ValidationError) -> None:
    """A service's errors on the form: on their field when the form has it, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
