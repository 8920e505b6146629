from django.urls import path

from alongside.checkins import views

urlpatterns = [
    path("today/", views.checkin_today, name="checkin_today"),
    path("", views.checkin_history, name="checkin_history"),
    path("calendar/", views.checkin_calendar, name="checkin_calendar"),
    path("trends/", views.checkin_trends, name="checkin_trends"),
    path("reminders/", views.checkin_reminders, name="checkin_reminders"),
    path("recovery/", views.recovery_overview, name="recovery_overview"),
    path("recovery/start/", views.recovery_start, name="recovery_start"),
    path("recovery/setback/", views.recovery_setback, name="recovery_setback"),
    path("recovery/sharing/", views.recovery_sharing, name="recovery_sharing"),
]
