"""Writes for support groups and meetings. Keyword-only, transactional, validated, audited.

Callers resolve groups and meetings through `alongside.groups.selectors` (which answer 404
for what the viewer may not see); the services check again who may do what, so a mistake in a
caller cannot let someone manage a group they do not facilitate. Nothing here takes free text
from participants, so there is nothing to screen.
"""

from alongside.groups.services.feeds import calendar_feed_create, calendar_feed_revoke, calendar_feed_url
from alongside.groups.services.groups import (
    group_create,
    group_invitation_decline,
    group_invitation_withdraw,
    group_invite,
    group_join,
    group_leave,
    group_member_remove,
    group_update,
)
from alongside.groups.services.meetings import (
    attendance_self_record,
    attendance_take,
    occurrence_cancel,
    occurrence_move,
    rsvp_cancel,
    rsvp_set,
    series_create,
    series_stop,
)
from alongside.groups.services.reminders import meeting_reminders_send

__all__ = [
    "attendance_self_record",
    "attendance_take",
    "calendar_feed_create",
    "calendar_feed_revoke",
    "calendar_feed_url",
    "group_create",
    "group_invitation_decline",
    "group_invitation_withdraw",
    "group_invite",
    "group_join",
    "group_leave",
    "group_member_remove",
    "group_update",
    "meeting_reminders_send",
    "occurrence_cancel",
    "occurrence_move",
    "rsvp_cancel",
    "rsvp_set",
    "series_create",
    "series_stop",
]
