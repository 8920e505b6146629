"""The audit chains are anchored outside the database by signed checkpoints."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from django_scopes import scopes_disabled

from alongside.core.audit import audit_record, audit_verify
from alongside.core.audit_anchor import (
    anchor_read,
    audit_checkpoint_write,
    audit_epoch_start,
    checkpoint_path,
)
from alongside.core.jobs import periodic_jobs
from alongside.core.models import AuditChainHead, AuditEvent


def record_events(persona, subject, count: int) -> None:
    for _ in range(count):
        audit_record(
            action="checkin.read", actor=persona.user, organization=persona.organization, subject=subject
        )


def cut_the_tail(chain: str, keep: int) -> None:
    """What an attacker with database access does: delete the newest events, reset the head."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent DISABLE TRIGGER core_auditevent_no_change")
        cursor.execute("DELETE FROM core_auditevent WHERE chain = %s AND sequence > %s", [chain, keep])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE core_auditevent ENABLE TRIGGER core_auditevent_no_change")
    with scopes_disabled():
        last = AuditEvent.objects.get(chain=chain, sequence=keep)
        AuditChainHead.objects.filter(chain=chain).update(sequence=keep, last_hash=last.hash)


def chain_of(persona) -> str:
    return f"org:{persona.organization.pk}"


def test_a_checkpoint_is_written_every_minute(db) -> None:
    job = next(job for job in periodic_jobs() if job.name == "audit-checkpoint")
    assert job.every <= timedelta(minutes=1)


def test_checkpoints_are_signed_lines_in_a_private_file(alex, sam) -> None:
    record_events(sam, alex.membership, 3)
    written = audit_checkpoint_write()
    assert [r["type"] for r in written] == ["epoch", "checkpoint"]
    assert written[1]["chain"] == chain_of(sam)
    assert written[1]["sequence"] == 3
    assert stat.S_IMODE(os.stat(checkpoint_path()).st_mode) == 0o600
    assert all("sig" in json.loads(line) for line in checkpoint_path().read_text().splitlines())


def test_an_unchanged_chain_is_not_written_again(alex, sam) -> None:
    record_events(sam, alex.membership, 2)
    audit_checkpoint_write()
    assert audit_checkpoint_write() == []
    record_events(sam, alex.membership, 1)
    assert [r["sequence"] for r in audit_checkpoint_write()] == [3]


def test_checkpoints_go_to_the_log_too(alex, sam, caplog) -> None:
    record_events(sam, alex.membership, 1)
    with caplog.at_level("INFO", logger="alongside.audit"):
        audit_checkpoint_write()
    assert any('"type": "checkpoint"' in message for message in caplog.messages)


@pytest.mark.django_db(transaction=True)
def test_deleting_the_newest_events_and_resetting_the_head_fails_verification(alex, sam) -> None:
    record_events(sam, alex.membership, 5)
    audit_checkpoint_write()
    cut_the_tail(chain_of(sam), keep=3)
    checked, problems = audit_verify()
    assert checked == 3
    # The chain itself still holds together: only the checkpoint shows what is missing.
    assert [(p.chain, p.sequence) for p in problems] == [(chain_of(sam), 5)]
    assert "events #4–#5 are missing" in problems[0].problem
    with pytest.raises(CommandError, match="tampering"):
        call_command("audit-verify")


@pytest.mark.django_db(transaction=True)
def test_a_shortened_head_is_not_written_over_the_checkpoint(alex, sam) -> None:
    record_events(sam, alex.membership, 5)
    audit_checkpoint_write()
    cut_the_tail(chain_of(sam), keep=3)
    assert audit_checkpoint_write() == []
    assert anchor_read().latest[chain_of(sam)]["sequence"] == 5


@pytest.mark.django_db(transaction=True)
def test_a_restore_with_a_new_epoch_verifies(alex, sam, capsys) -> None:
    record_events(sam, alex.membership, 5)
    audit_checkpoint_write()
    cut_the_tail(chain_of(sam), keep=3)  # what restoring an older backup looks like
    assert audit_verify()[1]
    call_command("audit-epoch", reason="restored the backup of 1 December")
    assert audit_verify() == (3, [])
    call_command("audit-verify")
    out = capsys.readouterr().out
    assert "epoch 2" in out and "restored the backup of 1 December" in out
    # The earlier epoch and its checkpoints are kept.
    lines = [json.loads(line) for line in checkpoint_path().read_text().splitlines()]
    assert [line["epoch"] for line in lines if line["type"] == "epoch"] == [1, 2]
    assert any(line["type"] == "checkpoint" and line["sequence"] == 5 for line in lines)
    record_events(sam, alex.membership, 1)
    assert audit_checkpoint_write()[0]["epoch"] == 2


def test_a_tampered_checkpoint_file_fails_clearly(alex, sam) -> None:
    record_events(sam, alex.membership, 5)
    audit_checkpoint_write()
    lines = checkpoint_path().read_text().splitlines()
    forged = json.loads(lines[-1])
    forged["sequence"] = 3  # pretend the chain was shorter
    lines[-1] = json.dumps(forged)
    checkpoint_path().write_text("\n".join(lines) + "\n")
    _checked, problems = audit_verify()
    assert [p.problem for p in problems] == [f"line 2 of {checkpoint_path()} has a bad signature"]


def test_a_rotated_secret_key_keeps_old_checkpoints_valid(alex, sam, settings) -> None:
    record_events(sam, alex.membership, 2)
    audit_checkpoint_write()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-0123456789"
    assert audit_verify()[1] == []


def test_a_new_epoch_needs_a_reason(db) -> None:
    with pytest.raises(CommandError, match="why"):
        call_command("audit-epoch", reason="   ")


def test_a_removed_checkpoint_file_is_noticed_on_an_old_audit_log(alex, sam) -> None:
    record_events(sam, alex.membership, 2)
    audit_checkpoint_write()
    checkpoint_path().unlink()
    later = timezone.now() + timedelta(hours=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: later)
        assert audit_checkpoint_write() == []  # does not start again from whatever the chain is now
        problems = audit_verify()[1]
    assert len(problems) == 1
    assert "no checkpoints" in problems[0].problem


def test_stopping_the_scheduler_writes_a_last_checkpoint(alex, sam) -> None:
    record_events(sam, alex.membership, 2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("alongside.core.management.commands.scheduler.run_forever", lambda tick: None)
        call_command("scheduler")
    assert anchor_read().latest[chain_of(sam)]["sequence"] == 2


def test_a_new_epoch_by_hand(alex, sam) -> None:
    record_events(sam, alex.membership, 1)
    assert audit_epoch_start(reason="first checkpoints after the upgrade") == 1
    assert anchor_read().latest[chain_of(sam)]["sequence"] == 1
