"""The monitoring's services called directly (the views only translate HTTP around them)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.utils import timezone

from monitoring.bezoeken.services import bezoek_plannen, bezoek_verslag_opslaan
from monitoring.constants import BezoekStatus, Ondersteuningscategorie, ResponsBron, ResponsStatus, VraagType
from monitoring.models import Bouwsteen, Respons, Sectie
from monitoring.vragenlijsten import importeren
from monitoring.vragenlijsten.services import import_bevestigen, import_klaarzetten, sectie_toevoegen
from tests.monitoring.factories import (
    PraktijkbezoekFactory,
    RondeFactory,
    SectieFactory,
    VraagFactory,
    VragenlijstFactory,
)

pytestmark = pytest.mark.django_db


# --- sectie_toevoegen -----------------------------------------------------------------------------


def test_sectie_toevoegen_puts_each_new_section_last():
    vragenlijst = VragenlijstFactory()
    SectieFactory(vragenlijst=vragenlijst, titel="Algemeen", volgorde=1)
    eerste = sectie_toevoegen(vragenlijst=vragenlijst, titel="  Samenwerking  ")
    tweede = sectie_toevoegen(vragenlijst=vragenlijst, titel="Continuïteit")
    assert (eerste.titel, eerste.volgorde) == ("Samenwerking", 2)
    assert tweede.volgorde == 3
    assert list(vragenlijst.secties.order_by("volgorde").values_list("titel", flat=True)) == [
        "Algemeen",
        "Samenwerking",
        "Continuïteit",
    ]


@pytest.mark.parametrize("titel", ["", "   ", "x" * 201])
def test_sectie_toevoegen_refuses_an_empty_or_too_long_title_and_saves_nothing(titel):
    vragenlijst = VragenlijstFactory()
    with pytest.raises(ValidationError) as fout:
        sectie_toevoegen(vragenlijst=vragenlijst, titel=titel)
    assert "titel" in fout.value.message_dict
    assert not Sectie.objects.exists()


# --- import: klaarzetten en bevestigen ------------------------------------------------------------


@pytest.fixture
def prive(settings, tmp_path):
    """Private storage in a fresh folder, so the test sees exactly the files it made."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return storages["private"]


@pytest.fixture
def import_ronde():
    vandaag = timezone.localdate()
    ronde = RondeFactory(
        opent_op=vandaag - datetime.timedelta(days=1), sluit_op=vandaag + datetime.timedelta(days=1)
    )
    sectie = SectieFactory(vragenlijst=ronde.vragenlijst)
    VraagFactory(sectie=sectie, code="SW01", type=VraagType.SCHAAL)
    VraagFactory(sectie=sectie, code="SW02", type=VraagType.JA_NEE)
    return ronde


def _csv(*regels: str) -> bytes:
    return ("\n".join(regels) + "\n").encode()


def test_import_klaarzetten_keeps_the_file_until_confirmed_or_cleaned_up(world, import_ronde, prive):
    a1, b1 = world.praktijk_a1.agb_code, world.praktijk_b1.agb_code
    controle, pad = import_klaarzetten(
        ronde=import_ronde, inhoud=_csv("agb_code;SW01", f"{a1};9"), naam="export.csv", token="t1"
    )
    # Kept also when not in order: its headings can be linked without uploading it again.
    assert not controle.in_orde and pad == "imports/t1.csv"

    controle, eerste = import_klaarzetten(
        ronde=import_ronde, inhoud=_csv("agb_code;SW01", f"{a1};4"), naam="Export.CSV", token="t2"
    )
    assert controle.in_orde and eerste == "imports/t2.csv" and prive.exists(eerste)
    # A new upload replaces the one kept before.
    controle, tweede = import_klaarzetten(
        ronde=import_ronde,
        inhoud=_csv("agb_code;SW01;SW02", f"{a1};4;ja", f"{b1};2;nee"),
        naam="export.csv",
        token="t3",
        vorig_pad=eerste,
    )
    assert [p.agb_code for p, _w in controle.rijen] == [a1, b1]
    assert prive.exists(tweede) and not prive.exists(eerste)
    assert not Respons.objects.exists(), "a preview saves nothing"


def test_import_klaarzetten_reports_a_file_it_cannot_read(import_ronde, prive):
    with pytest.raises(importeren.BestandFout):
        import_klaarzetten(ronde=import_ronde, inhoud=b"", naam="leeg.csv", token="t")


def test_import_bevestigen_imports_all_rows_and_removes_the_file(world, import_ronde, prive):
    a1, b1 = world.praktijk_a1.agb_code, world.praktijk_b1.agb_code
    _controle, pad = import_klaarzetten(
        ronde=import_ronde,
        inhoud=_csv("agb_code;SW01;SW02", f"{a1};4;ja", f"{b1};2;nee"),
        naam="export.csv",
        token="t",
    )
    controle, aantal = import_bevestigen(ronde=import_ronde, pad=pad)
    assert controle.in_orde and aantal == 2
    assert not prive.exists(pad)
    assert set(Respons.objects.values_list("praktijk__agb_code", "bron", "status")) == {
        (a1, ResponsBron.IMPORT, ResponsStatus.INGEDIEND),
        (b1, ResponsBron.IMPORT, ResponsStatus.INGEDIEND),
    }
    respons_b1 = Respons.objects.get(praktijk=world.praktijk_b1)
    assert respons_b1.antwoorden.get(vraag__code="SW01").getal == 2
    assert respons_b1.antwoorden.get(vraag__code="SW02").ja_nee is False


def test_import_bevestigen_checks_again_and_imports_nothing_when_the_round_changed(
    world, import_ronde, prive
):
    a1 = world.praktijk_a1.agb_code
    _controle, pad = import_klaarzetten(
        ronde=import_ronde, inhoud=_csv("agb_code;SW01;SW02", f"{a1};4;ja"), naam="export.csv", token="t"
    )
    import_ronde.vragenlijst.vragen.filter(code="SW02").delete()  # the question went after the preview
    controle, aantal = import_bevestigen(ronde=import_ronde, pad=pad)
    assert not controle.in_orde and aantal == 0
    assert [k.kop for k in controle.onbekend] == ["SW02"]
    assert not Respons.objects.exists()
    assert prive.exists(pad), "kept, so the user sees why and can upload again"


# --- praktijkbezoeken -----------------------------------------------------------------------------


def test_bezoek_plannen_plans_a_visit_by_the_chosen_people(world):
    adviseur = world.users["beleidsadviseur"]
    moment = timezone.now() + datetime.timedelta(days=3)
    bezoek = bezoek_plannen(praktijk=world.praktijk_a1, gepland_op=moment, bezoekers=[adviseur])
    assert bezoek.status == BezoekStatus.GEPLAND and bezoek.gepland_op == moment
    assert list(bezoek.bezoekers.all()) == [adviseur]


def test_bezoek_plannen_refuses_a_moment_in_the_past_and_saves_nothing(world):
    with pytest.raises(ValidationError) as fout:
        bezoek_plannen(
            praktijk=world.praktijk_a1,
            gepland_op=timezone.now() - datetime.timedelta(hours=1),
            bezoekers=[world.users["beleidsadviseur"]],
        )
    assert "gepland_op" in fout.value.message_dict
    assert not world.praktijk_a1.bezoeken.exists()


def _verslag(bezoek, **anders):
    velden = {
        "bezoek": bezoek,
        "gehouden_op": timezone.localdate(),
        "wat_gaat_goed": "Waarneming loopt.",
        "uitdagingen": "Vacatures.",
        "bouwstenen": [],
        "themas": [],
        "ondersteuning": {
            Ondersteuningscategorie.PERSONEEL: "Hulp bij werving.",
            Ondersteuningscategorie.ICT: "  ",
        },
        "terugkoppeling": "Dank voor het gesprek.",
    }
    velden.update(anders)
    return bezoek_verslag_opslaan(**velden)


def test_bezoek_verslag_opslaan_records_the_visit_as_held(world):
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1)
    bouwsteen = Bouwsteen.objects.order_by("nummer").first()
    thema = world.afspraak_a1.thema
    _verslag(bezoek, bouwstenen=[bouwsteen], themas=[thema])
    bezoek.refresh_from_db()
    assert bezoek.status == BezoekStatus.GEHOUDEN and bezoek.gehouden_op == timezone.localdate()
    assert list(bezoek.bouwstenen.all()) == [bouwsteen] and list(bezoek.themas.all()) == [thema]
    assert list(bezoek.ondersteuningsbehoeften.values_list("categorie", "toelichting")) == [
        (Ondersteuningscategorie.PERSONEEL, "Hulp bij werving.")
    ], "empty support texts are not kept"
    # Saving again replaces the support needs instead of adding to them.
    _verslag(bezoek, ondersteuning={})
    assert not bezoek.ondersteuningsbehoeften.exists()


def test_bezoek_verslag_opslaan_without_a_date_keeps_the_visit_planned(world):
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1)
    _verslag(bezoek, gehouden_op=None)
    bezoek.refresh_from_db()
    assert bezoek.status == BezoekStatus.GEPLAND and bezoek.wat_gaat_goed == "Waarneming loopt."


def test_bezoek_verslag_opslaan_refuses_a_future_date_and_saves_nothing(world):
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1)
    with pytest.raises(ValidationError) as fout:
        _verslag(bezoek, gehouden_op=timezone.localdate() + datetime.timedelta(days=1))
    assert "gehouden_op" in fout.value.message_dict
    bezoek.refresh_from_db()
    assert bezoek.status == BezoekStatus.GEPLAND and bezoek.wat_gaat_goed == ""


def test_bezoek_verslag_opslaan_keeps_a_shared_terugkoppeling_unchanged(world):
    bezoek = PraktijkbezoekFactory(praktijk=world.praktijk_a1, gehouden=True, gedeeld_op=timezone.now())
    gedeeld = bezoek.terugkoppeling
    with pytest.raises(ValidationError) as fout:
        _verslag(bezoek, terugkoppeling="Een andere tekst.")
    assert "terugkoppeling" in fout.value.message_dict
    bezoek.refresh_from_db()
    assert bezoek.terugkoppeling == gedeeld
    _verslag(bezoek, terugkoppeling=gedeeld + "  ", wat_gaat_goed="Bijgewerkt.")
    bezoek.refresh_from_db()
    assert bezoek.wat_gaat_goed == "Bijgewerkt."
