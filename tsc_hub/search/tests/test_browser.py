"""The search page in Debian's chromium, driven by Playwright (no browser download): a person searches in
Chinese, Arabic and French, finds the expected records, and narrows them with a facet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from tsc_hub.core.tests.browser import chromium_page
from tsc_hub.knowledge.states import ResourceKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Titles of the records (keys of the `records` fixture) as they are stored.
TITLES = {
    "zh_wetland": "湿地保护与恢复技术",
    "zh_birds": "湿地鸟类监测指南",
    "zh_soil": "潮湿土地管理",  # 湿 and 地 but never the word 湿地
    "zh_forest": "森林生态系统恢复",
    "ar_reserve": "إدارة المحمية الطبيعية",
    "ar_training": "دورة تدريبية في إدارة المحمية البحرية",
    "ar_forest": "التنوع البيولوجي في الغابات",
    "fr_invasive": "Espèces exotiques envahissantes",
    "fr_islands": "Contrôle des espèces exotiques dans les îles",
    "fr_draft": "Espèces exotiques brouillon",
    "fr_forest": "Forêts et biodiversité",
}


@pytest.fixture
def records(transactional_db: None) -> dict[str, Any]:
    """Published resources in Chinese, Arabic and French (and a French draft), indexed through the real
    sources. Made before Playwright starts: its event loop forbids the ORM in the same thread."""
    from tsc_hub.knowledge.tests.factories import ResourceFactory
    from tsc_hub.search import services
    from tsc_hub.search.sources import register_all

    register_all()

    def make(name: str, language: str, state: str = "published", **fields: Any) -> Any:
        return ResourceFactory(
            state=state, title={language: TITLES[name]}, summary={}, original_language=language, **fields
        )

    made = {
        "zh_wetland": make("zh_wetland", "zh", gbf_targets=["GBF-TARGET-02"], countries=["cn"]),
        "zh_birds": make("zh_birds", "zh", gbf_targets=["GBF-TARGET-03"], countries=["cn"]),
        "zh_soil": make("zh_soil", "zh", gbf_targets=["GBF-TARGET-02"], countries=["cn"]),
        "zh_forest": make("zh_forest", "zh", gbf_targets=["GBF-TARGET-02"], countries=["cn"]),
        "ar_reserve": make("ar_reserve", "ar", kind="case_study", countries=["eg"]),
        "ar_training": make("ar_training", "ar", kind="training", countries=["jo"]),
        "ar_forest": make("ar_forest", "ar", kind="training", countries=["jo"]),
        "fr_invasive": make("fr_invasive", "fr", countries=["sn"], gbf_targets=["GBF-TARGET-06"]),
        "fr_islands": make("fr_islands", "fr", countries=["fr"], gbf_targets=["GBF-TARGET-06"]),
        "fr_draft": make("fr_draft", "fr", state="draft", countries=["sn"]),
        "fr_forest": make("fr_forest", "fr", countries=["sn"]),
    }
    # The same words in English: a French reader does not see them unless searching in all languages.
    made["en_invasive"] = ResourceFactory(
        state="published", title={"en": "Especes exotiques: an English primer"}, summary={}, countries=["sn"]
    )
    services.rebuild()
    return made


@pytest.fixture
def page(records: dict[str, Any]) -> Iterator[Any]:
    with chromium_page() as opened:
        yield opened


def _search(page: Any, url: str, text: str) -> None:
    """Open the search page, type the words in the box and press Enter, as a person would."""
    page.goto(url)
    box = page.get_by_role("searchbox")
    box.fill(text)
    with page.expect_navigation():
        box.press("Enter")


def _found_as_typed(page: Any, text: str) -> None:
    """The words matched as they are, not through typo correction (which names the word it replaced)."""
    status = page.get_by_role("status").inner_text()
    assert not [word for word in text.split() if word in status], status


def _hit_titles(page: Any) -> list[str]:
    return [title.strip() for title in page.locator("ol.hits li.hit h3").all_inner_texts()]


def _facet_link(page: Any, facet: str, name: str) -> Any:
    return page.locator(f'section.facet[data-facet="{facet}"] li').filter(
        has=page.get_by_role("link", name=name)
    )


def _click_facet(page: Any, facet: str, name: str, count: int) -> None:
    """Check the facet value shows `count`, click it, and check the page shows that many hits, selected."""
    row = _facet_link(page, facet, name)
    assert row.count() == 1, f"no {facet} facet value {name!r}"
    assert row.locator(".count").inner_text() == str(count)
    with page.expect_navigation():
        row.get_by_role("link", name=name).click()
    assert page.locator("ol.hits li.hit").count() == count
    assert str(count) in page.get_by_role("status").inner_text()
    chosen = _facet_link(page, facet, name).get_by_role("link", name=name)
    assert chosen.get_attribute("aria-current") == "true"


def _url(record: Any, language: str) -> str:
    return f"/{language}/resources/{record.pk}/"


def test_search_in_chinese_arabic_and_french_with_facets(
    live_server: Any, page: Any, shots: Path, records: dict[str, Any]
) -> None:
    # Chinese: the two-character word 湿地 inside longer titles, not 湿 and 地 apart.
    _search(page, f"{live_server.url}/zh-hans/search/", "湿地")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    _found_as_typed(page, "湿地")
    assert sorted(_hit_titles(page)) == sorted([TITLES["zh_wetland"], TITLES["zh_birds"]])
    assert page.locator("ol.hits mark").first.inner_text() == "湿地"
    links = page.locator("ol.hits li.hit h3 a")
    assert {links.nth(i).get_attribute("href") for i in range(links.count())} == {
        _url(records["zh_wetland"], "zh-hans"),
        _url(records["zh_birds"], "zh-hans"),
    }
    assert "2" in page.get_by_role("status").inner_text()
    page.screenshot(path=str(shots / "search-zh.png"), full_page=True)
    # The GBF target facet, labelled in Chinese: Target 2 holds one of the two hits.
    _click_facet(page, "gbf_target", "恢复30%的退化生态系统", 1)
    assert _hit_titles(page) == [TITLES["zh_wetland"]]
    assert page.get_by_role("searchbox").input_value() == "湿地"
    page.screenshot(path=str(shots / "search-zh-target-2.png"), full_page=True)

    # Arabic, right to left: bare alef and ه where the titles have إ and ة.
    _search(page, f"{live_server.url}/ar/search/", "ادارة المحميه")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    _found_as_typed(page, "ادارة المحميه")
    assert sorted(_hit_titles(page)) == sorted([TITLES["ar_reserve"], TITLES["ar_training"]])
    assert page.locator("ol.hits li.hit").first.get_attribute("dir") == "rtl"
    marked = page.locator("ol.hits h3 mark").all_inner_texts()
    assert "إدارة" in marked
    assert "المحمية" in marked
    page.screenshot(path=str(shots / "search-ar.png"), full_page=True)
    # The kind-of-resource facet, labelled in Arabic: one training course.
    with translation.override("ar"):
        training = str(ResourceKind.TRAINING.label)
    _click_facet(page, "subkind", training, 1)
    assert _hit_titles(page) == [TITLES["ar_training"]]
    page.screenshot(path=str(shots / "search-ar-training.png"), full_page=True)

    # French: no accents typed, the accented titles found and marked; drafts and English never shown.
    _search(page, f"{live_server.url}/fr/search/", "especes exotiques")
    assert page.locator("html").get_attribute("dir") == "ltr"
    _found_as_typed(page, "especes exotiques")
    assert sorted(_hit_titles(page)) == sorted([TITLES["fr_invasive"], TITLES["fr_islands"]])
    assert TITLES["fr_draft"] not in page.content()
    assert "English primer" not in page.content()
    assert "<mark>Espèces</mark> <mark>exotiques</mark>" in page.locator("ol.hits").inner_html()
    assert "<mark>espèces</mark> <mark>exotiques</mark>" in page.locator("ol.hits").inner_html()
    page.screenshot(path=str(shots / "search-fr.png"), full_page=True)
    # The country facet, countries named in French: Senegal holds one of the two.
    _click_facet(page, "country", "Sénégal", 1)
    assert _hit_titles(page) == [TITLES["fr_invasive"]]
    assert re.search(r"[?&]country=sn(&|$)", page.url)
    assert page.locator('section.facet[data-facet="country"] a[aria-current="true"]').count() == 1
    # France stays offered beside the chosen Senegal, to widen the search to both.
    france = _facet_link(page, "country", "France")
    assert france.locator(".count").inner_text() == "1"
    with page.expect_navigation():
        france.get_by_role("link").click()
    assert sorted(_hit_titles(page)) == sorted([TITLES["fr_invasive"], TITLES["fr_islands"]])
    assert page.locator('section.facet[data-facet="country"] a[aria-current="true"]').count() == 2
    with page.expect_navigation():
        _facet_link(page, "country", "France").get_by_role("link").click()
    # Clicking the chosen value again removes the filter.
    with page.expect_navigation():
        page.locator('section.facet[data-facet="country"] a[aria-current="true"]').click()
    assert len(_hit_titles(page)) == 2
    page.screenshot(path=str(shots / "search-fr-senegal.png"), full_page=True)
