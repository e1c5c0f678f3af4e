"""Pages of the offers app: opportunities (offers) and providers (profiles)."""

from django.urls import path

from tsc_hub.offers import views

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.offer_create, name="create"),
    path("<int:offer_id>/", views.offer_detail, name="detail"),
    path("<int:offer_id>/edit/", views.offer_edit, name="edit"),
    path("<int:offer_id>/transitions/", views.offer_transition, name="transition"),
    path("providers/", views.profile_list, name="profiles"),
    path("providers/new/", views.profile_create, name="profile_create"),
    path("providers/<int:profile_id>/", views.profile_detail, name="profile_detail"),
    path("providers/<int:profile_id>/edit/", views.profile_edit, name="profile_edit"),
    path("providers/<int:profile_id>/transitions/", views.profile_transition, name="profile_transition"),
]
