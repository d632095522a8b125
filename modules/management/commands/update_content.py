"""`manage.py update_content [--dry-run]`: brings content loaded from an older version of
modules/content up to date, as new revisions for an editor or moderator to approve (see
`modules.content_loader.update_content`). Lists what it sent for moderation, what it saved as a
draft and what it left alone because an editor has changed it. A data migration runs it once
for each release whose content corrects what sites already hold."""

from pathlib import Path

from django.core.management.base import BaseCommand

from modules.content_loader import CONTENT_DIR, update_content


def describe(report, write) -> None:
    for title, items in (
        ("New: added unpublished, for moderation or an editor to publish", report.added),
        ("Sent for moderation (a new revision; the live version is unchanged)", report.submitted),
        ("Saved as a draft for an editor to publish", report.drafted),
        ("Left alone: changed by an editor since it was loaded", report.left_alone),
        ("Problems in the content files", report.problems),
    ):
        if items:
            write(f"{title}:")
            for item in items:
                write(f"  - {item}")
    if not (report.added or report.submitted or report.drafted or report.left_alone):
        write("All loaded content is up to date.")


class Command(BaseCommand):
    help = "Offer content corrections to a site that loaded an older version, for moderation."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, change nothing")
        parser.add_argument(
            "--content-dir", type=Path, default=CONTENT_DIR, help="the content files' folder"
        )

    def handle(self, *args, dry_run=False, content_dir=CONTENT_DIR, **options):
        if dry_run:
            self.stdout.write("Dry run: nothing is changed.")
        describe(update_content(content_dir, dry_run=dry_run), self.stdout.write)
