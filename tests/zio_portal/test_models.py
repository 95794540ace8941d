"""Users and roles, and the audit trail: simple-history records who changed what."""

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from simple_history.middleware import HistoryRequestMiddleware

from tests import factories as uf
from tests.wijken.factories import PraktijkFactory, WijkFactory
from zio_portal.constants import Rol

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "rol", "regio", "beheerder"),
    [
        (uf.BeheerderFactory, Rol.BEHEERDER, True, True),
        (uf.BeleidsadviseurFactory, Rol.BELEIDSADVISEUR, True, False),
        (uf.ProjectleiderFactory, Rol.PROJECTLEIDER, True, False),
        (uf.GebiedsmanagerFactory, Rol.GEBIEDSMANAGER, False, False),
        (uf.PraktijkmedewerkerUserFactory, Rol.PRAKTIJKMEDEWERKER, False, False),
    ],
)
def test_user_factories_per_role(factory, rol, regio, beheerder):
    user = factory()
    user.full_clean()
    assert user.rol == rol
    assert user.heeft_regio_rol is regio
    assert user.is_beheerder is beheerder
    assert user.check_password(uf.WACHTWOORD)


def test_beheerder_is_staff_and_superuser():
    beheerder = uf.BeheerderFactory()
    assert beheerder.is_staff and beheerder.is_superuser


def test_superuser_counts_as_beheerder_whatever_the_rol():
    assert uf.UserFactory(is_superuser=True).is_beheerder


def test_user_str_is_the_full_name_or_username():
    assert str(uf.UserFactory(first_name="Els", last_name="Janssen")) == "Els Janssen"
    assert str(uf.UserFactory(username="pm-zonder-naam", first_name="", last_name="")) == "pm-zonder-naam"


def test_history_records_who_changed_a_praktijk():
    beheerder = uf.BeheerderFactory()
    praktijk = PraktijkFactory(naam="Huisartsen Mariaberg")
    assert praktijk.history.count() == 1
    assert praktijk.history.get().history_type == "+"

    praktijk.telefoon = "043-1234567"
    praktijk._history_user = beheerder
    praktijk.save()

    assert praktijk.history.count() == 2
    laatste = praktijk.history.first()
    assert laatste.history_type == "~"
    assert laatste.history_user == beheerder
    assert laatste.telefoon == "043-1234567"
    assert praktijk.history.last().telefoon != "043-1234567"


def test_history_takes_the_user_from_the_request_through_the_middleware():
    """The path every view takes: HistoryRequestMiddleware exposes request.user to the history."""
    assert "simple_history.middleware.HistoryRequestMiddleware" in settings.MIDDLEWARE
    beheerder = uf.BeheerderFactory()
    praktijk = PraktijkFactory()
    nieuwe_wijk = WijkFactory()

    def view(request):
        praktijk.wijk = nieuwe_wijk
        praktijk.save()
        return HttpResponse("ok")

    request = RequestFactory().post("/praktijken/")
    request.user = beheerder
    HistoryRequestMiddleware(view)(request)

    laatste = praktijk.history.first()
    assert praktijk.history.count() == 2
    assert laatste.history_user == beheerder
    assert laatste.wijk_id == nieuwe_wijk.pk
    # Which wijk the practice belonged to before stays known.
    assert praktijk.history.last().wijk_id != nieuwe_wijk.pk


def test_history_records_changes_outside_a_request_without_user():
    praktijk = PraktijkFactory()
    praktijk.actief = False
    praktijk.save()
    assert praktijk.history.first().history_user is None
