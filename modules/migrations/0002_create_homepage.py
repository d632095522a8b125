from django.db import migrations

INTRODUCTION = (
    "Short pre-reading, knowledge checks, private self-assessment and personal commitments "
    "for NHS boards working on race equality."
)
BODY = (
    "<p>Board members read a short module before each facilitated session, check what they "
    "have understood and make commitments they are held to. Facilitators set the reading and "
    "chase it. Chairs see how ready the board is, together, without breaking any one "
    "member's confidence.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("modules.HomePage")

    # Wagtail's own first migration makes a placeholder welcome page; replace it.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="modules")
    locale = Locale.objects.first()
    homepage = HomePage.objects.create(
        title="Board development for race equality",
        draft_title="Board development for race equality",
        slug="home",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        introduction=INTRODUCTION,
        body=BODY,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": homepage, "site_name": "BoardReady"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("modules.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
