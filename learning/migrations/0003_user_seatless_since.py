from django.db import migrations, models
from django.utils import timezone


def start_the_clock(apps, schema_editor):
    """People who had seats, all ended, count as seatless from now: when their seats ended was
    not recorded, so nobody is erased sooner than the retention period allows."""
    User = apps.get_model("learning", "User")
    Membership = apps.get_model("learning", "Membership")
    seated = Membership.objects.filter(is_active=True).values("user_id")
    had_seats = Membership.objects.values("user_id")
    User.objects.filter(pk__in=had_seats).exclude(pk__in=seated).update(
        seatless_since=timezone.now()
    )


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0002_user_roles_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="seatless_since",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(start_the_clock, migrations.RunPython.noop),
    ]
