from __future__ import annotations

from django.core import mail

from alongside.core.models import Notification
from alongside.core.notifications import notification_send


def test_a_notification_is_stored_and_emailed_after_commit(alex, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(user=alex.user, kind="reminder", title="Time to check in", url="/", email=True)
    assert Notification.objects.get().title == "Time to check in"
    assert mail.outbox[0].to == ["alex@example.org"]
    assert "http://localhost:8000/" in mail.outbox[0].body


def test_the_notifications_page_lists_mine_and_marks_them_read(alex, jordan) -> None:
    notification_send(user=alex.user, kind="reminder", title="Yours")
    notification_send(user=jordan.user, kind="reminder", title="Not yours")
    client = alex.client()
    page = client.get("/notifications/").content.decode()
    assert "Yours" in page and "Not yours" not in page
    client.post("/notifications/read/")
    assert not Notification.objects.filter(user=alex.user, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=jordan.user, read_at__isnull=True).exists()
