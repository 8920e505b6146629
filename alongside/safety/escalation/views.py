"""Crisis pages: the participant's help screen after urgent words, the responders' alert and
incident timeline, the on-call rota, escalation settings and the debrief."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.audit import audit_record, audit_record_many
from alongside.core.roles import Role
from alongside.core.timezones import zone_label, zone_of
from alongside.safety.escalation import selectors, services
from alongside.safety.escalation.forms import (
    CloseForm,
    DebriefForm,
    EscalationSettingsForm,
    RecordForm,
    ShiftForm,
)
from alongside.safety.escalation.models import Alert, EscalationSettings, IncidentEvent, OnCallShift
from alongside.safety.selectors import crisis_help_for

responders = roles_required(Role.PEER, Role.SUPERVISOR, Role.ADMIN)
oversight = roles_required(Role.SUPERVISOR, Role.ADMIN)


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _problem(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# The participant ---------------------------------------------------------------------------------


@roles_required(Role.PARTICIPANT)
def crisis_now(request: HttpRequest, incident_id: int) -> HttpResponse:
    """The calm screen shown right after urgent words: what they wrote is saved, the crisis
    lines for their organization, their safety plan, and people to talk to now."""
    me = _me(request)
    incident = selectors.own_incident(me, incident_id)
    peer = selectors.peer_of(me)
    on_call = selectors.on_call_at(timezone.now())
    return render(
        request,
        "escalation/crisis_now.html",
        {
            "incident": incident,
            "crisis": crisis_help_for(me.organization),
            "peer": peer,
            "on_call": on_call[0].member if on_call else None,
            "safe_reported": incident.participant_safe_at is not None,
        },
    )


@roles_required(Role.PARTICIPANT)
@require_POST
def crisis_safe(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.own_incident(me, incident_id)
    services.participant_reports_safe(incident=incident, participant=me)
    messages.success(request, _("Thank you for telling us. We are still here if anything changes."))
    return redirect("crisis_now", incident_id=incident.pk)


@roles_required(Role.PARTICIPANT)
@require_POST
def crisis_talk(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.own_incident(me, incident_id)
    try:
        people = services.participant_asks_to_talk(
            incident=incident, participant=me, whom=request.POST.get("whom", "")
        )
    except ValidationError as exc:
        _problem(request, exc)
    else:
        names = ", ".join(p.user.shown_name for p in people)
        messages.success(request, _("We let %(names)s know you want to talk now.") % {"names": names})
    return redirect("crisis_now", incident_id=incident.pk)


# Responders --------------------------------------------------------------------------------------


@responders
def incident_list(request: HttpRequest) -> HttpResponse:
    """Open incidents first (urgent before concern), then the last 30 days."""
    me = _me(request)
    rows = list(selectors.incidents_visible_to(me)[:200])
    open_rows = [i for i in rows if i.status != "closed"]
    open_rows.sort(key=lambda i: (i.level != "urgent", i.status != "open", -i.created_at.timestamp()))
    closed = [i for i in rows if i.status == "closed"][:50]
    if rows:
        audit_record_many(
            action="incident.list",
            actor=me.user,
            organization=me.organization,
            subjects=[i.participant for i in rows],
        )
    return render(request, "escalation/incident_list.html", {"open_incidents": open_rows, "closed": closed})


@responders
def incident_detail(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    now = timezone.now()
    first_look = Alert.objects.filter(incident=incident, recipient=me, seen_at__isnull=True).update(
        seen_at=now
    )
    if first_look:
        IncidentEvent.objects.create(
            organization_id=incident.organization_id,
            incident=incident,
            kind=IncidentEvent.Kind.SEEN,
            actor=me,
            at=now,
        )
    audit_record(
        action="incident.view",
        actor=me.user,
        organization=me.organization,
        subject=incident.participant,
        obj=incident,
    )
    plan = None
    if incident.is_urgent:
        from alongside.safety.selectors import safety_plan_for_incident

        plan = safety_plan_for_incident(incident.participant, responder=me)
    events = list(incident.events.select_related("actor__user"))
    names = {
        m.pk: m.user.shown_name
        for m in Membership.objects.filter(pk__in={pk for e in events for pk in e.recipients}).select_related(
            "user"
        )
    }
    timeline = [(e, [names.get(pk, "?") for pk in e.recipients]) for e in events]
    return render(
        request,
        "escalation/incident_detail.html",
        {
            "incident": incident,
            "timeline": timeline,
            "plan": plan,
            "record_form": RecordForm(),
            "close_form": CloseForm(),
            "peer": selectors.peer_of(incident.participant),
        },
    )


@responders
@require_POST
def incident_acknowledge(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    try:
        services.incident_acknowledge(incident=incident, actor=me)
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(request, _("You are responding. Everyone alerted has been told."))
    return redirect("incident_detail", incident_id=incident.pk)


@responders
@require_POST
def incident_record(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    form = RecordForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("incident_detail", incident_id=incident.pk)
    try:
        services.incident_record(
            incident=incident,
            actor=me,
            kind=form.cleaned_data["kind"],
            detail=form.cleaned_data["detail"],
            follow_up_on=form.cleaned_data["follow_up_on"],
        )
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(request, _("Added to the timeline."))
    return redirect("incident_detail", incident_id=incident.pk)


@responders
@require_POST
def incident_close(request: HttpRequest, incident_id: int) -> HttpResponse:
    me = _me(request)
    incident = selectors.incident_for(me, incident_id)
    form = CloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how it ended."))
        return redirect("incident_detail", incident_id=incident.pk)
    try:
        services.incident_close(
            incident=incident, actor=me, outcome=form.cleaned_data["outcome"], note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        _problem(request, exc)
    else:
        messages.success(request, _("The incident is closed. Its timeline is kept."))
    return redirect("incident_detail", incident_id=incident.pk)


# On call ----------------------------------------------------------------------------------------


@responders
@require_http_methods(["GET", "POST"])
def on_call(request: HttpRequest) -> HttpResponse:
    """Who is on call now and in the next two weeks; supervisors and admins add shifts."""
    me = _me(request)
    zone = zone_of(me)  # the reader's: the page shows times in it and reads typed times in it
    manages = me.role in (Role.SUPERVISOR, Role.ADMIN)
    form = ShiftForm(request.POST or None, zone=zone) if manages else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            starts_at, ends_at = form.window()
            try:
                services.shift_create(
                    actor=me,
                    member=form.cleaned_data["member"],
                    starts_at=starts_at,
                    ends_at=ends_at,
                    tier=form.cleaned_data["tier"],
                    repeat_weeks=form.cleaned_data["repeat_weeks"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Added to the rota."))
                return redirect("on_call")
    now = timezone.now()
    return render(
        request,
        "escalation/on_call.html",
        {
            "now_on_call": selectors.on_call_at(now),
            "upcoming": selectors.upcoming_shifts(),
            "form": form,
            "manages": manages,
            "zone_label": zone_label(zone),
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@oversight
@require_POST
def on_call_remove(request: HttpRequest, shift_id: int) -> HttpResponse:
    me = _me(request)
    shift = OnCallShift.objects.filter(pk=shift_id).first()
    if shift is None:
        raise Http404
    services.shift_delete(actor=me, shift=shift)
    messages.success(request, _("Removed from the rota."))
    return redirect("on_call")


@roles_required(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def escalation_settings(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    row = EscalationSettings.objects.filter(organization=me.organization).first()
    initial = {"acknowledge_within_minutes": row.acknowledge_within_minutes if row else 5}
    form = EscalationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.escalation_settings_save(
            actor=me, acknowledge_within_minutes=form.cleaned_data["acknowledge_within_minutes"]
        )
        messages.success(request, _("Saved."))
        return redirect("escalation_settings")
    return render(
        request,
        "escalation/settings.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@responders
@require_http_methods(["GET", "POST"])
def debrief(request: HttpRequest, debrief_id: int) -> HttpResponse:
    me = _me(request)
    found = selectors.debrief_for(me, debrief_id)
    mine = found.member_id == me.pk
    form = DebriefForm(request.POST or None, instance=found) if mine else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                services.debrief_complete(
                    debrief=found,
                    member=me,
                    reflection=form.cleaned_data["reflection"],
                    support_wanted=form.cleaned_data["support_wanted"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Thank you. Looking after yourself is part of the work."))
                return redirect("home")
    else:
        audit_record(
            action="debrief.view",
            actor=me.user,
            organization=me.organization,
            subject=found.incident.participant,
            obj=found,
        )
    return render(
        request,
        "escalation/debrief.html",
        {"debrief": found, "form": form, "mine": mine},
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )
