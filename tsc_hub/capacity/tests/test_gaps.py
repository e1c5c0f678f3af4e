"""The gap matrix on a hand-built case, its links, and a number of queries that does not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tsc_hub.capacity.gaps import build_gap_matrix
from tsc_hub.capacity.tests.factories import EASTERN_AFRICA, GLOBAL, ActivityFactory, NeedFactory
from tsc_hub.offers.tests.factories import OfferFactory, ProfileFactory

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)
T03, T04, T06, T08, T20, T21 = (f"GBF-TARGET-{n:02d}" for n in (3, 4, 6, 8, 20, 21))


def _cell(matrix, target, region):
    row = next(row for row in matrix.rows if row.target == target)
    return next(cell for cell in row.cells if cell.region == region)


def _numbers(matrix, target, region):
    cell = _cell(matrix, target, region)
    return (cell.needs, cell.activities, cell.offers, cell.profiles, cell.gap)


@pytest.fixture
def world(db):
    """Kenya and Tanzania (Africa, Eastern Africa), Senegal (Africa, Western Africa), Colombia (GRULAC),
    China (Asia-Pacific); records counted and records that must not be."""
    return {
        "n_ke": NeedFactory(party_id="ke", gbf_targets=[T20]),
        "n_tz": NeedFactory(party_id="tz", gbf_targets=[T20, T04]),
        "n_co": NeedFactory(party_id="co", gbf_targets=[T03]),
        "n_cn": NeedFactory(party_id="cn", gbf_targets=[T08]),
        "being_addressed": NeedFactory(party_id="sn", gbf_targets=[T06], status="being_addressed"),
        "met": NeedFactory(party_id="ke", gbf_targets=[T20], status="met"),
        "a_region": ActivityFactory(countries=[], regions=[EASTERN_AFRICA], gbf_targets=[T20]),
        "a_two": ActivityFactory(countries=["ke", "tz"], gbf_targets=[T20], status="planned"),
        "a_co": ActivityFactory(countries=["co"], gbf_targets=[T03], status="planned"),
        "completed": ActivityFactory(countries=["cn"], gbf_targets=[T08], status="completed"),
        "o_region": OfferFactory(
            state="published",
            areas_benefited_parties=[],
            areas_benefited_regions=[EASTERN_AFRICA],
            gbf_targets=[T04],
        ),
        "o_both": OfferFactory(
            state="published",
            areas_benefited_parties=["co"],
            areas_benefited_regions=[EASTERN_AFRICA],
            gbf_targets=[T20],
        ),
        "o_global": OfferFactory(
            state="published", areas_benefited_parties=[], areas_benefited_regions=[GLOBAL], gbf_targets=[T21]
        ),
        "late": OfferFactory(
            state="published",
            areas_benefited_parties=["cn"],
            gbf_targets=[T08],
            application_deadline=YESTERDAY,
        ),
        "draft_offer": OfferFactory(state="draft", areas_benefited_parties=["co"], gbf_targets=[T03]),
        "p_region": ProfileFactory(
            state="published", coverage_parties=[], coverage_regions=[EASTERN_AFRICA], gbf_targets=[T20]
        ),
        "draft_profile": ProfileFactory(state="draft", coverage_parties=["cn"], gbf_targets=[T08]),
    }


def test_the_numbers_of_the_hand_built_case(world):
    matrix = build_gap_matrix(grouping="cbd_group")
    assert [column.key for column in matrix.columns] == ["africa", "asia_pacific", "cee", "grulac", "weog"]
    assert len(matrix.rows) == 23
    # needs, activities (once each, even covering two Kenyan-group Parties), offers, profiles, gap
    assert _numbers(matrix, T20, "africa") == (2, 2, 1, 1, False)
    assert _numbers(matrix, T04, "africa") == (1, 0, 1, 0, False)
    assert _numbers(matrix, T03, "grulac") == (1, 1, 0, 0, False)
    assert _numbers(matrix, T20, "grulac") == (0, 0, 1, 0, False)
    # The completed activity, the late offer and the draft profile do not count: a gap.
    assert _numbers(matrix, T08, "asia_pacific") == (1, 0, 0, 0, True)
    # A need being addressed is not an open need.
    assert _numbers(matrix, T06, "africa") == (0, 0, 0, 0, False)
    # A global region resolves to its members: one offer in every group.
    assert {cell.region: cell.offers for cell in _row(matrix, T21).cells} == dict.fromkeys(
        ["africa", "asia_pacific", "cee", "grulac", "weog"], 1
    )


def _row(matrix, target):
    return next(row for row in matrix.rows if row.target == target)


def test_the_same_case_by_m49_subregion(world):
    matrix = build_gap_matrix(grouping="m49_subregion")
    assert len(matrix.columns) == 22
    assert _numbers(matrix, T20, "014") == (2, 2, 1, 1, False)  # Eastern Africa
    assert _numbers(matrix, T20, "011") == (0, 0, 0, 0, False)  # Western Africa
    assert _numbers(matrix, T03, "005") == (1, 1, 0, 0, False)  # South America
    assert _numbers(matrix, T08, "030") == (1, 0, 0, 0, True)  # Eastern Asia


def test_each_number_links_to_the_records_it_counts(client, world):
    page = client.get("/en/capacity/gaps/").content.decode()
    query = "gbf_target=GBF-TARGET-20&amp;cbd_group=africa"
    for link in (
        f"/en/capacity/needs/?{query}&amp;status=open",
        f"/en/capacity/activities/?{query}&amp;status=current",
        f"/en/capacity/gaps/offers/?{query}",
        f"/en/capacity/gaps/providers/?{query}",
    ):
        assert f'href="{link}"' in page, link
    plain = "gbf_target=GBF-TARGET-20&cbd_group=africa"
    needs = client.get(f"/api/v1/capacity/needs?{plain}&status=open").json()
    assert {item["id"] for item in needs["items"]} == {world["n_ke"].pk, world["n_tz"].pk}
    assert "2 needs" in client.get(f"/en/capacity/needs/?{plain}&status=open").content.decode()
    activities = client.get(f"/api/v1/capacity/activities?{plain}&status=current").json()
    assert {item["id"] for item in activities["items"]} == {world["a_region"].pk, world["a_two"].pk}
    assert "2 activities" in client.get(f"/en/capacity/activities/?{plain}&status=current").content.decode()
    offers = client.get(f"/en/capacity/gaps/offers/?{plain}").content.decode()
    assert f"/en/offers/{world['o_both'].pk}/" in offers
    assert f"/en/offers/{world['o_region'].pk}/" not in offers  # another target
    profiles = client.get(f"/en/capacity/gaps/providers/?{plain}").content.decode()
    assert f"/en/offers/providers/{world['p_region'].pk}/" in profiles


def test_a_gap_cell_is_highlighted_with_words_not_only_colour(client, world):
    page = client.get("/en/capacity/gaps/").content.decode()
    assert page.count('class="gap"') == 1
    assert '<strong class="gap-flag">Gap</strong>' in page


def test_an_unknown_cell_is_a_404(client, db):
    assert (
        client.get("/en/capacity/gaps/offers/?gbf_target=GBF-TARGET-99&cbd_group=africa").status_code == 404
    )
    assert (
        client.get("/en/capacity/gaps/providers/?gbf_target=GBF-TARGET-20&cbd_group=mars").status_code == 404
    )
    assert client.get("/en/capacity/gaps/offers/?gbf_target=GBF-TARGET-20").status_code == 404


def _more_records(n):
    for i in range(n):
        party = ["ke", "co", "cn", "fr", "ru"][i % 5]
        NeedFactory(party_id=party, gbf_targets=[T20, f"GBF-TARGET-{i % 23 + 1:02d}"])
        ActivityFactory(countries=[party], regions=[EASTERN_AFRICA], gbf_targets=[T03, T04])
        OfferFactory(state="published", areas_benefited_regions=[GLOBAL], gbf_targets=[T21, T20])
        ProfileFactory(state="published", coverage_regions=[EASTERN_AFRICA], gbf_targets=[T06])


def _queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_the_matrix_takes_a_fixed_number_of_queries():
    _more_records(1)
    few = _queries(lambda: build_gap_matrix(grouping="cbd_group"))
    _more_records(15)
    many = _queries(lambda: build_gap_matrix(grouping="cbd_group"))
    assert few == many <= 14
    assert _queries(lambda: build_gap_matrix(grouping="m49_subregion")) == many


@pytest.mark.django_db
def test_the_page_and_the_api_take_a_fixed_number_of_queries(client):
    _more_records(1)
    few = (
        _queries(lambda: client.get("/en/capacity/gaps/")),
        _queries(lambda: client.get("/api/v1/capacity/gaps")),
    )
    _more_records(15)
    many = (
        _queries(lambda: client.get("/en/capacity/gaps/")),
        _queries(lambda: client.get("/api/v1/capacity/gaps")),
    )
    assert few == many
