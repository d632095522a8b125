"""Lets Wagtail's Editors and Moderators groups write lexicon terms and assurance questions.

Permissions are usually made after migrations run, so this creates the rows it needs; Django
and Wagtail find them already there and leave them alone.
"""

from django.db import migrations

GRANTS = {
    "lexiconterm": ("lexicon term", ["add", "change", "delete", "view", "publish"]),
    "assurancequestion": ("assurance question", ["add", "change", "delete", "view"]),
}
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, (verbose_name, actions) in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="modules", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            permissions.append(permission)
    for name in GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0004_content_pages_lexicon_case_studies"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
