"""The audit log: who read, changed or disclosed whose data, when and why.

`audit_record` appends one event to its organization's hash chain inside the caller's
transaction, so an action and its audit entry commit or roll back together.
`audit_verify` walks every chain and reports the first event whose hash does not hold.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from alongside.core.models import AuditChainHead, AuditEvent
from alongside.core.request_context import current_request_id

if TYPE_CHECKING:
    from alongside.accounts.models import Membership, Organization, User

GENESIS = "0" * 64


def chain_name(organization_id: int | None) -> str:
    return f"org:{organization_id}" if organization_id else "global"


def event_digest(event: AuditEvent) -> str:
    payload = {
        "chain": event.chain,
        "sequence": event.sequence,
        "organization": event.organization_id,
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "subject": event.subject_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "reason": event.reason,
        "request_id": event.request_id,
        "created_at": event.created_at.isoformat(),
        "prev_hash": event.prev_hash,
    }
    encoded = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def audit_record(
    *,
    action: str,
    actor: User | None,
    organization: Organization | None,
    subject: Membership | None = None,
    obj: models.Model | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append an audit event. Call it in the same transaction as the action it records."""
    return audit_record_many(
        action=action, actor=actor, organization=organization, subjects=[subject], obj=obj, reason=reason
    )[0]


def audit_record_many(
    *,
    action: str,
    actor: User | None,
    organization: Organization | None,
    subjects: Sequence[Membership | None],
    obj: models.Model | None = None,
    reason: str = "",
) -> list[AuditEvent]:
    """Append one event per subject (e.g. each participant on a caseload page) in one write."""
    organization_id = organization.pk if organization is not None else None
    chain = chain_name(organization_id)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    actor_label = getattr(actor, "username", "") or ""
    request_id = current_request_id()
    for attempt in range(5):
        try:
            with transaction.atomic():
                head, _ = AuditChainHead.objects.select_for_update().get_or_create(
                    chain=chain, defaults={"last_hash": GENESIS, "sequence": 0}
                )
                now = timezone.now()
                events = []
                prev_hash, sequence = head.last_hash, head.sequence
                for subject in subjects:
                    sequence += 1
                    event = AuditEvent(
                        chain=chain,
                        sequence=sequence,
                        organization_id=organization_id,
                        actor_id=actor_id,
                        actor_label=actor_label,
                        action=action,
                        subject_id=subject.pk if subject is not None else None,
                        object_type=obj._meta.label_lower if obj is not None else "",
                        object_id=str(obj.pk) if obj is not None else "",
                        reason=reason,
                        request_id=request_id,
                        created_at=now,
                        prev_hash=prev_hash,
                    )
                    event.hash = event_digest(event)
                    prev_hash = event.hash
                    events.append(event)
                AuditEvent.objects.with_scopes_disabled().bulk_create(events)
                head.sequence = sequence
                head.last_hash = prev_hash
                head.save(update_fields=["sequence", "last_hash"])
                return events
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ChainProblem:
    chain: str
    sequence: int
    event_id: int | None
    problem: str


def _events_in_chain(chain: str) -> Iterator[AuditEvent]:
    return AuditEvent.objects.filter(chain=chain).order_by("sequence").iterator(chunk_size=2000)


def audit_verify() -> tuple[int, list[ChainProblem]]:
    """Recompute every chain and compare each with its latest signed checkpoint (see
    core.audit_anchor). Returns how many events were checked and the problems found."""
    checked = 0
    problems: list[ChainProblem] = []
    with scopes_disabled():
        heads = {head.chain: head for head in AuditChainHead.objects.all()}
        chains = set(AuditEvent.objects.values_list("chain", flat=True).distinct()) | set(heads)
        for chain in sorted(chains):
            expected_prev = GENESIS
            expected_sequence = 1
            for event in _events_in_chain(chain):
                checked += 1
                if event.sequence != expected_sequence:
                    problems.append(
                        ChainProblem(chain, expected_sequence, None, "event missing from the chain")
                    )
                    expected_sequence = event.sequence
                if event.prev_hash != expected_prev:
                    problems.append(
                        ChainProblem(chain, event.sequence, event.pk, "does not follow the event before it")
                    )
                if event_digest(event) != event.hash:
                    problems.append(
                        ChainProblem(chain, event.sequence, event.pk, "was altered after it was written")
                    )
                expected_prev = event.hash
                expected_sequence += 1
            head = heads.get(chain)
            if head is not None and (
                head.sequence != expected_sequence - 1 or head.last_hash != expected_prev
            ):
                problems.append(ChainProblem(chain, head.sequence, None, "the newest events were removed"))
    from alongside.core.audit_anchor import audit_anchor_verify

    _state, anchor_problems = audit_anchor_verify()
    problems += [ChainProblem(p.chain, p.sequence, None, p.problem) for p in anchor_problems]
    return checked, problems
