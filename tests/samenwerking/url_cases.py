"""Per-role expectations of the samenwerking URLs, walked by tests/zio_portal/test_urls.py."""

from samenwerking.models import AfspraakPraktijk, PdcaStap, Thema
from tests.url_cases import REGIO_200, Case, everyone

# Visible to the region roles, gebied A's manager and the staff of wijk A1; 404 for everyone else.
ZICHTBAAR_A1 = everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200)
# Visible but read-only for these roles: 403. Only the beheerder and the verband's members may change.
WIJZIGEN_A1 = everyone(
    404, beheerder=200, beleidsadviseur=403, projectleider=403, gebiedsmanager=403, praktijkmedewerker=200
)
POST_A1 = {rol: (302 if code == 200 else code) for rol, code in WIJZIGEN_A1.items()}


def _uitvoering(world, praktijk):
    return AfspraakPraktijk.objects.get(afspraak=world.afspraak_a1, praktijk=praktijk).pk


CASES: list[Case] = [
    Case("samenwerking:verband-list", everyone(200)),
    Case("samenwerking:verband-detail", ZICHTBAAR_A1, args=lambda w: [w.verband_a1.pk], label="A1"),
    Case(
        "samenwerking:verband-detail",
        everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
        args=lambda w: [w.verband_b1.pk],
        label="B1",
    ),
    Case(
        "samenwerking:verband-stap",
        POST_A1,
        args=lambda w: [w.verband_a1.pk, PdcaStap.objects.get(soort=w.verband_a1.soort, nummer=1).pk],
        method="post",
        data=lambda w: {"status": "gestart", "notitie": "Startbijeenkomst gepland"},
    ),
    Case(
        "samenwerking:verband-cyclus",
        POST_A1,
        args=lambda w: [w.verband_a1.pk],
        method="post",
        data=lambda w: {"themas": [Thema.objects.first().pk]},
    ),
    Case("samenwerking:afspraak-create", WIJZIGEN_A1, args=lambda w: [w.verband_a1.pk]),
    Case("samenwerking:afspraak-list", everyone(200)),
    Case("samenwerking:afspraak-export-xlsx", everyone(200)),
    Case("samenwerking:afspraak-export-csv", everyone(200)),
    Case("samenwerking:afspraak-detail", ZICHTBAAR_A1, args=lambda w: [w.afspraak_a1.pk], label="A1"),
    Case(
        "samenwerking:afspraak-detail",
        everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
        args=lambda w: [w.afspraak_b1.pk],
        label="B1",
    ),
    Case("samenwerking:afspraak-update", WIJZIGEN_A1, args=lambda w: [w.afspraak_a1.pk]),
    Case(
        "samenwerking:afspraak-update",
        everyone(
            404,
            beheerder=200,
            beleidsadviseur=403,
            projectleider=403,
            gebiedsmanager=403,
            praktijkmedewerker_andere_wijk=200,
        ),
        args=lambda w: [w.afspraak_a2.pk],
        label="A2",
    ),
    Case("samenwerking:afspraak-evalueren", WIJZIGEN_A1, args=lambda w: [w.afspraak_a1.pk]),
    Case(
        "samenwerking:uitvoering-update",
        WIJZIGEN_A1,
        args=lambda w: [_uitvoering(w, w.praktijk_a1)],
        label="eigen praktijk",
    ),
    Case(
        "samenwerking:uitvoering-update",
        {**WIJZIGEN_A1, "praktijkmedewerker": 403},
        args=lambda w: [_uitvoering(w, w.praktijk_a1_buur)],
        label="buurpraktijk",
    ),
]
