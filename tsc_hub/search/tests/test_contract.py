"""The contract every backend keeps: the same hits for the same index. Run on SQLite, then on PostgreSQL."""

from __future__ import annotations

from tsc_hub.search.backends import get_backend
from tsc_hub.search.interface import SearchQuery
from tsc_hub.search.tests.conftest import keys, versions


def test_chinese_two_character_words_are_found_inside_longer_words(find):
    assert versions(find("湿地")) == {("resource:1", "zh")}  # in 湿地保护
    assert versions(find("生物")) == {("resource:1", "zh"), ("request:9", "zh")}  # in 生物多样性
    assert versions(find("湿地保护")) == {("resource:1", "zh")}
    assert versions(find("保护湿地")) == set()  # a Chinese run is a phrase, not a bag of bigrams


def test_arabic_is_normalised(find):
    expected = {("resource:3", "ar"), ("request:4", "ar")}
    assert versions(find("المحمية")) == expected  # finds المحميّة (shadda) and المحميه (ta marbuta as ha)
    assert versions(find("المحميّة")) == expected
    assert versions(find("ادارة")) == expected  # finds إدارة (alef with hamza below)


def test_latin_and_cyrillic_accents_are_ignored(find):
    assert keys(find("especies exoticas")) == {"resource:2"}
    assert keys(find("ESPECIES EXÓTICAS")) == {"resource:2"}
    assert versions(find("biodiversite marine mediterranee")) == {("project:8", "fr")}
    assert versions(find("etude de cas")) == {("resource:1", "fr")}
    assert keys(find("елки")) == {"resource:5"}  # ёлки


def test_every_word_is_required(find):
    assert keys(find("restoration")) == {"resource:1", "resource:10", "resource:11"}
    assert keys(find("restoration wetland")) == {"resource:1"}
    assert keys(find("restoration nonexistentword")) == set()


def test_a_typo_in_a_name_is_tolerated(find):
    results = find("Kunmig")
    assert keys(results) == {"resource:1", "profile:7"}
    assert results.corrections == {"kunmig": ["kunming"]}
    assert "<mark>Kunming</mark>" in results.hits[0].title_html
    assert keys(find("Kunmign botany")) == {"profile:7"}  # neighbours swapped


def test_words_that_exist_are_not_corrected(find):
    results = find("kunming wetland")
    assert results.corrections == {}
    assert keys(results) == {"resource:1"}


def test_phrases_match_words_in_order_within_one_field(find):
    assert keys(find("protected areas")) == {"offer:6", "resource:10"}
    assert keys(find('"protected areas"')) == {"resource:10"}
    assert keys(find('"areas protected"')) == set()
    # resource:11 has "marine" ending its title and "Protected" starting its body: not a phrase.
    assert keys(find('"marine protected"')) == {"resource:10"}


def test_facet_counts_cover_all_hits_not_just_the_page(find):
    results = find("restoration", per_page=1)
    assert len(results.hits) == 1
    facets = results.facets
    assert facets["kind"] == [("resource", 3)]
    assert dict(facets["subkind"]) == {"case_study": 2, "tool": 1}
    assert dict(facets["gbf_target"]) == {"3": 2, "2": 1, "6": 1}
    assert dict(facets["country"]) == {"cn": 1, "fj": 1, "ke": 1}
    assert dict(facets["year"]) == {"2017": 1, "2021": 1, "2024": 1}
    assert facets["language"] == [("en", 3)]
    assert facets["region"] == [("asia", 1)]


def test_filters_combine_values_with_or_and_facets_with_and(find):
    assert keys(find("restoration", filters={"gbf_target": ["2"]})) == {"resource:1"}
    assert keys(find("restoration", filters={"country": ["fj", "ke"]})) == {"resource:10", "resource:11"}
    assert keys(find("restoration", filters={"country": ["fj", "ke"], "subkind": ["tool"]})) == {
        "resource:10"
    }
    assert keys(find("training", kinds=["offer"])) == {"offer:6"}
    assert keys(find("restoration", filters={"country": ["nowhere"]})) == set()
    assert keys(find("restoration", filters={"no_such_facet": ["x"]})) == {
        "resource:1",
        "resource:10",
        "resource:11",
    }


def test_language_versions_of_a_record_are_shown_once_in_the_preferred_language(find):
    assert versions(find("kunming", languages=["fr", "en"])) == {("resource:1", "fr"), ("profile:7", "en")}
    assert versions(find("kunming", languages=["fr"])) == {("resource:1", "fr")}
    assert versions(find("kunming", languages=["fr"], all_languages=True)) == {
        ("resource:1", "fr"),
        ("profile:7", "en"),
    }
    assert find("kunming").total == 2  # resource:1 matches in en and fr, and counts once


def test_sorting_by_date_puts_the_newest_first_and_undated_last(find):
    results = find("training kunming protected restoration guidance", sort="date")
    assert results.total == 0
    ordered = [hit.key for hit in find("kunming", sort="date").hits]
    assert ordered == ["resource:1", "profile:7"]
    ordered = [hit.key for hit in find("restoration", sort="date").hits]
    assert ordered == ["resource:10", "resource:1", "resource:11"]


def test_relevance_puts_title_matches_first(find):
    ordered = [hit.key for hit in find("restoration").hits]
    assert ordered[0] == "resource:1"  # in the title; the others have it in the body only


def test_pages(find):
    first = find("restoration", sort="date", per_page=2)
    second = find("restoration", sort="date", per_page=2, page=2)
    assert [h.key for h in first.hits] == ["resource:10", "resource:1"]
    assert [h.key for h in second.hits] == ["resource:11"]
    assert (first.total, first.pages, first.has_next, second.has_next, second.has_previous) == (
        3,
        2,
        True,
        False,
        True,
    )
    assert second.start_index == 3
    assert find("restoration", page=99).hits == []


def test_matches_beyond_the_cap_make_the_total_a_lower_bound(corpus):
    results = get_backend(max_hits=2).search(SearchQuery(text="restoration", sort="date"))
    assert (results.total, results.total_exact) == (2, False)
    # The first matches in index order, on both engines.
    assert keys(results) == {"resource:1", "resource:10"}


def test_snippets_mark_matches_and_escape_the_rest(find):
    hit = find("exoticas").hits[0]
    assert hit.snippet_html == (
        "Guía para el control de especies <mark>exóticas</mark> invasoras en pequeños estados insulares."
    )
    assert hit.title_html == "Especies <mark>exóticas</mark> invasoras en islas"
    assert hit.direction == "ltr"
    assert find("المحمية").hits[0].direction == "rtl"


def test_hits_carry_what_a_page_shows(find):
    hit = find("botany").hits[0]
    assert (hit.key, hit.kind, hit.subkind, hit.language, hit.url, hit.date) == (
        "profile:7",
        "profile",
        "",
        "en",
        "/profile/7/",
        None,
    )
    assert hit.score > 0


def test_an_empty_query_has_no_results(find):
    for text in ["", "   ", '""', "-- ** ::", "\x00"]:
        results = find(text)
        assert (results.total, results.hits, results.facets) == (0, [], {})


def test_filters_without_words_list_the_records_that_have_them_newest_first(find):
    results = find("", filters={"gbf_target": ["3"]})
    assert [hit.key for hit in results.hits] == [
        "resource:10",
        "request:4",
        "project:8",
        "resource:3",
        "resource:11",
    ]
    # The chosen facet counts as if nothing were chosen in it, so another target can be added.
    assert results.facets["gbf_target"] == [("3", 5), ("2", 2), ("6", 2), ("20", 1), ("21", 1)]
    assert results.facets["kind"] == [("resource", 3), ("project", 1), ("request", 1)]
    assert all(hit.score == 0 for hit in results.hits)
    assert [hit.key for hit in find("  ", kinds=["profile"]).hits] == ["profile:7"]


def test_no_words_and_no_filters_is_no_search(find):
    assert find("").total == 0
    assert find("", filters={"country": ["nowhere"]}).total == 0


def test_a_chosen_facet_keeps_showing_its_other_values(find):
    results = find("restoration", filters={"country": ["fj"]})
    assert [hit.key for hit in results.hits] == ["resource:10"]
    assert results.facets["country"] == [("cn", 1), ("fj", 1), ("ke", 1)]
    assert results.facets["gbf_target"] == [("3", 1)]  # the other facets count what is shown
    both = find("restoration", filters={"country": ["fj", "ke"]})
    assert keys(both) == {"resource:10", "resource:11"}


def test_singular_and_plural_find_each_other(find):
    assert keys(find("wetlands")) == {"resource:1"}  # the title says "Wetland"
    assert keys(find("protected area")) == {"offer:6", "resource:10"}  # "areas that are protected", "areas"
    assert versions(find("zone humide")) == {("resource:1", "fr")}
