"""Lets Wagtail's Editors and Moderators groups write and publish knowledge checks.

Permissions are usually made after migrations run, so this creates the rows it needs; Django
and Wagtail find them already there and leave them alone.
"""

from django.db import migrations

ACTIONS = ["add", "change", "delete", "view", "publish"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="quiz")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_quiz",
            defaults={"name": f"Can {action} knowledge check"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
