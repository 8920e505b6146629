"""Each person's private calendar link: made, replaced and revoked. Only the digest of the
secret is stored (as for invitations and API tokens), so the link is shown once."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Membership
from alongside.core.audit import audit_record
from alongside.core.crypto import secret_digest
from alongside.groups.models import CalendarFeed

FEED_PREFIX = "cal_"


def calendar_feed_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("groups_feed", kwargs={"token": raw_token})


def _revoke_all(member: Membership) -> int:
    return CalendarFeed.objects.filter(member=member, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def calendar_feed_create(*, member: Membership, discreet: bool = True) -> tuple[CalendarFeed, str]:
    """A new calendar link for `member`; any earlier one stops working. Returns the row and the
    raw secret, which is never stored. Audited."""
    revoked = _revoke_all(member)
    raw = FEED_PREFIX + secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        organization=member.organization, member=member, token_hash=secret_digest(raw), discreet=discreet
    )
    audit_record(
        action="group.calendar_feed.create",
        actor=member.user,
        organization=member.organization,
        obj=feed,
        reason=f"replaced {revoked}" if revoked else "",
    )
    return feed, raw


@transaction.atomic
def calendar_feed_revoke(*, member: Membership) -> int:
    """Stops `member`'s calendar link from working. Returns how many links were live. Audited."""
    revoked = _revoke_all(member)
    if revoked:
        audit_record(action="group.calendar_feed.revoke", actor=member.user, organization=member.organization)
    return revoked
