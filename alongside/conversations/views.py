"""Conversation pages. They work without JavaScript (plain form posts, a refresh link) and
without a WebSocket (htmx posts and polls); with both, `static/alongside/js/chat.js` sends and
receives live over `ws/conversations/<id>/`."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.conversations import selectors, services
from alongside.conversations.forms import (
    BreakGlassForm,
    CommentForm,
    ReportForm,
    ResolveForm,
    SessionNoteForm,
)
from alongside.conversations.models import Message
from alongside.core.access import roles_required
from alongside.core.audit import audit_record
from alongside.core.roles import Role

talkers = roles_required(Role.PARTICIPANT, Role.PEER)
oversight = roles_required(Role.SUPERVISOR, Role.ADMIN)
LOW_DATA = "low_data"


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _low_data(request: HttpRequest) -> bool:
    return bool(request.session.get(LOW_DATA))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@talkers
def conversation_list(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    conversations = selectors.conversations_for(me)
    if me.role == Role.PARTICIPANT and len(conversations) == 1:
        return redirect("conversation_detail", conversation_id=conversations[0].pk)
    unread = selectors.unread_by_conversation(me, conversations)
    rows = [(c, unread.get(c.pk, 0), selectors.other_person(c, me)) for c in conversations]
    return render(request, "conversations/list.html", {"rows": rows})


def _context(
    request: HttpRequest, access: selectors.Access, *, before: int | None = None
) -> dict[str, object]:
    me = _me(request)
    conversation = access.conversation
    low = _low_data(request)
    items = selectors.messages_page(
        conversation, before=before, limit=selectors.LOW_DATA_PAGE if low else selectors.PAGE
    )
    other = selectors.other_person(conversation, me) if access.me_in_it else conversation.peer
    delivered, read = selectors.receipts_of(conversation, other.pk)
    break_glass = list(conversation.break_glass.select_related("member__user")[:5]) if access.me_in_it else []
    return {
        "access": access,
        "conversation": conversation,
        "items": items,
        "older": items[0].seq if items and items[0].seq > 1 else None,
        "last_seq": conversation.last_seq,
        "other": other,
        "other_delivered": delivered,
        "other_read": read,
        "client_id": uuid.uuid4().hex,
        "low_data": low,
        "me": me,
        "break_glass": break_glass,
        "notes": selectors.notes_of(access) if access.me_in_it else [],
    }


@talkers
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _detail(request, conversation_id)


@oversight
def conversation_read(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """A supervisor's read-only view, only while their break-glass access lasts (else 404)."""
    return _detail(request, conversation_id)


def _detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    before = _int(request.GET.get("before"))
    context = _context(request, access, before=before)
    conversation = access.conversation
    if access.me_in_it and before is None:
        services.receipts_mark(conversation=conversation, member=me, read=conversation.last_seq)
    if me.pk != conversation.participant_id:
        audit_record(
            action="conversation.view",
            actor=me.user,
            organization=me.organization,
            subject=conversation.participant,
            obj=conversation,
            reason=access.mode,
        )
    return render(request, "conversations/detail.html", context)


@talkers
@require_POST
def conversation_send(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The no-WebSocket path: a plain form post (redirect back) or an htmx post (the new
    messages and a fresh message id in return). Sending the same form twice stores once."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    after = _int(request.POST.get("after")) or 0
    error = ""
    sent = None
    try:
        sent = services.message_send(
            conversation=access.conversation,
            sender=me,
            client_id=request.POST.get("client_id", ""),
            body=request.POST.get("body", ""),
            locale=me.preferred_language,
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
    except PermissionDenied:
        error = _("This conversation is read-only now.")
    if request.htmx:  # type: ignore[attr-defined]
        return _fragment(request, access, after=after, error=error, fresh_form=not error)
    if error:
        messages.error(request, error)
    elif sent is not None and sent.message.screening_level == "urgent" and me.role == Role.PARTICIPANT:
        from alongside.safety.escalation.shortcuts import crisis_redirect

        messages.warning(request, _("Your message is sent. You matter: help is available right now."))
        return crisis_redirect(me)
    return redirect(reverse("conversation_detail", args=[conversation_id]) + "#latest")


def _fragment(
    request: HttpRequest, access: selectors.Access, *, after: int, error: str = "", fresh_form: bool = False
) -> HttpResponse:
    me = _me(request)
    conversation = access.conversation
    conversation.refresh_from_db(fields=["last_seq"])
    items = selectors.messages_after(conversation, after, limit=200)
    if items and access.me_in_it:
        services.receipts_mark(conversation=conversation, member=me, read=items[-1].seq)
    other = selectors.other_person(conversation, me)
    delivered, read = selectors.receipts_of(conversation, other.pk)
    urgent = any(m.sender_id == me.pk and m.screening_level == "urgent" for m in items)
    response = render(
        request,
        "conversations/_new_messages.html",
        {
            "items": items,
            "me": me,
            "last_seq": conversation.last_seq,
            "error": error,
            "fresh_form": fresh_form,
            "client_id": uuid.uuid4().hex,
            "other_read": read,
            "other_delivered": delivered,
            "conversation": conversation,
            "access": access,
        },
    )
    if urgent and me.role == Role.PARTICIPANT:
        from alongside.safety.escalation.selectors import latest_urgent_for

        incident = latest_urgent_for(me)
        if incident is not None:
            response["HX-Redirect"] = reverse("crisis_now", args=[incident.pk])
    return response


@talkers
def conversation_poll(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """Messages after `after`, for htmx polling when there is no WebSocket."""
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    return _fragment(request, access, after=_int(request.GET.get("after")) or 0)


@roles_required(Role.PEER)
@require_POST
def conversation_pause(request: HttpRequest, conversation_id: int) -> HttpResponse:
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    pause = request.POST.get("pause") == "1"
    try:
        services.conversation_pause(conversation=access.conversation, peer=me, pause=pause)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(
        request, _("The conversation is paused.") if pause else _("The conversation is open again.")
    )
    return redirect("conversation_detail", conversation_id=conversation_id)


@talkers
@require_POST
def low_data_toggle(request: HttpRequest) -> HttpResponse:
    request.session[LOW_DATA] = not _low_data(request)
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/conversations/") else reverse("conversation_list"))


@talkers
@require_http_methods(["GET", "POST"])
def message_report(request: HttpRequest, conversation_id: int, message_id: int) -> HttpResponse:
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    message: Message = selectors.message_in(access.conversation, message_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_report(message=message, reporter=me, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. A supervisor will look at it."))
            return redirect("conversation_detail", conversation_id=conversation_id)
    return render(
        request,
        "conversations/report.html",
        {"form": form, "message": message, "conversation": access.conversation},
        status=400 if form.is_bound and form.errors else 200,
    )


@oversight
def conversation_reports(request: HttpRequest) -> HttpResponse:
    """The moderation queue. Reading a reported message is a disclosure: audited."""
    me = _me(request)
    reports = selectors.open_reports()
    for report in reports:
        audit_record(
            action="message.report_view",
            actor=me.user,
            organization=me.organization,
            subject=report.message.conversation.participant,
            obj=report,
        )
    return render(
        request,
        "conversations/reports.html",
        {"reports": reports, "form": ResolveForm(), "conversations": selectors.supervisor_conversations()},
    )


@oversight
@require_POST
def report_resolve(request: HttpRequest, report_id: int) -> HttpResponse:
    me = _me(request)
    report = selectors.report_for(report_id)
    form = ResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what you did about it."))
        return redirect("conversation_reports")
    try:
        services.report_resolve(report=report, actor=me, resolution=form.cleaned_data["resolution"])
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Resolved."))
    return redirect("conversation_reports")


@oversight
@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, conversation_id: int) -> HttpResponse:
    me = _me(request)
    conversation = selectors.break_glass_candidate(me, conversation_id)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.break_glass_open(
                conversation=conversation, supervisor=me, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc)
        else:
            return redirect("conversation_read", conversation_id=conversation.pk)
    return render(
        request,
        "conversations/break_glass.html",
        {"form": form, "conversation": conversation},
        status=400 if form.is_bound and form.errors else 200,
    )


# Session notes ------------------------------------------------------------------------------------


@roles_required(Role.PEER)
@require_http_methods(["GET", "POST"])
def session_note_new(request: HttpRequest, conversation_id: int) -> HttpResponse:
    me = _me(request)
    access = selectors.conversation_access(me, conversation_id)
    conversation = access.conversation
    from alongside.core.timezones import today_of

    form = SessionNoteForm(request.POST or None, participant=conversation.participant, today=today_of(me))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            note = services.session_note_create(
                conversation=conversation,
                author=me,
                happened_on=data["happened_on"],
                duration_minutes=data["duration_minutes"],
                contact_type=data["contact_type"],
                life_areas=data["life_areas"],
                goal_ids=[g.pk for g in data["goals"]],
                agreed=data["agreed"],
                follow_up=data["follow_up"],
                follow_up_due=data["follow_up_due"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(
                request,
                _("Saved. %(name)s can read it now.") % {"name": conversation.participant.user.shown_name},
            )
            return redirect("session_note_detail", note_id=note.pk)
    return render(
        request,
        "conversations/note_form.html",
        {"form": form, "conversation": conversation},
        status=400 if form.is_bound and form.errors else 200,
    )


@talkers
@require_http_methods(["GET", "POST"])
def session_note_detail(request: HttpRequest, note_id: int) -> HttpResponse:
    me = _me(request)
    note = selectors.note_for(me, note_id)
    is_participant = me.pk == note.conversation.participant_id
    form = (
        CommentForm(request.POST or None, initial={"comment": note.participant_comment})
        if is_participant
        else None
    )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.session_note_comment(
                    note=note,
                    participant=me,
                    comment=form.cleaned_data["comment"],
                    locale=me.preferred_language,
                )
            except ValidationError as exc:
                form.add_error("comment", exc)
            else:
                messages.success(
                    request,
                    _("Your comment is saved. %(name)s can read it.") % {"name": note.author.user.shown_name},
                )
                return redirect("session_note_detail", note_id=note.pk)
    else:
        audit_record(
            action="session_note.read",
            actor=me.user,
            organization=me.organization,
            subject=note.conversation.participant,
            obj=note,
        )
    return render(
        request,
        "conversations/note_detail.html",
        {"note": note, "form": form, "is_participant": is_participant},
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@talkers
@require_POST
def follow_up_done(request: HttpRequest, note_id: int) -> HttpResponse:
    me = _me(request)
    note = selectors.note_for(me, note_id)
    services.follow_up_done(note=note, member=me)
    messages.success(request, _("Follow-up done."))
    return redirect("session_note_detail", note_id=note.pk)
