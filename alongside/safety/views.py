"""Get help now, safety plans and the organization's crisis lines. Thin: parse the form, call a
service or selector, render or redirect.

The participant's pages work on their own plan only (anyone else's ids are 404). The peer
supporter's pages start from a participant who shares their plan with them. The private link
page is open to whoever holds the link. A write is saved and committed before anyone is told.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.models import Membership
from alongside.core.access import public, roles_required
from alongside.core.roles import Role
from alongside.matching.selectors import active_match_for
from alongside.safety import selectors
from alongside.safety.crisis_lines import COUNTRIES
from alongside.safety.forms import CrisisLineForm, DecisionForm, LinkForm, SectionForm, SuggestionForm
from alongside.safety.models import SafetyPlan, Section
from alongside.safety.services import (
    PlanChangedElsewhere,
    crisis_line_create,
    crisis_line_remove,
    crisis_line_update,
    crisis_lines_add_defaults,
    safety_plan_link_create,
    safety_plan_link_revoke,
    safety_plan_restore,
    safety_plan_share_revoke,
    safety_plan_share_with_peer,
    safety_plan_suggest,
    safety_plan_suggestion_decide,
    safety_plan_update,
)

participant_only = roles_required(Role.PARTICIPANT)
peer_only = roles_required(Role.PEER)
admin_only = roles_required(Role.ADMIN)


def _me(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def _locale() -> str:
    return (get_language() or "en")[:2]


def _add_errors(form: object, exc: ValidationError) -> None:
    """A service's errors on the form: on their field when the form has it, else at the top."""
    fields = getattr(form, "fields", {})
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in fields else None, errors)  # type: ignore[attr-defined]
    else:
        form.add_error(None, exc)  # type: ignore[attr-defined]


def _saved(request: HttpRequest, plan: SafetyPlan, message: str, to: str) -> HttpResponse:
    """Tell the participant it is saved. Crisis language in what they just wrote keeps them on
    their plan with the crisis lines in view, rather than sending them elsewhere."""
    if plan.screening_level == "urgent":
        crisis = selectors.crisis_help_for(plan.participant.organization)
        messages.warning(
            request,
            _(
                "It's saved. If you might act on these thoughts now, call %(number)s or one of the "
                "lines in step 5. You don't have to go through this alone."
            )
            % {"number": crisis.emergency_number},
        )
        return redirect(reverse("safety_plan") + "#step-professionals")
    messages.success(request, message)
    return redirect(to)


# Get help now ----------------------------------------------------------------------------------


@public
def crisis_help(request: HttpRequest) -> HttpResponse:
    """Get help now: open to everyone, signed in or not. A member sees their organization's
    lines; anyone may ask for another country's. A participant also sees their safety plan and
    their peer supporter. Saved on the phone for offline use once opened."""
    organization = getattr(request, "organization", None)
    asked = (request.GET.get("country") or "")[:2].upper()
    crisis = selectors.crisis_help_for(organization, country=asked)
    membership: Membership | None = getattr(request, "membership", None)
    match = (
        active_match_for(membership)
        if membership is not None and membership.role == Role.PARTICIPANT
        else None
    )
    return render(
        request,
        "safety/crisis_help.html",
        {
            "crisis": crisis,
            "emergency_number": crisis.emergency_number,
            "lines": crisis.lines,
            "country": crisis.country,
            "countries": COUNTRIES,
            "match": match,
            "is_participant": membership is not None and membership.role == Role.PARTICIPANT,
        },
    )


# The participant's own plan ----------------------------------------------------------------------


@participant_only
def safety_plan(request: HttpRequest) -> HttpResponse:
    """The participant's own safety plan. Saved on their phone for offline use."""
    page = selectors.own_safety_plan(_me(request))
    return render(
        request,
        "safety/plan.html",
        {"page": page},
    )


@participant_only
def safety_plan_print(request: HttpRequest) -> HttpResponse:
    page = selectors.own_safety_plan(_me(request))
    return render(request, "safety/print.html", {"page": page})


@participant_only
@require_http_methods(["GET", "POST"])
def safety_plan_section(request: HttpRequest, section: str) -> HttpResponse:
    """Write or change one part of the plan. Nothing typed is lost: if the plan changed
    elsewhere meanwhile, the form comes back with what was typed and says so."""
    me = _me(request)
    if section not in Section.values:
        raise Http404
    plan = selectors.own_plan_record(me)
    content = plan.content() if plan is not None else {}
    view = selectors.section_view(section, content)
    version = plan.version if plan is not None else 0
    form = SectionForm(request.POST or None, section=view, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            plan = safety_plan_update(
                participant=me,
                sections={section: form.entries()},
                locale=_locale(),
                expected_version=form.cleaned_data["version"],
            )
        except PlanChangedElsewhere as exc:
            data = request.POST.copy()
            data["version"] = str(exc.current_version)
            form = SectionForm(data, section=view, version=exc.current_version)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Your plan was changed in another window or device since you opened this page. "
                    "What you typed is still here: check it and save again."
                ),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            following = _next_section(section)
            if request.POST.get("then") == "next" and following is not None:
                return _saved(request, plan, _("Saved."), reverse("safety_plan_section", args=[following]))
            return _saved(
                request, plan, _("Saved in your safety plan."), reverse("safety_plan") + f"#step-{section}"
            )
    return render(
        request,
        "safety/section_edit.html",
        {"form": form, "section": view, "next_section": _next_section(section)},
        status=400 if request.method == "POST" else 200,
    )


def _next_section(section: str) -> str | None:
    order = list(Section.values)
    index = order.index(section)
    return order[index + 1] if index + 1 < len(order) else None


@participant_only
def safety_plan_history(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    return render(
        request,
        "safety/history.html",
        {"plan": selectors.own_plan_record(me), "versions": selectors.own_versions(me)},
    )


@participant_only
def safety_plan_version(request: HttpRequest, number: int) -> HttpResponse:
    version = selectors.own_version(_me(request), number)
    return render(
        request,
        "safety/version.html",
        {"version": version, "sections": selectors.section_views(version.sections())},
    )


@participant_only
@require_POST
def safety_plan_restore_version(request: HttpRequest, number: int) -> HttpResponse:
    me = _me(request)
    version = selectors.own_version(me, number)
    plan = safety_plan_restore(participant=me, version=version)
    return _saved(
        request,
        plan,
        _("Version %(number)s is back. What it replaced is kept in the history.") % {"number": number},
        reverse("safety_plan"),
    )


@participant_only
@require_POST
def safety_plan_suggestion_reply(request: HttpRequest, suggestion_id: int) -> HttpResponse:
    me = _me(request)
    suggestion = selectors.own_suggestion(me, suggestion_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to add the suggestion to your plan."))
        return redirect(reverse("safety_plan") + "#suggestions")
    try:
        safety_plan_suggestion_decide(
            participant=me, suggestion=suggestion, accept=form.accepted, locale=_locale()
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(reverse("safety_plan") + "#suggestions")
    if form.accepted:
        messages.success(request, _("Added to your safety plan."))
        return redirect(reverse("safety_plan") + f"#step-{suggestion.section}")
    messages.success(request, _("Dismissed. Your plan is unchanged."))
    return redirect(reverse("safety_plan") + "#suggestions")


# Sharing ---------------------------------------------------------------------------------------------


@participant_only
def safety_plan_sharing(request: HttpRequest) -> HttpResponse:
    page = selectors.own_sharing(_me(request))
    return render(request, "safety/sharing.html", {"page": page, "link_form": LinkForm()})


@participant_only
@require_POST
def safety_plan_share_peer(request: HttpRequest) -> HttpResponse:
    try:
        share = safety_plan_share_with_peer(participant=_me(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(name)s can now see your safety plan and suggest additions.")
            % {"name": share.person.user.shown_name},
        )
    return redirect("safety_plan_sharing")


@participant_only
@require_POST
def safety_plan_share_stop(request: HttpRequest, share_id: int) -> HttpResponse:
    me = _me(request)
    share = safety_plan_share_revoke(participant=me, share=selectors.own_share(me, share_id))
    messages.success(
        request, _("%(name)s can no longer see your safety plan.") % {"name": share.person.user.shown_name}
    )
    return redirect("safety_plan_sharing")


@participant_only
@require_POST
@never_cache
def safety_plan_link_new(request: HttpRequest) -> HttpResponse:
    """Makes a private link and shows it once: only its digest is kept."""
    me = _me(request)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            link, raw = safety_plan_link_create(
                participant=me,
                label=form.cleaned_data["label"],
                days=form.cleaned_data["days"],
                locale=_locale(),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            url = request.build_absolute_uri(reverse("safety_plan_shared_link", args=[raw]))
            response = render(request, "safety/link_created.html", {"link": link, "url": url})
            response["Referrer-Policy"] = "no-referrer"
            return response
    page = selectors.own_sharing(me)
    return render(request, "safety/sharing.html", {"page": page, "link_form": form}, status=400)


@participant_only
@require_POST
def safety_plan_link_revoke_view(request: HttpRequest, link_id: int) -> HttpResponse:
    me = _me(request)
    safety_plan_link_revoke(participant=me, link=selectors.own_link(me, link_id))
    messages.success(request, _("The link is turned off. Nobody can open it any more."))
    return redirect("safety_plan_sharing")


@public
@never_cache
def safety_plan_shared_link(request: HttpRequest, token: str) -> HttpResponse:
    """A trusted person opens the plan through the participant's private link. Every view is
    audited; an expired or turned-off link says so (410)."""
    try:
        page = selectors.safety_plan_by_link(token)
    except selectors.LinkClosed:
        response = render(request, "safety/link_closed.html", status=410)
    else:
        response = render(request, "safety/shared_link.html", {"page": page})
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


# The peer supporter's side -----------------------------------------------------------------------


@peer_only
def safety_plans_shared(request: HttpRequest) -> HttpResponse:
    return render(
        request, "safety/shared_with_me.html", {"shares": selectors.plans_shared_with(_me(request))}
    )


@peer_only
def safety_plan_participant(request: HttpRequest, participant_id: int) -> HttpResponse:
    page = selectors.safety_plan_for_peer(viewer=_me(request), participant_id=participant_id)
    return render(request, "safety/participant_plan.html", {"page": page, "form": SuggestionForm()})


@peer_only
@require_POST
def safety_plan_suggest_view(request: HttpRequest, participant_id: int) -> HttpResponse:
    me = _me(request)
    page = selectors.safety_plan_for_peer(viewer=me, participant_id=participant_id)
    form = SuggestionForm(request.POST)
    if form.is_valid():
        try:
            safety_plan_suggest(peer=me, participant=page.participant, locale=_locale(), **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                _("Suggestion sent. %(name)s decides whether to add it.")
                % {"name": page.participant.user.shown_name},
            )
            return redirect("safety_plan_participant", participant_id=participant_id)
    return render(request, "safety/participant_plan.html", {"page": page, "form": form}, status=400)


# Crisis lines (organization admins) ------------------------------------------------------------------


@admin_only
@require_http_methods(["GET", "POST"])
def crisis_line_list(request: HttpRequest) -> HttpResponse:
    """The organization's crisis lines, and a form to add one."""
    me = _me(request)
    form = CrisisLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            line = crisis_line_create(actor=me, organization=me.organization, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": line.name})
            return redirect("crisis_line_list")
    return render(
        request,
        "safety/crisis_lines_admin.html",
        {"lines": selectors.crisis_lines_admin(me.organization), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@admin_only
@require_http_methods(["GET", "POST"])
def crisis_line_edit(request: HttpRequest, line_id: int) -> HttpResponse:
    me = _me(request)
    line = selectors.crisis_line_of(me.organization, line_id)
    form = CrisisLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        try:
            crisis_line_update(
                actor=me, line=selectors.crisis_line_of(me.organization, line_id), **form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("crisis_line_list")
    return render(
        request,
        "safety/crisis_line_edit.html",
        {"form": form, "line": line},
        status=400 if request.method == "POST" else 200,
    )


@admin_only
@require_POST
def crisis_line_remove_view(request: HttpRequest, line_id: int) -> HttpResponse:
    me = _me(request)
    line = selectors.crisis_line_of(me.organization, line_id)
    name = line.name
    crisis_line_remove(actor=me, line=line)
    messages.success(request, _("%(name)s is removed.") % {"name": name})
    return redirect("crisis_line_list")


@admin_only
@require_POST
def crisis_lines_defaults(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    added = crisis_lines_add_defaults(organization=me.organization, actor=me)
    if added:
        messages.success(
            request,
            ngettext(
                "Added %(count)s line for your country.", "Added %(count)s lines for your country.", added
            )
            % {"count": added},
        )
    else:
        messages.info(request, _("Your list already has every line Alongside knows for your country."))
    return redirect("crisis_line_list")
