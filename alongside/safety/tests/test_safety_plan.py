"""The safety plan: the participant's own words, encrypted, versioned, shared only with whom
they choose (their peer supporter, a private link), and every other reader audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from alongside.accounts.my_data import account_erase, deletion_request_create, personal_data_collect
from alongside.core.models import AuditEvent, Notification
from alongside.core.roles import Role
from alongside.matching.models import PeerMatch
from alongside.safety.models import (
    Entry,
    SafetyPlan,
    SafetyPlanLink,
    SafetyPlanShare,
    SafetyPlanSuggestion,
    SafetyPlanVersion,
)
from alongside.safety.selectors import (
    LinkClosed,
    own_safety_plan,
    plans_shared_with,
    safety_plan_by_link,
    safety_plan_for_incident,
    safety_plan_for_peer,
)
from alongside.safety.services import (
    PlanChangedElsewhere,
    peer_may_read,
    safety_plan_link_create,
    safety_plan_link_revoke,
    safety_plan_restore,
    safety_plan_share_revoke,
    safety_plan_share_with_peer,
    safety_plan_suggest,
    safety_plan_suggestion_decide,
    safety_plan_update,
)
from conftest import PASSWORD, make_person

SECRET = "When I start giving my things away"


def write(persona, **sections: list[Entry]) -> SafetyPlan:
    return safety_plan_update(participant=persona.membership, sections=sections)


def events(action: str) -> list[AuditEvent]:
    with scopes_disabled():
        return list(AuditEvent.objects.filter(action=action).order_by("sequence"))


@pytest.fixture
def alex_plan(alex, in_harbor) -> SafetyPlan:
    return write(
        alex,
        warning_signs=[Entry(SECRET)],
        people_to_ask=[Entry("Dana, my sister", "617 555 0131")],
        reasons_for_living=[Entry("Mia and Leo")],
    )


@pytest.fixture
def shared(alex, pat, alex_plan) -> SafetyPlanShare:
    return safety_plan_share_with_peer(participant=alex.membership)


# Written in the participant's own words, encrypted ---------------------------------------------


def test_the_database_never_holds_the_plans_plaintext(alex_plan) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT warning_signs, people_to_ask, reasons_for_living FROM safety_safetyplan WHERE id = %s",
            [alex_plan.pk],
        )
        stored = cursor.fetchone()
    for value in stored:
        assert value.startswith("enc1:")
    # Whole phrases only: a short string like "555" can turn up in random ciphertext.
    assert not any(
        "giving my things away" in value or "617 555 0131" in value or "Mia and Leo" in value
        for value in stored
    )


def test_earlier_versions_suggestions_and_link_labels_are_encrypted_too(alex, pat, shared, in_harbor) -> None:
    write(alex, warning_signs=[Entry("Something new")])
    safety_plan_suggest(
        peer=pat.membership, participant=alex.membership, section="coping_strategies", text="Call me at 9"
    )
    safety_plan_link_create(participant=alex.membership, label="Dana my sister", days=7)
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM safety_safetyplanversion")
        versions = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT text FROM safety_safetyplansuggestion")
        suggestions = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT label FROM safety_safetyplanlink")
        labels = [row[0] for row in cursor.fetchall()]
    assert versions and suggestions and labels
    for value in versions + suggestions + labels:
        assert value.startswith("enc1:")
        assert "giving" not in value and "Call me" not in value and "Dana" not in value


def test_reading_the_plan_back_gives_the_participants_words(alex, alex_plan) -> None:
    page = own_safety_plan(alex.membership)
    assert [entry.text for entry in page.sections[0].entries] == [SECRET]
    assert page.sections[3].entries == [Entry("Dana, my sister", "617 555 0131")]
    assert page.reasons.entries == [Entry("Mia and Leo")]


def test_blank_lines_are_dropped_and_the_rest_kept_in_order(alex, in_harbor) -> None:
    plan = write(alex, coping_strategies=[Entry("Walk"), Entry("  "), Entry("Tea ")])
    assert plan.entries("coping_strategies") == [Entry("Walk"), Entry("Tea")]


@pytest.mark.parametrize(
    ("sections", "message"),
    [
        ({"warning_signs": [Entry("x" * 301)]}, "300 characters"),
        ({"warning_signs": [Entry("Not sleeping", "555 0134")]}, "does not take phone numbers"),
        ({"people_to_ask": [Entry("Dana", "call her")]}, "digits"),
        ({"people_to_ask": [Entry("", "555 0134")]}, "next to the phone number"),
        ({"coping_strategies": [Entry(f"Idea {n}") for n in range(21)]}, "up to 20 lines"),
        ({"hobbies": [Entry("Chess")]}, "Unknown part"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(alex, alex_plan, sections, message) -> None:
    with pytest.raises(ValidationError, match=message):
        safety_plan_update(participant=alex.membership, sections=sections)
    alex_plan.refresh_from_db()
    assert alex_plan.version == 1
    assert alex_plan.entries("warning_signs") == [Entry(SECRET)]


@pytest.mark.parametrize("phone", ["(617) 555-0131", "+44 116 123", "988", "1-800-662-4357"])
def test_phone_numbers_are_written_the_way_people_write_them(alex, in_harbor, phone) -> None:
    plan = write(alex, people_to_ask=[Entry("Dana", phone)])
    assert plan.entries("people_to_ask") == [Entry("Dana", phone)]


def test_the_same_problem_on_several_lines_is_said_once(alex, in_harbor) -> None:
    with pytest.raises(ValidationError) as refused:
        write(alex, people_to_ask=[Entry("Dana", "ring her"), Entry("Mike", "ask at the meeting")])
    assert len(refused.value.message_dict["people_to_ask"]) == 1


def test_only_participants_have_a_safety_plan(pat, in_harbor) -> None:
    with pytest.raises(ValidationError):
        write(pat, warning_signs=[Entry("Tired")])


# Versions --------------------------------------------------------------------------------------


def test_an_edit_keeps_the_version_it_replaced(alex, alex_plan) -> None:
    plan = write(alex, warning_signs=[Entry("Not sleeping")])
    assert plan.version == 2
    kept = SafetyPlanVersion.objects.get(plan=plan)
    assert kept.number == 1
    assert kept.sections()["warning_signs"] == [Entry(SECRET)]
    assert kept.sections()["people_to_ask"] == [Entry("Dana, my sister", "617 555 0131")]
    assert kept.saved_by == alex.membership


def test_saving_the_same_words_makes_no_new_version(alex, alex_plan) -> None:
    plan = write(alex, warning_signs=[Entry(SECRET)])
    assert plan.version == 1
    assert not SafetyPlanVersion.objects.exists()


def test_a_restore_brings_a_version_back_and_keeps_what_it_replaced(alex, alex_plan) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")], reasons_for_living=[])
    first = SafetyPlanVersion.objects.get(number=1)
    plan = safety_plan_restore(participant=alex.membership, version=first)
    assert plan.version == 3
    assert plan.entries("warning_signs") == [Entry(SECRET)]
    assert plan.entries("reasons_for_living") == [Entry("Mia and Leo")]
    assert SafetyPlanVersion.objects.get(number=2).sections()["warning_signs"] == [Entry("Not sleeping")]


def test_a_write_based_on_an_old_version_is_refused(alex, alex_plan) -> None:
    write(alex, warning_signs=[Entry("Changed on the phone")])
    with pytest.raises(PlanChangedElsewhere) as refused:
        safety_plan_update(
            participant=alex.membership,
            sections={"warning_signs": [Entry("From the laptop")]},
            expected_version=1,
        )
    assert refused.value.current_version == 2
    assert SafetyPlan.objects.get().entries("warning_signs") == [Entry("Changed on the phone")]


def test_someone_elses_version_cannot_be_restored(alex, jordan, alex_plan) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    with pytest.raises(PermissionDenied):
        safety_plan_restore(participant=jordan.membership, version=SafetyPlanVersion.objects.get())


# Screening -------------------------------------------------------------------------------------


def test_crisis_language_newly_written_is_screened_and_its_level_stored(alex, alex_plan) -> None:
    plan = write(alex, coping_strategies=[Entry("I am going to kill myself tonight")])
    assert plan.screening_level == "urgent"
    assert plan.entries("coping_strategies") == [Entry("I am going to kill myself tonight")]


def test_lines_written_before_are_not_screened_again(alex, alex_plan) -> None:
    write(alex, coping_strategies=[Entry("I am going to kill myself tonight")])
    plan = write(alex, reasons_for_living=[Entry("Mia and Leo"), Entry("My dog")])
    assert plan.screening_level == "none"


def test_the_update_is_audited_without_the_plans_words(alex, alex_plan) -> None:
    (event,) = events("safety_plan.update")
    assert event.subject_id == alex.membership.pk
    assert "warning_signs" in event.reason
    assert SECRET not in event.reason


# Sharing with the peer supporter ---------------------------------------------------------------


def test_the_peer_cannot_see_the_plan_until_it_is_shared(alex, pat, alex_plan) -> None:
    assert not peer_may_read(pat.membership, alex_plan)
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)


def test_sharing_lets_the_peer_read_and_tells_them(alex, pat, shared) -> None:
    page = safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)
    assert page.sections[0].entries == [Entry(SECRET)]
    notification = Notification.objects.get(user=pat.user)
    assert notification.kind == "safety_plan.shared"
    assert SECRET not in notification.title


def test_every_read_by_the_peer_is_audited(alex, pat, shared) -> None:
    safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)
    safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)
    reads = events("safety_plan.read")
    assert len(reads) == 2
    assert {(e.actor_id, e.subject_id) for e in reads} == {(pat.user.pk, alex.membership.pk)}


def test_the_participant_reading_their_own_plan_is_not_an_audited_disclosure(alex, alex_plan) -> None:
    own_safety_plan(alex.membership)
    assert events("safety_plan.read") == []


def test_sharing_twice_keeps_one_share(alex, pat, shared) -> None:
    assert safety_plan_share_with_peer(participant=alex.membership) == shared
    assert SafetyPlanShare.objects.count() == 1


def test_there_is_nobody_to_share_with_before_a_match(jordan, in_harbor) -> None:
    with pytest.raises(ValidationError, match="peer supporter"):
        safety_plan_share_with_peer(participant=jordan.membership)


def test_revoking_takes_the_plan_away_from_the_peer_at_once(alex, pat, shared) -> None:
    safety_plan_share_revoke(participant=alex.membership, share=shared)
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)
    assert plans_shared_with(pat.membership) == []
    assert len(events("safety_plan.unshare")) == 1


def test_a_peer_who_is_no_longer_the_participants_peer_loses_access(alex, pat, shared, harbor) -> None:
    PeerMatch.objects.filter(participant=alex.membership).update(status=PeerMatch.Status.ENDED)
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=pat.membership, participant_id=alex.membership.pk)


def test_a_new_peer_is_not_let_in_by_the_old_share(alex, pat, shared, harbor) -> None:
    PeerMatch.objects.filter(participant=alex.membership).update(status=PeerMatch.Status.ENDED)
    riley = make_person("riley", harbor, Role.PEER)
    PeerMatch.objects.create(organization=harbor, participant=alex.membership, peer=riley.membership)
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=riley.membership, participant_id=alex.membership.pk)


def test_another_peer_sees_nothing(alex, shared, riley) -> None:
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=riley.membership, participant_id=alex.membership.pk)


@pytest.mark.parametrize("persona", ["sam", "morgan", "casey"])
def test_supervisors_admins_and_clinicians_never_see_it_as_a_peer(request, alex, shared, persona) -> None:
    viewer = request.getfixturevalue(persona)
    with pytest.raises(Http404):
        safety_plan_for_peer(viewer=viewer.membership, participant_id=alex.membership.pk)


def test_the_plans_shared_with_a_peer_are_listed(alex, pat, shared) -> None:
    assert [share.plan.participant for share in plans_shared_with(pat.membership)] == [alex.membership]


# Suggestions from the peer ---------------------------------------------------------------------


def suggest(alex, pat, text: str = "Text me 'anchor' any time", **extra) -> SafetyPlanSuggestion:
    return safety_plan_suggest(
        peer=pat.membership,
        participant=alex.membership,
        section=extra.pop("section", "coping_strategies"),
        text=text,
        **extra,
    )


def test_a_suggestion_waits_for_the_participant_and_changes_nothing(alex, pat, shared) -> None:
    suggestion = suggest(alex, pat)
    plan = SafetyPlan.objects.get()
    assert plan.version == 1 and plan.entries("coping_strategies") == []
    assert own_safety_plan(alex.membership).suggestions == [suggestion]
    assert Notification.objects.filter(user=alex.user, kind="safety_plan.suggestion").exists()


def test_an_accepted_suggestion_joins_the_plan_as_a_new_version(alex, pat, shared) -> None:
    suggestion = suggest(alex, pat, section="people_to_ask", text="Your cousin Lee", phone="555 0177")
    safety_plan_suggestion_decide(participant=alex.membership, suggestion=suggestion, accept=True)
    plan = SafetyPlan.objects.get()
    assert plan.entries("people_to_ask") == [
        Entry("Dana, my sister", "617 555 0131"),
        Entry("Your cousin Lee", "555 0177"),
    ]
    assert plan.version == 2 and plan.updated_by == alex.membership
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    assert len(events("safety_plan.suggestion.accept")) == 1


def test_a_dismissed_suggestion_leaves_the_plan_as_it_was(alex, pat, shared) -> None:
    suggestion = suggest(alex, pat)
    safety_plan_suggestion_decide(participant=alex.membership, suggestion=suggestion, accept=False)
    plan = SafetyPlan.objects.get()
    assert plan.version == 1 and plan.entries("coping_strategies") == []
    suggestion.refresh_from_db()
    assert suggestion.status == "dismissed"
    assert own_safety_plan(alex.membership).suggestions == []


def test_a_suggestion_is_answered_once(alex, pat, shared) -> None:
    suggestion = suggest(alex, pat)
    safety_plan_suggestion_decide(participant=alex.membership, suggestion=suggestion, accept=False)
    with pytest.raises(ValidationError):
        safety_plan_suggestion_decide(participant=alex.membership, suggestion=suggestion, accept=True)


def test_only_the_participant_answers_a_suggestion(alex, pat, jordan, shared) -> None:
    suggestion = suggest(alex, pat)
    with pytest.raises(PermissionDenied):
        safety_plan_suggestion_decide(participant=jordan.membership, suggestion=suggestion, accept=True)


def test_a_peer_cannot_suggest_for_a_plan_not_shared_with_them(alex, pat, alex_plan) -> None:
    with pytest.raises(PermissionDenied):
        suggest(alex, pat)


def test_a_suggestion_is_screened(alex, pat, shared) -> None:
    assert suggest(alex, pat, text="I am going to kill myself tonight").screening_level == "urgent"


# Private links for a trusted person ------------------------------------------------------------


def test_a_link_keeps_only_the_digest_of_its_secret(alex, alex_plan) -> None:
    link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    assert len(raw) >= 40
    assert raw not in link.token_hash
    with connection.cursor() as cursor:
        cursor.execute("SELECT token_hash FROM safety_safetyplanlink")
        assert cursor.fetchone()[0] != raw


def test_whoever_holds_the_link_reads_the_plan_and_each_view_is_counted_and_audited(alex, alex_plan) -> None:
    link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    page = safety_plan_by_link(raw)
    safety_plan_by_link(raw)
    assert page.sections[0].entries == [Entry(SECRET)]
    link.refresh_from_db()
    assert link.view_count == 2 and link.last_viewed_at is not None
    reads = events("safety_plan.read")
    assert len(reads) == 2
    assert {e.reason for e in reads} == {f"private link {link.pk}"}
    assert {e.subject_id for e in reads} == {alex.membership.pk}


def test_an_unknown_link_is_not_found(alex_plan) -> None:
    with pytest.raises(Http404):
        safety_plan_by_link("not-a-real-link")


def test_a_revoked_link_stops_working_at_once_and_the_attempt_is_audited(alex, alex_plan) -> None:
    link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    safety_plan_link_revoke(participant=alex.membership, link=link)
    with pytest.raises(LinkClosed):
        safety_plan_by_link(raw)
    assert [e.reason for e in events("safety_plan.link.refused")] == ["revoked"]
    assert events("safety_plan.read") == []


def test_a_link_stops_working_when_it_expires(alex, alex_plan) -> None:
    link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=1)
    SafetyPlanLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(LinkClosed):
        safety_plan_by_link(raw)
    assert [e.reason for e in events("safety_plan.link.refused")] == ["expired"]


def test_a_link_works_for_the_days_chosen(alex, alex_plan) -> None:
    link, _raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=30)
    assert timedelta(days=29, hours=23) < link.expires_at - timezone.now() <= timedelta(days=30)


@pytest.mark.parametrize(
    ("label", "days", "field"), [("", 7, "label"), ("Dana", 365, "days"), ("x" * 101, 7, "label")]
)
def test_a_link_needs_a_label_and_a_known_duration(alex, alex_plan, label, days, field) -> None:
    with pytest.raises(ValidationError) as refused:
        safety_plan_link_create(participant=alex.membership, label=label, days=days)
    assert field in refused.value.message_dict
    assert not SafetyPlanLink.objects.exists()


def test_only_the_participant_revokes_their_link(alex, jordan, alex_plan) -> None:
    link, _raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    with pytest.raises(PermissionDenied):
        safety_plan_link_revoke(participant=jordan.membership, link=link)


def test_a_link_from_another_organization_reads_there_and_only_there(alex, alex_plan, outsider) -> None:
    _link, raw = safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    with scope(organization=outsider.organization):
        page = safety_plan_by_link(raw)
    assert page.participant == alex.membership


# Crisis response ---------------------------------------------------------------------------------


def test_a_responder_reads_the_plan_in_an_urgent_incident_and_it_is_audited(alex, sam, alex_plan) -> None:
    page = safety_plan_for_incident(alex.membership, responder=sam.membership)
    assert page is not None and page.sections[0].entries == [Entry(SECRET)]
    (event,) = events("safety_plan.read")
    assert (event.actor_id, event.subject_id, event.reason) == (
        sam.user.pk,
        alex.membership.pk,
        "crisis response",
    )


def test_there_is_nothing_for_the_responder_when_there_is_no_plan(alex, sam, in_harbor) -> None:
    assert safety_plan_for_incident(alex.membership, responder=sam.membership) is None


def test_a_participant_or_an_outsider_is_no_responder(alex, jordan, outsider, alex_plan) -> None:
    with pytest.raises(Http404):
        safety_plan_for_incident(alex.membership, responder=jordan.membership)
    with pytest.raises(Http404):
        safety_plan_for_incident(alex.membership, responder=outsider.membership)


# The participant's own data ------------------------------------------------------------------


def test_the_plan_is_in_the_participants_data_download_in_plain_words(alex, pat, shared) -> None:
    write(alex, warning_signs=[Entry("Not sleeping")])
    suggest(alex, pat)
    data = personal_data_collect(alex.user)
    records = data["organizations"][0]["records"]
    assert SECRET in str(records["Earlier versions of a safety plan"])
    assert "Not sleeping" in records["Safety plans"][0]["warning signs"]
    assert "Text me" in str(records["Safety plan suggestions"])
    assert "Safety plan sharing" in records


def test_a_links_secret_digest_never_leaves_in_the_download(alex, alex_plan) -> None:
    safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    (link,) = personal_data_collect(alex.user)["organizations"][0]["records"][
        "Private links to a safety plan"
    ]
    assert "token_hash" not in link
    assert link["who it is for"] == "Dana"


def test_erasing_the_account_erases_the_plan_and_everything_attached(alex, pat, shared, settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    alex.user.set_password(PASSWORD)
    alex.user.save()
    write(alex, warning_signs=[Entry("Not sleeping")])
    suggest(alex, pat)
    safety_plan_link_create(participant=alex.membership, label="Dana", days=7)
    deletion = deletion_request_create(user=alex.user, password=PASSWORD)
    account_erase(deletion=deletion)
    with scopes_disabled():
        for model in (SafetyPlan, SafetyPlanVersion, SafetyPlanShare, SafetyPlanSuggestion, SafetyPlanLink):
            assert not model.objects.exists(), model
