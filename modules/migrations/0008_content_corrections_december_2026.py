"""Offers the December 2026 content corrections (case studies that say only what Race 2.0 says,
the survey's wording, quotation and attribution) to sites that loaded the content before: each
changed item gets a new revision sent for moderation, and anything an editor has changed is left
alone and listed (`manage.py update_content`, which can be run again at any time).

A fresh database has nothing loaded yet and skips this; `seed_demo` loads the corrected files."""

from django.db import migrations


def offer_corrections(apps, schema_editor):
    historical = apps.get_model("modules", "CaseStudyPage")
    if not historical.objects.exists():
        return
    from modules.content_loader import update_content
    from modules.management.commands.update_content import describe

    describe(update_content(), print)


class Migration(migrations.Migration):
    dependencies = [("modules", "0007_reindex_lexicon_terms")]

    operations = [migrations.RunPython(offer_corrections, migrations.RunPython.noop)]
