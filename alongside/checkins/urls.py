from django.urls import path

from alongside.checkins import views

urlpatterns = [
    path("today/", views.checkin_today, name="checkin_today"),
    path("", views.checkin_history, name="checkin_history"),
]
