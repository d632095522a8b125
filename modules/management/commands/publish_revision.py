"""`manage.py publish_revision /glossary/ --slug terms`: publishes a new revision of a live page,
as an editor pressing "Publish" in the admin would (a revision, the publish signal, the log entry).

The load test's publish step uses it to change an address in every page's navigation while
several processes serve the site, then checks that each of them serves the new address. It is
safe to use on a real site too: the change is an ordinary revision, visible in the page's history
and undone by publishing the one before.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Publishes a new revision of the live page at ADDRESS (its slug or title changed)."

    def add_arguments(self, parser):
        parser.add_argument("address", help="the page's address, e.g. /glossary/")
        parser.add_argument("--slug", help="the new slug (changes the page's address)")
        parser.add_argument("--title", help="the new title")

    def handle(self, *args, address, slug=None, title=None, **options):
        if not slug and not title:
            raise CommandError("Give --slug, --title or both: there is nothing to change.")
        page = self._page_at(address)
        if slug:
            page.slug = slug
        if title:
            page.title = title
        page.full_clean()
        with transaction.atomic():
            revision = page.save_revision(log_action=True)
            revision.publish()
        page.refresh_from_db()
        self.stdout.write(page.get_url() or page.url_path)

    @staticmethod
    def _page_at(address: str) -> Page:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site.")
        wanted = "/" + address.strip("/") + "/" if address.strip("/") else "/"
        for page in Page.objects.live().descendant_of(site.root_page, inclusive=True).specific():
            if page.get_url() == wanted:
                return page
        raise CommandError(f"No live page is at {wanted}.")
