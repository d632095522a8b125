"""Drops cached navigation addresses when a section page changes (see content_urls), and the
cached lexicon stamp when a term or the glossary changes (see modules.lexicon).

The addresses are dropped when the change is committed, not when the signal is sent: Wagtail
publishes inside a transaction, and a page served by another process between the drop and the
commit would read the old addresses and cache them again for five minutes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from modules.models import GlossaryPage, LexiconTerm, ModuleIndexPage

SECTIONS = (ModuleIndexPage, GlossaryPage)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=ModuleIndexPage)
@receiver(post_delete, sender=GlossaryPage)
def section_page_changed(sender, instance=None, **kwargs):
    if instance is not None and issubclass(instance.specific_class or type(instance), SECTIONS):
        from modules.selectors import forget_content_urls

        transaction.on_commit(forget_content_urls)
        _forget_lexicon()


@receiver(post_save, sender=LexiconTerm)
@receiver(post_delete, sender=LexiconTerm)
def lexicon_term_changed(sender, instance, **kwargs):
    _forget_lexicon()


def _forget_lexicon() -> None:
    """Drops the lexicon's cached stamp at once (this request's next read sees the change) and
    again at commit (a page served by another process in between would have cached the old
    stamp)."""
    from modules.lexicon import forget_lexicon

    forget_lexicon()
    transaction.on_commit(forget_lexicon)
