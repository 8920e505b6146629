from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "alongside.groups"
    label = "groups"
    verbose_name = "Support groups and meetings"
