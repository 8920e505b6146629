from django.urls import path

from alongside.plans import views

urlpatterns = [
    # The participant's own plan.
    path("", views.plan_home, name="plan_home"),
    path("goals/new/", views.plan_goal_create, name="plan_goal_create"),
    path("goals/<int:goal_id>/edit/", views.plan_goal_edit, name="plan_goal_edit"),
    path("goals/<int:goal_id>/progress/", views.plan_goal_progress, name="plan_goal_progress"),
    path("goals/<int:goal_id>/decide/", views.plan_goal_decide, name="plan_goal_decide"),
    path("goals/<int:goal_id>/steps/", views.plan_step_create, name="plan_step_create"),
    path("steps/<int:step_id>/edit/", views.plan_step_edit, name="plan_step_edit"),
    path("steps/<int:step_id>/progress/", views.plan_step_progress, name="plan_step_progress"),
    path("steps/<int:step_id>/decide/", views.plan_step_decide, name="plan_step_decide"),
    path("review/", views.plan_review, name="plan_review"),
    path("sharing/", views.plan_sharing, name="plan_sharing"),
    path("wellness/", views.plan_wellness, name="plan_wellness"),
    path("wellness/add/", views.plan_wellness_add, name="plan_wellness_add"),
    path("wellness/<int:entry_id>/edit/", views.plan_wellness_edit, name="plan_wellness_edit"),
    path("wellness/<int:entry_id>/remove/", views.plan_wellness_remove, name="plan_wellness_remove"),
    path("work/", views.plan_work, name="plan_work"),
    path("work/applications/", views.plan_application_add, name="plan_application_add"),
    path(
        "work/applications/<int:application_id>/", views.plan_application_edit, name="plan_application_edit"
    ),
    path("work/checklist/", views.plan_checklist_add, name="plan_checklist_add"),
    path("work/checklist/usual/", views.plan_checklist_usual, name="plan_checklist_usual"),
    path("work/checklist/<int:item_id>/", views.plan_checklist_status, name="plan_checklist_status"),
    path("work/checklist/<int:item_id>/remove/", views.plan_checklist_remove, name="plan_checklist_remove"),
    # A participant's plan as their peer supporter (or, read-only, a supervisor or admin) sees it.
    path("participants/<int:participant_id>/", views.plan_participant, name="plan_participant"),
    path("participants/<int:participant_id>/notes/", views.plan_peer_note, name="plan_peer_note"),
    path(
        "participants/<int:participant_id>/goals/suggest/", views.plan_goal_suggest, name="plan_goal_suggest"
    ),
    path(
        "participants/<int:participant_id>/goals/<int:goal_id>/steps/suggest/",
        views.plan_step_suggest,
        name="plan_step_suggest",
    ),
    path("participants/<int:participant_id>/review/", views.plan_review_peer, name="plan_review_peer"),
]
