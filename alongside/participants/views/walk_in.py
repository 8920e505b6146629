"""Walk-in registration by staff, and the link that hands the account over."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.accounts.middleware import ACTIVE_ORGANIZATION_KEY
from alongside.core.access import public, roles_required
from alongside.participants import services
from alongside.participants.forms import (
    HandoverAcceptForm,
    HandoverSendForm,
    ParticipantRegisterForm,
    add_service_errors,
)
from alongside.participants.selectors import (
    intake_participant_for,
    walk_ins_registered_by,
)
from alongside.participants.views.intake import STAFF_HELPERS

# Walk-ins -----------------------------------------------------------------------------------


@roles_required(*STAFF_HELPERS)
def participant_register(request: HttpRequest) -> HttpResponse:
    """Register a participant in person (a walk-in), then optionally start intake with them."""
    viewer = request.membership  # type: ignore[attr-defined]
    form = ParticipantRegisterForm(
        request.POST or None, initial={"language": viewer.organization.default_language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.participant_register(
                actor=viewer,
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            name = registration.participant.name
            if registration.handover is not None:
                messages.success(
                    request,
                    _(
                        "%(name)s is registered. We emailed %(email)s a link to choose their username and password."
                    )
                    % {"name": name, "email": registration.handover.email},
                )
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is registered. When they have an email address, send them a link to log in from this page."
                    )
                    % {"name": name},
                )
            if form.cleaned_data["start_intake"]:
                return redirect("intake_for", participant_id=registration.participant.pk)
            return redirect("participant_register")
    return render(
        request,
        "participants/register.html",
        {
            "form": form,
            "walk_ins": walk_ins_registered_by(viewer),
            "send_form": HandoverSendForm(),
        },
        status=400 if form.errors else 200,
    )


@roles_required(*STAFF_HELPERS)
@require_POST
def participant_handover_send(request: HttpRequest, participant_id: int) -> HttpResponse:
    """Email a walk-in a (new) link to take over their account."""
    participant = intake_participant_for(viewer=request.membership, participant_id=participant_id)  # type: ignore[attr-defined]
    form = HandoverSendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid email address to send the link to."))
        return redirect("participant_register")
    try:
        handover, _token = services.handover_send(
            actor=request.user,  # type: ignore[arg-type]
            participant=participant,
            email=form.cleaned_data["email"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("We emailed %(email)s a link for %(name)s.")
            % {"email": handover.email, "name": participant.name},
        )
    return redirect("participant_register")


@public
def participant_handover_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: the walk-in chooses a username and password and is signed in."""
    try:
        handover = services.handover_lookup(token)
    except services.HandoverError as exc:
        return render(request, "participants/handover_invalid.html", {"problem": exc.messages[0]}, status=410)
    if request.user.is_authenticated and request.user.pk != handover.participant.user_id:
        return render(request, "participants/handover_signed_in.html", {"handover": handover})
    form = HandoverAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.handover_accept(
                raw_token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
            )
        except services.HandoverError as exc:
            return render(
                request, "participants/handover_invalid.html", {"problem": exc.messages[0]}, status=410
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error("password1" if field == "password" else field, errors)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[ACTIVE_ORGANIZATION_KEY] = handover.participant.organization_id
            messages.success(
                request,
                _("Welcome, %(name)s. Your account is yours now: log in with %(username)s from now on.")
                % {"name": user.shown_name, "username": user.username},
            )
            return redirect("intake")
    return render(
        request,
        "participants/handover_accept.html",
        {"handover": handover, "form": form},
        status=400 if form.errors else 200,
    )
