"""Every UI string is translated in the six languages, and the catalogues are up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALES = ["ar", "en", "es", "fr", "ru", "zh_Hans"]
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])


def _catalogue(locale: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / locale / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("locale", LOCALES)
def test_no_string_is_untranslated_or_fuzzy(locale):
    catalogue = _catalogue(locale)
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{locale}: untranslated {untranslated[:10]}"
    assert fuzzy == [], f"{locale}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_the_po_file(locale):
    po = _catalogue(locale)
    mo = polib.mofile(str(LOCALE_DIR / locale / "LC_MESSAGES" / "django.mo"))
    compiled = {
        (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in mo
    }
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
        ), f"{locale}: run `tsc-hub compile-translations` ({entry.msgid!r})"


@pytest.mark.parametrize("locale", ["ar", "ru"])
def test_plural_forms_are_complete(locale):
    catalogue = _catalogue(locale)
    forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for entry in catalogue:
        if entry.msgid_plural:
            assert len([v for v in entry.msgstr_plural.values() if v]) == forms, entry.msgid


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path, monkeypatch):
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext (xgettext) is not installed")
    source = Path(settings.PACKAGE_DIR)
    copy = tmp_path / "tsc_hub"
    shutil.copytree(
        source, copy, ignore=shutil.ignore_patterns("locale", "tests", "__pycache__", "*.pyc", "data")
    )
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_location=True, verbosity=0)
    extracted = {entry.msgid for entry in polib.pofile(str(copy / "locale/en/LC_MESSAGES/django.po"))}
    committed = {entry.msgid for entry in _catalogue("en")}
    missing = sorted(extracted - committed)
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"
