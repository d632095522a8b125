"""Drops cached navigation addresses when a section page changes (see content_urls)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from modules.models import GlossaryPage, ModuleIndexPage

SECTIONS = (ModuleIndexPage, GlossaryPage)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=ModuleIndexPage)
@receiver(post_delete, sender=GlossaryPage)
def section_page_changed(sender, instance=None, **kwargs):
    if instance is not None and issubclass(instance.specific_class or type(instance), SECTIONS):
        from modules.selectors import forget_content_urls

        forget_content_urls()
