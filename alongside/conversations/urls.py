from django.urls import path

from alongside.conversations import views

urlpatterns = [
    path("", views.conversation_list, name="conversation_list"),
    path("low-data/", views.low_data_toggle, name="conversation_low_data"),
    path("reports/", views.conversation_reports, name="conversation_reports"),
    path("reports/<int:report_id>/resolve/", views.report_resolve, name="conversation_report_resolve"),
    path("notes/<int:note_id>/", views.session_note_detail, name="session_note_detail"),
    path("notes/<int:note_id>/follow-up-done/", views.follow_up_done, name="session_note_follow_up_done"),
    path("<int:conversation_id>/", views.conversation_detail, name="conversation_detail"),
    path("<int:conversation_id>/send/", views.conversation_send, name="conversation_send"),
    path("<int:conversation_id>/messages/", views.conversation_poll, name="conversation_poll"),
    path("<int:conversation_id>/pause/", views.conversation_pause, name="conversation_pause"),
    path("<int:conversation_id>/break-glass/", views.break_glass, name="conversation_break_glass"),
    path("<int:conversation_id>/read/", views.conversation_read, name="conversation_read"),
    path("<int:conversation_id>/notes/new/", views.session_note_new, name="session_note_new"),
    path(
        "<int:conversation_id>/messages/<int:message_id>/report/",
        views.message_report,
        name="conversation_message_report",
    ),
]
