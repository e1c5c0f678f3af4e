"""The demo help desk: conversations, enquiries in several languages and states, a six-language FAQ."""

import pytest

from tsc_hub.demo.seed_helpdesk import seed_helpdesk
from tsc_hub.demo.services import seed_demo
from tsc_hub.helpdesk.models import Enquiry, FaqEntry, RequestMessage


@pytest.mark.django_db
def test_the_demo_help_desk_is_seeded_once():
    report = seed_demo()  # seed_demo calls seed_helpdesk after the requests
    assert {name: report.created[name] for name in ("messages", "enquiries", "faq_entries")} == {
        "messages": 5,
        "enquiries": 4,
        "faq_entries": 3,
    }
    assert seed_helpdesk() == {"messages": 0, "enquiries": 0, "faq_entries": 0}
    mangroves = RequestMessage.objects.filter(request__chm_identifier="demo-request-co-mangroves")
    assert mangroves.filter(internal=False, language="es").exists()
    assert RequestMessage.objects.filter(internal=True).count() == 2
    assert set(Enquiry.objects.values_list("language", flat=True)) == {"fr", "es", "ar", "en"}
    assert set(Enquiry.objects.values_list("state", flat=True)) == {
        "new",
        "answered",
        "in_progress",
        "closed",
    }
    assert Enquiry.objects.overdue().count() == 1
    assert Enquiry.objects.get(language="ar").centre.code == "west-asia"
    assert all(len(entry.question) == 6 and entry.published for entry in FaqEntry.objects.all())
