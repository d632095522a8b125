"""Offers this release's new content to sites that loaded the content before: the modules "Fair
processes within the law", "Patients and communities" and "A board that challenges itself" as
unpublished pages sent for moderation, their knowledge checks and six lexicon terms as drafts,
and the new assurance questions; and the corrections (WRES figures of one year) as new revisions
sent for moderation. Anything an editor has changed is left alone and listed
(`manage.py update_content`, which can be run again at any time).

A fresh database has nothing loaded yet and skips this; `seed_demo` loads the files."""

from django.db import migrations


def offer_new_content(apps, schema_editor):
    historical = apps.get_model("modules", "ModulePage")
    if not historical.objects.exists():
        return
    from modules.content_loader import update_content
    from modules.management.commands.update_content import describe

    describe(update_content(), print)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0009_module_index_reading_time_claim"),
        ("quizzes", "0005_time_limit"),
    ]

    operations = [migrations.RunPython(offer_new_content, migrations.RunPython.noop)]
