from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "alongside.groups"
    label = "groups"
    verbose_name = "Support groups and meetings"

    def ready(self) -> None:
        from alongside.groups import rooms  # noqa: F401  (its schedule cache listens for changes)
