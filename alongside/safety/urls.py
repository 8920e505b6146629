from django.urls import path

from alongside.safety import views

urlpatterns = [
    # The participant's own safety plan.
    path("plan/", views.safety_plan, name="safety_plan"),
    path("plan/print/", views.safety_plan_print, name="safety_plan_print"),
    path("plan/steps/<str:section>/", views.safety_plan_section, name="safety_plan_section"),
    path("plan/history/", views.safety_plan_history, name="safety_plan_history"),
    path("plan/history/<int:number>/", views.safety_plan_version, name="safety_plan_version"),
    path(
        "plan/history/<int:number>/restore/",
        views.safety_plan_restore_version,
        name="safety_plan_restore_version",
    ),
    path(
        "plan/suggestions/<int:suggestion_id>/",
        views.safety_plan_suggestion_reply,
        name="safety_plan_suggestion_decide",
    ),
    path("plan/sharing/", views.safety_plan_sharing, name="safety_plan_sharing"),
    path("plan/sharing/peer/", views.safety_plan_share_peer, name="safety_plan_share_peer"),
    path("plan/sharing/<int:share_id>/stop/", views.safety_plan_share_stop, name="safety_plan_share_stop"),
    path("plan/sharing/links/", views.safety_plan_link_new, name="safety_plan_link_new"),
    path(
        "plan/sharing/links/<int:link_id>/revoke/",
        views.safety_plan_link_revoke_view,
        name="safety_plan_link_revoke",
    ),
    # Whoever holds a private link the participant made.
    path("shared/<str:token>/", views.safety_plan_shared_link, name="safety_plan_shared_link"),
    # The peer supporter a participant shares their plan with.
    path("shared-with-me/", views.safety_plans_shared, name="safety_plans_shared"),
    path(
        "participants/<int:participant_id>/plan/",
        views.safety_plan_participant,
        name="safety_plan_participant",
    ),
    path(
        "participants/<int:participant_id>/plan/suggest/",
        views.safety_plan_suggest_view,
        name="safety_plan_suggest",
    ),
    # The organization's crisis lines, for its admins.
    path("crisis-lines/", views.crisis_line_list, name="crisis_line_list"),
    path("crisis-lines/defaults/", views.crisis_lines_defaults, name="crisis_lines_defaults"),
    path("crisis-lines/<int:line_id>/", views.crisis_line_edit, name="crisis_line_edit"),
    path("crisis-lines/<int:line_id>/remove/", views.crisis_line_remove_view, name="crisis_line_remove"),
]
