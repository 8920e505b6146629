from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from alongside.accounts import services
from alongside.accounts.forms import (
    INVITATION_SESSION_KEY,
    InvitationForm,
    MembershipForm,
    OrganizationSettingsForm,
    PreferencesForm,
    ProgrammeForm,
)
from alongside.accounts.home import home_for_role
from alongside.accounts.middleware import ACTIVE_ORGANIZATION_KEY
from alongside.accounts.models import Invitation, Membership, Organization, Programme, User
from alongside.accounts.selectors import open_organizations
from alongside.core.access import public, roles_required, signed_in
from alongside.core.roles import Role


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    """Everyone's start page: what their role needs today."""
    membership = request.membership  # type: ignore[attr-defined]
    if membership is None:
        return render(request, "accounts/no_organization.html", {"open_organizations": open_organizations()})
    return home_for_role(request, membership)


@signed_in
@require_POST
def join_organization(request: HttpRequest) -> HttpResponse:
    """Join an organization that has open sign-up, as a participant."""
    organization = get_object_or_404(open_organizations(), pk=request.POST.get("organization"))
    try:
        services.membership_create(organization=organization, user=request.user, role=Role.PARTICIPANT)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("home")
    request.session[ACTIVE_ORGANIZATION_KEY] = organization.pk
    messages.success(request, _("Welcome to %(org)s.") % {"org": organization.name})
    return redirect("home")


@signed_in
@require_POST
def switch_organization(request: HttpRequest) -> HttpResponse:
    """Make another of the person's own organizations the active one."""
    wanted = request.POST.get("organization", "")
    chosen = next((m for m in request.memberships if str(m.organization_id) == wanted), None)  # type: ignore[attr-defined]
    if chosen is None:
        messages.error(request, _("You are not a member of that organization."))
    else:
        request.session[ACTIVE_ORGANIZATION_KEY] = chosen.organization_id
        messages.success(request, _("You are now in %(org)s.") % {"org": chosen.organization.name})
    return redirect("home")


@public
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch language on this device, and remember it for a signed-in person."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and check_for_language(language):
        request.user.language = language  # type: ignore[union-attr]
        request.user.save(update_fields=["language"])  # type: ignore[union-attr]
    return response


@signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    organization = getattr(request, "organization", None)
    form = PreferencesForm(
        request.POST or None,
        organization_zone=organization.timezone if organization is not None else "",
        initial={
            "display_name": user.display_name,
            "timezone": user.timezone,
            "language": user.language or "en",
        },  # type: ignore[union-attr]
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_preferences(
            user=user,  # type: ignore[arg-type]
            display_name=form.cleaned_data["display_name"],
            timezone_name=form.cleaned_data["timezone"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your preferences are saved."))
        response = redirect("preferences")
        response.set_cookie("django_language", form.cleaned_data["language"], samesite="Lax")
        return response
    return render(request, "accounts/preferences.html", {"form": form})


@public
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation email. Signed in: accept it. Not signed in: sign up or log in
    first, then it is accepted."""
    try:
        invitation = services.invitation_lookup(token)
    except services.InvitationError as exc:
        return render(request, "accounts/invitation_invalid.html", {"problem": exc.messages[0]}, status=410)
    if request.method == "POST":
        if not request.user.is_authenticated:
            request.session[INVITATION_SESSION_KEY] = token
            target = "account_signup" if request.POST.get("next") == "signup" else "account_login"
            return redirect(reverse(target) + "?next=" + reverse("invitation_accept", args=[token]))
        try:
            membership = services.invitation_accept(raw_token=token, user=request.user)  # type: ignore[arg-type]
        except services.InvitationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("home")
        request.session.pop(INVITATION_SESSION_KEY, None)
        request.session[ACTIVE_ORGANIZATION_KEY] = membership.organization_id
        messages.success(request, _("Welcome to %(org)s.") % {"org": membership.organization.name})
        return redirect("home")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "token": token})


# Organization administration -------------------------------------------------------------


@roles_required(Role.ADMIN)
@require_POST
def organization_settings(request: HttpRequest) -> HttpResponse:
    organization: Organization = request.organization  # type: ignore[attr-defined]
    form = OrganizationSettingsForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.organization_update_settings(
                actor=request.user,  # type: ignore[arg-type]
                organization=organization,
                name=data["name"],
                timezone_name=data["timezone"],
                country=data["country"],
                default_language=data["default_language"],
                self_signup=data["self_signup"],
                mfa_required_roles=list(data["mfa_required_roles"]),
                deletion_grace_days=data["deletion_grace_days"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Organization settings saved."))
            return redirect("home")
    messages.error(request, _("The settings were not saved: please correct the errors below."))
    return home_for_role(request, request.membership, settings_form=form)  # type: ignore[attr-defined]


@roles_required(Role.ADMIN)
def staff_list(request: HttpRequest) -> HttpResponse:
    members = Membership.objects.select_related("user", "programme").order_by("role", "user__username")
    return render(request, "accounts/staff_list.html", {"members": members})


@roles_required(Role.ADMIN)
def membership_edit(request: HttpRequest, membership_id: int) -> HttpResponse:
    member: Membership = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id)
    form = MembershipForm(
        request.POST or None,
        initial={"role": member.role, "programme": member.programme_id, "is_active": member.is_active},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change(
                actor=request.user,  # type: ignore[arg-type]
                membership=member,
                role=form.cleaned_data["role"],
                is_active=form.cleaned_data["is_active"],
                programme=form.cleaned_data["programme"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff_list")
    return render(request, "accounts/membership_edit.html", {"member": member, "form": form})


@roles_required(Role.ADMIN)
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create(
            organization=request.organization,  # type: ignore[attr-defined]
            invited_by=request.user,  # type: ignore[arg-type]
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            programme=form.cleaned_data["programme"],
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("invitation_list")
    invitations = Invitation.objects.select_related("invited_by", "programme")[:200]
    return render(request, "accounts/invitation_list.html", {"form": form, "invitations": invitations})


@roles_required(Role.ADMIN)
@require_POST
def invitation_revoke(request: HttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    try:
        services.invitation_revoke(actor=request.user, invitation=invitation)  # type: ignore[arg-type]
    except services.InvitationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Invitation withdrawn."))
    return redirect("invitation_list")


@roles_required(Role.ADMIN)
def programme_list(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if Programme.objects.filter(name__iexact=form.cleaned_data["name"]).exists():
            form.add_error("name", _("A programme with this name already exists."))
        else:
            services.programme_create(
                organization=request.organization,  # type: ignore[attr-defined]
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
            messages.success(request, _("Programme added."))
            return redirect("programme_list")
    programmes = Programme.objects.all()
    return render(request, "accounts/programme_list.html", {"form": form, "programmes": programmes})
