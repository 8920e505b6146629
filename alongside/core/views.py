from __future__ import annotations

from datetime import datetime, time

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alongside.core.access import public, roles_required, signed_in
from alongside.core.forms import AuditFilterForm
from alongside.core.health import run_checks
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import OVERSIGHT_ROLES


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(check.ok for check in checks)
    return JsonResponse(
        {
            "status": "ok" if healthy else "unhealthy",
            "checks": {check.name: {"ok": check.ok, "detail": check.detail} for check in checks},
        },
        status=200 if healthy else 503,
    )


@roles_required(*OVERSIGHT_ROLES)
def audit_log(request: HttpRequest) -> HttpResponse:
    """Supervisors and admins browse their organization's audit log. Read-only by design."""
    form = AuditFilterForm(request.GET or None, organization=request.organization)  # type: ignore[attr-defined]
    events = AuditEvent.objects.select_related("actor", "subject__user").order_by("-created_at", "-id")
    if form.is_valid():
        data = form.cleaned_data
        if data.get("action"):
            events = events.filter(action__startswith=data["action"])
        if data.get("actor"):
            events = events.filter(actor=data["actor"])
        if data.get("participant"):
            events = events.filter(subject=data["participant"])
        tz = timezone.get_current_timezone()
        if data.get("since"):
            events = events.filter(
                created_at__gte=timezone.make_aware(datetime.combine(data["since"], time.min), tz)
            )
        if data.get("until"):
            events = events.filter(
                created_at__lte=timezone.make_aware(datetime.combine(data["until"], time.max), tz)
            )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "core/audit_log.html", {"form": form, "page": page, "query": query.urlencode()})


@signed_in
def notification_list(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own notifications, newest first."""
    notifications = Notification.objects.filter(user=request.user.pk)
    page = Paginator(notifications, 30).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page})


@signed_in
@require_POST
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user.pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notification_list")
