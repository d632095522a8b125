"""Lets Wagtail's Editors and Moderators groups write suggested commitments, which had no
permissions granted and so never appeared in their admin menu; and rebuilds the suggestions’
search index, which now matches titles and descriptions as the admin's search is typed (the
live model writes it, only when suggestions exist: see modules 0007)."""

from django.db import migrations

MODEL = "suggestedcommitment"
ACTIONS = ["add", "change", "delete", "view"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="plans", model=MODEL)
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{MODEL}",
            defaults={"name": f"Can {action} suggested commitment"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def reindex(apps, schema_editor):
    if not apps.get_model("plans", "SuggestedCommitment").objects.exists():
        return
    from wagtail.search.backends import get_search_backend

    from reflection.plans.models import SuggestedCommitment

    get_search_backend().add_bulk(SuggestedCommitment, list(SuggestedCommitment.objects.all()))


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(reindex, migrations.RunPython.noop),
    ]
