"""Lets Wagtail's Editors and Moderators groups write self-assessment instruments.

Only instruments: no group gets any permission on responses, answers or scores.
"""

from django.db import migrations

ACTIONS = ["add", "change", "delete", "view"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="assessment", model="instrument")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_instrument",
            defaults={"name": f"Can {action} instrument"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
