"""The intake wizard: a participant's own, or filled in together with staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alongside.accounts.models import Membership, User
from alongside.core.access import roles_required
from alongside.core.roles import Role
from alongside.core.timezones import zone_of
from alongside.participants import steps
from alongside.participants.forms import (
    AboutForm,
    ConsentForm,
    ExperiencesForm,
    HopesForm,
    IntakeStepForm,
    MeetingForm,
    PeerForm,
    RecoveryForm,
    add_service_errors,
)
from alongside.participants.models import (
    DAY_PARTS,
    SPOKEN_LANGUAGES,
    WEEKDAYS,
    ParticipantProfile,
)
from alongside.participants.selectors import (
    experience_areas_for_intake,
    intake_participant_for,
    intake_status,
    intake_summary,
)
from alongside.participants.services import (
    consent_is_current,
    intake_finish,
    intake_step_save,
    intake_step_skip,
    profile_for,
)
from alongside.safety.escalation.shortcuts import crisis_redirect

STAFF_HELPERS = (Role.PEER, Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class IntakeContext:
    """Whose intake a page is about, and for whom it is shown."""

    participant: Membership
    actor: User
    for_staff: bool

    def step_url(self, step: str) -> str:
        if self.for_staff:
            return reverse("intake_step_for", args=[self.participant.pk, step])
        return reverse("intake_step", args=[step])

    def done_url(self) -> str:
        return reverse("participant_register") if self.for_staff else reverse("home")


@roles_required(Role.PARTICIPANT)
def intake(request: HttpRequest) -> HttpResponse:
    """A participant's own intake: continue where they stopped (the summary once finished)."""
    return redirect(_resume_url(_own(request)))


@roles_required(Role.PARTICIPANT)
def intake_step(request: HttpRequest, step: str) -> HttpResponse:
    return _intake_step(request, _own(request), step)


@roles_required(*STAFF_HELPERS)
def intake_for(request: HttpRequest, participant_id: int) -> HttpResponse:
    """Staff fill in intake together with a participant (a walk-in, or someone on their caseload)."""
    return redirect(_resume_url(_for_staff(request, participant_id)))


@roles_required(*STAFF_HELPERS)
def intake_step_for(request: HttpRequest, participant_id: int, step: str) -> HttpResponse:
    return _intake_step(request, _for_staff(request, participant_id), step)


def _own(request: HttpRequest) -> IntakeContext:
    return IntakeContext(participant=request.membership, actor=request.user, for_staff=False)  # type: ignore[attr-defined,arg-type]


def _for_staff(request: HttpRequest, participant_id: int) -> IntakeContext:
    participant = intake_participant_for(viewer=request.membership, participant_id=participant_id)  # type: ignore[attr-defined]
    return IntakeContext(participant=participant, actor=request.user, for_staff=True)  # type: ignore[arg-type]


def _resume_url(ctx: IntakeContext) -> str:
    status = intake_status(ctx.participant)
    if status is None or status.completed:
        return ctx.step_url(steps.SUMMARY)
    return ctx.step_url(status.resume_at)


def _step_form(
    step: str, profile: ParticipantProfile, ctx: IntakeContext, data: Any = None
) -> IntakeStepForm:
    user = ctx.participant.user
    if step == "consent":
        return ConsentForm(
            data,
            initial={"consent": consent_is_current(profile)},
            on_behalf_of=user.shown_name if ctx.for_staff else "",
        )
    if step == "about":
        languages = profile.languages or [user.language or ctx.participant.organization.default_language]
        return AboutForm(
            data,
            initial={
                "focus": profile.focus,
                "languages": languages,
                "age_band": profile.age_band,
                "gender": profile.gender,
            },
        )
    if step == "experiences":
        return ExperiencesForm(
            data,
            areas=experience_areas_for_intake(profile),
            initial={"experience_ids": list(profile.experiences.values_list("pk", flat=True))},
        )
    if step == "peer":
        return PeerForm(
            data,
            experiences=list(profile.experiences.all()),
            initial={
                "priority_experience_ids": list(profile.priority_experiences.values_list("pk", flat=True)),
                "peer_gender": profile.peer_gender,
                "peer_age_bands": profile.peer_age_bands,
            },
        )
    if step == "meeting":
        form = MeetingForm(
            data,
            initial={
                "meeting_formats": profile.meeting_formats,
                "availability": profile.availability,
                "timezone": zone_of(ctx.participant).key,
            },
        )
        if not user.timezone and not ctx.for_staff and data is None:
            # Never chosen: this device's zone is offered (without JavaScript, the organization's).
            # Not on a staff member's device, which is not the participant's; not over an answer
            # sent back with an error.
            form.fields["timezone"].widget.attrs["data-device-zone"] = "fill"
        return form
    if step == "recovery":
        return RecoveryForm(
            data,
            initial={
                "recovery_start": profile.recovery_start,
                "tracks_medication": profile.tracks_medication,
            },
        )
    return HopesForm(data, initial={"hopes": profile.hopes})


def _intake_step(request: HttpRequest, ctx: IntakeContext, step: str) -> HttpResponse:
    if step not in steps.BY_SLUG:
        raise Http404
    profile = profile_for(ctx.participant)
    finished = profile.intake_completed_at is not None
    if ctx.for_staff and finished:
        # Once intake is finished, the answers are the participant's to change: staff read them.
        if step != steps.SUMMARY:
            return redirect(ctx.step_url(steps.SUMMARY))
        return _intake_summary(request, ctx, profile)
    if step != "consent" and not consent_is_current(profile):
        return redirect(ctx.step_url("consent"))
    if step == steps.SUMMARY:
        return _intake_summary(request, ctx, profile)
    returning = finished or request.GET.get("return") == "summary" or request.POST.get("return") == "summary"
    form = _step_form(step, profile, ctx, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        action = request.POST.get("action", "next")
        try:
            if action == "skip":
                intake_step_skip(
                    participant=ctx.participant, actor=ctx.actor, step=step, to_summary=returning
                )
                return redirect(ctx.step_url(steps.SUMMARY if returning else steps.step_after(step)))
            if form.is_valid():
                move: Literal["next", "back", "summary"] = (
                    "back" if action == "back" else "summary" if returning else "next"
                )
                progress = intake_step_save(
                    participant=ctx.participant,
                    actor=ctx.actor,
                    step=step,
                    answers=form.answers(),
                    move=move,
                    locale=(get_language() or "en")[:2],
                )
                return _after_save(request, ctx, step, move, progress.needs_help_now)
        except ValidationError as exc:
            add_service_errors(form, exc)
        status = 400
    else:
        status = 200
    return render(
        request, "participants/intake/step.html", _step_context(ctx, step, form, returning), status=status
    )


def _after_save(
    request: HttpRequest, ctx: IntakeContext, step: str, move: str, needs_help: bool
) -> HttpResponse:
    target = {
        "back": steps.step_before(step),
        "summary": steps.SUMMARY,
        "next": steps.step_after(step),
    }[move]
    if needs_help and not ctx.for_staff:
        messages.warning(
            request,
            _(
                "Your answer is saved. You matter, and help is available right now. You can finish the questions any time."
            ),
        )
        return crisis_redirect(ctx.participant)
    if needs_help:
        messages.warning(
            request,
            _(
                "What %(name)s wrote suggests they may be in crisis. Please check in with them now and "
                "follow your organization's safety steps."
            )
            % {"name": ctx.participant.name},
        )
    return redirect(ctx.step_url(target))


def _step_context(ctx: IntakeContext, step: str, form: IntakeStepForm, returning: bool) -> dict[str, Any]:
    info = steps.BY_SLUG[step]
    context: dict[str, Any] = {
        "ctx": ctx,
        "participant": ctx.participant,
        "step": info,
        "step_number": steps.step_number(step),
        "step_count": steps.QUESTION_COUNT,
        "form": form,
        "returning": returning,
        "can_go_back": step != steps.FIRST and not returning,
        "can_skip": info.optional,
        "summary_url": ctx.step_url(steps.SUMMARY),
        "action_url": ctx.step_url(step),
    }
    if step == "about":
        own_names = {code: str(own) for code, _label, own in SPOKEN_LANGUAGES}
        context["language_options"] = [
            {
                "option": option,
                # The language's own name, when it differs from the name in the interface language.
                "own_name": ""
                if own_names[option.data["value"]] == str(option.choice_label)
                else own_names[option.data["value"]],
                "lang": "" if option.data["value"] == "ase" else option.data["value"],
            }
            for option in form["languages"]
        ]
    if step == "meeting":
        chosen = set(form["availability"].value() or [])
        context["day_parts"] = DAY_PARTS
        context["availability_rows"] = [
            {
                "label": day_label,
                "cells": [
                    {
                        "value": f"{day}-{part}",
                        "label": f"{day_label}, {part_label}",
                        "checked": f"{day}-{part}" in chosen,
                    }
                    for part, part_label in DAY_PARTS
                ],
            }
            for day, day_label in WEEKDAYS
        ]
    return context


def _intake_summary(request: HttpRequest, ctx: IntakeContext, profile: ParticipantProfile) -> HttpResponse:
    finished = profile.intake_completed_at is not None
    if request.method == "POST" and not finished:
        try:
            intake_finish(participant=ctx.participant, actor=ctx.actor)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            fields = exc.message_dict if hasattr(exc, "error_dict") else {}
            if "consent" in fields:
                return redirect(ctx.step_url("consent"))
            if "recovery_start" in fields:
                return redirect(ctx.step_url("recovery") + "?return=summary")
            return redirect(ctx.step_url(steps.SUMMARY))
        if ctx.for_staff:
            messages.success(
                request,
                _(
                    "Intake for %(name)s is saved and finished. A coordinator will match them with a peer supporter."
                )
                % {"name": ctx.participant.name},
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your answers are saved. A coordinator will use them to match you with a peer "
                    "supporter who shares some of your experience."
                ),
            )
        return redirect(ctx.done_url())
    return render(
        request,
        "participants/intake/summary.html",
        {
            "ctx": ctx,
            "participant": ctx.participant,
            "profile": profile,
            "sections": [
                {"section": section, "url": ctx.step_url(section.step)} for section in intake_summary(profile)
            ],
            "consent_url": ctx.step_url("consent"),
            "finished": finished,
            "editable": not (ctx.for_staff and finished),
            "consented": consent_is_current(profile),
            "step_count": steps.QUESTION_COUNT,
            "help_suggested": profile.hopes_screening_level == "urgent",
        },
    )
