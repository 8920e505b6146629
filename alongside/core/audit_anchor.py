"""Checkpoints that anchor the audit log's hash chains outside the database.

The hash chain shows an event altered or removed from the middle, but someone who can write to
the database could delete the newest events and set the chain head back: the shorter chain is
still a valid chain. So the head of every chain is written down elsewhere, signed, at least
every minute (the `audit-checkpoint` periodic job) and when `serve`, `worker` or `scheduler`
stops: one JSON line per chain whose head moved, appended to `AUDIT_CHECKPOINT_FILE` (in
`DATA_DIR`, mode 0600) and written to the log (`alongside.audit` logger) so a log shipper keeps
a copy off the machine. `audit-verify` then fails when a chain in the database is shorter than,
or differs from, the latest checkpoint of the current epoch.

Signatures are HMAC-SHA256 with a key derived from `SECRET_KEY` (checked against
`SECRET_KEY_FALLBACKS` too, so a rotated key keeps old checkpoints valid). Not a key file of its
own beside the checkpoints: whoever can rewrite the file could then read that key too, whereas
`SECRET_KEY` is kept apart from the data (a secrets file or the environment) and someone who
holds only the database cannot forge a checkpoint.

A legitimate restore from a backup makes the chains shorter too. `alongside audit-epoch
--reason "..."` then starts a new epoch: a signed line that says when and why, followed by
checkpoints of the heads as they are now. Earlier epochs and their checkpoints are kept (the
gap stays visible); verification compares against the current epoch only.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_scopes import scopes_disabled

from alongside.core.models import AuditChainHead, AuditEvent

logger = logging.getLogger("alongside.audit")
KEY_SALT = "alongside.core.audit_anchor.checkpoint"


def checkpoint_path() -> Path:
    return Path(settings.AUDIT_CHECKPOINT_FILE)


def _canonical(record: dict[str, Any]) -> bytes:
    body = {key: value for key, value in record.items() if key != "sig"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _sign(record: dict[str, Any], secret: str | None = None) -> str:
    return salted_hmac(
        KEY_SALT, _canonical(record), secret=secret or settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()


def signature_holds(record: dict[str, Any]) -> bool:
    signature = str(record.get("sig", ""))
    return any(
        hmac.compare_digest(signature, _sign(record, secret))
        for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    )


@dataclass
class AnchorState:
    """What the checkpoint file says: its epochs, and the latest checkpoint of each chain in the
    current epoch; plus every line that does not hold (bad signature, not JSON)."""

    epochs: list[dict[str, Any]] = field(default_factory=list)
    latest: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad_lines: list[tuple[int, str]] = field(default_factory=list)
    lines: int = 0

    @property
    def epoch(self) -> int:
        return int(self.epochs[-1]["epoch"]) if self.epochs else 0

    def take(self, record: dict[str, Any]) -> None:
        if record.get("type") == "epoch":
            self.epochs.append(record)
            self.latest = {}
        elif record.get("type") == "checkpoint" and int(record.get("epoch", -1)) == self.epoch:
            previous = self.latest.get(record["chain"])
            if previous is None or int(record["sequence"]) >= int(previous["sequence"]):
                self.latest[record["chain"]] = record


def anchor_read(path: Path | None = None) -> AnchorState:
    """Reads and checks every line of the checkpoint file (a missing file is an empty state)."""
    path = path or checkpoint_path()
    state = AnchorState()
    if not path.exists():
        return state
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            state.lines = number
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                state.bad_lines.append((number, "is not a checkpoint (not JSON)"))
                continue
            if not isinstance(record, dict) or not signature_holds(record):
                state.bad_lines.append((number, "has a bad signature"))
                continue
            state.take(record)
    return state


def _append(records: list[dict[str, Any]]) -> None:
    path = checkpoint_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n" for record in records)
    # One write with O_APPEND: lines from several processes never interleave.
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        os.write(descriptor, data.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    for record in records:
        logger.info("audit %s %s", record["type"], json.dumps(record, sort_keys=True, ensure_ascii=False))


def _signed(record: dict[str, Any]) -> dict[str, Any]:
    record["sig"] = _sign(record)
    return record


def _heads() -> list[AuditChainHead]:
    with scopes_disabled():
        return list(AuditChainHead.objects.order_by("chain"))


def _checkpoint(epoch: int, head: AuditChainHead, now: str) -> dict[str, Any]:
    return _signed(
        {
            "type": "checkpoint",
            "epoch": epoch,
            "chain": head.chain,
            "sequence": head.sequence,
            "hash": head.last_hash,
            "at": now,
        }
    )


NEW_LOG_GRACE = timedelta(minutes=10)


def _unanchored_since() -> datetime | None:
    """When the oldest audit event was written, if that is longer ago than a new installation
    takes to write its first checkpoint (so a missing checkpoint file is suspicious)."""
    with scopes_disabled():
        oldest = AuditEvent.objects.order_by("pk").values_list("created_at", flat=True).first()
    if oldest is not None and oldest < timezone.now() - NEW_LOG_GRACE:
        return oldest
    return None


def audit_checkpoint_write(*, occasion: str = "periodic") -> list[dict[str, Any]]:
    """Appends a signed checkpoint for every chain whose head moved since its last checkpoint
    (an unchanged head is still described by its last one). A head that went *back* is not
    written over: it is logged as an error and left for `audit-verify` to report. Without a
    checkpoint file, the first epoch starts by itself only for a new audit log; an older one
    needs `audit-epoch` (a removed file must not quietly start again from a shortened chain)."""
    state = anchor_read()
    now = timezone.now().isoformat()
    records: list[dict[str, Any]] = []
    epoch = state.epoch
    if epoch == 0:
        if state.lines == 0 and _unanchored_since() is not None:
            logger.error(
                "no audit checkpoints in %s, but the audit log is older than that: run "
                "`alongside audit-epoch --reason ...` once (after an upgrade or a restore)",
                checkpoint_path(),
            )
            return []
        epoch = 1
        records.append(_signed({"type": "epoch", "epoch": 1, "reason": "first checkpoint", "at": now}))
    for head in _heads():
        last = state.latest.get(head.chain)
        if last is not None and int(last["sequence"]) == head.sequence and last["hash"] == head.last_hash:
            continue
        if last is not None and head.sequence <= int(last["sequence"]):
            logger.error(
                "audit chain %s is at #%s but checkpoint of %s saw #%s: events were removed or the "
                "database was restored (after a restore, run `alongside audit-epoch`)",
                head.chain,
                head.sequence,
                last["at"],
                last["sequence"],
            )
            continue
        records.append(_checkpoint(epoch, head, now))
    if records:
        _append(records)
    logger.debug("audit checkpoint (%s): %d line(s)", occasion, len(records))
    return records


def audit_epoch_start(*, reason: str) -> int:
    """Starts a new checkpoint epoch after a legitimate restore: a signed record of when and
    why, then checkpoints of every chain as it is now. Returns the new epoch's number."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValueError("Say why a new epoch starts (for example which backup was restored).")
    state = anchor_read()
    epoch = state.epoch + 1
    now = timezone.now().isoformat()
    records = [_signed({"type": "epoch", "epoch": epoch, "reason": reason[:500], "at": now})]
    records += [_checkpoint(epoch, head, now) for head in _heads()]
    _append(records)
    return epoch


@dataclass(frozen=True)
class AnchorProblem:
    chain: str
    sequence: int
    problem: str


def audit_anchor_verify() -> tuple[AnchorState, list[AnchorProblem]]:
    """Compares each chain in the database with its latest checkpoint in the current epoch."""
    state = anchor_read()
    problems = [
        AnchorProblem("checkpoints", number, f"line {number} of {checkpoint_path()} {what}")
        for number, what in state.bad_lines
    ]
    if not state.epochs:
        since = _unanchored_since()
        if since is not None:
            problems.append(
                AnchorProblem(
                    "checkpoints",
                    0,
                    f"there are no checkpoints in {checkpoint_path()}, but the audit log has events from "
                    f"{since.isoformat()}: the checkpoint file was removed or this is a new data directory "
                    "(after an upgrade or a restore, start an epoch with `alongside audit-epoch`)",
                )
            )
    with scopes_disabled():
        for chain, checkpoint in sorted(state.latest.items()):
            sequence = int(checkpoint["sequence"])
            newest = (
                AuditEvent.objects.filter(chain=chain)
                .order_by("-sequence")
                .values_list("sequence", flat=True)
                .first()
            ) or 0
            at = checkpoint["at"]
            if newest < sequence:
                missing = f"#{newest + 1}" if newest + 1 == sequence else f"#{newest + 1}–#{sequence}"
                problems.append(
                    AnchorProblem(
                        chain,
                        sequence,
                        f"events {missing} are missing: the checkpoint of {at} (epoch {state.epoch}) saw "
                        f"the chain reach #{sequence}, the database ends at #{newest}",
                    )
                )
                continue
            stored = (
                AuditEvent.objects.filter(chain=chain, sequence=sequence)
                .values_list("hash", flat=True)
                .first()
            )
            if stored != checkpoint["hash"]:
                problems.append(
                    AnchorProblem(
                        chain,
                        sequence,
                        f"event #{sequence} differs from the checkpoint of {at} (epoch {state.epoch}): the chain "
                        "was rewritten from there",
                    )
                )
    return state, problems


def audit_checkpoint_at_shutdown(process: str) -> None:
    """Called as `serve`, `worker` and `scheduler` stop: a last checkpoint, never an error that
    hides why the process stopped."""
    try:
        audit_checkpoint_write(occasion=f"{process} stopping")
    except Exception:
        logger.exception("could not write the audit checkpoint while %s was stopping", process)
