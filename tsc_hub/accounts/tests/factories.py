"""Factories for people."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from tsc_hub.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address and the password 'correct horse battery'."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def verified(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
