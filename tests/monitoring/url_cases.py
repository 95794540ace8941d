"""Per-role expectations of the monitoring URLs, walked by tests/zio_portal/test_urls.py.

The monitoring objects are made by ``monitoring_world`` below (a round that is open today, a draft of
praktijk A1, a visit of praktijk A1 with a shared terugkoppeling), created lazily per case.
"""

import datetime

from django.utils import timezone

from tests.url_cases import Case, everyone

BEHEER_200 = {"beheerder": 200, "beleidsadviseur": 200}


def monitoring_world(world):
    """Lazily add the monitoring objects the cases need to the world (once per test)."""
    if hasattr(world, "ronde"):
        return world
    from tests.monitoring.factories import PraktijkbezoekFactory, ResponsFactory, RondeFactory, VraagFactory

    vandaag = timezone.localdate()
    vraag = VraagFactory(sectie__vragenlijst__jaar=vandaag.year)
    world.ronde = RondeFactory(
        vragenlijst=vraag.vragenlijst,
        opent_op=vandaag - datetime.timedelta(days=10),
        sluit_op=vandaag + datetime.timedelta(days=20),
    )
    world.respons_a1 = ResponsFactory(ronde=world.ronde, praktijk=world.praktijk_a1)
    world.bezoek_a1 = PraktijkbezoekFactory(
        praktijk=world.praktijk_a1,
        gehouden=True,
        gedeeld_op=timezone.now(),
        bezoekers=[world.users["beleidsadviseur"]],
    )
    return world


def _gepland_bezoek(w):
    """A planned visit of praktijk A1 (the world's visit is held: it cannot be moved or cancelled)."""
    monitoring_world(w)
    if not hasattr(w, "bezoek_a1_gepland"):
        from tests.monitoring.factories import PraktijkbezoekFactory

        w.bezoek_a1_gepland = PraktijkbezoekFactory(
            praktijk=w.praktijk_a1,
            gepland_op=timezone.now() + datetime.timedelta(days=14),
            bezoekers=[w.users["beleidsadviseur"]],
        )
    return [w.bezoek_a1_gepland.pk]


def _ronde(w):
    return [monitoring_world(w).ronde.pk]


CASES: list[Case] = [
    Case("monitoring:index", everyone(200)),
    Case(
        "monitoring:vragenlijst-detail",
        args=lambda w: [monitoring_world(w).ronde.vragenlijst_id],
        expect=everyone(403, **BEHEER_200),
    ),
    Case(
        "monitoring:respons-invullen",
        label="praktijk A1",
        args=lambda w: [monitoring_world(w).ronde.pk, w.praktijk_a1.pk],
        # visible practice but not one's own: 403; practice outside one's scope: 404
        expect=everyone(
            403,
            praktijkmedewerker=200,
            praktijkmedewerker_andere_wijk=404,
            praktijkmedewerker_ander_gebied=404,
        ),
    ),
    Case(
        "monitoring:respons-detail",
        args=lambda w: [monitoring_world(w).respons_a1.pk],
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=200),
    ),
    Case("monitoring:resultaten", args=_ronde, expect=everyone(200)),
    Case("monitoring:resultaten-export", args=_ronde, expect=everyone(200)),
    Case("monitoring:import", args=_ronde, expect=everyone(403, **BEHEER_200)),
    Case(
        "monitoring:import-sjabloon", args=lambda w: [*_ronde(w), "xlsx"], expect=everyone(403, **BEHEER_200)
    ),
    Case(
        "monitoring:import-sjabloon", args=lambda w: [*_ronde(w), "csv"], expect=everyone(403, **BEHEER_200)
    ),
    Case(
        "monitoring:bezoek-list",
        expect=everyone(
            403,
            **BEHEER_200,
            praktijkmedewerker=200,
            praktijkmedewerker_andere_wijk=200,
            praktijkmedewerker_ander_gebied=200,
        ),
    ),
    Case(
        "monitoring:bezoek-plannen",
        args=lambda w: [w.praktijk_a1.pk],
        expect=everyone(403, **BEHEER_200),
    ),
    Case(
        "monitoring:bezoek-detail",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=200),
    ),
    Case(
        "monitoring:bezoek-verslag",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-ics",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=200),
    ),
    Case(
        "monitoring:bezoek-delen",
        method="post",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, beheerder=302, beleidsadviseur=302, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-uitnodigen",
        method="post",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, beheerder=302, beleidsadviseur=302, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-wijzigen",
        args=_gepland_bezoek,
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-wijzigen",
        method="post",
        label="POST",
        args=_gepland_bezoek,
        data=lambda w: {
            "gepland_op": (timezone.localtime() + datetime.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M"),
            "bezoekers": [w.users["beleidsadviseur"].pk],
        },
        expect=everyone(404, beheerder=302, beleidsadviseur=302, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-annuleren",
        args=_gepland_bezoek,
        expect=everyone(404, **BEHEER_200, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-annuleren",
        method="post",
        label="POST",
        args=_gepland_bezoek,
        expect=everyone(404, beheerder=302, beleidsadviseur=302, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:bezoek-gezien",
        method="post",
        args=lambda w: [monitoring_world(w).bezoek_a1.pk],
        expect=everyone(404, beheerder=403, beleidsadviseur=403, praktijkmedewerker=302),
    ),
]
