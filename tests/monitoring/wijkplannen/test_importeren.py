"""The CBS import: the StatLine layout with different suffixes per year, `;` and decimal comma, codes
it cannot place, all or nothing, figures kept per year."""

from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import CbsKerncijfers
from monitoring.wijkplannen import importeren, services

pytestmark = pytest.mark.django_db

# The column layout of the 2023 table, and of the 2024 table where the suffixes moved up by one.
KOP_2023 = (
    "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;IndelingswijzigingWijkenEnBuurten_4;"
    "AantalInwoners_5;Mannen_6;Vrouwen_7;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;"
    "k_65JaarOfOuder_12;HuishoudensTotaal_28;Eenpersoonshuishoudens_29;GemiddeldInkomenPerInwoner_72"
)
KOP_2024 = (
    "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;IndelingswijzigingWijkenEnBuurten_4;"
    "Omgevingsadressendichtheid_5;AantalInwoners_6;Mannen_7;Vrouwen_8;k_0Tot15Jaar_9;k_15Tot25Jaar_10;"
    "k_25Tot45Jaar_11;k_45Tot65Jaar_12;k_65JaarOfOuder_13;HuishoudensTotaal_29;Eenpersoonshuishoudens_30;"
    "GemiddeldInkomenPerInwoner_73;PersonenPerSoortUitkeringBijstand_80"
)


def _bestand_2023(wijkcode="WK093501"):
    regels = [
        KOP_2023,
        '0;"Nederland                ";"Nederland";"Land      ";"NL00      ";.;17811291;8846353;8964938;'
        "2773004;2167340;4489617;4773823;3607507;8148729;3189043;32,4",
        '1;"Maastricht";"Maastricht              ";"Gemeente  ";"GM0935    ";1;121151;58000;63151;'
        "13800;22500;30000;28800;26051;68000;36000;28,1",
        f'2;"Wittevrouwenveld";"Maastricht";"Wijk      ";"{wijkcode}  ";1;9800;4800;5000;1400;1300;2400;'
        "2500;2200;5200;2500;22,3",
        '3;"Wyckerpoort-Noord";"Maastricht";"Buurt     ";"BU09350101";1;2100;1000;1100;300;250;500;550;500;'
        "1100;500;.",
        '4;"Onbekende wijk";"Maastricht";"Wijk      ";"WK093599  ";1;5000;2500;2500;700;600;1300;1300;1100;'
        "2600;1200;",
        '5;"Amsterdam Centrum";"Amsterdam";"Wijk      ";"WK036300  ";1;80000;40000;40000;7000;9000;'
        "30000;20000;14000;50000;30000;40,2",
    ]
    return ("\r\n".join(regels) + "\r\n").encode("utf-8")


def _bestand_2024():
    regels = [
        KOP_2024,
        '1;"Maastricht";"Maastricht";"Gemeente  ";"GM0935    ";1;2100;122000;58500;63500;13700;22800;'
        "30200;28900;26400;68800;36500;29,0;3100",
        '2;"Wittevrouwenveld";"Maastricht";"Wijk      ";"WK093501  ";1;2400;9900;4850;5050;1390;1310;2420;'
        "2480;2300;5260;2540;22,9;610",
    ]
    return ("\r\n".join(regels) + "\r\n").encode("utf-8")


@pytest.fixture
def gecodeerd(world):
    world.wijk_a1.cbs_code = "WK093501"
    world.wijk_a1.save()
    world.wijk_a2.cbs_code = "WK093502"
    world.wijk_a2.save()
    return world


def test_kolomnaam_zonder_achtervoegsel():
    assert importeren.kolomnaam("AantalInwoners_5") == "AantalInwoners"
    assert importeren.kolomnaam("k_0Tot15Jaar_8") == "k_0Tot15Jaar"
    assert importeren.kolomnaam("WijkenEnBuurten") == "WijkenEnBuurten"


def test_controle_koppelt_wijken_en_meldt_onbekende_codes(gecodeerd):
    controle = importeren.controleer(rijen=importeren.lees_bestand(_bestand_2023(), "kwb.csv"), jaar=2023)
    assert controle.in_orde
    assert [r.wijk for r in controle.wijkrijen] == [gecodeerd.wijk_a1]
    assert [(code, naam) for _r, code, naam in controle.onbekend] == [("WK093599", "Onbekende wijk")]
    assert controle.buiten_regio == 1  # Amsterdam
    assert controle.wijken_zonder_cijfers == [gecodeerd.wijk_a2]
    wijk = controle.wijkrijen[0].waarden
    assert wijk["inwoners"] == 9800
    assert wijk["leeftijd_65_plus"] == 2200
    assert wijk["gemiddeld_inkomen"] == Decimal("22.3")
    assert "bijstand" not in controle.kolommen  # the 2023 layout here has no bijstand column
    soorten = sorted(r.soort for r in controle.rijen)
    assert soorten == ["gemeente", "land", "wijk"]


def test_twee_jaren_met_andere_achtervoegsels_blijven_per_jaar_bewaard(gecodeerd):
    for jaar, inhoud in ((2023, _bestand_2023()), (2024, _bestand_2024())):
        controle = importeren.controleer(rijen=importeren.lees_bestand(inhoud, "kwb.csv"), jaar=jaar)
        assert controle.in_orde, controle.fouten
        services.kerncijfers_opslaan(controle=controle)
    wijk = {k.jaar: k for k in CbsKerncijfers.objects.filter(wijk=gecodeerd.wijk_a1)}
    assert (wijk[2023].inwoners, wijk[2024].inwoners) == (9800, 9900)
    assert (wijk[2023].leeftijd_65_plus, wijk[2024].leeftijd_65_plus) == (2200, 2300)
    assert wijk[2024].gemiddeld_inkomen == Decimal("22.9")
    assert (wijk[2023].bijstand, wijk[2024].bijstand) == (None, 610)
    gemeente = CbsKerncijfers.objects.get(gemeente=gecodeerd.gemeente, jaar=2024)
    assert gemeente.inwoners == 122000
    # a second import of the same year replaces, it does not double
    controle = importeren.controleer(rijen=importeren.lees_bestand(_bestand_2024(), "kwb.csv"), jaar=2024)
    services.kerncijfers_opslaan(controle=controle)
    assert CbsKerncijfers.objects.filter(jaar=2024).count() == 2


def test_fout_getal_weigert_het_hele_bestand(gecodeerd):
    inhoud = _bestand_2023().replace(b";9800;", b";negen;")
    controle = importeren.controleer(rijen=importeren.lees_bestand(inhoud, "kwb.csv"), jaar=2023)
    assert not controle.in_orde
    assert controle.fouten[0][:2] == (4, "AantalInwoners_5")


def test_bestand_zonder_cbs_kolommen():
    with pytest.raises(importeren.BestandFout):
        importeren.controleer(rijen=[["agb_code", "x"], ["01234567", "1"]], jaar=2024)


def test_import_via_de_pagina_alles_of_niets(client, gecodeerd, django_capture_on_commit_callbacks):
    client.force_login(gecodeerd.users["beleidsadviseur"])
    url = reverse("monitoring:wijkplan-cbs-import")
    slecht = _bestand_2023().replace(b";9800;", b";negen;")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {"jaar": 2023, "bestand": SimpleUploadedFile("kwb.csv", slecht)})
    assert response.status_code == 200
    assert "er is niets geïmporteerd" in response.content.decode()
    assert not CbsKerncijfers.objects.exists()

    response = client.post(url, {"jaar": 2023, "bestand": SimpleUploadedFile("kwb.csv", _bestand_2023())})
    inhoud = response.content.decode()
    assert "Wittevrouwenveld" in inhoud and "WK093599" in inhoud
    assert not CbsKerncijfers.objects.exists()  # nothing before the confirmation
    token = response.context["token"]
    response = client.post(url, {"actie": "bevestigen", "token": token})
    assert response.status_code == 302
    assert CbsKerncijfers.objects.filter(jaar=2023).count() == 3
    # the same token cannot be used twice
    response = client.post(url, {"actie": "bevestigen", "token": token}, follow=True)
    assert "verlopen" in response.content.decode()


def test_import_geen_csv_melding_bij_het_veld(client, gecodeerd):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(gecodeerd.users["beleidsadviseur"])
    response = client.post(
        reverse("monitoring:wijkplan-cbs-import"),
        {"jaar": 2023, "bestand": SimpleUploadedFile("kwb.pdf", b"%PDF")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["bestand"]
