"""Pages of the accounts app (allauth provides sign-in, sign-up, password and MFA pages)."""

from django.urls import path

from tsc_hub.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.update_profile, name="update_profile"),
    path("profile/tokens/", views.create_token, name="create_token"),
    path("profile/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
]
