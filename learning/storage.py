"""Static file storage for production: hashed, compressed names served by whitenoise."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    return tuple(
        (
            extension,
            tuple(
                rule
                for rule in rules
                if "sourceMappingURL" not in (rule[0] if isinstance(rule, tuple) else rule)
            ),
        )
        for extension, rules in patterns
    )


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage, ignoring source-map comments and rewriting JS imports.

    wagtail-nhsuk-frontend ships its minified CSS and JS with `sourceMappingURL` comments but
    without the .map files, which would make `collectstatic` fail; our own module script imports
    the design system's JS, so those imports get hashed names too.
    """

    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
    support_js_module_import_aggregation = True
