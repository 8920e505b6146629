from django.urls import path

from alongside.groups import views

MEETING = "meetings/<int:series_id>/<str:start>/"

urlpatterns = [
    # Finding and joining groups.
    path("", views.finder, name="groups_finder"),
    path("new/", views.group_create, name="groups_create"),
    path("<int:group_id>/", views.group_detail, name="groups_detail"),
    path("<int:group_id>/room/", views.room, name="groups_room"),
    path("<int:group_id>/room/send/", views.room_send, name="groups_room_send"),
    path("<int:group_id>/room/messages/", views.room_poll, name="groups_room_poll"),
    path("<int:group_id>/room/moderate/", views.room_moderate, name="groups_room_moderate"),
    path("<int:group_id>/room/name/", views.room_name, name="groups_room_name"),
    path("<int:group_id>/edit/", views.group_edit, name="groups_edit"),
    path("<int:group_id>/join/", views.group_join, name="groups_join"),
    path("<int:group_id>/leave/", views.group_leave, name="groups_leave"),
    path("<int:group_id>/invitation/decline/", views.invitation_decline, name="groups_invitation_decline"),
    # Facilitators, supervisors and admins.
    path("<int:group_id>/manage/", views.group_manage, name="groups_manage"),
    path("<int:group_id>/invitations/", views.group_invite, name="groups_invite"),
    path(
        "<int:group_id>/invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw,
        name="groups_invitation_withdraw",
    ),
    path("<int:group_id>/members/<int:member_id>/remove/", views.member_remove, name="groups_member_remove"),
    path("<int:group_id>/schedules/new/", views.series_create, name="groups_series_create"),
    path("schedules/<int:series_id>/stop/", views.series_stop, name="groups_series_stop"),
    # One meeting: an occurrence of a schedule, named by its original start (UTC).
    path(MEETING, views.occurrence, name="groups_occurrence"),
    path(MEETING + "calendar.ics", views.occurrence_ics, name="groups_occurrence_ics"),
    path(MEETING + "rsvp/", views.rsvp, name="groups_rsvp"),
    path(MEETING + "rsvp/cancel/", views.rsvp_cancel, name="groups_rsvp_cancel"),
    path(MEETING + "attended/", views.attendance_self, name="groups_attendance_self"),
    path(MEETING + "attendance/", views.attendance_take, name="groups_attendance"),
    path(MEETING + "cancel/", views.occurrence_cancel, name="groups_occurrence_cancel"),
    path(MEETING + "move/", views.occurrence_move, name="groups_occurrence_move"),
    # Each person's private calendar link.
    path("calendar/", views.calendar_link, name="groups_calendar"),
    path("calendar/revoke/", views.calendar_revoke, name="groups_calendar_revoke"),
    path("calendar/<str:token>.ics", views.feed, name="groups_feed"),
]
