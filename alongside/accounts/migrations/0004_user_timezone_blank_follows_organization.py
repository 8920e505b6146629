"""A person's own time zone may be unset (blank), and then their organization's applies.

Until now the field defaulted to "UTC", so "UTC" meant "never chosen" for almost everyone who
has it: the sign-up form never asked, and the preferences form showed the stored "UTC" as the
choice. Nothing recorded an explicit choice, so every "UTC" becomes blank and those people read
times in their organization's zone (in an organization on UTC nothing changes). Anyone who
really wants UTC can choose it again under My account; "Etc/UTC" and every other zone are kept.
"""

from django.db import migrations, models

import alongside.accounts.models


def unset_the_old_default(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(timezone="UTC").update(timezone="")


def restore_the_old_default(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(timezone="").update(timezone="UTC")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_session_generation"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="timezone",
            field=models.CharField(
                blank=True,
                default="",
                help_text="Empty: the organization's time zone.",
                max_length=64,
                validators=[alongside.accounts.models.validate_timezone],
                verbose_name="time zone",
            ),
        ),
        migrations.RunPython(unset_the_old_default, restore_the_old_default),
    ]
