"""Recovery codes kept as hashes: a table for them, and the codes kept in plain text until now
(django-otp's static tokens) moved into it as salted, keyed hashes.

The hash is written out here rather than imported, so this migration keeps doing what it did
when it was written; it matches `learning.recovery_codes.code_hash` as of this change. Going
back cannot recover the codes: people would make a new set.
"""

import secrets

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.crypto import salted_hmac


def _hash(code):
    salt = secrets.token_hex(16)
    normalised = "".join(code.split()).lower()
    digest = salted_hmac(
        "boardready.recovery-code",
        f"{salt}${normalised}",
        secret=settings.SECRET_KEY,
        algorithm="sha256",
    ).hexdigest()
    return f"hmac_sha256${salt}${digest}"


def hash_codes(apps, schema_editor):
    StaticToken = apps.get_model("otp_static", "StaticToken")
    RecoveryCode = apps.get_model("learning", "RecoveryCode")
    tokens = list(StaticToken.objects.all())
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device_id=token.device_id, code_hash=_hash(token.token)) for token in tokens
    )
    StaticToken.objects.filter(pk__in=[token.pk for token in tokens]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ('learning', '0004_email_opt_out'),
        ('otp_static', '0003_add_timestamps'),
    ]

    operations = [
        migrations.CreateModel(
            name='RecoveryCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code_hash', models.CharField(max_length=128)),
                ('device', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recovery_codes', to='otp_static.staticdevice')),
            ],
        ),
        migrations.RunPython(hash_codes, migrations.RunPython.noop),
    ]
