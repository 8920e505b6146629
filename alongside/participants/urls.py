from django.urls import path

from alongside.participants import views

urlpatterns = [
    path("", views.participant_list, name="participant_list"),
    path("<int:participant_id>/", views.participant_detail, name="participant_detail"),
    # A participant's own intake, and the same wizard filled in together with staff.
    path("intake/", views.intake, name="intake"),
    path("intake/<slug:step>/", views.intake_step, name="intake_step"),
    path("<int:participant_id>/intake/", views.intake_for, name="intake_for"),
    path("<int:participant_id>/intake/<slug:step>/", views.intake_step_for, name="intake_step_for"),
    # Walk-ins: registered in person by staff, then handed their account by an emailed link.
    path("register/", views.participant_register, name="participant_register"),
    path("<int:participant_id>/handover/", views.participant_handover_send, name="participant_handover_send"),
    path("welcome/<str:token>/", views.participant_handover_accept, name="participant_handover_accept"),
    # The organization's lived-experience taxonomy (admins).
    path("experience-areas/", views.experience_area_list, name="experience_area_list"),
    path("experience-areas/<int:area_id>/", views.experience_area_update, name="experience_area_update"),
    path("experience-areas/<int:area_id>/move/", views.experience_area_move, name="experience_area_move"),
]
