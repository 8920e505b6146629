"""One-to-one conversations between a participant and their peer supporter, and the session
notes written with the participant after a contact.

A conversation belongs to one peer match. While the match is active both people write in it;
after it ends the participant keeps it, read-only, and the peer no longer sees it. Message
text, notes and comments are encrypted at rest.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alongside.core.fields import EncryptedTextField
from alongside.core.models import OrganizationScoped


class Conversation(OrganizationScoped):
    match = models.OneToOneField("matching.PeerMatch", on_delete=models.CASCADE, related_name="conversation")
    participant = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    peer = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_message_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-last_message_at", "-pk"]

    def __str__(self) -> str:
        return f"conversation {self.pk}"

    @property
    def group_name(self) -> str:
        return f"conversation.{self.pk}"


class Message(OrganizationScoped):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveBigIntegerField()
    # Chosen by the sender's device: the same sender sending it twice stores it once.
    client_id = models.CharField(max_length=64)
    sender = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    body = EncryptedTextField()
    screening_level = models.CharField(max_length=10, default="none")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="message_seq_unique"),
            models.UniqueConstraint(
                fields=["conversation", "sender", "client_id"], name="message_client_id_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.conversation_id}#{self.seq}"


class ReadState(OrganizationScoped):
    """How far each person has received and read a conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="read_states")
    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    delivered_seq = models.PositiveBigIntegerField(default=0)
    read_seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "member"], name="one_read_state")]

    def __str__(self) -> str:
        return f"read state {self.conversation_id}/{self.member_id}"


class MessageReport(OrganizationScoped):
    """A message someone reported: it goes to the supervisors' moderation queue."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a supervisor")
        RESOLVED = "resolved", _("Resolved")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    reason = EncryptedTextField(_("what is wrong"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"report of {self.message_id}"


class BreakGlassAccess(OrganizationScoped):
    """A supervisor opening a conversation they are not part of, with a reason, for one hour.
    Audited, and visible to the two people in the conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="break_glass")
    member = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    reason = EncryptedTextField()
    opened_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"break-glass {self.conversation_id} by {self.member_id}"


class ContactType(models.TextChoices):
    CHAT = "chat", _("Chat")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    IN_PERSON = "in_person", _("In person")


class SessionNote(OrganizationScoped):
    """What happened in a contact, written by the peer supporter with the participant, who reads
    every note about them and may add their own comment."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey("accounts.Membership", on_delete=models.CASCADE, related_name="+")
    happened_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("how long (minutes)"))
    contact_type = models.CharField(_("how you met"), max_length=10, choices=ContactType.choices)
    life_areas = models.JSONField(_("life areas touched"), default=list, blank=True)
    goals = models.ManyToManyField(
        "plans.Goal", blank=True, related_name="+", verbose_name=_("goals touched")
    )
    agreed = EncryptedTextField(_("what we agreed"), blank=True)
    follow_up = EncryptedTextField(_("follow-up"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(null=True, blank=True)
    participant_comment = EncryptedTextField(_("your comment"), blank=True)
    participant_commented_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-happened_on", "-created_at"]

    def __str__(self) -> str:
        return f"session note {self.pk}"
