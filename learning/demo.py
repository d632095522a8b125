"""Demo people and boards for `manage.py seed_demo`. Every step is idempotent.

Other areas add their own demo data through the SEED_DEMO hook of `learning.extension_points`:
a function registered in that app's `wagtail_hooks.py` with `@hooks.register(SEED_DEMO)` that
returns a `DemoStep` whose `seed` takes the `DemoPeople` made here. The steps run in that
module's DEMO_ORDER (people first, then content, then activity).
"""

import base64
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import Board, Organisation, Role
from .services import seat_appoint

NORTHBRIDGE = "Northbridge Teaching Hospitals NHS Foundation Trust"
EASTMOOR = "Eastmoor Community Health NHS Trust"

# (email, first name, last name, role)
NORTHBRIDGE_PEOPLE = [
    ("chair@northbridge.example", "Helen", "Ashworth", Role.CHAIR),
    ("ceo@northbridge.example", "Daniel", "Osei", Role.CHIEF_EXECUTIVE),
    ("exec1@northbridge.example", "Priya", "Raman", Role.EXECUTIVE_DIRECTOR),
    ("exec2@northbridge.example", "Tom", "Hargreaves", Role.EXECUTIVE_DIRECTOR),
    ("exec3@northbridge.example", "Grace", "Mensah", Role.EXECUTIVE_DIRECTOR),
    ("ned1@northbridge.example", "Samuel", "Clarke", Role.NON_EXECUTIVE_DIRECTOR),
    ("ned2@northbridge.example", "Aisha", "Begum", Role.NON_EXECUTIVE_DIRECTOR),
    ("ned3@northbridge.example", "Richard", "Lowe", Role.NON_EXECUTIVE_DIRECTOR),
    ("ned4@northbridge.example", "Fiona", "MacLeod", Role.NON_EXECUTIVE_DIRECTOR),
    ("ned5@northbridge.example", "Kwame", "Boateng", Role.NON_EXECUTIVE_DIRECTOR),
    ("ned6@northbridge.example", "Joanna", "Wiśniewska", Role.NON_EXECUTIVE_DIRECTOR),
    ("facilitator@northbridge.example", "Marcus", "Bell", Role.FACILITATOR),
]
EASTMOOR_PEOPLE = [
    ("chair@eastmoor.example", "Ruth", "Pemberton", Role.CHAIR),
    ("facilitator@eastmoor.example", "Imran", "Siddiqui", Role.FACILITATOR),
    ("member1@eastmoor.example", "Claire", "Dawson", Role.CHIEF_EXECUTIVE),
    ("member2@eastmoor.example", "Yusuf", "Adeyemi", Role.EXECUTIVE_DIRECTOR),
    ("member3@eastmoor.example", "Hannah", "Price", Role.NON_EXECUTIVE_DIRECTOR),
    ("member4@eastmoor.example", "Nikhil", "Shah", Role.NON_EXECUTIVE_DIRECTOR),
]
EDITOR = ("editor@boardready.example", "Elaine", "Foster")
# Approves what editors submit: Wagtail's "Moderators approval" workflow needs someone in
# Moderators, or a module submitted in the demo stays locked in moderation.
MODERATOR = ("moderator@boardready.example", "Olu", "Adebayo")

# Chairs, facilitators and editors must use a second factor. The demo gives each of them an
# authenticator with this shared key, so `manage.py demo_code EMAIL` (or any authenticator app
# set up with DEMO_TOTP_KEY_BASE32) gives the code. Never used outside the demo: seed_demo
# refuses to run under production settings.
DEMO_TOTP_KEY = "426f61726452656164792064656d6f206f6e6c79"  # noqa: S105 (hex of a public phrase)
DEMO_TOTP_KEY_BASE32 = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()


@dataclass
class DemoPeople:
    password: str
    northbridge: Board | None = None
    eastmoor: Board | None = None
    users: dict = field(default_factory=dict)

    def user(self, email):
        return self.users[email]


def _person(people: DemoPeople, email, first_name, last_name):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(people.password)
        user.save(update_fields=["password"])
    people.users[email] = user
    return user


def _board(name, org_type, region, roster, people: DemoPeople) -> Board:
    organisation, _ = Organisation.objects.get_or_create(
        name=name, defaults={"type": org_type, "region": region}
    )
    board, _ = Board.objects.get_or_create(organisation=organisation, name="Board of directors")
    for email, first_name, last_name, role in roster:
        seat_appoint(
            user=_person(people, email, first_name, last_name),
            board=board,
            role=role,
            confirmed=True,
        )
    # The demo board has sat for a year, so reading due before today is overdue for its members
    # (someone who joins after a due date has seven days from joining); only seats made now move.
    now = timezone.now()
    # Its chair has chaired all that time: no change of chair's notice is running.
    board.memberships.filter(joined_at__gt=now - timedelta(days=1)).update(
        joined_at=now - timedelta(days=365), chair_since=None
    )
    return board


@transaction.atomic
def seed_people(password: str) -> DemoPeople:
    people = DemoPeople(password=password)
    people.northbridge = _board(
        NORTHBRIDGE, Organisation.Type.ACUTE, "North East and Yorkshire", NORTHBRIDGE_PEOPLE, people
    )
    people.eastmoor = _board(
        EASTMOOR, Organisation.Type.COMMUNITY, "Midlands", EASTMOOR_PEOPLE, people
    )
    editor = _person(people, *EDITOR)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    moderator = _person(people, *MODERATOR)
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    _give_authenticators(people.users.values())
    return people


def _give_authenticators(users) -> None:
    """A confirmed demo authenticator for everyone who must use a second factor."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .mfa import user_requires_mfa

    for user in users:
        if user_requires_mfa(user) and not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(
                user=user, name="Demo authenticator", key=DEMO_TOTP_KEY, confirmed=True
            )


def demo_code(email: str) -> str:
    """The current second-factor code of a demo person's authenticator."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__email__iexact=email, confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(code).zfill(device.digits)


def sign_ins() -> list[str]:
    return [row[0] for row in NORTHBRIDGE_PEOPLE + EASTMOOR_PEOPLE] + [EDITOR[0], MODERATOR[0]]
