"""Pages of the capacity app: needs, activities and the gap view."""

from django.urls import path
from django.views.generic import RedirectView

from tsc_hub.capacity.views import gaps, records

app_name = "capacity"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="capacity:gaps", permanent=False), name="index"),
    path("needs/", records.need_list, name="needs"),
    path("needs/new/", records.need_create, name="need_create"),
    path("needs/<int:need_id>/", records.need_detail, name="need_detail"),
    path("needs/<int:need_id>/edit/", records.need_edit, name="need_edit"),
    path("needs/<int:need_id>/close/", records.need_close, name="need_close"),
    path("activities/", records.activity_list, name="activities"),
    path("activities/new/", records.activity_create, name="activity_create"),
    path("activities/<int:activity_id>/", records.activity_detail, name="activity_detail"),
    path("activities/<int:activity_id>/edit/", records.activity_edit, name="activity_edit"),
    path("activities/<int:activity_id>/close/", records.activity_close, name="activity_close"),
    path("gaps/", gaps.gaps, name="gaps"),
    path("gaps/offers/", gaps.gap_offers, name="gap_offers"),
    path("gaps/providers/", gaps.gap_profiles, name="gap_profiles"),
]
