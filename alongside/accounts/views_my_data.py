"""My data: see, download and delete everything Alongside holds about me."""

from __future__ import annotations

import json
from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from alongside.accounts.models import Membership, User
from alongside.accounts.my_data import (
    can_request_deletion,
    deletion_request_cancel,
    deletion_request_create,
    pending_deletion,
    personal_data_collect,
)
from alongside.core.access import signed_in
from alongside.core.audit import audit_record


def audited_personal_data(request: HttpRequest, how: str) -> dict:
    """The person's own data, with one audit event per membership saying how it left."""
    user = cast(User, request.user)
    with scopes_disabled():
        for membership in Membership.objects.filter(user=user).select_related("organization"):
            audit_record(
                action="personal_data.export",
                actor=user,
                organization=membership.organization,
                subject=membership,
                reason=how,
            )
    return personal_data_collect(user)


@signed_in
def my_data(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    return render(
        request,
        "accounts/my_data.html",
        {"pending": pending_deletion(user), "can_delete": can_request_deletion(user)},
    )


@signed_in
def my_data_download(request: HttpRequest) -> HttpResponse:
    data = audited_personal_data(request, "json")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()  # the reader's own date
    response["Content-Disposition"] = f'attachment; filename="alongside-my-data-{stamp}.json"'
    return response


@signed_in
def my_data_summary(request: HttpRequest) -> HttpResponse:
    """A readable page of the same data, to read on screen or print to PDF."""
    return render(
        request, "accounts/my_data_summary.html", {"data": audited_personal_data(request, "summary")}
    )


@signed_in
@require_POST
def deletion_request(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if request.POST.get("confirm") != "yes":
        messages.error(
            request, _("Tick the box to confirm you want your account deleted. Nothing was changed.")
        )
        return redirect("my_data")
    try:
        deletion = deletion_request_create(user=user, password=request.POST.get("password", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("my_data")
    if deletion.erase_after <= timezone.now():
        logout(request)
        messages.success(request, _("Your account has been deleted. Take care of yourself."))
        return redirect("account_login")
    messages.success(
        request,
        _("We will delete your account on %(date)s. You can change your mind until then.")
        % {"date": formats.date_format(timezone.localtime(deletion.erase_after), "DATE_FORMAT")},
    )
    return redirect("my_data")


@signed_in
@require_POST
def deletion_cancel(request: HttpRequest) -> HttpResponse:
    try:
        deletion_request_cancel(user=cast(User, request.user))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your account will not be deleted."))
    return redirect("my_data")
