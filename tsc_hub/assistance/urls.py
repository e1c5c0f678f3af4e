"""Pages of requests for assistance."""

from django.urls import path

from tsc_hub.assistance.views import actions, pages

app_name = "assistance"
urlpatterns = [
    path("", pages.request_list, name="list"),
    path("new/", pages.request_create, name="create"),
    path("<int:request_id>/", pages.request_detail, name="detail"),
    path("<int:request_id>/edit/", pages.request_edit, name="edit"),
    path("<int:request_id>/tracker/", pages.request_tracker, name="tracker"),
    path("<int:request_id>/files/<int:attachment_id>/", pages.attachment_download, name="attachment"),
    path("<int:request_id>/transition/", actions.transition, name="transition"),
    path("<int:request_id>/attach/", actions.attach, name="attach"),
    path("<int:request_id>/eligibility/", actions.eligibility, name="eligibility"),
    path("<int:request_id>/officer/", actions.officer, name="officer"),
    path("<int:request_id>/reassign/", actions.reassign, name="reassign"),
    path("<int:request_id>/consent/", actions.consent, name="consent"),
    path("<int:request_id>/outcome/", actions.outcome, name="outcome"),
]
