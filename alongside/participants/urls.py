from django.urls import path

from alongside.participants import views

urlpatterns = [
    path("", views.participant_list, name="participant_list"),
    path("<int:participant_id>/", views.participant_detail, name="participant_detail"),
]
