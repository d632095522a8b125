"""Two feedback modes, Immediate ("each") and Deferred ("end", now the default), and when the
correct answers are shown as a setting of its own. "Score only" was a third feedback value; it
becomes Deferred with the answers never shown."""

from django.db import migrations, models


def split_score_only(apps, schema_editor):
    for name in ("Quiz", "Attempt"):
        model = apps.get_model("quizzes", name)
        model.objects.exclude(feedback="none").update(reveal="attempt")
        model.objects.filter(feedback="none").update(feedback="end", reveal="never")


def join_score_only(apps, schema_editor):
    for name in ("Quiz", "Attempt"):
        model = apps.get_model("quizzes", name)
        model.objects.filter(reveal="never").update(feedback="none")


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_editor_permissions")]

    operations = [
        migrations.AddField(
            model_name="quiz",
            name="reveal",
            field=models.CharField(
                choices=[
                    ("attempt", "After each attempt"),
                    ("final", "After passing, or after the last attempt"),
                    ("never", "Never: score only, no answers or explanations"),
                ],
                default="final",
                help_text="When members see the correct answers and explanations.",
                max_length=10,
                verbose_name="show the correct answers",
            ),
        ),
        migrations.AddField(
            model_name="attempt",
            name="reveal",
            field=models.CharField(
                choices=[
                    ("attempt", "After each attempt"),
                    ("final", "After passing, or after the last attempt"),
                    ("never", "Never: score only, no answers or explanations"),
                ],
                default="attempt",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="attempt",
            name="feedback",
            field=models.CharField(
                choices=[
                    ("each", "Immediate: each answer is marked when saved, and then cannot change"),
                    (
                        "end",
                        "Deferred: nothing is marked, and every answer can change, until submitting",
                    ),
                ],
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="quiz",
            name="feedback",
            field=models.CharField(
                choices=[
                    ("each", "Immediate: each answer is marked when saved, and then cannot change"),
                    (
                        "end",
                        "Deferred: nothing is marked, and every answer can change, until submitting",
                    ),
                ],
                default="end",
                help_text="Deferred lets members change any answer until they submit. Immediate marks each answer as it is saved and locks it.",
                max_length=10,
                verbose_name="mode",
            ),
        ),
        migrations.RunPython(split_score_only, join_score_only),
    ]
