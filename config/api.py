"""The REST API: every app's router under /api/v1/, OpenAPI at /api/v1/docs (and /api/docs)."""

from ninja import NinjaAPI

from tsc_hub.accounts.api import router as accounts_router
from tsc_hub.advisory.api import router as advisory_router
from tsc_hub.assistance.api import router as assistance_router
from tsc_hub.capacity.api import router as capacity_router
from tsc_hub.centres.api import router as centres_router
from tsc_hub.core.api import install_problem_handlers
from tsc_hub.geography.api import router as geography_router
from tsc_hub.helpdesk.api import router as helpdesk_router
from tsc_hub.hosting.api import router as hosting_router
from tsc_hub.knowledge.api import router as knowledge_router
from tsc_hub.matching.api import router as matching_router
from tsc_hub.network.api import router as network_router
from tsc_hub.notifications.api import router as notifications_router
from tsc_hub.offers.api import router as offers_router
from tsc_hub.organisations.api import router as organisations_router
from tsc_hub.projects.api import router as projects_router
from tsc_hub.proposals.api import router as proposals_router
from tsc_hub.search.api import router as search_router
from tsc_hub.vocabularies.api import router as vocabularies_router

api = NinjaAPI(
    title="tsc-hub API",
    version="1",
    description=(
        "API of tsc-hub, the platform of the CBD technical and scientific cooperation mechanism. "
        "Authenticate with a session (browser) or a personal token: `Authorization: Bearer tsc_…`. "
        "Errors are application/problem+json with a stable `code` and a `detail` in the language "
        "asked for by Accept-Language."
    ),
    urls_namespace="api",
)
install_problem_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/parties", geography_router)
api.add_router("/vocabularies", vocabularies_router)
api.add_router("/organisations", organisations_router)
api.add_router("/centres", centres_router)
api.add_router("/notifications", notifications_router)
api.add_router("/requests", assistance_router)
api.add_router("/offers", offers_router)
api.add_router("/matches", matching_router)
api.add_router("/projects", projects_router)
api.add_router("/helpdesk", helpdesk_router)
api.add_router("/capacity", capacity_router)
api.add_router("/proposals", proposals_router)
api.add_router("/resources", knowledge_router)
api.add_router("/search", search_router)
api.add_router("/hosting", hosting_router)
api.add_router("/network", network_router)
api.add_router("/advisory", advisory_router)
