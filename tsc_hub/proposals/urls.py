"""Pages of proposals."""

from django.urls import path

from tsc_hub.proposals import views

app_name = "proposals"
urlpatterns = [
    path("request/<int:request_id>/", views.proposal_page, name="page"),
    path("request/<int:request_id>/proposal.<str:kind>", views.download, name="download"),
]
