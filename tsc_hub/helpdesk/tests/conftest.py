"""A Kenyan request accepted by the East Africa help desk, with a conversation; enquiries around it.

The people (`cast`, `kenya`, `institution`, `centre`) come from tsc_hub/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from tsc_hub.assistance.services import transition_request
from tsc_hub.assistance.tests.factories import make_request
from tsc_hub.helpdesk.services import EnquiryData, post_message, submit_enquiry


@pytest.fixture
def request_(cast: Any, institution: Any) -> Any:
    """Accepted, so it is public: providers and other Parties may read the request, not its thread."""
    request = make_request(by=cast["focal_point"], organisation=institution)
    request = transition_request(request=request, action="submit", by=cast["focal_point"])
    return transition_request(request=request, action="accept", by=cast["officer"])


@pytest.fixture
def thread(cast: Any, request_: Any) -> dict[str, Any]:
    """A question from the help desk, the requester's answer, and an internal note."""
    return {
        "question": post_message(request=request_, body="How many staff?", by=cast["officer"]),
        "answer": post_message(request=request_, body="Twelve technicians.", by=cast["focal_point"]),
        "note": post_message(
            request=request_, body="SECRET: budget looks thin", internal=True, by=cast["officer"]
        ),
    }


def enquiry_data(**changes: Any) -> EnquiryData:
    values: dict[str, Any] = {
        "subject": "How do I request training?",
        "body": "Our ministry needs taxonomy training. Where do we start?",
        "category": "how_to_request",
        "language": "en",
        "name": "Visitor",
        "email": "visitor@example.org",
        "party": "ke",
    }
    values.update(changes)
    return EnquiryData(**values)


@pytest.fixture
def make_enquiry(db: Any) -> Any:
    def make(by: Any = None, **changes: Any) -> Any:
        return submit_enquiry(data=enquiry_data(**changes), by=by)

    return make
