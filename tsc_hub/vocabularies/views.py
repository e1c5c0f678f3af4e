"""Pages: the list of vocabularies and one vocabulary's terms as a tree."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tsc_hub.vocabularies import skos
from tsc_hub.vocabularies.hierarchy import build_hierarchy
from tsc_hub.vocabularies.models import Term, Vocabulary


def vocabulary_list(request: HttpRequest) -> HttpResponse:
    """Every vocabulary with its number of terms."""
    vocabularies = Vocabulary.objects.visible_to(request.user).with_term_count()
    return render(request, "vocabularies/vocabulary_list.html", {"vocabularies": vocabularies})


def vocabulary_detail(request: HttpRequest, identifier: str) -> HttpResponse:
    """A vocabulary's terms, narrower under broader, in the reader's language with their definitions."""
    vocabulary = get_object_or_404(Vocabulary.objects.visible_to(request.user), identifier=identifier)
    terms = list(
        Term.objects.visible_to(request.user)
        .filter(vocabulary=vocabulary)
        .prefetch_related("broader")
        .order_by("position", "identifier")
    )
    context = {"vocabulary": vocabulary, "tree": build_hierarchy(terms), "term_count": len(terms)}
    return render(request, "vocabularies/vocabulary_detail.html", context)


def vocabulary_skos(request: HttpRequest, identifier: str, extension: str) -> HttpResponse:
    """The vocabulary as a SKOS concept scheme in Turtle (.ttl), RDF/XML (.rdf) or JSON-LD (.jsonld)."""
    if extension not in skos.FORMATS:
        raise Http404("unknown format")
    vocabulary = get_object_or_404(Vocabulary.objects.visible_to(request.user), identifier=identifier)
    terms = (
        Term.objects.visible_to(request.user)
        .filter(vocabulary=vocabulary)
        .prefetch_related("broader", "related__vocabulary")
        .order_by("position", "identifier")
    )
    body = skos.serialise(skos.vocabulary_graph(vocabulary, terms), extension)
    response = HttpResponse(body, content_type=skos.FORMATS[extension][1])
    response["Content-Disposition"] = f'inline; filename="{vocabulary.identifier}.{extension}"'
    return response
