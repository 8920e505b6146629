from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "alongside.core"
    label = "core"
    verbose_name = "Alongside core"

    def ready(self) -> None:
        from alongside.core import jobs  # noqa: F401  (registers the periodic jobs)
