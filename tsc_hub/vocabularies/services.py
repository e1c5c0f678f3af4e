"""Writes to vocabularies: loading the built-in vocabularies and importing CHM thesaurus files.

Each service reads and checks its whole input first, then writes in one transaction with one audit
event per vocabulary that changed; invalid input raises InvalidInput and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from tsc_hub.core.actor import Actor
from tsc_hub.core.audit import record_event
from tsc_hub.core.exceptions import PermissionDenied
from tsc_hub.vocabularies.builtin import read_builtin_vocabularies
from tsc_hub.vocabularies.chm import load_chm_json, parse_chm_terms
from tsc_hub.vocabularies.formats import Problems, clean_identifier
from tsc_hub.vocabularies.loading import Progress, UpsertOutcome, upsert_vocabulary
from tsc_hub.vocabularies.models import Term, Vocabulary

IMPORT_PERMISSION = "vocabularies.import_terms"
CHM_SOURCE = "CBD Clearing-House thesaurus"


@dataclass(frozen=True)
class ImportReport:
    """What loading or importing did to one vocabulary."""

    vocabulary: str
    created: int
    updated: int
    unchanged: int
    vocabulary_created: bool = False
    unresolved: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for people and logs: "created N, updated N, unchanged N"."""
        return f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"


def load_builtin_vocabularies(
    *, by: Actor | None = None, progress: Progress | None = None
) -> list[ImportReport]:
    """Create or update every vocabulary shipped in `data/`, relations included; one report each."""
    _check_may_import(by)
    datasets = read_builtin_vocabularies()
    total = sum(len(data.terms) for data in datasets)
    reports: list[ImportReport] = []
    done_before = 0
    with transaction.atomic():
        for data in datasets:
            outcome = upsert_vocabulary(
                data=data,
                vocabulary_model=Vocabulary,
                term_model=Term,
                relations="replace",
                progress=_offset(progress, done_before, total),
            )
            done_before += len(data.terms)
            _audit(outcome, by=by, action="vocabularies.load_builtin", source="tsc-hub")
            reports.append(_report(outcome))
    return reports


def import_chm_terms(
    *,
    path_or_data: str | Path | Any,
    vocabulary: str,
    by: Actor | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CHM thesaurus terms file into `vocabulary` (created if missing), all or nothing.

    Terms are matched by identifier and never duplicated. Texts are merged by language, so the
    English-only CHM never erases other languages. Relations among the vocabulary's terms are added.
    """
    _check_may_import(by)
    problems = Problems()
    vocabulary_identifier = clean_identifier(vocabulary, problems=problems, where="vocabulary")
    problems.raise_if_any()
    assert vocabulary_identifier is not None
    raw = load_chm_json(path_or_data)
    data = parse_chm_terms(raw, vocabulary=vocabulary_identifier)
    source = Path(path_or_data).name if isinstance(path_or_data, (str, Path)) else "data"
    with transaction.atomic():
        if not Vocabulary.objects.filter(identifier=vocabulary_identifier).exists():
            data = replace(data, source=CHM_SOURCE)
        outcome = upsert_vocabulary(
            data=data, vocabulary_model=Vocabulary, term_model=Term, relations="add", progress=progress
        )
        _audit(outcome, by=by, action="vocabularies.import_chm_terms", source=source)
    return _report(outcome)


def _check_may_import(by: Actor | None) -> None:
    # None is the system itself: the data migration and the command line.
    if by is not None and not by.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied(_("You may not load or import vocabulary terms."))


def _offset(progress: Progress | None, done_before: int, total: int) -> Progress | None:
    """A progress callback counting across several vocabularies."""
    if progress is None:
        return None
    report = progress

    def step(done: int, _in_file: int) -> None:
        report(done_before + done, total)

    return step


def _audit(outcome: UpsertOutcome, *, by: Actor | None, action: str, source: str) -> None:
    if not outcome.changed:
        return
    record_event(
        actor=by,
        action=action,
        target=outcome.vocabulary,
        changes={
            "source": source,
            "vocabulary_created": outcome.vocabulary_created,
            "vocabulary_fields": outcome.vocabulary_changes,
            "created": outcome.created,
            "updated": outcome.updated,
            "unchanged": len(outcome.unchanged),
        },
    )


def _report(outcome: UpsertOutcome) -> ImportReport:
    return ImportReport(
        vocabulary=outcome.vocabulary.identifier,
        created=len(outcome.created),
        updated=len(outcome.updated),
        unchanged=len(outcome.unchanged),
        vocabulary_created=outcome.vocabulary_created,
        unresolved=tuple(outcome.unresolved),
    )
