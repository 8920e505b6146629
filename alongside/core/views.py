from __future__ import annotations

import hashlib
import json
from datetime import datetime, time
from typing import cast

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alongside.accounts.models import User
from alongside.core.access import public, roles_required, signed_in
from alongside.core.forms import AuditFilterForm
from alongside.core.health import run_checks
from alongside.core.models import AuditEvent, Notification, PushSubscription
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
    from alongside.core import webpush

    push_key = webpush.application_server_key() if webpush.enabled() else ""
    return render(request, "core/notifications.html", {"page": page, "push_key": push_key})


@signed_in
@require_POST
def notifications_mark_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user.pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notification_list")


# What the service worker keeps for offline use: the participant's own safety plan and the Get
# help now page, and the files those pages need. Named by URL, so core does not import safety.
OFFLINE_PAGE_NAMES = ("safety_plan", "crisis_help")
OFFLINE_ASSETS = (
    "alongside/css/alongside.css",
    "alongside/css/safety.css",
    "alongside/js/alongside.js",
    "alongside/js/safety.js",
    "alongside/vendor/htmx.min.js",
    "alongside/favicon.svg",
)


@public
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker: web push notifications, and the offline copy of the safety plan and
    the Get help now page (see the template for when that copy is removed). Served from the
    site root so its scope covers every page."""
    config = {
        "pages": [reverse(name) for name in OFFLINE_PAGE_NAMES],
        "assets": [static(path) for path in OFFLINE_ASSETS],
        "help": reverse("crisis_help"),
        "signIn": reverse("account_login"),
        "signOut": reverse("account_logout"),
        "icon": static("alongside/favicon.svg"),
    }
    # A new version whenever what is kept changes (e.g. new hashed file names after a deploy).
    config["version"] = hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:12]
    response = render(request, "core/sw.js", {"config": json.dumps(config)}, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response


@signed_in
@require_POST
def push_subscribe(request: HttpRequest) -> HttpResponse:
    """Store this browser's push subscription for the signed-in person."""
    try:
        data = json.loads(request.body or b"{}")
        endpoint = str(data["endpoint"])
        keys = data["keys"]
        p256dh, auth = str(keys["p256dh"]), str(keys["auth"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": "Send the subscription as JSON with endpoint and keys."}, status=400)
    if not endpoint.startswith("https://") and not settings.TESTING:
        return JsonResponse({"detail": "A push endpoint must use https."}, status=400)
    if len(endpoint) > 1000 or len(p256dh) > 200 or len(auth) > 100:
        return JsonResponse({"detail": "That subscription is too long."}, status=400)
    PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": cast(User, request.user), "p256dh": p256dh, "auth": auth}
    )
    return JsonResponse({"status": "subscribed"}, status=201)


@signed_in
@require_POST
def push_unsubscribe(request: HttpRequest) -> HttpResponse:
    try:
        endpoint = str(json.loads(request.body or b"{}")["endpoint"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": "Send the endpoint as JSON."}, status=400)
    PushSubscription.objects.filter(user=request.user.pk, endpoint=endpoint).delete()
    return JsonResponse({"status": "unsubscribed"})
