"""Erases a person on request: `manage.py erase_person someone@example.nhs.uk --confirm`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from learning.audit.personal_data import person_erase


class Command(BaseCommand):
    help = "Deletes a person's account and personal data (see the README's Retention section)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--confirm", action="store_true", help="Really erase; without it nothing changes."
        )
        parser.add_argument("--by", help="Email address of the staff member doing this.")

    def handle(self, *args, email, confirm, by, **options):
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No account has the email address {email}.")
        actor = None
        if by:
            actor = User.objects.filter(email__iexact=by, is_staff=True).first()
            if actor is None:
                raise CommandError(f"{by} is not a staff account.")
        if not confirm:
            self.stdout.write(f"Would erase {user.email}. Run again with --confirm to do it.")
            return
        person_erase(user=user, actor=actor)
        self.stdout.write(self.style.SUCCESS(f"Erased {email}."))
