from django.apps import AppConfig


class EscalationConfig(AppConfig):
    name = "alongside.safety.escalation"
    label = "escalation"
    verbose_name = "Crisis escalation"
