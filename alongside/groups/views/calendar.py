"""A person's private calendar link: make it, replace it, revoke it, and the feed it serves."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_scopes import scope

from alongside.core.access import public
from alongside.groups import ics, selectors, services
from alongside.groups.forms import FeedForm
from alongside.groups.views.common import browsers, membership_of


@browsers
@require_http_methods(["GET", "POST"])
def calendar_link(request: HttpRequest) -> HttpResponse:
    """Shows whether the person has a calendar link; a POST makes a new one (the old one stops
    working) and shows it, once."""
    me = membership_of(request)
    form = FeedForm(request.POST if request.method == "POST" else None)
    new_url = ""
    if request.method == "POST" and form.is_valid():
        _feed, raw = services.calendar_feed_create(member=me, discreet=form.cleaned_data["discreet"])
        new_url = services.calendar_feed_url(raw)
    return render(
        request,
        "groups/calendar.html",
        {"form": form, "feed": selectors.active_calendar_feed(me), "new_url": new_url},
    )


@browsers
@require_POST
def calendar_revoke(request: HttpRequest) -> HttpResponse:
    if services.calendar_feed_revoke(member=membership_of(request)):
        messages.success(request, _("Your calendar link no longer works. Calendars using it stop updating."))
    else:
        messages.info(request, _("You have no calendar link."))
    return redirect("groups_calendar")


@public
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar feed behind a private link (calendar apps fetch it without signing in: the
    secret in the link is the permission). An unknown or revoked link is a 404."""
    found = selectors.calendar_feed_lookup(token)
    if found is None:
        raise Http404
    with scope(organization=found.member.organization):
        calendar = ics.feed_calendar(found, now=timezone.now())
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
