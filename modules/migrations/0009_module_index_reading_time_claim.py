"""Drops "Each takes 10 to 20 minutes" from the modules index introduction the content loader
wrote: modules take 8 to 11 minutes, and each card already shows its own reading time."""

from django.db import migrations

OLD = "Each takes 10 to 20 minutes. "


def drop_claim(apps, schema_editor):
    ModuleIndexPage = apps.get_model("modules", "ModuleIndexPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in ModuleIndexPage.objects.filter(introduction__contains=OLD):
        page.introduction = page.introduction.replace(OLD, "")
        page.save(update_fields=["introduction"])
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            introduction = revision.content.get("introduction", "")
            if OLD in introduction:
                revision.content["introduction"] = introduction.replace(OLD, "")
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("modules", "0008_content_corrections_december_2026")]

    operations = [migrations.RunPython(drop_claim, migrations.RunPython.noop)]
