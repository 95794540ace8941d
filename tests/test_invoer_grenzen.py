"""Input at its limits: dates outside 2000-2100, text over its maximum, tampered ids and formsets.

Each is refused with a Dutch message next to the field, the input is kept and nothing is saved;
nothing is cut or changed silently.
"""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.urls import resolve, reverse

from monitoring.constants import RapportageStatus
from samenwerking.constants import SamenwerkingMate
from samenwerking.models import Agendapunt, Overleg
from samenwerking.models.overleggen import NOTULEN_MAX_TEKENS
from samenwerking.overleggen import services as overleg_services
from samenwerking.wijkoverzicht import selectors as inventarisatie_selectors
from tests.formulieren import post_formulieren
from tests.monitoring.factories import RapportageFactory
from tests.samenwerking.factories import OverlegFactory
from tests.url_cases import ROLLEN
from tests.wijken.factories import PartnerFactory
from tests.zio_portal.test_urls import CASES
from wijken.constants import Beroepsgroep
from wijken.models import Partner
from zio_portal.invoer import datum_in_bereik

pytestmark = pytest.mark.django_db

BEREIK_MELDING = "Vul een datum in tussen 01-01-2000 en 31-12-2100."
ONZE_APPS = ("zio_portal", "wijken", "samenwerking", "monitoring")
# Date-times someone types in (the other date-times are timestamps the system sets).
INGEVOERDE_TIJDSTIPPEN = {"monitoring.Praktijkbezoek.gepland_op"}


@pytest.mark.parametrize(
    ("waarde", "goed"),
    [
        (datetime.date(1, 1, 1), False),
        (datetime.date(1999, 12, 31), False),
        (datetime.date(2000, 1, 1), True),
        (datetime.date(2100, 12, 31), True),
        (datetime.date(2101, 1, 1), False),
        (datetime.date(9999, 12, 31), False),
        (datetime.datetime(9999, 12, 31, 23, 59, tzinfo=datetime.UTC), False),
        (datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC), True),
    ],
)
def test_the_date_range_validator(waarde, goed):
    if goed:
        datum_in_bereik(waarde)
    else:
        with pytest.raises(ValidationError) as fout:
            datum_in_bereik(waarde)
        assert fout.value.messages == [BEREIK_MELDING]


def test_every_entered_date_field_of_our_models_carries_the_range():
    """A new date field without the range fails here (system timestamps are listed as exceptions)."""
    zonder = []
    for model in apps.get_models():
        if model._meta.app_label not in ONZE_APPS or model._meta.model_name.startswith("historical"):
            continue  # a history table copies its model's fields
        for veld in model._meta.concrete_fields:
            label = f"{model._meta.label}.{veld.name}"
            if isinstance(veld, models.DateTimeField):
                # Timestamps are set by the system (made, sent, final); only these are typed in.
                if label not in INGEVOERDE_TIJDSTIPPEN:
                    continue
            elif not isinstance(veld, models.DateField):
                continue
            if datum_in_bereik not in veld.validators:
                zonder.append(f"{model._meta.label}.{veld.name}")
    assert not zonder, zonder


def test_a_service_refuses_a_far_date_for_every_caller(world):
    with pytest.raises(ValidationError) as fout:
        overleg_services.overleg_plannen(
            verband=world.wsv_a1,
            data={"datum": datetime.date(9999, 12, 31), "overlegvorm": "online", "link": "https://x.nl/t"},
            door=world.users["gebiedsmanager"],
        )
    assert fout.value.message_dict["datum"] == [BEREIK_MELDING]
    assert not Overleg.objects.exists()


def _aantallen() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in ONZE_APPS and m._meta.model_name != "formulierverzending"
    }


VOORKEUR = ["beheerder", "gebiedsmanager", "beleidsadviseur", "projectleider", "praktijkmedewerker"]
# Every form with a date the matrix reaches; each must refuse 0001-01-01 and 9999-12-31 next to the field.
VERWACHT = {
    "monitoring:bezoek-plannen",
    "monitoring:bezoek-verslag",
    "monitoring:vragenlijst-detail",
    "rapportage:aanvragen",
    "samenwerking:afgevaardigde-beeindigen",
    "samenwerking:afgevaardigde-benoemen",
    "samenwerking:afgevaardigde-vervangen",
    "samenwerking:afspraak-create",
    "samenwerking:afspraak-evalueren",
    "samenwerking:afspraak-update",
    "samenwerking:overleg-actiepunt",
    "samenwerking:overleg-create",
    "samenwerking:overleg-update",
    "samenwerking:terugkoppeling-create",
    "samenwerking:terugkoppelingregel-resv",
}


@pytest.mark.parametrize("datum", ["0001-01-01", "9999-12-31"])
def test_every_date_field_in_the_matrix_refuses_a_far_date(world, datum):
    client = Client()
    gedekt: dict[str, list[str]] = {}
    gezien = set()
    for case in CASES:
        if case.method != "get":
            continue
        rol = next((r for r in VOORKEUR if r in ROLLEN and case.expect.get(r) == 200), None)
        if rol is None:
            continue
        try:
            url = reverse(case.name, args=case.args(world))
        except Exception:  # noqa: S112  (a case whose objects this world lacks)
            continue
        client.force_login(world.users[rol])
        pagina = client.get(url)
        if pagina.status_code != 200 or "html" not in pagina.get("Content-Type", ""):
            continue
        for nummer, form in enumerate(post_formulieren(pagina.content.decode(), url)):
            datumvelden = [v.naam for v in form.velden if v.soort in ("date", "datetime-local")]
            for veld in datumvelden:
                if (form.action, veld) in gezien:
                    continue
                gezien.add((form.action, veld))
                # A fresh page for every post: each rendered form may be sent once.
                vers = post_formulieren(client.get(url).content.decode(), url)[nummer]
                data = vers.standaardwaarden()
                data[veld] = [datum if form.veld(veld).soort == "date" else f"{datum}T10:00"]
                voor = _aantallen()
                antwoord = client.post(form.action, data, HTTP_HX_REQUEST="true" if form.htmx else "")
                assert _aantallen() == voor, (form.action, veld)  # nothing saved
                match = resolve(form.action)
                naam = f"{match.namespace}:{match.url_name}"
                assert antwoord.status_code < 500, (naam, veld)
                inhoud = antwoord.content.decode()
                if antwoord.status_code == 200 and BEREIK_MELDING in inhoud:
                    gedekt.setdefault(naam, []).append(veld)
                else:
                    pytest.fail(f"{naam} ({rol}) accepted {veld}={datum}: {antwoord.status_code}")
    print(f"\n{datum}: refused next to the field in {sorted(gedekt)}")
    assert set(gedekt) >= VERWACHT, sorted(gedekt)


def _overleg(world) -> Overleg:
    return overleg_services.overleg_plannen(
        verband=world.wsv_a1,
        data={
            "datum": datetime.date.today(),
            "starttijd": datetime.time(16),
            "eindtijd": datetime.time(17),
            "overlegvorm": "fysiek",
            "locatie": "Wijkcentrum",
            "link": "",
        },
        door=world.users["gebiedsmanager"],
    )


def test_notulen_over_the_maximum_are_refused_not_cut(world, client):
    overleg = _overleg(world)
    punt = overleg.agendapunten.get()
    client.force_login(world.users["gebiedsmanager"])
    lang = "a" * (NOTULEN_MAX_TEKENS + 1)
    antwoord = client.post(
        reverse("samenwerking:overleg-notulen", args=[overleg.pk]),
        {f"notulen-{punt.pk}": lang, "algemeen": "Rondvraag: niets."},
    )
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Zorg ervoor dat deze waarde maximaal 20000 tekens bevat" in inhoud or "20000" in inhoud
    assert antwoord.context["notulen_form"].errors[f"notulen-{punt.pk}"]
    assert lang in inhoud and "Rondvraag: niets." in inhoud  # the input is kept
    punt.refresh_from_db()
    overleg.refresh_from_db()
    assert punt.notulen == "" and overleg.notulen == ""
    # Exactly the maximum is stored whole.
    precies = "b" * NOTULEN_MAX_TEKENS
    client.post(reverse("samenwerking:overleg-notulen", args=[overleg.pk]), {f"notulen-{punt.pk}": precies})
    punt.refresh_from_db()
    assert punt.notulen == precies


def test_notulen_with_a_nul_byte_get_a_field_error(world, client):
    overleg = _overleg(world)
    client.force_login(world.users["gebiedsmanager"])
    antwoord = client.post(
        reverse("samenwerking:overleg-notulen", args=[overleg.pk]), {"algemeen": "notulen\x00met NUL"}
    )
    assert antwoord.status_code == 200
    assert antwoord.context["notulen_form"].errors["algemeen"]
    assert "onzichtbaar stuurteken" in antwoord.content.decode()
    overleg.refresh_from_db()
    assert overleg.notulen == ""


@pytest.mark.parametrize("agendapunt", ["abc", "", "²", "-1", "99999999999999999999", "1.5"])
def test_agenda_actions_with_a_bad_id_say_so_and_change_nothing(world, client, agendapunt):
    overleg = _overleg(world)
    client.force_login(world.users["gebiedsmanager"])
    url = reverse("samenwerking:overleg-agenda", args=[overleg.pk])
    htmx = client.post(url, {"wat": "verwijderen", "agendapunt": agendapunt}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "alert-danger" in htmx.content.decode()
    gewoon = client.post(url, {"wat": "omhoog", "agendapunt": agendapunt})
    assert gewoon.status_code == 302
    assert Agendapunt.objects.filter(overleg=overleg).count() == 1


def test_agenda_item_of_another_meeting_is_not_touched(world, client):
    overleg = _overleg(world)
    ander = OverlegFactory(verband=world.wsv_a1)
    vreemd = Agendapunt.objects.create(overleg=ander, titel="Vreemd", volgorde=1)
    client.force_login(world.users["gebiedsmanager"])
    antwoord = client.post(
        reverse("samenwerking:overleg-agenda", args=[overleg.pk]),
        {"wat": "verwijderen", "agendapunt": vreemd.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "staat niet (meer) op de agenda" in antwoord.content.decode()
    assert Agendapunt.objects.filter(pk=vreemd.pk).exists()


@pytest.mark.parametrize("verwijderen", ["abc", "²", "-5", "99999999999999999999"])
def test_removing_a_participant_with_a_bad_id_changes_nothing(world, client, verwijderen):
    overleg = _overleg(world)
    overleg_services.deelnemer_toevoegen(overleg=overleg, naam="Gast", status="aanwezig")
    client.force_login(world.users["gebiedsmanager"])
    antwoord = client.post(
        reverse("samenwerking:overleg-deelnemer", args=[overleg.pk]), {"verwijderen": verwijderen}
    )
    assert antwoord.status_code == 302
    assert overleg.aanwezigheid.filter(naam="Gast").exists()


def test_commentary_with_a_nul_byte_or_too_long_gets_a_field_error(world, client):
    rapportage = RapportageFactory(status=RapportageStatus.GEREED, aangevraagd_door=world.users["beheerder"])
    client.force_login(world.users["beleidsadviseur"])
    url = reverse("rapportage:beoordelen", args=[rapportage.pk])
    for tekst, melding in [("goed\x00rapport", "onzichtbaar stuurteken"), ("x" * 2001, "2000")]:
        antwoord = client.post(url, {"commentaar": tekst})
        assert antwoord.status_code == 200
        assert antwoord.context["commentaar_form"].errors["commentaar"]
        assert melding in antwoord.content.decode()
        rapportage.refresh_from_db()
        assert rapportage.commentaar == ""


def _inventarisatie(world, client):
    praktijk = world.praktijk_a1
    if not Partner.objects.filter(wijken=praktijk.wijk).exists():
        for beroepsgroep in (Beroepsgroep.FYSIOTHERAPEUT, Beroepsgroep.APOTHEKER):
            PartnerFactory(beroepsgroep=beroepsgroep, wijken=[praktijk.wijk])
    partners, _ingevuld = inventarisatie_selectors.praktijk_inventarisatie(praktijk=praktijk)
    partners = list(partners)
    assert len(partners) >= 2
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("wijken:praktijk-inventarisatie", args=[praktijk.pk])
    data = {"form-TOTAL_FORMS": str(len(partners)), "form-INITIAL_FORMS": str(len(partners))}
    for i, partner in enumerate(partners):
        data.update(
            {
                f"form-{i}-partner": str(partner.pk),
                f"form-{i}-mate": SamenwerkingMate.choices[0][0],
                f"form-{i}-knelpunten": f"knelpunt {i}",
                f"form-{i}-goede_voorbeelden": "",
            }
        )
    return url, partners, data


@pytest.mark.parametrize(
    "knoeien",
    [
        {"form-TOTAL_FORMS": "1"},
        {"form-TOTAL_FORMS": "1000"},
        {"form-TOTAL_FORMS": "abc"},
        {"form-TOTAL_FORMS": None},
        {"form-0-partner": "abc"},
        {"form-0-partner": "99999999"},
        {"form-1-partner": "<eerste>"},  # the same partner twice
    ],
)
def test_a_tampered_inventory_is_refused_with_its_input_kept(world, client, knoeien):
    url, partners, data = _inventarisatie(world, client)
    for sleutel, waarde in knoeien.items():
        if waarde is None:
            data.pop(sleutel)
        else:
            data[sleutel] = str(partners[0].pk) if waarde == "<eerste>" else waarde
    antwoord = client.post(url, data)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "alert-danger" in inhoud or "is-invalid" in inhoud
    assert "knelpunt 0" in inhoud  # the input is kept
    assert not world.praktijk_a1.partnerinventarisatie.exists()


def test_an_untampered_inventory_is_saved(world, client):
    url, partners, data = _inventarisatie(world, client)
    assert client.post(url, data).status_code == 302
    assert world.praktijk_a1.partnerinventarisatie.count() == len(partners)
