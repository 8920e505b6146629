from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import (
    IntegrityError,
    InternalError,
    OperationalError,
    ProgrammingError,
    connection,
    transaction,
)
from django_scopes import scopes_disabled

from alongside.core.audit import GENESIS, audit_record, audit_record_many, audit_verify
from alongside.core.models import AuditEvent

DB_REFUSAL = (IntegrityError, InternalError, OperationalError, ProgrammingError)


def test_it_chains_each_event_to_the_one_before(alex, sam) -> None:
    first = audit_record(
        action="participant.view", actor=sam.user, organization=sam.organization, subject=alex.membership
    )
    second = audit_record(
        action="checkin.read", actor=sam.user, organization=sam.organization, subject=alex.membership
    )
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    assert (first.sequence, second.sequence) == (1, 2)
    assert audit_verify() == (2, [])


def test_it_records_who_what_whose_and_the_request(alex, sam, client) -> None:
    client.force_login(sam.user)
    response = client.get(f"/participants/{alex.membership.pk}/", HTTP_X_REQUEST_ID="req-12345678")
    assert response.status_code == 200
    with scopes_disabled():
        event = AuditEvent.objects.filter(action="participant.view").get()
    assert event.actor_id == sam.user.pk
    assert event.subject_id == alex.membership.pk
    assert event.organization_id == alex.organization.pk
    assert event.request_id == "req-12345678"


def test_it_refuses_edits_and_deletes_through_the_orm(alex, sam) -> None:
    event = audit_record(
        action="participant.view", actor=sam.user, organization=sam.organization, subject=alex.membership
    )
    event.reason = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with scopes_disabled(), pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with scopes_disabled(), pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_the_database_itself_refuses_an_edit(alex, sam) -> None:
    event = audit_record(
        action="participant.view", actor=sam.user, organization=sam.organization, subject=alex.membership
    )
    with pytest.raises(DB_REFUSAL), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET reason = 'forged' WHERE id = %s", [event.pk])


def _drop_guard() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER core_auditevent_no_change ON core_auditevent")
        else:
            cursor.execute("DROP TRIGGER core_auditevent_no_update")


@pytest.mark.django_db(transaction=True)
def test_audit_verify_finds_an_event_altered_behind_the_guards(alex, sam) -> None:
    events = [
        audit_record(
            action="checkin.read", actor=sam.user, organization=sam.organization, subject=alex.membership
        )
        for _ in range(3)
    ]
    call_command("audit-verify")
    _drop_guard()
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE core_auditevent SET actor_label = 'someone-else' WHERE id = %s", [events[1].pk]
            )
        checked, problems = audit_verify()
        assert checked == 3
        assert [(p.sequence, p.problem) for p in problems] == [(2, "was altered after it was written")]
        with pytest.raises(CommandError, match="tampering"):
            call_command("audit-verify")
    finally:
        call_command("migrate", "core", "0001", verbosity=0)
        call_command("migrate", "core", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_audit_verify_finds_removed_events(alex, sam) -> None:
    for _ in range(3):
        audit_record(
            action="checkin.read", actor=sam.user, organization=sam.organization, subject=alex.membership
        )
    _drop_guard()
    try:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_auditevent WHERE sequence = 3")
        _checked, problems = audit_verify()
        assert any(p.problem == "the newest events were removed" for p in problems)
    finally:
        call_command("migrate", "core", "0001", verbosity=0)
        call_command("migrate", "core", verbosity=0)


def test_many_subjects_are_written_in_one_chain_segment(alex, pat, sam) -> None:
    events = audit_record_many(
        action="caseload.view",
        actor=pat.user,
        organization=pat.organization,
        subjects=[alex.membership, None],
    )
    assert [e.sequence for e in events] == [1, 2]
    assert events[1].prev_hash == events[0].hash
    assert audit_verify() == (2, [])


def test_each_organization_has_its_own_chain(alex, outsider) -> None:
    here = audit_record(action="x", actor=alex.user, organization=alex.organization)
    there = audit_record(action="x", actor=outsider.user, organization=outsider.organization)
    assert here.chain != there.chain
    assert here.sequence == there.sequence == 1


def test_supervisors_filter_the_audit_log_by_whose_data(alex, jordan, sam, pat) -> None:
    audit_record(
        action="participant.view", actor=pat.user, organization=sam.organization, subject=alex.membership
    )
    audit_record(
        action="participant.view", actor=pat.user, organization=sam.organization, subject=jordan.membership
    )
    page = sam.client().get("/audit/", {"participant": alex.membership.pk}).content.decode()
    assert page.count("<code>participant.view</code>") == 1
    assert "Alex" in page


def test_the_audit_log_of_another_organization_is_not_shown(alex, sam, outsider) -> None:
    audit_record(
        action="participant.view", actor=sam.user, organization=sam.organization, subject=alex.membership
    )
    page = outsider.client().get("/audit/").content.decode()
    assert "participant.view" not in page
