"""Per-role expectations of the continuïteit URLs, walked by tests/zio_portal/test_urls.py.

The objects: an opvangafspraak of praktijk_a1 in verband A1 (taken over by praktijk_a1_buur) and an
open melding of praktijk_a1 with a request to praktijk_a1_buur (whose user is not one of the walked
roles; its rights are in test_views.py)."""

from tests.samenwerking.continuiteit.factories import (
    OpvangafspraakFactory,
    OpvangVerzoekFactory,
    UitvalMeldingFactory,
)
from tests.url_cases import REGIO_200, Case, everyone


def opvang(world):
    """The world's continuïteit objects, made once per world."""
    if not hasattr(world, "_opvang"):
        afspraak = OpvangafspraakFactory(
            verband=world.verband_a1,
            overdragende_praktijk=world.praktijk_a1,
            overnemers=[world.praktijk_a1_buur],
        )
        melding = UitvalMeldingFactory(praktijk=world.praktijk_a1)
        verzoek = OpvangVerzoekFactory(melding=melding, praktijk=world.praktijk_a1_buur)
        world._opvang = (afspraak, melding, verzoek)
    return world._opvang


ZICHTBAAR_A1 = everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200)
WIJZIGEN_A1 = everyone(
    404, beheerder=200, beleidsadviseur=403, projectleider=403, gebiedsmanager=403, praktijkmedewerker=200
)
OVERZICHT = everyone(403, **REGIO_200, gebiedsmanager=200)

CASES: list[Case] = [
    Case("samenwerking:opvang-index", everyone(200)),
    Case("samenwerking:opvang-afspraak-list", everyone(200)),
    Case("samenwerking:opvang-afspraak-create", WIJZIGEN_A1, args=lambda w: [w.verband_a1.pk]),
    Case("samenwerking:opvang-afspraak-update", WIJZIGEN_A1, args=lambda w: [opvang(w)[0].pk]),
    Case(
        "samenwerking:opvang-melden",
        everyone(
            403,
            beheerder=200,
            praktijkmedewerker=200,
            praktijkmedewerker_andere_wijk=200,
            praktijkmedewerker_ander_gebied=200,
        ),
    ),
    Case("samenwerking:opvang-melding-detail", ZICHTBAAR_A1, args=lambda w: [opvang(w)[1].pk]),
    Case("samenwerking:opvang-melding-antwoorden", ZICHTBAAR_A1, args=lambda w: [opvang(w)[1].pk]),
    Case(
        "samenwerking:opvang-melding-vragen",
        everyone(
            404,
            beheerder=302,
            beleidsadviseur=302,
            projectleider=403,
            gebiedsmanager=302,
            praktijkmedewerker=302,
        ),
        args=lambda w: [opvang(w)[1].pk],
        method="post",
        data=lambda w: {"praktijken": [w.praktijk_a1_buur.pk]},
    ),
    Case("samenwerking:opvang-melding-periode", WIJZIGEN_A1, args=lambda w: [opvang(w)[1].pk]),
    # Ending is a POST (its rights per role are in test_views.py, since the first success closes it).
    Case("samenwerking:opvang-melding-beeindigen", everyone(405), args=lambda w: [opvang(w)[1].pk]),
    # An open melding cannot be evaluated yet.
    Case(
        "samenwerking:opvang-melding-evalueren",
        everyone(
            404,
            beheerder=200,
            beleidsadviseur=403,
            projectleider=403,
            gebiedsmanager=403,
            praktijkmedewerker=403,
        ),
        args=lambda w: [opvang(w)[1].pk],
    ),
    # Only the asked practice answers; the reporter and the region see the request, read-only.
    Case(
        "samenwerking:opvang-verzoek-antwoord",
        everyone(
            404,
            beheerder=200,
            beleidsadviseur=403,
            projectleider=403,
            gebiedsmanager=403,
            praktijkmedewerker=403,
        ),
        args=lambda w: [opvang(w)[2].pk],
    ),
    Case("samenwerking:opvang-overzicht", OVERZICHT),
    Case("samenwerking:opvang-overzicht-export", OVERZICHT),
]
