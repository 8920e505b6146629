from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "alongside.devtools"
    label = "devtools"
    verbose_name = "Demo and synthetic data"
