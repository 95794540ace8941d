"""Factories of the portal's users, one per role. The apps' factories live in tests/<app>/factories.py."""

import factory
from factory.django import DjangoModelFactory

from zio_portal.constants import Rol
from zio_portal.models import User

WACHTWOORD = "wachtwoord-voor-tests-123"


class UserFactory(DjangoModelFactory):
    """A praktijkmedewerker unless ``rol`` says otherwise; the password is ``WACHTWOORD``."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    rol = Rol.PRAKTIJKMEDEWERKER
    password = factory.django.Password(WACHTWOORD)


class BeheerderFactory(UserFactory):
    username = factory.Sequence(lambda n: f"beheerder{n}")
    rol = Rol.BEHEERDER
    is_staff = True
    is_superuser = True


class BeleidsadviseurFactory(UserFactory):
    username = factory.Sequence(lambda n: f"beleidsadviseur{n}")
    rol = Rol.BELEIDSADVISEUR


class ProjectleiderFactory(UserFactory):
    username = factory.Sequence(lambda n: f"projectleider{n}")
    rol = Rol.PROJECTLEIDER


class GebiedsmanagerFactory(UserFactory):
    """A gebiedsmanager; link gebieden with ``GebiedFactory(gebiedsmanagers=[...])``."""

    username = factory.Sequence(lambda n: f"gebiedsmanager{n}")
    rol = Rol.GEBIEDSMANAGER


class PraktijkmedewerkerUserFactory(UserFactory):
    """The user only; ``tests.wijken.factories.PraktijkmedewerkerFactory`` links it to a practice."""

    username = factory.Sequence(lambda n: f"medewerker{n}")
    rol = Rol.PRAKTIJKMEDEWERKER
