"""Whose time zone a time is read in: the person's own, else their organization's, else the
server's; active for every request."""

from __future__ import annotations

import importlib
import zoneinfo
from datetime import UTC, date, datetime

from django.apps import apps
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import get_language

from alongside.accounts.models import User
from alongside.accounts.security import SecurityEvent, security_notice_send
from alongside.core.models import Notification
from alongside.core.timezones import as_reader, today_of, zone_for, zone_of

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def test_a_person_who_never_chose_a_zone_reads_in_their_organizations(alex) -> None:
    assert alex.user.timezone == ""  # new accounts no longer start on "UTC"
    assert zone_of(alex.membership) == NEW_YORK
    assert zone_for(alex.user) == NEW_YORK  # the organization is found when not given


def test_a_persons_own_zone_comes_before_their_organizations(alex) -> None:
    alex.user.timezone = "America/Los_Angeles"
    assert zone_of(alex.membership).key == "America/Los_Angeles"


@override_settings(TIME_ZONE="Europe/Madrid")
def test_someone_with_no_membership_and_no_zone_reads_in_the_servers(db) -> None:
    loner = User.objects.create_user(username="loner", password="a-long-test-password")
    assert loner.timezone == ""
    assert zone_for(loner).key == "Europe/Madrid"


def test_every_page_is_rendered_in_the_readers_zone(alex, outsider) -> None:
    assert alex.client().get("/api/v1/me").json()["timezone"] == "America/New_York"
    assert outsider.client().get("/api/v1/me").json()["timezone"] == "Europe/London"


def test_text_for_someone_else_is_composed_in_their_zone_and_language(alex) -> None:
    alex.user.language = "es"
    with timezone.override(zoneinfo.ZoneInfo("Europe/London")), as_reader(alex.membership):
        assert timezone.get_current_timezone() == NEW_YORK
        assert get_language() == "es"
    assert timezone.get_current_timezone_name() != "America/New_York"


def test_today_is_the_persons_own_date(alex) -> None:
    assert today_of(alex.membership, datetime(2026, 11, 2, 3, 0, tzinfo=UTC)) == date(2026, 11, 1)


def test_the_old_utc_default_becomes_not_chosen_and_other_zones_are_kept(alex, pat) -> None:
    migration = importlib.import_module(
        "alongside.accounts.migrations.0004_user_timezone_blank_follows_organization"
    )
    User.objects.filter(pk=alex.user.pk).update(timezone="UTC")
    User.objects.filter(pk=pat.user.pk).update(timezone="America/Chicago")
    migration.unset_the_old_default(apps, None)
    assert User.objects.get(pk=alex.user.pk).timezone == ""
    assert User.objects.get(pk=pat.user.pk).timezone == "America/Chicago"


def test_a_security_notice_says_when_in_the_organizations_zone_for_someone_without_one(alex) -> None:
    security_notice_send(user=alex.user, event=SecurityEvent.PASSWORD_CHANGED)
    body = Notification.objects.get(user=alex.user).body
    assert "(EST)" in body or "(EDT)" in body  # New York's, not the server's UTC
