"""`tsc-hub search rebuild`, `vectors` and `query`."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("search", *args, stdout=out, stderr=err, **options)
    return out.getvalue()


def test_query_prints_hits_and_facets(corpus):
    out = run("query", "Kunmig", "--lang", "fr", "--lang", "en")
    assert out.splitlines()[0].startswith("2 results in ")
    assert "'kunmig' matched nothing; also searched kunming" in out
    assert "[fr] Restauration des zones humides dans la région de [Kunming]" in out
    assert "kind: profile (1), resource (1)" in out


def test_query_as_json(corpus):
    payload = json.loads(run("query", "湿地", "--json", "--filter", "country=cn"))
    assert payload["total"] == 1
    assert payload["hits"][0]["title_html"] == "昆明地区<mark>湿地</mark>保护与恢复"
    assert payload["facets"]["language"] == [["zh", 1]]


def test_query_refuses_a_malformed_filter(corpus):
    with pytest.raises(CommandError):
        run("query", "x", "--filter", "country")


def test_rebuild_reports_what_it_wrote(corpus):
    # The corpus has no source, so a rebuild empties the index; test settings have no sentence encoder.
    assert run("rebuild", verbosity=0).splitlines() == ["Indexed 0 documents.", "Embedded 0 records."]


def test_rebuild_can_leave_the_vectors_to_the_worker(corpus):
    assert run("rebuild", "--no-vectors", verbosity=0).splitlines() == ["Indexed 0 documents."]
