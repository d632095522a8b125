"""Rebuilds the search index of lexicon terms, whose definitions are now matched as the admin's
listing search is typed (an autocomplete field).

The index is written through the live model because only it knows its search fields. That is
safe here since the historical model is checked first: a database without terms (every new
one) runs no query on the live model at all.
"""

from django.db import migrations


def reindex(apps, schema_editor):
    if not apps.get_model("modules", "LexiconTerm").objects.exists():
        return
    from wagtail.search.backends import get_search_backend

    from modules.models import LexiconTerm

    get_search_backend().add_bulk(LexiconTerm, list(LexiconTerm.objects.all()))


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0006_modulepage_word_total"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
