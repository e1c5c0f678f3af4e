"""Proposals: assembled from the request and the agreed provider, edited safely, exported as PDF and DOCX."""

import io

import pytest

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.core.exceptions import Conflict, InvalidInput, PermissionDenied
from tsc_hub.matching.services import suggest_match, transition_match
from tsc_hub.offers.tests.factories import ProfileFactory
from tsc_hub.organisations.tests.factories import OrganisationFactory
from tsc_hub.proposals.exports import render_docx, render_pdf
from tsc_hub.proposals.services import ProposalData, assemble_proposal, update_proposal


@pytest.fixture
def matched(cast, institution, person):
    lab = OrganisationFactory(names={"en": "Barcode Lab"})
    cast["lab"] = person("provider", organisation=lab)
    request = make_request(by=cast["focal_point"], organisation=institution)
    for who, action in (("focal_point", "submit"), ("officer", "accept")):
        request = transition_request(request=request, action=action, by=cast[who])
    match = suggest_match(
        request=request, candidate=ProfileFactory(organisation=lab, state="published"), by=cast["officer"]
    )
    match = transition_match(match=match, action="contact", by=cast["officer"])
    match = transition_match(match=match, action="express_interest", by=cast["lab"])
    match = transition_match(match=match, action="requester_accept", by=cast["focal_point"])
    transition_match(match=match, action="confirm", by=cast["lab"])
    request.refresh_from_db()
    return request


def _data(proposal, **changes):
    values = {name: getattr(proposal, name) for name in ProposalData.__dataclass_fields__}
    values.update(changes)
    return ProposalData(**values)


@pytest.mark.django_db
def test_assembled_from_the_request_and_the_provider(cast, matched):
    proposal = assemble_proposal(request=matched, by=cast["officer"])
    assert proposal.title == "Formation au code-barres ADN"
    assert [p["role"] for p in proposal.partners] == ["requester", "provider"]
    assert proposal.partners[1]["name"].startswith("Barcode Lab")
    assert proposal.indicators[0]["name"].startswith("T06")


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_focal_point", "other_officer", "provider", "advisory", "nobody"])
def test_outsiders_cannot_assemble(cast, matched, who):
    with pytest.raises(PermissionDenied):
        assemble_proposal(request=matched, by=cast[who])


@pytest.mark.django_db
def test_not_before_a_provider_is_matched(cast, institution):
    request = make_request(by=cast["focal_point"], organisation=institution)
    with pytest.raises(Conflict):
        assemble_proposal(request=request, by=cast["officer"])


@pytest.mark.django_db
def test_edits_are_validated_and_versioned(cast, matched):
    proposal = assemble_proposal(request=matched, by=cast["officer"])
    with pytest.raises(InvalidInput) as error:
        update_proposal(
            proposal=proposal,
            by=cast["lab"],
            expected_version=1,
            data=_data(
                proposal,
                budget=[{"item": "Kits", "amount": "-5", "currency": "usd"}],
                activities=[{"title": "", "milestone": "soon"}],
            ),
        )
    assert set(error.value.fields) == {"budget", "activities"}
    update_proposal(
        proposal=proposal,
        by=cast["lab"],
        expected_version=1,
        data=_data(proposal, budget=[{"item": "Kits", "amount": "1200", "currency": "USD"}]),
    )
    with pytest.raises(Conflict):
        update_proposal(
            proposal=proposal, by=cast["member"], expected_version=1, data=_data(proposal, title="Other")
        )


@pytest.mark.django_db
def test_pdf_and_docx_exports_in_arabic_and_chinese(cast, matched):
    from docx import Document

    proposal = assemble_proposal(request=matched, by=cast["officer"])
    pdf = render_pdf(proposal, "ar")
    assert pdf.startswith(b"%PDF")
    document = Document(io.BytesIO(render_docx(proposal, "zh-hans")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Formation au code-barres ADN" in [p.text for p in document.paragraphs]
    assert len(headings) == 6
    assert all(heading.isascii() is False for heading in headings)


@pytest.mark.django_db
def test_pages_and_downloads(client, cast, matched):
    client.force_login(cast["member"])
    assert client.post(f"/fr/proposals/request/{matched.pk}/").status_code == 302
    assert "Barcode Lab" in client.get(f"/fr/proposals/request/{matched.pk}/").content.decode()
    pdf = client.get(f"/fr/proposals/request/{matched.pk}/proposal.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    docx = client.get(f"/ar/proposals/request/{matched.pk}/proposal.docx")
    assert docx.status_code == 200
    client.force_login(cast["provider"])
    assert client.get(f"/fr/proposals/request/{matched.pk}/").status_code == 404
    assert client.get(f"/fr/proposals/request/{matched.pk}/proposal.pdf").status_code == 404


@pytest.mark.django_db
def test_the_api_assembles_edits_and_exports(client, cast, matched):
    client.force_login(cast["officer"])
    created = client.post(f"/api/v1/proposals/{matched.pk}")
    assert created.status_code == 201
    body = created.json()
    body["budget"] = [{"item": "Training kits", "amount": "3000", "currency": "EUR"}]
    changed = client.put(f"/api/v1/proposals/{matched.pk}", body, content_type="application/json")
    assert changed.json()["version"] == 2
    stale = client.put(f"/api/v1/proposals/{matched.pk}", body, content_type="application/json")
    assert stale.status_code == 409
    assert client.get(f"/api/v1/proposals/{matched.pk}/pdf").content.startswith(b"%PDF")
    client.force_login(cast["other_officer"])
    assert client.get(f"/api/v1/proposals/{matched.pk}").status_code == 404
