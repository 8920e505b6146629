"""The group room page: live over WebSocket (static/alongside/js/chat.js), and without it by
plain posts and htmx polling, like conversations."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alongside.accounts.models import Membership
from alongside.core.access import roles_required
from alongside.core.roles import Role
from alongside.groups import rooms
from alongside.groups.models import GroupMember
from alongside.groups.schedules import when_text

# Members and facilitators (peer supporters or supervisors); who of them may come in depends on
# the group and the time, checked by rooms.room_access.
room_people = roles_required(Role.PARTICIPANT, Role.PEER, Role.SUPERVISOR)
facilitators = roles_required(Role.PEER, Role.SUPERVISOR)


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _access(request: HttpRequest, group_id: int) -> rooms.RoomAccess:
    try:
        return rooms.room_access(_me(request), group_id)
    except PermissionDenied as exc:
        raise Http404 from exc


def _after(request: HttpRequest) -> int:
    try:
        return max(0, int(request.GET.get("after") or request.POST.get("after") or 0))
    except ValueError:
        return 0


@room_people
def room(request: HttpRequest, group_id: int) -> HttpResponse:
    access = _access(request, group_id)
    items = rooms.messages_of(access) if access.may_enter else []
    members = []
    if access.facilitator:
        members = list(
            GroupMember.objects.filter(group=access.group, status=GroupMember.Status.ACTIVE).select_related(
                "member__user"
            )
        )
    return render(
        request,
        "groups/room.html",
        {
            "access": access,
            "group": access.group,
            "items": items,
            "last_seq": items[-1].pk if items else 0,
            "client_id": uuid.uuid4().hex,
            "me": _me(request),
            "members": members,
            "next_when": (
                when_text(access.next_meeting.start, access.next_meeting.end, timezone.get_current_timezone())
                if access.next_meeting is not None
                else ""
            ),
        },
    )


@room_people
@require_POST
def room_send(request: HttpRequest, group_id: int) -> HttpResponse:
    me = _me(request)
    _access(request, group_id)
    error = ""
    try:
        rooms.room_post(
            viewer=me,
            group_id=group_id,
            client_id=request.POST.get("client_id", ""),
            body=request.POST.get("body", ""),
            locale=me.preferred_language,
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:  # type: ignore[attr-defined]
        return _fragment(request, group_id, error=error, fresh_form=not error)
    if error:
        messages.error(request, error)
    return redirect("groups_room", group_id=group_id)


def _fragment(
    request: HttpRequest, group_id: int, *, error: str = "", fresh_form: bool = False
) -> HttpResponse:
    access = _access(request, group_id)
    items = rooms.messages_of(access, after=_after(request)) if access.may_enter else []
    return render(
        request,
        "groups/_room_messages.html",
        {
            "items": items,
            "me": _me(request),
            "last_seq": items[-1].pk if items else _after(request),
            "error": error,
            "fresh_form": fresh_form,
            "client_id": uuid.uuid4().hex,
            "access": access,
            "group": access.group,
        },
    )


@room_people
def room_poll(request: HttpRequest, group_id: int) -> HttpResponse:
    return _fragment(request, group_id)


@facilitators
@require_POST
def room_moderate(request: HttpRequest, group_id: int) -> HttpResponse:
    """Facilitators: delete a message, mute or unmute, or remove someone from the group."""
    me = _me(request)
    action = request.POST.get("action", "")
    try:
        target = int(request.POST.get("target", ""))
    except ValueError:
        target = 0
    try:
        if action == "delete":
            rooms.room_delete(viewer=me, group_id=group_id, message_id=target)
            messages.success(request, _("The message was removed."))
        elif action in ("mute", "unmute"):
            rooms.room_mute(
                viewer=me, group_id=group_id, member_id=target, minutes=30 if action == "mute" else 0
            )
            messages.success(request, _("Muted for 30 minutes.") if action == "mute" else _("Unmuted."))
        elif action == "remove":
            rooms.room_remove(viewer=me, group_id=group_id, member_id=target)
            messages.success(request, _("They were removed from the group."))
        else:
            messages.error(request, _("Choose what to do."))
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    return redirect("groups_room", group_id=group_id)


@room_people
@require_POST
def room_name(request: HttpRequest, group_id: int) -> HttpResponse:
    me = _me(request)
    try:
        rooms.room_name_set(viewer=me, group_id=group_id, name=request.POST.get("room_name", ""))
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Saved. Others in the room see this name."))
    return redirect("groups_room", group_id=group_id)
