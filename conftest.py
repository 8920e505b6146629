"""Personas shared by every test: alex (participant), pat (alex's peer), sam (supervisor),
casey (clinician), morgan (admin), and an outsider admin from another organization."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from django_scopes import scope, scopes_disabled

from alongside.accounts.models import Membership, Organization, User
from alongside.accounts.services import membership_create, organization_create
from alongside.core.roles import Role
from alongside.matching.models import PeerMatch

PASSWORD = "a-long-test-password"  # noqa: S105


@pytest.fixture(autouse=True)
def _fast_hashing(settings: pytest.FixtureRequest) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _own_audit_checkpoints(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Each test writes its audit checkpoints to a file of its own (a database rolled back after
    one test must not be compared with the checkpoints of another)."""
    settings.AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.jsonl"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Each test starts in English: a request in Spanish must not leak into the next test."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Rate-limit counters live in the cache. The database cache is rolled back with each test;
    Redis is not, so it is emptied here."""
    if "redis" in django_settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()


@dataclass
class Persona:
    user: User
    membership: Membership | None

    @property
    def organization(self) -> Organization:
        assert self.membership is not None
        return self.membership.organization

    def client(self) -> Client:
        client = Client()
        client.force_login(self.user)
        return client


def make_person(username: str, organization: Organization | None, role: str | None, **extra: str) -> Persona:
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        display_name=username.title(),
        **extra,
    )
    membership = (
        membership_create(organization=organization, user=user, role=role) if organization and role else None
    )
    return Persona(user=user, membership=membership)


@pytest.fixture
def harbor(db: None) -> Organization:
    return organization_create(
        name="Harbor Peer Collective", slug="harbor", timezone_name="America/New_York", self_signup=True
    )


@pytest.fixture
def elsewhere(db: None) -> Organization:
    return organization_create(
        name="Elsewhere Recovery", slug="elsewhere", timezone_name="Europe/London", country="GB"
    )


@pytest.fixture
def alex(harbor: Organization) -> Persona:
    return make_person("alex", harbor, Role.PARTICIPANT)


@pytest.fixture
def pat(harbor: Organization, alex: Persona) -> Persona:
    peer = make_person("pat", harbor, Role.PEER)
    with scope(organization=harbor):
        PeerMatch.objects.create(organization=harbor, participant=alex.membership, peer=peer.membership)
    return peer


@pytest.fixture
def riley(harbor: Organization) -> Persona:
    """A peer supporter in alex's organization who is not alex's peer."""
    return make_person("riley", harbor, Role.PEER)


@pytest.fixture
def jordan(harbor: Organization) -> Persona:
    """Another participant in alex's organization."""
    return make_person("jordan", harbor, Role.PARTICIPANT)


@pytest.fixture
def sam(harbor: Organization) -> Persona:
    return make_person("sam", harbor, Role.SUPERVISOR)


@pytest.fixture
def casey(harbor: Organization) -> Persona:
    return make_person("casey", harbor, Role.CLINICIAN)


@pytest.fixture
def morgan(harbor: Organization) -> Persona:
    return make_person("morgan", harbor, Role.ADMIN)


@pytest.fixture
def outsider(elsewhere: Organization) -> Persona:
    """An admin of another organization: powerful there, nobody here."""
    return make_person("outsider", elsewhere, Role.ADMIN)


@pytest.fixture
def personas(
    alex: Persona, pat: Persona, sam: Persona, casey: Persona, morgan: Persona, outsider: Persona
) -> dict[str, Persona]:
    return {"alex": alex, "pat": pat, "sam": sam, "casey": casey, "morgan": morgan, "outsider": outsider}


@pytest.fixture
def in_harbor(harbor: Organization) -> Iterator[Organization]:
    with scope(organization=harbor):
        yield harbor


@pytest.fixture
def unscoped() -> Iterator[None]:
    with scopes_disabled():
        yield
