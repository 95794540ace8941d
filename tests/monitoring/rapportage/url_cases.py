"""Per-role expectations of the rapportage URLs, walked by tests/zio_portal/test_urls.py.

``rapportage_world`` adds a ready region report, and a shared report of gebied A, without files: the
download of a ready report without a file is a 404 for those who may see it (the streaming itself is
tested in tests/monitoring/rapportage/test_views.py)."""

import datetime

from django.utils import timezone

from tests.url_cases import Case, everyone

REGIO = {"beheerder": 200, "beleidsadviseur": 200, "projectleider": 200}
# A concept (or an unshared definitief report): only the beleidsadviseurs and the beheerder.
CONCEPT = {"beheerder": 200, "beleidsadviseur": 200}


def rapportage_world(world):
    if hasattr(world, "rapportage_regio"):
        return world
    from monitoring.models import Rapportage

    periode = {"periode_van": datetime.date(2025, 1, 1), "periode_tot": datetime.date(2025, 12, 31)}
    world.rapportage_regio = Rapportage.objects.create(scope="regio", status="gereed", **periode)
    world.rapportage_regio_gedeeld = Rapportage.objects.create(
        scope="regio",
        status="gereed",
        definitief_op=timezone.now(),
        gedeeld_op=timezone.now(),
        gedeeld_met_praktijkmanagers=True,
        **periode,
    )
    world.rapportage_gebied_a = Rapportage.objects.create(
        scope="gebied",
        gebied=world.gebied_a,
        status="gereed",
        definitief_op=timezone.now(),
        gedeeld_op=timezone.now(),
        **periode,
    )
    return world


def _regio(w):
    return [rapportage_world(w).rapportage_regio.pk]


def _regio_gedeeld(w):
    return [rapportage_world(w).rapportage_regio_gedeeld.pk]


def _gebied_a(w):
    return [rapportage_world(w).rapportage_gebied_a.pk]


# The beheerder is a superuser, and Django grants a superuser every permission. The practice users of
# the world are praktijkmanagers: they have a (possibly empty) list of the reports shared with them,
# but no dashboard.
NIET = {
    "praktijkmedewerker": 403,
    "praktijkmedewerker_andere_wijk": 403,
    "praktijkmedewerker_ander_gebied": 403,
}

CASES = [
    Case("rapportage:list", everyone(200)),
    # The live dashboard: region roles and gebiedsmanagers (their own gebieden); not practice staff.
    Case("rapportage:dashboard", everyone(200, **NIET)),
    Case("rapportage:aanvragen", everyone(403, beheerder=200, beleidsadviseur=200)),
    Case("rapportage:planning", everyone(403, beheerder=200, beleidsadviseur=200)),
    Case("rapportage:detail", label="regio, concept", args=_regio, expect=everyone(404, **CONCEPT)),
    Case(
        "rapportage:detail",
        label="regio, gedeeld met gebiedsmanagers en praktijkmanagers",
        args=_regio_gedeeld,
        expect=everyone(200),
    ),
    Case(
        "rapportage:detail",
        label="gedeeld, gebied A",
        args=_gebied_a,
        expect=everyone(404, **REGIO, gebiedsmanager=200),
    ),
    Case("rapportage:download", label="regio, zonder bestand", args=_regio, expect=everyone(404)),
    Case(
        "rapportage:beoordelen",
        label="regio",
        method="post",
        args=_regio,
        data=lambda w: {"commentaar": "ok"},
        expect=everyone(404, beheerder=302, beleidsadviseur=302),
    ),
    Case(
        "rapportage:definitief",
        label="regio",
        method="post",
        args=_regio,
        expect=everyone(404, beheerder=302, beleidsadviseur=302),
    ),
    Case(
        "rapportage:opnieuw",
        label="regio",
        method="post",
        args=_regio,
        # a concept is visible to the beleidsadviseurs and the beheerder only: for the others it is not there
        expect=everyone(404, beheerder=302, beleidsadviseur=302),
    ),
    Case(
        "rapportage:delen",
        label="gedeeld, gebied A",
        method="post",
        args=_gebied_a,
        expect=everyone(404, beheerder=302, projectleider=403, gebiedsmanager=403, beleidsadviseur=302),
    ),
]
