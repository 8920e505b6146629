"""Finding, starting, joining and managing groups."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.roles import OVERSIGHT_ROLES
from alongside.groups import selectors, services
from alongside.groups.forms import FinderForm, GroupForm, InviteForm, JoinForm
from alongside.groups.models import GroupFormat, GroupInvitation, GroupMember
from alongside.groups.views.common import (
    add_errors,
    browsers,
    joiners,
    managers,
    membership_of,
    oversight,
    tell_problems,
)
from alongside.participants.models import ExperienceArea


def _filters(request: HttpRequest) -> selectors.FinderFilters:
    """The finder's filters from the query string; a value that is not an option is ignored."""
    get = request.GET

    def one_of(name: str, allowed: Any) -> str:
        value = get.get(name, "")
        return value if value in allowed else ""

    return selectors.FinderFilters(
        topic=get.get("topic", "")[:50],
        format=one_of("format", GroupFormat.values),
        language=get.get("language", "")[:8],
        day=one_of("day", selectors.WEEKDAY_KEYS),
        time=one_of("time", selectors.DAY_PART_HOURS),
    )


@browsers
def finder(request: HttpRequest) -> HttpResponse:
    """The meeting finder: the viewer's own groups, then open groups by topic, format,
    language, day and time of day, each with its next meeting in the viewer's time zone."""
    me = membership_of(request)
    page = selectors.finder_page(viewer=me, filters=_filters(request))
    form = FinderForm(
        request.GET or None,
        topics=list(ExperienceArea.objects.filter(is_active=True)),
        languages=page.languages,
    )
    return render(
        request,
        "groups/finder.html",
        {"page": page, "form": form, "may_start": me.role in OVERSIGHT_ROLES},
    )


def _group_values(form: GroupForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "description": data["description"],
        "facilitator_ids": [person.pk for person in data["facilitators"]],
        "topic_ids": [topic.pk for topic in data["topics"]],
        "format": data["format"],
        "address": data["address"],
        "joining_details": data["joining_details"],
        "language": data["language"],
        "capacity": data["capacity"],
        "access": data["access"],
        "guidelines": data["guidelines"],
        "timezone_name": data["timezone"],
    }


def _form_page(request: HttpRequest, form: GroupForm, title: str, submit: str, back: str) -> HttpResponse:
    failed = request.method == "POST"
    return render(
        request,
        "groups/group_form.html",
        {"form": form, "title": title, "submit": submit, "back": back, "failed": failed},
        status=400 if failed else 200,
    )


@oversight
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest) -> HttpResponse:
    me = membership_of(request)
    form = GroupForm(
        request.POST if request.method == "POST" else None,
        initial={
            "capacity": 12,
            "language": me.organization.default_language,
            "access": "open",
            "format": GroupFormat.ONLINE,
            "timezone": me.organization.timezone,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_create(actor=me, **_group_values(form))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The group is ready. Add its meeting schedule next."))
            return redirect("groups_manage", group_id=group.pk)
    return _form_page(request, form, _("Start a group"), _("Start the group"), reverse("groups_finder"))


@oversight
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, group_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    initial = {
        "name": group.name,
        "description": group.description,
        "topics": list(group.topics.all()),
        "facilitators": list(group.facilitators.all()),
        "format": group.format,
        "address": group.address,
        "joining_details": group.joining_details,
        "language": group.language,
        "capacity": group.capacity,
        "access": group.access,
        "guidelines": group.guidelines,
        "timezone": group.timezone,
        "is_active": group.is_active,
    }
    form = GroupForm(request.POST if request.method == "POST" else None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(
                actor=me, group=group, is_active=form.cleaned_data["is_active"], **_group_values(form)
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The group is updated."))
            return redirect("groups_detail", group_id=group.pk)
    return _form_page(
        request,
        form,
        _("Change %(group)s") % {"group": group.name},
        _("Save the group"),
        reverse("groups_detail", kwargs={"group_id": group.pk}),
    )


@browsers
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    """A group: what it is about, when it meets, its guidelines, and the coming meetings with
    the viewer's answers."""
    me = membership_of(request)
    group = selectors.group_for(viewer=me, group_id=group_id)
    return render(request, "groups/group.html", {"page": selectors.group_page(viewer=me, group=group)})


@joiners
@require_http_methods(["GET", "POST"])
def group_join(request: HttpRequest, group_id: int) -> HttpResponse:
    """Read the guidelines and accept them to join (or to accept a new version of them)."""
    me = membership_of(request)
    group = selectors.group_for(viewer=me, group_id=group_id)
    page = selectors.group_page(viewer=me, group=group)
    if not (page.may_join or page.must_accept_guidelines):
        if page.is_member:
            messages.info(request, _("You are already a member of this group."))
        else:
            messages.error(request, _("You can't join this group."))
        return redirect("groups_detail", group_id=group.pk)
    form = JoinForm(
        request.POST if request.method == "POST" else None, initial={"version": group.guidelines_version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.group_join(member=me, group=group, accepted_version=form.cleaned_data["version"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if page.must_accept_guidelines:
                messages.success(request, _("Thank you for accepting the new guidelines."))
            else:
                messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
            return redirect("groups_detail", group_id=group.pk)
    failed = request.method == "POST"
    return render(
        request,
        "groups/join.html",
        {"page": page, "form": form, "failed": failed},
        status=400 if failed else 200,
    )


@joiners
@require_POST
def group_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_for(viewer=me, group_id=group_id)
    try:
        services.group_leave(member=me, group=group)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(
            request, _("You left %(group)s. You're welcome back any time.") % {"group": group.name}
        )
    return redirect("groups_finder")


@joiners
@require_POST
def invitation_decline(request: HttpRequest, group_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_for(viewer=me, group_id=group_id)
    try:
        services.group_invitation_decline(member=me, group=group)
    except ValidationError as exc:
        tell_problems(request, exc)
        return redirect("groups_detail", group_id=group.pk)
    messages.success(request, _("Okay, you declined the invitation."))
    return redirect("groups_finder")


@managers
def group_manage(request: HttpRequest, group_id: int) -> HttpResponse:
    """For facilitators, supervisors and admins: members, invitations, schedules, coming and
    recent meetings. Reading who is in the group is audited."""
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    page = selectors.manage_page(viewer=me, group=group)
    invite_form = InviteForm(people=selectors.invitable_people(me, group))
    return render(
        request,
        "groups/manage.html",
        {"page": page, "invite_form": invite_form, "may_edit": me.role in OVERSIGHT_ROLES},
    )


@managers
@require_POST
def group_invite(request: HttpRequest, group_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    form = InviteForm(request.POST, people=selectors.invitable_people(me, group))
    if not form.is_valid():
        messages.error(request, _("Choose someone from the list to invite."))
        return redirect("groups_manage", group_id=group.pk)
    invitee = form.cleaned_data["invitee"]
    try:
        services.group_invite(actor=me, group=group, invitee=invitee)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("%(name)s is invited.") % {"name": invitee.user.shown_name})
    return redirect("groups_manage", group_id=group.pk)


@managers
@require_POST
def invitation_withdraw(request: HttpRequest, group_id: int, invitation_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    invitation = GroupInvitation.objects.filter(pk=invitation_id, group=group).select_related("group").first()
    if invitation is None:
        raise Http404
    try:
        services.group_invitation_withdraw(actor=me, invitation=invitation)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(request, _("The invitation is withdrawn."))
    return redirect("groups_manage", group_id=group.pk)


@managers
@require_POST
def member_remove(request: HttpRequest, group_id: int, member_id: int) -> HttpResponse:
    me = membership_of(request)
    group = selectors.group_to_manage(viewer=me, group_id=group_id)
    row = GroupMember.objects.filter(pk=member_id, group=group).select_related("member__user").first()
    if row is None:
        raise Http404
    try:
        services.group_member_remove(actor=me, group=group, row=row)
    except ValidationError as exc:
        tell_problems(request, exc)
    else:
        messages.success(
            request, _("%(name)s is no longer in the group.") % {"name": row.member.user.shown_name}
        )
    return redirect("groups_manage", group_id=group.pk)
