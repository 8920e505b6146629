from django.urls import path

from alongside.safety.escalation import views

urlpatterns = [
    # The participant, right after urgent words.
    path("help/<int:incident_id>/", views.crisis_now, name="crisis_now"),
    path("help/<int:incident_id>/safe/", views.crisis_safe, name="crisis_safe"),
    path("help/<int:incident_id>/talk/", views.crisis_talk, name="crisis_talk"),
    # Responders.
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/<int:incident_id>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:incident_id>/acknowledge/", views.incident_acknowledge, name="incident_acknowledge"),
    path("incidents/<int:incident_id>/record/", views.incident_record, name="incident_record"),
    path("incidents/<int:incident_id>/close/", views.incident_close, name="incident_close"),
    path("debriefs/<int:debrief_id>/", views.debrief, name="debrief"),
    # The rota and settings.
    path("on-call/", views.on_call, name="on_call"),
    path("on-call/<int:shift_id>/remove/", views.on_call_remove, name="on_call_remove"),
    path("settings/", views.escalation_settings, name="escalation_settings"),
]
