"""Login throttling that slows guessing without letting anyone lock someone else out.

Three counters, all in the cache (the database cache when there is no Redis), keyed by hashes
so that no username or address is stored in clear:

- per account *and* address (the pair): after `LOGIN_LOCK_AFTER` failures the pair is locked
  for `LOGIN_LOCK_SECONDS`, and every further failure doubles the lock, up to
  `LOGIN_LOCK_MAX_SECONDS`. A success clears the pair. Failures are remembered for a day.
- per account across addresses: when an account has had `LOGIN_ACCOUNT_LIMIT` failures within
  `LOGIN_WINDOW_SECONDS`, it is being guessed from several places at once, and every pair that
  fails for it is locked at its first failure (still doubling). An address with no recent
  failures for that account is never refused, so the person themself, from their own phone,
  still gets in with the right password.
- per address across accounts: `LOGIN_ADDRESS_LIMIT` failures within the window (many
  accounts guessed from one place) refuse further attempts from that address until the window
  ends. It is set high so that a shared address (a shelter, a clinic) is not refused because
  one person forgot their password.

Nothing sleeps: a refused attempt is answered at once with how long to wait. Two attempts for
the same pair at the same moment are not both checked (the second is told to wait a second),
so sending guesses in parallel does not get around the count.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PAIR_MEMORY_SECONDS = 24 * 60 * 60
BUSY_SECONDS = 1


@dataclass(frozen=True)
class ThrottlePolicy:
    lock_after: int
    lock_seconds: int
    lock_max_seconds: int
    account_limit: int
    address_limit: int
    window_seconds: int


def throttle_policy() -> ThrottlePolicy:
    return ThrottlePolicy(
        lock_after=settings.LOGIN_LOCK_AFTER,
        lock_seconds=settings.LOGIN_LOCK_SECONDS,
        lock_max_seconds=settings.LOGIN_LOCK_MAX_SECONDS,
        account_limit=settings.LOGIN_ACCOUNT_LIMIT,
        address_limit=settings.LOGIN_ADDRESS_LIMIT,
        window_seconds=settings.LOGIN_WINDOW_SECONDS,
    )


def account_key(login: str) -> str:
    """One key per person whatever they type (username or email, any case); a login that
    matches nobody is counted under what was typed."""
    from alongside.accounts.models import User

    typed = login.strip().lower()
    if not typed:
        return "login:"
    user_id = (
        User.objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed))
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return f"user:{user_id}" if user_id is not None else f"login:{typed}"


def _cache_key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:40]
    return f"login-throttle:{kind}:{digest}"


def _window_count(key: str, now: float, window: int) -> tuple[int, float]:
    state = cache.get(key) or {}
    since = float(state.get("since", now))
    if now - since >= window:
        return 0, now
    return int(state.get("failures", 0)), since


@dataclass
class LoginAttempt:
    """One sign-in attempt for an account from an address. `retry_after` > 0: refuse it."""

    account: str
    address: str
    policy: ThrottlePolicy
    now: float
    retry_after: int = 0
    locked_for: int = field(default=0)  # set by failed(): how long this failure locked the pair

    @property
    def pair_key(self) -> str:
        return _cache_key("pair", self.account, self.address)

    @property
    def account_counter_key(self) -> str:
        return _cache_key("account", self.account)

    @property
    def address_counter_key(self) -> str:
        return _cache_key("address", self.address)

    def _check(self) -> None:
        waits = []
        address_failures, address_since = _window_count(
            self.address_counter_key, self.now, self.policy.window_seconds
        )
        if address_failures >= self.policy.address_limit:
            waits.append(address_since + self.policy.window_seconds - self.now)
        pair = cache.get(self.pair_key) or {}
        locked_until = float(pair.get("locked_until", 0))
        if locked_until > self.now:
            waits.append(locked_until - self.now)
        self.retry_after = math.ceil(max(waits)) if waits else 0

    def failed(self) -> None:
        """Counts a wrong password (or a wrong two-factor code) and locks the pair if due."""
        policy = self.policy
        account_failures, account_since = _window_count(
            self.account_counter_key, self.now, policy.window_seconds
        )
        account_failures += 1
        cache.set(
            self.account_counter_key,
            {"failures": account_failures, "since": account_since},
            policy.window_seconds,
        )
        address_failures, address_since = _window_count(
            self.address_counter_key, self.now, policy.window_seconds
        )
        cache.set(
            self.address_counter_key,
            {"failures": address_failures + 1, "since": address_since},
            policy.window_seconds,
        )
        pair = cache.get(self.pair_key) or {}
        failures = int(pair.get("failures", 0)) + 1
        under_attack = account_failures >= policy.account_limit
        threshold = 1 if under_attack else policy.lock_after
        locked_until = float(pair.get("locked_until", 0))
        if failures >= threshold:
            self.locked_for = min(policy.lock_seconds * 2 ** (failures - threshold), policy.lock_max_seconds)
            locked_until = self.now + self.locked_for
        cache.set(self.pair_key, {"failures": failures, "locked_until": locked_until}, PAIR_MEMORY_SECONDS)

    def succeeded(self) -> None:
        """The right password (and code): this pair starts again from nothing."""
        cache.delete(self.pair_key)


@contextmanager
def login_attempt(*, login: str, address: str, now: float | None = None) -> Iterator[LoginAttempt]:
    """Wraps checking one password: refuse when `retry_after` is set, else check it and call
    `failed()` or `succeeded()`. Attempts for the same pair never run side by side."""
    attempt = LoginAttempt(
        account=account_key(login),
        address=address,
        policy=throttle_policy(),
        now=time.time() if now is None else now,
    )
    busy_key = attempt.pair_key + ":busy"
    if not cache.add(busy_key, 1, timeout=30):
        attempt.retry_after = BUSY_SECONDS
        yield attempt
        return
    try:
        attempt._check()
        yield attempt
    finally:
        cache.delete(busy_key)


def wait_in_words(seconds: int) -> str:
    """'45 seconds', '2 minutes', '1 hour': how long someone has to wait, rounded up."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(minutes / 60)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def refused_message(seconds: int) -> str:
    return _(
        "Too many failed sign-in attempts for this account from here. Please wait %(wait)s, then "
        "try again. If you forgot your password, you can reset it."
    ) % {"wait": wait_in_words(seconds)}


def locked_message(seconds: int) -> str:
    return _(
        "The username or password is not right. After several tries, please wait %(wait)s before "
        "trying again, or reset your password."
    ) % {"wait": wait_in_words(seconds)}
