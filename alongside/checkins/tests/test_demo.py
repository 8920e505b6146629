"""The check-in part of the demo seed."""

from __future__ import annotations

import random
from datetime import time

import pytest
from django_scopes import scopes_disabled

from alongside.accounts.models import User
from alongside.checkins.demo import seed_demo
from alongside.checkins.milestones import recovery_history_for
from alongside.checkins.models import CheckIn, CheckInPreference, RecoveryPeriod
from alongside.devtools.demo_data import seed_demo as seed_people


@pytest.fixture
def demo_users(db, settings) -> dict[str, User]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_people()
    return {u.username: u for u in User.objects.filter(username__in=["alex", "jordan", "pat"])}


def snapshot() -> tuple:
    with scopes_disabled():
        return (
            list(
                CheckIn.objects.order_by("pk").values_list(
                    "sleep_quality", "cravings", "used", "took_medication"
                )
            ),
            list(
                RecoveryPeriod.objects.order_by("pk").values_list("participant_id", "started_on", "ended_on")
            ),
            CheckInPreference.objects.count(),
        )


def test_the_demo_gives_alex_two_periods_with_milestones_and_a_reminder(demo_users) -> None:
    seed_demo(users=demo_users, rng=random.Random(7))
    with scopes_disabled():
        alex = demo_users["alex"].memberships.get()
        history = recovery_history_for(alex)
        preference = CheckInPreference.objects.get(participant=alex)
        assert not CheckIn.objects.filter(participant=alex, sleep_quality__isnull=True).exists()
        assert not CheckIn.objects.filter(participant=alex, cravings__isnull=True).exists()
        jordan = demo_users["jordan"].memberships.get()
        assert RecoveryPeriod.objects.filter(participant=jordan, ended_on__isnull=True).exists()
        assert not CheckIn.objects.filter(participant=jordan, cravings__isnull=False).exists()
    assert history.setbacks == 1 and len(history.past) == 1
    assert history.counter is not None and 115 <= history.counter.days <= 125
    assert [m.key for m in history.counter.reached][-1] == "day-90"
    assert preference.reminders_on and preference.remind_at == time(20, 0)


def test_seeding_the_demo_twice_changes_nothing(demo_users) -> None:
    seed_demo(users=demo_users, rng=random.Random(7))
    first = snapshot()
    seed_demo(users=demo_users, rng=random.Random(99))
    assert snapshot() == first


def test_the_demo_pages_render_for_alex(demo_users) -> None:
    seed_demo(users=demo_users, rng=random.Random(7))
    from django.test import Client

    client = Client()
    client.force_login(demo_users["alex"])
    for url in ("/checkins/", "/checkins/calendar/", "/checkins/trends/?days=90", "/checkins/recovery/"):
        assert client.get(url).status_code == 200, url
    assert "Lost the warehouse job" in client.get("/checkins/recovery/").content.decode()
