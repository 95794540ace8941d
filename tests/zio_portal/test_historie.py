"""History on users, answers, questions, sections and PDCA steps (registered by the kernel)."""

import pytest
from django.urls import reverse

from monitoring.models import Antwoord
from samenwerking.models import PdcaStap
from tests.monitoring.factories import ResponsFactory, VraagFactory
from zio_portal.constants import Rol

pytestmark = pytest.mark.django_db


def test_user_role_active_and_staff_changes_have_history(world, client):
    user = world.users["gebiedsmanager"]
    user.rol = Rol.PROJECTLEIDER
    user.is_staff = True
    user.is_active = False
    user.save()
    laatste = user.history.first()
    assert (laatste.rol, laatste.is_staff, laatste.is_active) == (Rol.PROJECTLEIDER, True, False)
    assert not hasattr(laatste, "password")  # no password hashes in the history

    client.force_login(world.users["beheerder"])
    pagina = client.get(reverse("beveiliging:gebruiker-detail", args=[user.pk])).content.decode()
    assert "Wijzigingen" in pagina and "rol" in pagina


def test_a_login_writes_no_history_row(world, client):
    user = world.users["projectleider"]
    voor = user.history.count()
    client.force_login(user)
    assert user.history.count() == voor


def test_answers_questions_and_sections_keep_their_old_values():
    vraag = VraagFactory()
    respons = ResponsFactory(ronde__vragenlijst=vraag.vragenlijst)
    antwoord = Antwoord.objects.create(respons=respons, vraag=vraag, getal=3)
    antwoord.getal = 5
    antwoord.save()
    assert [h.getal for h in antwoord.history.order_by("history_id")] == [3, 5]
    vraag.tekst = "Nieuwe formulering"
    vraag.save()
    assert vraag.history.count() == 2
    vraag.sectie.titel = "Andere sectie"
    vraag.sectie.save()
    assert vraag.sectie.history.last().history_type == "+"
    assert vraag.sectie.history.first().titel == "Andere sectie"


def test_pdca_steps_have_history():
    stap = PdcaStap.objects.create(
        soort="huisartsen", nummer=99, fase="plan", titel="Proef", kernactiviteit="x", wie="y"
    )
    stap.titel = "Andere titel"
    stap.save()
    assert [h.titel for h in stap.history.order_by("history_id")] == ["Proef", "Andere titel"]
