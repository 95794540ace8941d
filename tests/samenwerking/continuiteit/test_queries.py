"""Continuïteit: the number of queries of its pages does not grow with the region (1x and 10x).

The region is built once per scale for this module (``regio_per_module``): these tests only read it
and add their own rows inside their own (rolled back) transaction."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from samenwerking.models import UitvalMelding
from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)

pytestmark = pytest.mark.django_db


def _opvang_in_regio(regio):
    praktijken = regio.praktijken
    for i, praktijk in enumerate(praktijken[:-2]):
        buur = praktijken[i + 1] if praktijken[i + 1].wijk_id == praktijk.wijk_id else praktijken[i - 1]
        verband = praktijk.verbanden.filter(soort="huisartsen").first()
        OpvangafspraakFactory(verband=verband, overdragende_praktijk=praktijk, overnemers=[buur])
        melding = UitvalMeldingFactory(praktijk=praktijk, van=timezone.localdate(), tot=timezone.localdate())
        OpvangVerzoekFactory(
            melding=melding,
            praktijk=buur,
            antwoord="bevestigd",
            zorgsoorten=["spreekuur"],
            beantwoord_op=timezone.now(),
        )


@pytest.mark.parametrize(
    "url", ["samenwerking:opvang-overzicht", "samenwerking:opvang-index", "samenwerking:opvang-afspraak-list"]
)
def test_pages_queries_do_not_grow(regio_per_module, db, client, django_assert_max_num_queries, url):
    regio = regio_per_module
    _opvang_in_regio(regio)
    client.force_login(regio.users["beleidsadviseur"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse(url)).status_code == 200


def test_melding_detail_queries_do_not_grow(regio_per_module, db, client, django_assert_max_num_queries):
    regio = regio_per_module
    _opvang_in_regio(regio)
    melding = UitvalMelding.objects.filter(praktijk=regio.praktijken[0]).get()
    client.force_login(regio.users["praktijkmanager"])
    with django_assert_max_num_queries(25):
        assert client.get(reverse("samenwerking:opvang-melding-detail", args=[melding.pk])).status_code == 200
