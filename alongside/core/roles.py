"""The roles a membership can hold in an organization."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    PEER = "peer", _("Peer supporter")
    SUPERVISOR = "supervisor", _("Supervisor")
    CLINICIAN = "clinician", _("Clinician")
    ADMIN = "admin", _("Organization admin")


STAFF_ROLES = frozenset({Role.PEER, Role.SUPERVISOR, Role.CLINICIAN, Role.ADMIN})
OVERSIGHT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
