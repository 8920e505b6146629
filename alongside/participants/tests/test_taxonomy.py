"""Organization admins shape the lived-experience areas intake offers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_scopes import scope

from alongside.core.models import AuditEvent
from alongside.participants.models import ExperienceArea
from alongside.participants.services import (
    experience_area_create,
    experience_area_move,
    experience_area_update,
)

LIST = "/participants/experience-areas/"


def slugs_in_order() -> list[str]:
    return list(ExperienceArea.objects.order_by("position", "label").values_list("slug", flat=True))


def test_an_admin_adds_an_area_at_the_end(morgan, in_harbor) -> None:
    response = morgan.client().post(LIST, {"label": "Gambling"})
    assert response["Location"] == LIST
    added = ExperienceArea.objects.get(label="Gambling")
    assert (added.slug, added.is_active) == ("gambling", True)
    assert slugs_in_order()[-1] == "gambling"
    assert AuditEvent.objects.filter(action="experience_area.create", object_id=str(added.pk)).exists()


def test_a_duplicate_or_empty_name_is_refused(morgan, in_harbor) -> None:
    count = ExperienceArea.objects.count()
    response = morgan.client().post(LIST, {"label": "opioids"})
    assert response.status_code == 400
    assert "There is already an area called" in response.content.decode()
    with pytest.raises(ValidationError):
        experience_area_create(actor=morgan.user, organization=morgan.organization, label="   ")
    assert ExperienceArea.objects.count() == count


def test_an_admin_renames_and_hides_an_area(morgan, in_harbor) -> None:
    grief = ExperienceArea.objects.get(slug="grief")
    response = morgan.client().post(f"{LIST}{grief.pk}/", {"label": "Loss and bereavement"})
    assert response["Location"] == LIST
    grief.refresh_from_db()
    assert (grief.label, grief.is_active) == ("Loss and bereavement", False)
    page = morgan.client().get(LIST).content.decode()
    assert "Loss and bereavement" in page
    assert "Hidden" in page  # said in words, not only by colour


def test_a_renamed_default_area_shows_its_new_name_in_every_language(morgan, in_harbor) -> None:
    grief = ExperienceArea.objects.get(slug="grief")
    experience_area_update(actor=morgan.user, area=grief, label="Loss", is_active=True)
    with translation.override("es"):
        assert grief.display_label == "Loss"


def test_an_admin_reorders_areas_up_and_down(morgan, in_harbor) -> None:
    before = slugs_in_order()
    second = ExperienceArea.objects.get(slug=before[1])
    morgan.client().post(f"{LIST}{second.pk}/move/", {"direction": "up"})
    assert slugs_in_order()[:2] == [before[1], before[0]]
    experience_area_move(actor=morgan.user, area=second, direction="down")
    assert slugs_in_order() == before
    # Moving the first one up changes nothing.
    experience_area_move(actor=morgan.user, area=ExperienceArea.objects.get(slug=before[0]), direction="up")
    assert slugs_in_order() == before
    with pytest.raises(ValidationError):
        experience_area_move(actor=morgan.user, area=second, direction="sideways")  # type: ignore[arg-type]


def test_another_organizations_area_is_not_found_and_unchanged(outsider, harbor) -> None:
    with scope(organization=harbor):
        grief = ExperienceArea.objects.get(slug="grief")
    client = outsider.client()
    assert client.post(f"{LIST}{grief.pk}/", {"label": "Taken over"}).status_code == 404
    assert client.post(f"{LIST}{grief.pk}/move/", {"direction": "up"}).status_code == 404
    with scope(organization=harbor):
        grief.refresh_from_db()
    assert grief.label == "Grief and loss"


def test_only_admins_edit_the_taxonomy(sam, in_harbor) -> None:
    assert sam.client().get(LIST).status_code == 403
