"""Organization data cannot be queried without an organization scope."""

from __future__ import annotations

import pytest
from django_scopes import scope
from django_scopes.exceptions import ScopeError

from alongside.accounts.models import Membership
from alongside.checkins.models import CheckIn
from alongside.matching.models import PeerMatch


@pytest.mark.parametrize("model", [Membership, CheckIn, PeerMatch])
def test_an_unscoped_query_fails_loudly(model, alex) -> None:
    with pytest.raises(ScopeError):
        list(model.objects.all())


def test_a_scoped_query_sees_only_its_organization(alex, outsider) -> None:
    with scope(organization=alex.organization):
        usernames = set(Membership.objects.values_list("user__username", flat=True))
    assert usernames == {"alex"}
    with scope(organization=outsider.organization):
        usernames = set(Membership.objects.values_list("user__username", flat=True))
    assert usernames == {"outsider"}
