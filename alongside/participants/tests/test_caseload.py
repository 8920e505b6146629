from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.checkins.models import CheckIn
from alongside.core.models import AuditEvent
from alongside.core.roles import Role
from alongside.matching.models import PeerMatch
from alongside.participants.selectors import caseload_of, participants_visible_to
from conftest import make_person


def test_each_role_sees_the_right_participants(alex, pat, riley, jordan, sam, casey, morgan) -> None:
    with scope(organization=alex.organization):
        seen = {
            name: set(participants_visible_to(person.membership).values_list("user__username", flat=True))
            for name, person in {
                "alex": alex,
                "pat": pat,
                "riley": riley,
                "sam": sam,
                "casey": casey,
                "morgan": morgan,
            }.items()
        }
    assert seen == {
        "alex": {"alex"},
        "pat": {"alex"},
        "riley": set(),
        "sam": {"alex", "jordan"},
        "casey": set(),
        "morgan": {"alex", "jordan"},
    }


def test_a_peer_cannot_open_someone_elses_participant(jordan, pat) -> None:
    assert pat.client().get(f"/participants/{jordan.membership.pk}/").status_code == 404


def test_the_caseload_says_who_needs_attention_and_why(alex, pat, harbor) -> None:
    today = timezone.localdate()
    quiet = make_person("quinn", harbor, Role.PARTICIPANT)
    with scope(organization=harbor):
        PeerMatch.objects.create(organization=harbor, participant=quiet.membership, peer=pat.membership)
        CheckIn.objects.create(
            organization=harbor, participant=alex.membership, day=today, mood=1, wants_to_talk=True
        )
        CheckIn.objects.create(
            organization=harbor, participant=quiet.membership, day=today - timedelta(days=4), mood=4
        )
        entries = {e.participant.user.username: e.reasons for e in caseload_of(pat.membership, today)}
    assert entries["alex"] == ["Asked to talk", "Feeling very low"]
    assert entries["quinn"] == ["No check-in for three days or more"]


def test_the_caseload_page_takes_the_same_queries_for_many_participants(pat, harbor) -> None:
    client = pat.client()
    client.get("/")
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    for i in range(15):
        person = make_person(f"p{i}", harbor, Role.PARTICIPANT)
        with scope(organization=harbor):
            PeerMatch.objects.create(organization=harbor, participant=person.membership, peer=pat.membership)
            CheckIn.objects.create(
                organization=harbor, participant=person.membership, day=timezone.localdate(), mood=3
            )
    client.get("/")  # matches made outside match_start get their conversations on the first visit
    with CaptureQueriesContext(connection) as large:
        response = client.get("/")
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_opening_a_participant_is_audited_with_whose_data(alex, pat) -> None:
    pat.client().get(f"/participants/{alex.membership.pk}/")
    with scopes_disabled():
        assert AuditEvent.objects.filter(
            action="participant.view", actor=pat.user, subject=alex.membership
        ).exists()
        assert AuditEvent.objects.filter(action="checkin.read", subject=alex.membership).exists()


def test_journal_notes_stay_private_from_the_peer(alex, pat) -> None:
    with scope(organization=alex.organization):
        CheckIn.objects.create(
            organization=alex.organization,
            participant=alex.membership,
            day=timezone.localdate(),
            mood=3,
            note="only for me",
        )
    assert "only for me" not in pat.client().get(f"/participants/{alex.membership.pk}/").content.decode()


def test_distress_in_a_recovery_plan_or_low_moods_put_someone_on_the_needs_attention_list(
    alex, pat, harbor
) -> None:
    from alongside.plans.services import goal_create
    from alongside.safety.escalation.services import Finding, incident_raise

    with scope(organization=harbor):
        goal_create(
            participant=alex.membership,
            life_area="health",
            title="Keep going",
            why="I feel so hopeless lately",
        )
        incident_raise(
            participant=alex.membership,
            finding=Finding("concern", ["low_mood"], ["Mood 1 of 5 three days running"]),
            excerpt="",
            source="checkin_signal",
        )
        reasons = next(e.reasons for e in caseload_of(pat.membership) if e.participant == alex.membership)
    assert "Signs of distress in their recovery plan: a follow-up is suggested" in reasons
    assert "Mood 1 of 5 three days running" in reasons
