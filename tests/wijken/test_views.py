"""Wijk and praktijk pages: scoped content, and the change history visible to who may see the practice."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_praktijk_page_shows_who_changed_what(world, client):
    praktijk = world.praktijk_a1
    beheerder = world.users["beheerder"]
    beheerder.first_name, beheerder.last_name = "Bea", "Heerder"
    beheerder.save()
    praktijk.telefoon = "06-99887766"
    praktijk._history_user = beheerder
    praktijk.save()

    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(reverse("wijken:praktijk-detail", args=[praktijk.pk])).content.decode()
    assert "Wijzigingen" in html
    assert "Bea Heerder" in html and "gewijzigd: Praktijkgegevens (telefoon)" in html


def test_wijk_page_lists_only_its_own_practices_and_the_sociale_kaart(world, client):
    from tests.wijken.factories import PartnerFactory

    PartnerFactory(naam="Apotheek Oranjeplein", beroepsgroep="apotheker", wijken=[world.wijk_a1])
    PartnerFactory(naam="Fysio Malberg", beroepsgroep="fysiotherapeut", wijken=[world.wijk_b1])
    client.force_login(world.users["praktijkmedewerker"])
    html = client.get(reverse("wijken:wijk-detail", args=[world.wijk_a1.pk])).content.decode()
    assert world.praktijk_a1.naam in html and world.praktijk_a1_buur.naam in html
    assert world.praktijk_b1.naam not in html
    assert "Apotheek Oranjeplein" in html and "Fysio Malberg" not in html


def test_wijk_list_shows_only_the_wijken_in_scope(world, client):
    client.force_login(world.users["gebiedsmanager"])
    html = client.get(reverse("wijken:wijk-list")).content.decode()
    assert world.wijk_a1.naam in html and world.wijk_a2.naam in html
    assert world.wijk_b1.naam not in html


def test_sociale_kaart_search_and_excel_export(world, client):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.wijken.factories import ContactpersoonFactory, PartnerFactory

    apotheek = PartnerFactory(naam="Apotheek Oranjeplein", beroepsgroep="apotheker", wijken=[world.wijk_a1])
    ContactpersoonFactory(praktijk=None, partner=apotheek, naam="Eva Jansen", functie="=HYPERLINK(1)")
    PartnerFactory(naam="Fysio Noord", beroepsgroep="fysiotherapeut", wijken=[world.wijk_a1])
    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("wijken:sociale-kaart", args=[world.wijk_a1.pk])

    html = client.get(url, {"zoek": "jansen"}).content.decode()
    assert "Apotheek Oranjeplein" in html and "Fysio Noord" not in html
    html = client.get(url, {"beroepsgroep": "fysiotherapeut"}).content.decode()
    assert "Fysio Noord" in html and "Apotheek Oranjeplein" not in html

    response = client.get(reverse("wijken:sociale-kaart-export", args=[world.wijk_a1.pk]), {"zoek": "jansen"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    blad = load_workbook(BytesIO(response.content)).active
    rows = list(blad.iter_rows(values_only=True))
    assert rows[0][:2] == ("Beroepsgroep", "Organisatie")
    assert rows[1][1] == "Apotheek Oranjeplein" and rows[1][8] == "Eva Jansen"
    formule = blad.cell(row=2, column=10)
    assert formule.value == "=HYPERLINK(1)", "the text as typed, without a visible apostrophe"
    assert formule.data_type == "s" and formule.quotePrefix, "formulas are neutralised"
    assert len(rows) == 2


def test_sociale_kaart_query_count_does_not_grow(world, client, django_assert_max_num_queries):
    from tests.wijken.factories import ContactpersoonFactory, PartnerFactory

    client.force_login(world.users["praktijkmedewerker"])
    url = reverse("wijken:sociale-kaart", args=[world.wijk_a1.pk])
    for _ in range(3):
        ContactpersoonFactory(praktijk=None, partner=PartnerFactory(wijken=[world.wijk_a1]))
    # 8: one of them is the menu's (is this practice user a praktijkmanager, with reports shared?).
    with django_assert_max_num_queries(8) as een:
        client.get(url)
    for _ in range(30):
        ContactpersoonFactory(praktijk=None, partner=PartnerFactory(wijken=[world.wijk_a1]))
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get(url)


def test_gebied_overzicht_shows_composition_vacancies_and_meetings(
    world, client, django_assert_max_num_queries
):
    from tests.samenwerking.factories import OverlegFactory

    OverlegFactory(verband=world.wsv_a1, status="gehouden")
    client.force_login(world.users["gebiedsmanager"])
    url = reverse("wijken:gebied-overzicht", args=[world.gebied_a.pk])
    with django_assert_max_num_queries(10):
        html = client.get(url).content.decode()
    # The list: one row per WSV, its composition on demand (htmx, or ?wsv= without JavaScript).
    assert world.wsv_a1.naam in html and f'hx-get="?wsv={world.wsv_a1.pk}"' in html
    assert world.wsv_b1.naam not in html
    # On top the gebied at a glance, over all its WSVs: the WSV misses delegates (vacancies).
    assert "Het gebied in het kort" in html
    assert re.search(r"Met een vacature</dt><dd[^>]*>1</dd>", html)
    # The summary is kept in the cache under the data's versions: a new open action shows at once.
    from tests.samenwerking.factories import ActiepuntFactory

    voor = int(re.search(r"Open actiepunten</dt><dd[^>]*>(\d+)</dd>", html).group(1))
    ActiepuntFactory(verband=world.wsv_a1, status="open")
    html = client.get(url).content.decode()
    assert re.search(rf"Open actiepunten</dt><dd[^>]*>{voor + 1}</dd>", html)
    with django_assert_max_num_queries(10):
        html = client.get(url, {"wsv": world.wsv_a1.pk}).content.decode()
    assert world.afgevaardigde_a1.contactpersoon.naam in html
    assert "Vacant: het sociaal domein moet altijd gekoppeld zijn" in html
    kaart = client.get(url, {"wsv": world.wsv_a1.pk}, headers={"HX-Request": "true"}).content.decode()
    assert world.afgevaardigde_a1.contactpersoon.naam in kaart and "<html" not in kaart
    # htmx puts the card as the row after the WSV's row, with a button that folds it again.
    assert kaart.lstrip().startswith('<tr class="uitklap-rij">') and "data-sluit-rij" in kaart
    # A WSV of another gebied, or no number, is not shown through this gebied.
    assert client.get(url, {"wsv": world.wsv_b1.pk}).status_code == 404
    assert client.get(url, {"wsv": "x"}).status_code == 404


def _inventarisatie_post(partners, waarden: dict) -> dict:
    data = {"form-TOTAL_FORMS": str(len(partners)), "form-INITIAL_FORMS": str(len(partners))}
    for i, partner in enumerate(partners):
        data[f"form-{i}-partner"] = str(partner.pk)
        mate, knelpunt = waarden.get(partner.pk, ("", ""))
        data[f"form-{i}-mate"] = mate
        data[f"form-{i}-knelpunten"] = knelpunt
        data[f"form-{i}-goede_voorbeelden"] = ""
    return data


def test_practice_fills_in_its_inventory_and_the_gebiedsmanager_sees_it_side_by_side(world, client):
    from samenwerking.models import PartnerInventarisatie
    from tests.wijken.factories import PartnerFactory

    apotheek = PartnerFactory(naam="Apotheek Oranjeplein", beroepsgroep="apotheker", wijken=[world.wijk_a1])
    fysio = PartnerFactory(naam="Fysio Noord", beroepsgroep="fysiotherapeut", wijken=[world.wijk_a1])
    partners = [apotheek, fysio]  # the handreiking's order: apotheker before fysiotherapeut
    url = reverse("wijken:praktijk-inventarisatie", args=[world.praktijk_a1.pk])
    client.force_login(world.users["praktijkmedewerker"])

    # Notes without saying how the practice works with the partner: a Dutch message, nothing saved.
    response = client.post(
        url, _inventarisatie_post(partners, {apotheek.pk: ("", "Bereikbaarheid na 17 uur")})
    )
    assert response.status_code == 200
    assert "Geef aan of u met deze partner samenwerkt" in response.content.decode()
    assert "Bereikbaarheid na 17 uur" in response.content.decode(), "the input is kept"
    assert not PartnerInventarisatie.objects.exists()

    waarden = {apotheek.pk: ("al", "Bereikbaarheid na 17 uur"), fysio.pk: ("nog_niet", "")}
    response = client.post(url, _inventarisatie_post(partners, waarden))
    assert response.status_code == 302
    assert PartnerInventarisatie.objects.filter(praktijk=world.praktijk_a1).count() == 2

    # A partner of another wijk slipped into the form is refused.
    ander = PartnerFactory(wijken=[world.wijk_b1])
    data = _inventarisatie_post(partners, waarden)
    data["form-0-partner"] = str(ander.pk)
    geweigerd = client.post(url, data)
    assert geweigerd.status_code == 200
    assert "De lijst met partners is intussen gewijzigd" in geweigerd.content.decode()
    assert not PartnerInventarisatie.objects.filter(partner=ander).exists()

    client.force_login(world.users["gebiedsmanager"])
    html = client.get(reverse("wijken:wijk-inventarisatie", args=[world.wijk_a1.pk])).content.decode()
    assert "Apotheek Oranjeplein" in html and "Werken we al mee samen" in html
    assert "Bereikbaarheid na 17 uur" in html


def test_next_meeting_links_to_the_meeting_on_the_verband_page_and_the_gebied_overview(world, client):
    from tests.samenwerking.factories import OverlegFactory

    vandaag = timezone.localdate()
    later = OverlegFactory(verband=world.wsv_a1, status="gepland", datum=vandaag + timedelta(days=30))
    eerst = OverlegFactory(verband=world.wsv_a1, status="gepland", datum=vandaag + timedelta(days=9))
    client.force_login(world.users["gebiedsmanager"])
    volgend = f'<a href="{reverse("samenwerking:overleg-detail", args=[eerst.pk])}">'
    html = client.get(reverse("samenwerking:verband-detail", args=[world.wsv_a1.pk])).content.decode()
    assert f'Volgend overleg</dt><dd class="col-sm-7">{volgend}' in html
    gebied = reverse("wijken:gebied-overzicht", args=[world.gebied_a.pk])
    for url in (  # these pages show only the next meeting (the gebied overview in the WSV's details)
        f"{gebied}?wsv={world.wsv_a1.pk}",
        reverse("wijken:wijk-detail", args=[world.wijk_a1.pk]),
    ):
        html = client.get(url).content.decode()
        assert volgend in html, url
        assert reverse("samenwerking:overleg-detail", args=[later.pk]) not in html, url
