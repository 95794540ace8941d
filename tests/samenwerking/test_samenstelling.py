"""WSV composition: appoint, replace, end; the one-active-per-beroepsgroep rule as form errors."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenwerking.models import Afgevaardigde
from samenwerking.samenstelling import services
from tests.samenwerking.factories import AfgevaardigdeFactory
from tests.wijken.factories import ContactpersoonFactory, PartnerFactory
from wijken.constants import Beroepsgroep

pytestmark = pytest.mark.django_db


def _contact(world, groep=Beroepsgroep.SOCIAAL_DOMEIN, wijk=None):
    partner = PartnerFactory(beroepsgroep=groep, wijken=[wijk or world.wijk_a1])
    return ContactpersoonFactory(praktijk=None, partner=partner, naam=f"Contact {groep}")


def test_benoemen_vervangen_beeindigen_keeps_the_history(world, users):
    gm = users["gebiedsmanager"]
    eerste = _contact(world)
    a = services.afgevaardigde_benoemen(
        verband=world.wsv_a1,
        beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN,
        contactpersoon=eerste,
        mandaat_op=datetime.date(2026, 1, 5),
        door=gm,
    )
    tweede = _contact(world)
    nieuw = services.afgevaardigde_vervangen(
        afgevaardigde=a, contactpersoon=tweede, per=datetime.date(2026, 6, 1), reden="", door=gm
    )
    a.refresh_from_db()
    assert a.einde_op == datetime.date(2026, 6, 1) and "Vervangen door" in a.reden_einde
    assert nieuw.mandaat_op == datetime.date(2026, 6, 1) and nieuw.einde_op is None
    services.afgevaardigde_beeindigen(
        afgevaardigde=nieuw, einde_op=datetime.date(2026, 9, 1), reden_einde="Gestopt", door=gm
    )
    rijen = Afgevaardigde.objects.filter(verband=world.wsv_a1, beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN)
    assert rijen.count() == 2 and not rijen.filter(einde_op__isnull=True).exists()
    assert nieuw.history.count() == 2  # created, ended: simple-history keeps who and when


def test_second_active_delegate_is_a_field_error_not_an_integrity_error(world, users):
    with pytest.raises(ValidationError) as fout:
        services.afgevaardigde_benoemen(
            verband=world.wsv_a1,
            beroepsgroep=Beroepsgroep.HUISARTS,
            contactpersoon=ContactpersoonFactory(praktijk=world.praktijk_a1_buur),
            mandaat_op=datetime.date(2026, 1, 5),
            door=users["gebiedsmanager"],
        )
    assert "beroepsgroep" in fout.value.message_dict
    assert "al een gemandateerde afgevaardigde" in fout.value.message_dict["beroepsgroep"][0]


def test_contact_of_another_wijk_or_beroepsgroep_is_refused(world, users):
    for contact in (_contact(world, wijk=world.wijk_b1), _contact(world, groep=Beroepsgroep.APOTHEKER)):
        with pytest.raises(ValidationError) as fout:
            services.afgevaardigde_benoemen(
                verband=world.wsv_a1,
                beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN,
                contactpersoon=contact,
                mandaat_op=datetime.date(2026, 1, 5),
                door=users["gebiedsmanager"],
            )
        assert "contactpersoon" in fout.value.message_dict
    assert not world.wsv_a1.afgevaardigden.filter(beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN).exists()


def test_replace_before_the_mandate_date_and_end_twice_are_refused(world, users):
    gm = users["gebiedsmanager"]
    a = world.afgevaardigde_a1
    with pytest.raises(ValidationError) as fout:
        services.afgevaardigde_vervangen(
            afgevaardigde=a,
            contactpersoon=ContactpersoonFactory(praktijk=world.praktijk_a1_buur),
            per=a.mandaat_op - datetime.timedelta(days=1),
            reden="",
            door=gm,
        )
    assert "per" in fout.value.message_dict
    a.refresh_from_db()
    assert a.einde_op is None, "nothing half-saved"
    services.afgevaardigde_beeindigen(afgevaardigde=a, einde_op=a.mandaat_op, reden_einde="Gestopt", door=gm)
    with pytest.raises(ValidationError):
        services.afgevaardigde_beeindigen(afgevaardigde=a, einde_op=a.mandaat_op, reden_einde="Weer", door=gm)


def test_view_shows_the_error_next_to_the_field_and_keeps_input(world, client, users):
    client.force_login(users["gebiedsmanager"])
    url = reverse("samenwerking:afgevaardigde-benoemen", args=[world.wsv_a1.pk])
    contact = ContactpersoonFactory(praktijk=world.praktijk_a1_buur, naam="Dr. Buur")
    response = client.post(
        url, {"beroepsgroep": "huisarts", "contactpersoon": contact.pk, "mandaat_op": "2026-02-01"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "al een gemandateerde afgevaardigde" in html
    assert 'value="2026-02-01"' in html
    assert world.wsv_a1.afgevaardigden.count() == 1


def test_benoemen_for_a_chosen_beroepsgroep_offers_only_its_people(world, client, users):
    sociaal = _contact(world)
    fysio = _contact(world, groep=Beroepsgroep.FYSIOTHERAPEUT)
    client.force_login(users["gebiedsmanager"])
    url = reverse("samenwerking:afgevaardigde-benoemen", args=[world.wsv_a1.pk])
    html = client.get(url, {"beroepsgroep": Beroepsgroep.SOCIAAL_DOMEIN}).content.decode()
    assert "Afgevaardigde benoemen: Sociaal domein" in html
    assert f'value="{sociaal.pk}"' in html and f'value="{fysio.pk}"' not in html
    assert 'type="hidden" name="beroepsgroep" value="sociaal_domein"' in html

    # A forged post with someone of another beroepsgroep is refused next to the field.
    response = client.post(
        url,
        {"beroepsgroep": Beroepsgroep.SOCIAAL_DOMEIN, "contactpersoon": fysio.pk, "mandaat_op": "2026-02-01"},
    )
    assert (
        response.status_code == 200 and "Kies een contactpersoon uit de lijst." in response.content.decode()
    )
    assert not world.wsv_a1.afgevaardigden.filter(beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN).exists()

    response = client.post(
        url,
        {
            "beroepsgroep": Beroepsgroep.SOCIAAL_DOMEIN,
            "contactpersoon": sociaal.pk,
            "mandaat_op": "2026-02-01",
        },
    )
    assert response.status_code == 302
    assert world.wsv_a1.afgevaardigden.get(beroepsgroep=Beroepsgroep.SOCIAAL_DOMEIN).contactpersoon == sociaal


def test_benoemen_without_anyone_in_the_sociale_kaart_says_what_to_do(world, client, users):
    client.force_login(users["gebiedsmanager"])
    url = reverse("samenwerking:afgevaardigde-benoemen", args=[world.wsv_a1.pk])
    html = client.get(url, {"beroepsgroep": Beroepsgroep.LOGOPEDIST}).content.decode()
    assert "staat nog niemand uit deze beroepsgroep" in html
    assert 'type="submit" disabled' in html


def test_composition_page_flags_the_vacant_social_domain_and_shows_history(world, client, users):
    AfgevaardigdeFactory(
        verband=world.wsv_a1,
        beroepsgroep=Beroepsgroep.APOTHEKER,
        mandaat_op=datetime.date(2025, 4, 1),
        einde_op=datetime.date(2025, 12, 31),
        reden_einde="Vertrokken",
    )
    client.force_login(users["praktijkmedewerker"])
    html = client.get(reverse("samenwerking:samenstelling", args=[world.wsv_a1.pk])).content.decode()
    assert "Het sociaal domein heeft geen afgevaardigde" in html
    assert "Vertrokken" in html and "2025 –" in html, "the former delegate with from–to"
    assert "Vervangen" not in html, "practice staff read the composition, they do not manage it"


def test_idor_gebiedsmanager_cannot_touch_a_delegate_of_another_gebied(world, client, users):
    b = AfgevaardigdeFactory(verband=world.wsv_b1, beroepsgroep=Beroepsgroep.APOTHEKER)
    client.force_login(users["gebiedsmanager"])
    for naam in ("samenwerking:afgevaardigde-vervangen", "samenwerking:afgevaardigde-beeindigen"):
        url = reverse(naam, args=[b.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"einde_op": "2026-03-01", "reden_einde": "x"}).status_code == 404
    b.refresh_from_db()
    assert b.einde_op is None
