from django.urls import include, path

from alongside.accounts import views as accounts
from alongside.accounts import views_my_data as my_data
from alongside.api import views as api_views
from alongside.api.api import api
from alongside.core import views as core
from alongside.safety import views as safety

urlpatterns = [
    path("", accounts.home, name="home"),
    path("healthz", core.healthz, name="healthz"),
    path("help/", safety.crisis_help, name="crisis_help"),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("me/preferences/", accounts.preferences, name="preferences"),
    path("me/security/", api_views.account_security, name="account_security"),
    path("me/security/tokens/<int:token_id>/revoke/", api_views.api_token_revoke, name="api_token_revoke"),
    path("me/security/sessions/end/", api_views.sessions_end_others, name="sessions_end_others"),
    path("me/data/", my_data.my_data, name="my_data"),
    path("me/data/download.json", my_data.my_data_download, name="my_data_download"),
    path("me/data/summary/", my_data.my_data_summary, name="my_data_summary"),
    path("me/data/delete/", my_data.deletion_request, name="deletion_request"),
    path("me/data/delete/cancel/", my_data.deletion_cancel, name="deletion_cancel"),
    path("organizations/join/", accounts.join_organization, name="join_organization"),
    path("organizations/switch/", accounts.switch_organization, name="switch_organization"),
    path("invitations/<str:token>/", accounts.invitation_accept, name="invitation_accept"),
    path("admin/settings/", accounts.organization_settings, name="organization_settings"),
    path("admin/people/", accounts.staff_list, name="staff_list"),
    path("admin/people/<int:membership_id>/", accounts.membership_edit, name="membership_edit"),
    path("admin/invitations/", accounts.invitation_list, name="invitation_list"),
    path(
        "admin/invitations/<int:invitation_id>/revoke/", accounts.invitation_revoke, name="invitation_revoke"
    ),
    path("admin/programmes/", accounts.programme_list, name="programme_list"),
    path("audit/", core.audit_log, name="audit_log"),
    path("notifications/", core.notification_list, name="notification_list"),
    path("notifications/read/", core.notifications_mark_read, name="notifications_mark_read"),
    path("notifications/push/subscribe/", core.push_subscribe, name="push_subscribe"),
    path("notifications/push/unsubscribe/", core.push_unsubscribe, name="push_unsubscribe"),
    path("sw.js", core.service_worker, name="service_worker"),
    path("checkins/", include("alongside.checkins.urls")),
    path("participants/", include("alongside.participants.urls")),
    path("plan/", include("alongside.plans.urls")),
    path("matching/", include("alongside.matching.urls")),
    path("groups/", include("alongside.groups.urls")),
    path("crisis/", include("alongside.safety.escalation.urls")),
    path("conversations/", include("alongside.conversations.urls")),
    path("safety/", include("alongside.safety.urls")),
    path("api/v1/", api.urls),
]

handler403 = "alongside.core.errors.forbidden"
handler404 = "alongside.core.errors.not_found"
handler500 = "alongside.core.errors.server_error"
