"""Crisis lines: each organization's own list, seeded for its country, kept by its admins, and
shown on Get help now (the static lines for anonymous visitors and organizations with none)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scope, scopes_disabled

from alongside.accounts.services import organization_create
from alongside.core.models import AuditEvent
from alongside.safety.crisis_lines import (
    CRISIS_LINES,
    EMERGENCY_NUMBERS,
    default_lines_for,
    emergency_number_for,
)
from alongside.safety.models import CrisisLine, CrisisLineKind, sms_href, tel_href
from alongside.safety.selectors import crisis_help_for, crisis_lines_for
from alongside.safety.services import (
    crisis_line_create,
    crisis_line_remove,
    crisis_line_update,
    crisis_lines_add_defaults,
)


def names(lines: list[CrisisLine]) -> list[str]:
    return [line.name for line in lines]


# The lines Alongside ships (docs/domain.md) ------------------------------------------------------


def test_the_us_lines_are_988_the_crisis_text_line_and_samhsa() -> None:
    lifeline, text_line, samhsa = CRISIS_LINES["US"]
    assert (lifeline.phone, lifeline.sms, lifeline.chat_url) == ("988", "988", "https://988lifeline.org")
    assert "1 for the Veterans" in str(lifeline.description) and "2 for Spanish" in str(lifeline.description)
    assert (text_line.sms, text_line.sms_keyword) == ("741741", "HOME")
    assert samhsa.phone == "1-800-662-4357" and "1-800-487-4889" in str(samhsa.description)


def test_canada_australia_and_the_uk_have_their_own_lines() -> None:
    assert [(line.phone, line.sms) for line in CRISIS_LINES["CA"]] == [("988", "988")]
    assert "French" in str(CRISIS_LINES["CA"][0].languages)
    assert [line.phone for line in CRISIS_LINES["AU"]] == ["13 11 14"]
    assert [line.phone for line in CRISIS_LINES["GB"]] == ["116 123"]


def test_each_country_has_its_emergency_number() -> None:
    assert EMERGENCY_NUMBERS == {"US": "911", "CA": "911", "GB": "999", "AU": "000"}
    assert emergency_number_for("au") == "000"


def test_another_country_gets_the_international_directory_not_the_us_lines() -> None:
    assert [line.chat_url for line in default_lines_for("DE")] == ["https://findahelpline.com"]
    assert emergency_number_for("DE") == "112"


def test_links_dial_digits_and_text_the_keyword() -> None:
    assert tel_href("1-800-662-4357") == "tel:18006624357"
    assert tel_href("+61 13 11 14") == "tel:+61131114"
    assert sms_href("741741", "HOME") == "sms:741741?&body=HOME"
    assert sms_href("", "HOME") == ""


# Seeding -------------------------------------------------------------------------------------------


def test_a_new_organization_starts_with_its_countrys_lines(db) -> None:
    organization = organization_create(name="Down Under Peers", slug="down-under", country="AU")
    with scope(organization=organization):
        lines = list(CrisisLine.objects.all())
    assert names(lines) == ["Lifeline"]
    assert lines[0].country == "AU" and lines[0].is_active


def test_seeded_descriptions_are_in_the_organizations_language(db) -> None:
    organization = organization_create(name="Pares", slug="pares", country="US", default_language="es")
    with scope(organization=organization):
        text_line = CrisisLine.objects.get(name="Crisis Text Line")
    assert "HOME" in text_line.description and "Text HOME" not in text_line.description


def test_seeding_a_new_organization_writes_nothing_to_its_audit_chain(db) -> None:
    organization_create(name="Quiet", slug="quiet")
    with scopes_disabled():
        assert not AuditEvent.objects.exists()


def test_adding_the_defaults_again_adds_only_the_missing_ones(harbor, morgan) -> None:
    with scope(organization=harbor):
        CrisisLine.objects.filter(name="Crisis Text Line").delete()
        assert crisis_lines_add_defaults(organization=harbor, actor=morgan.membership) == 1
        assert crisis_lines_add_defaults(organization=harbor, actor=morgan.membership) == 0
        assert sorted(names(list(CrisisLine.objects.all()))) == sorted(
            line.name for line in CRISIS_LINES["US"]
        )


# What people see -----------------------------------------------------------------------------------


def test_members_see_their_organizations_lines_in_order(harbor, morgan) -> None:
    with scope(organization=harbor):
        crisis_line_create(
            actor=morgan.membership,
            organization=harbor,
            name="Harbor warm line",
            kind=CrisisLineKind.ORGANIZATION,
            phone="617 555 0148",
            position=0,
        )
        CrisisLine.objects.filter(name="SAMHSA National Helpline").update(is_active=False)
    lines = crisis_lines_for(harbor)
    assert names(lines)[0] == "Harbor warm line"
    assert "SAMHSA National Helpline" not in names(lines)
    assert all(line.pk is not None for line in lines)


def test_an_organization_that_lists_none_shows_the_static_lines(harbor) -> None:
    with scope(organization=harbor):
        CrisisLine.objects.all().delete()
    lines = crisis_lines_for(harbor)
    assert names(lines) == [line.name for line in CRISIS_LINES["US"]]
    assert all(line.pk is None for line in lines)


def test_asking_for_another_country_shows_that_countrys_lines(harbor) -> None:
    help_now = crisis_help_for(harbor, country="gb")
    assert names(help_now.lines) == ["Samaritans"] and help_now.emergency_number == "999"


def test_anonymous_visitors_get_the_us_lines_by_default(db) -> None:
    help_now = crisis_help_for(None)
    assert help_now.emergency_number == "911"
    assert names(help_now.lines) == [line.name for line in CRISIS_LINES["US"]]


def test_reading_the_lines_takes_one_query(harbor, django_assert_num_queries) -> None:
    with django_assert_num_queries(1):
        crisis_lines_for(harbor)


# Admins keep the list ---------------------------------------------------------------------------


def test_an_admin_adds_a_line_and_it_is_audited(harbor, morgan) -> None:
    with scope(organization=harbor):
        line = crisis_line_create(
            actor=morgan.membership, organization=harbor, name=" Teen Line ", kind="youth", sms="839863"
        )
    assert line.name == "Teen Line" and line.position == 40
    with scopes_disabled():
        event = AuditEvent.objects.get(action="crisis_line.create")
    assert (event.actor_id, event.organization_id, event.reason) == (morgan.user.pk, harbor.pk, "Teen Line")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "", "phone": "988"}, "name"),
        ({"name": "Line"}, "__all__"),
        ({"name": "Line", "phone": "call us"}, "phone"),
        ({"name": "Line", "chat_url": "http://example.org"}, "chat_url"),
        ({"name": "Line", "sms_keyword": "HOME"}, "sms"),
    ],
)
def test_a_line_without_a_name_or_a_way_to_reach_it_is_refused(harbor, morgan, fields, field) -> None:
    with scope(organization=harbor), pytest.raises(ValidationError) as refused:
        crisis_line_create(actor=morgan.membership, organization=harbor, **fields)
    assert field in refused.value.message_dict


def test_an_admin_changes_and_removes_a_line(harbor, morgan) -> None:
    with scope(organization=harbor):
        line = CrisisLine.objects.get(name="Crisis Text Line")
        crisis_line_update(actor=morgan.membership, line=line, hours="Always", is_active=False)
        line.refresh_from_db()
        assert (line.hours, line.is_active) == ("Always", False)
        crisis_line_remove(actor=morgan.membership, line=line)
        assert not CrisisLine.objects.filter(name="Crisis Text Line").exists()
    with scopes_disabled():
        assert AuditEvent.objects.filter(action__in=["crisis_line.update", "crisis_line.remove"]).count() == 2


def test_an_admin_of_another_organization_cannot_change_the_list(harbor, outsider) -> None:
    with scope(organization=harbor):
        line = CrisisLine.objects.first()
        assert line is not None
        with pytest.raises(PermissionDenied):
            crisis_line_update(actor=outsider.membership, line=line, hours="never")
        with pytest.raises(PermissionDenied):
            crisis_line_remove(actor=outsider.membership, line=line)
