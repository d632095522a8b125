from django.core.management import call_command
from django.test import override_settings


def test_production_static_files_collect_with_hashed_names(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "learning.storage.StaticStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    script = next((tmp_path / "js").glob("boardready.*.js")).read_text()
    # The design system's module is imported by its hashed name, so caches never serve a stale one.
    assert "nhsuk-frontend-10.4.2.min." in script
    assert 'nhsuk-frontend-10.4.2.min.js"' not in script
    assert list((tmp_path / "css").glob("boardready.*.css.gz"))
