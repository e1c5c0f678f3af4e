"""Pages of host selection, under /<lang>/hosting/."""

from django.urls import path

from tsc_hub.hosting.views import applications, calls, reports, reviews

app_name = "hosting"
urlpatterns = [
    path("", calls.call_list, name="calls"),
    path("new/", calls.call_create, name="call_create"),
    path("reviews/", reviews.my_reviews, name="reviews"),
    path("reviews/<int:assignment_id>/", reviews.review, name="review"),
    path("reviews/<int:assignment_id>/conflict/", reviews.declare_conflict, name="conflict"),
    path("<int:call_id>/", calls.call_detail, name="call"),
    path("<int:call_id>/edit/", calls.call_edit, name="call_edit"),
    path("<int:call_id>/transitions/", calls.call_transition, name="call_transition"),
    path("<int:call_id>/apply/", applications.application_create, name="apply"),
    path("<int:call_id>/shortlist/", reports.shortlist_page, name="shortlist"),
    path("<int:call_id>/report/<int:phase>/", reports.report_page, name="report"),
    path("<int:call_id>/report/<int:phase>/pdf/", reports.report_pdf, name="report_pdf"),
    path("<int:call_id>/scenarios/", reports.scenarios_page, name="scenarios"),
    path("<int:call_id>/selections/", reports.record_selection, name="record_selection"),
    path("applications/<int:application_id>/", applications.application_detail, name="application"),
    path("applications/<int:application_id>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:application_id>/steps/", applications.application_action, name="application_action"
    ),
    path(
        "applications/<int:application_id>/documents/", applications.document_upload, name="document_upload"
    ),
    path(
        "applications/<int:application_id>/documents/<int:document_id>/",
        applications.document_download,
        name="document",
    ),
    path("applications/<int:application_id>/assign/", applications.assign, name="assign"),
    path(
        "applications/<int:application_id>/assignments/<int:assignment_id>/unassign/",
        applications.unassign,
        name="unassign",
    ),
]
