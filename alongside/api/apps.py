from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "alongside.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self) -> None:
        from alongside.api import signals  # noqa: F401
