"""Loads the demo organisations, boards, people and activity. Safe to run more than once."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from learning.demo import DEMO_TOTP_KEY_BASE32, seed_people, sign_ins
from learning.env import env_str
from learning.extension_points import demo_steps


class Command(BaseCommand):
    help = "Load BoardReady's demo data (never in production)."

    def handle(self, *args, **options):
        if getattr(settings, "BOARDREADY_ENVIRONMENT", "") == "production":
            raise CommandError("seed_demo refuses to run under production settings.")
        password = env_str("DEMO_PASSWORD", "boardready-demo")
        people = seed_people(password)
        # Each area adds its demo data through the SEED_DEMO hook, in DEMO_ORDER.
        for step in demo_steps():
            step.seed(people)
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Sign in at http://127.0.0.1:8000/"))
        self.stdout.write(f"Every demo account's password: {password}")
        for email in sign_ins():
            self.stdout.write(f"  {email}")
        self.stdout.write(
            "Chairs, facilitators, the editor and the moderator then enter a 6-digit code: run\n"
            "  make demo-code EMAIL=chair@northbridge.example\n"
            f"or add the key {DEMO_TOTP_KEY_BASE32} to an authenticator app."
        )
