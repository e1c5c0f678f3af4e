"""API endpoints of the vocabularies app: public, read-only reference data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate

from tsc_hub.core.exceptions import NotFound
from tsc_hub.vocabularies.models import Term, Vocabulary
from tsc_hub.vocabularies.querysets import TermQuerySet
from tsc_hub.vocabularies.schemas import TermOut, VocabularyOut

router = Router(tags=["vocabularies"])


def _vocabulary_or_404(identifier: str, *, with_term_count: bool = False) -> Vocabulary:
    vocabularies = Vocabulary.objects.with_term_count() if with_term_count else Vocabulary.objects.all()
    vocabulary = vocabularies.filter(identifier=identifier).first()
    if vocabulary is None:
        raise NotFound(_("There is no vocabulary “%(identifier)s”.") % {"identifier": identifier})
    return vocabulary


@router.get("", response=list[VocabularyOut], summary="List vocabularies")
def list_vocabularies(request: HttpRequest) -> Any:
    """Every vocabulary with its number of terms."""
    return Vocabulary.objects.with_term_count()


@router.get("/{identifier}", response=VocabularyOut, summary="Get a vocabulary")
def get_vocabulary(request: HttpRequest, identifier: str) -> Any:
    """One vocabulary, e.g. GBF-TARGETS."""
    return _vocabulary_or_404(identifier, with_term_count=True)


@router.get("/{identifier}/terms", response=list[TermOut], summary="List the terms of a vocabulary")
@paginate(LimitOffsetPagination)
def list_terms(request: HttpRequest, identifier: str) -> TermQuerySet:
    """The terms of a vocabulary in their order, with broader, narrower and related identifiers."""
    vocabulary = _vocabulary_or_404(identifier)
    return Term.objects.filter(vocabulary=vocabulary).with_relations().order_by("position", "identifier")


@router.get("/{identifier}/terms/{term}", response=TermOut, summary="Get a term")
def get_term(request: HttpRequest, identifier: str, term: str) -> Any:
    """One term of a vocabulary, e.g. GBF-TARGETS / GBF-TARGET-20."""
    found = Term.objects.filter(vocabulary__identifier=identifier, identifier=term).with_relations().first()
    if found is None:
        raise NotFound(
            _("Vocabulary “%(vocabulary)s” has no term “%(term)s”.")
            % {"vocabulary": identifier, "term": term}
        )
    return found
