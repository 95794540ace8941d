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


# --- Samenstelling (WSV) and terugkoppeling (Check/Act) --------------------------------------------
def _terugkoppeling(world, status: str):
    """A terugkoppeling of gebied A with one line (the WSV of A1), concept or sent."""
    import datetime

    from samenwerking.models import GebiedTerugkoppeling, TerugkoppelingRegel

    t, _nieuw = GebiedTerugkoppeling.objects.get_or_create(
        gebied=world.gebied_a,
        periode_van=datetime.date(2026, 4, 1) if status == "concept" else datetime.date(2026, 1, 1),
        periode_tot=datetime.date(2026, 6, 30) if status == "concept" else datetime.date(2026, 3, 31),
        defaults={
            "status": status,
            "samenvatting": "Twee overleggen.",
            "verzonden_op": None
            if status == "concept"
            else datetime.datetime(2026, 4, 10, 12, tzinfo=datetime.UTC),
        },
    )
    TerugkoppelingRegel.objects.get_or_create(
        terugkoppeling=t, verband=world.wsv_a1, defaults={"bevindingen": "Knelpunt", "acties": "Actie"}
    )
    return t


def _regel(world, status: str) -> int:
    return _terugkoppeling(world, status).regels.get().pk


# The WSV of A1: visible like its wijk; only the gebiedsmanager of gebied A (and the beheerder) manage it.
WSV_A1_BEHEER = everyone(
    404, beheerder=200, beleidsadviseur=403, projectleider=403, gebiedsmanager=403, praktijkmedewerker=403
)
WSV_A1_BEHEER["gebiedsmanager"] = 200
# Terugkoppeling of gebied A: a concept is seen by its gebiedsmanager (and the beheerder) only.
CONCEPT_A = everyone(404, beheerder=200, gebiedsmanager=200)
VERZONDEN_A = everyone(404, **REGIO_200, gebiedsmanager=200)
VERZONDEN_403 = {"beleidsadviseur": 403, "projectleider": 403, "gebiedsmanager": 403}

CASES += [
    Case("samenwerking:samenstelling", ZICHTBAAR_A1, args=lambda w: [w.wsv_a1.pk], label="WSV A1"),
    Case(
        "samenwerking:samenstelling",
        everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
        args=lambda w: [w.wsv_b1.pk],
        label="WSV B1",
    ),
    Case(
        "samenwerking:samenstelling",
        everyone(404),
        args=lambda w: [w.verband_a1.pk],
        label="huisartsen-verband: no composition",
    ),
    Case("samenwerking:afgevaardigde-benoemen", WSV_A1_BEHEER, args=lambda w: [w.wsv_a1.pk]),
    Case(
        "samenwerking:afgevaardigde-benoemen",
        everyone(
            404, beheerder=200, beleidsadviseur=403, projectleider=403, praktijkmedewerker_ander_gebied=403
        ),
        args=lambda w: [w.wsv_b1.pk],
        label="WSV B1: not gebied A's manager",
    ),
    Case("samenwerking:afgevaardigde-vervangen", WSV_A1_BEHEER, args=lambda w: [w.afgevaardigde_a1.pk]),
    Case("samenwerking:afgevaardigde-beeindigen", WSV_A1_BEHEER, args=lambda w: [w.afgevaardigde_a1.pk]),
    Case(
        "samenwerking:terugkoppeling-list",
        everyone(200),
    ),
    Case(
        "samenwerking:terugkoppeling-create",
        everyone(403, beheerder=200, gebiedsmanager=200),
    ),
    Case(
        "samenwerking:terugkoppeling-overzicht",
        everyone(403, **REGIO_200),
    ),
    Case("samenwerking:resv-export", everyone(403, **REGIO_200)),
    Case(
        "samenwerking:terugkoppeling-detail",
        CONCEPT_A,
        args=lambda w: [_terugkoppeling(w, "concept").pk],
        label="concept",
    ),
    Case(
        "samenwerking:terugkoppeling-detail",
        VERZONDEN_A,
        args=lambda w: [_terugkoppeling(w, "verzonden").pk],
        label="verzonden",
    ),
    Case(
        "samenwerking:terugkoppeling-samenvatting",
        CONCEPT_A,
        args=lambda w: [_terugkoppeling(w, "concept").pk],
    ),
    Case(
        "samenwerking:terugkoppeling-samenvatting",
        everyone(404, beheerder=200, beleidsadviseur=403, projectleider=403, gebiedsmanager=403),
        args=lambda w: [_terugkoppeling(w, "verzonden").pk],
        label="verzonden: read-only",
    ),
    # POSTs on a sent terugkoppeling, so no role's request changes what the next role meets; the
    # superuser passes the rule and the service refuses (a message and a redirect). Sending and
    # deleting themselves: tests/samenwerking/test_terugkoppeling.py.
    # GET asks for confirmation (only on a concept, for those who may change it).
    Case(
        "samenwerking:terugkoppeling-verzenden",
        CONCEPT_A,
        args=lambda w: [_terugkoppeling(w, "concept").pk],
        label="bevestigen",
    ),
    Case(
        "samenwerking:terugkoppelingregel-delete",
        CONCEPT_A,
        args=lambda w: [_regel(w, "concept")],
        label="bevestigen",
    ),
    Case(
        "samenwerking:terugkoppeling-verzenden",
        everyone(404, beheerder=302, **VERZONDEN_403),
        args=lambda w: [_terugkoppeling(w, "verzonden").pk],
        method="post",
    ),
    Case(
        "samenwerking:terugkoppelingregel-create",
        CONCEPT_A,
        args=lambda w: [_terugkoppeling(w, "concept").pk],
    ),
    Case("samenwerking:terugkoppelingregel-update", CONCEPT_A, args=lambda w: [_regel(w, "concept")]),
    Case(
        "samenwerking:terugkoppelingregel-delete",
        everyone(404, beheerder=302, **VERZONDEN_403),
        args=lambda w: [_regel(w, "verzonden")],
        method="post",
    ),
    Case(
        "samenwerking:terugkoppelingregel-resv",
        everyone(404, beheerder=200, beleidsadviseur=403, projectleider=200, gebiedsmanager=403),
        args=lambda w: [_regel(w, "verzonden")],
    ),
]


# --- Overleggen (issue 4) ------------------------------------------------------------------------------
def _overleg(world):
    """A meeting of WSV A1 held today, with one agenda item and one open action (made once per world)."""
    if not hasattr(world, "_overleg"):
        import datetime

        from django.core.files.base import ContentFile
        from django.utils import timezone

        from samenwerking.models import Agendapunt, NotulenPdf
        from tests.samenwerking.factories import ActiepuntFactory, OverlegFactory

        overleg = OverlegFactory(verband=world.wsv_a1, datum=timezone.localdate())
        Agendapunt.objects.create(overleg=overleg, volgorde=1, titel="Patiëntgerichte zorg", vast=True)
        world._actiepunt = ActiepuntFactory(
            verband=world.wsv_a1, overleg=overleg, deadline=timezone.localdate() + datetime.timedelta(days=30)
        )
        # One fixed file, replaced on every run, so the walk leaves no pile of files behind.
        pdf = NotulenPdf(overleg=overleg, status="gereed")
        opslag = pdf.bestand.storage
        if opslag.exists("notulen/url-walk.pdf"):
            opslag.delete("notulen/url-walk.pdf")
        pdf.bestand.name = opslag.save("notulen/url-walk.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        pdf.save()
        world._overleg = overleg
    return world._overleg


def _overleg_definitief(world):
    from django.utils import timezone

    from tests.samenwerking.factories import OverlegFactory

    return OverlegFactory(
        verband=world.wsv_a1,
        datum=timezone.localdate(),
        status="gehouden",
        notulen_definitief_op=timezone.now(),
    )


# Read: the region, gebied A's manager and the staff of wijk A1; change: the gebiedsmanager (and beheerder).
WSV_LEZEN_A1 = everyone(404, **REGIO_200, gebiedsmanager=200, praktijkmedewerker=200)
WSV_WIJZIGEN_A1 = everyone(
    404, beheerder=200, beleidsadviseur=403, projectleider=403, gebiedsmanager=200, praktijkmedewerker=403
)
WSV_POST_A1 = {rol: (302 if code == 200 else code) for rol, code in WSV_WIJZIGEN_A1.items()}


def _post(naam, data=lambda w: {}):
    return Case(
        f"samenwerking:{naam}", WSV_POST_A1, args=lambda w: [_overleg(w).pk], method="post", data=data
    )


CASES += [
    Case("samenwerking:overleg-list", WSV_LEZEN_A1, args=lambda w: [w.wsv_a1.pk]),
    Case(
        "samenwerking:overleg-list",
        everyone(404, **REGIO_200, praktijkmedewerker_ander_gebied=200),
        args=lambda w: [w.wsv_b1.pk],
        label="B1",
    ),
    Case("samenwerking:overleg-create", WSV_WIJZIGEN_A1, args=lambda w: [w.wsv_a1.pk]),
    Case("samenwerking:overleg-detail", WSV_LEZEN_A1, args=lambda w: [_overleg(w).pk]),
    Case("samenwerking:overleg-update", WSV_WIJZIGEN_A1, args=lambda w: [_overleg(w).pk]),
    Case("samenwerking:overleg-annuleren", WSV_WIJZIGEN_A1, args=lambda w: [_overleg(w).pk]),
    Case(
        "samenwerking:overleg-annuleren",
        WSV_POST_A1,
        args=lambda w: [_overleg(w).pk],
        method="post",
        label="POST",
    ),
    Case("samenwerking:overleg-notulen-pdf", WSV_LEZEN_A1, args=lambda w: [_overleg(w).pk]),
    Case("samenwerking:overleg-ics", WSV_LEZEN_A1, args=lambda w: [_overleg(w).pk]),
    _post("overleg-agenda", lambda w: {"wat": "toevoegen", "titel": "Rondvraag"}),
    _post("overleg-aanwezigheid", lambda w: {f"aanwezig-{w.afgevaardigde_a1.pk}": "aanwezig"}),
    _post("overleg-deelnemer", lambda w: {"naam": "Gast", "status": "aanwezig"}),
    _post("overleg-notulen", lambda w: {"algemeen": "Notulen"}),
    _post("overleg-besluit", lambda w: {"tekst": "Besluit"}),
    _post(
        "overleg-actiepunt",
        lambda w: {
            "omschrijving": "Actie",
            "eigenaar": f"u{w.users['gebiedsmanager'].pk}",
            "deadline": "2099-01-01",
        },
    ),
    _post("overleg-knelpunt", lambda w: {"soort": "knelpunt", "omschrijving": "Knelpunt"}),
    _post("overleg-gehouden"),
    _post("overleg-pdf"),
    Case(
        "samenwerking:overleg-pdf",
        everyone(
            404,
            beheerder=302,
            beleidsadviseur=302,
            projectleider=302,
            gebiedsmanager=302,
            praktijkmedewerker=302,
        ),
        args=lambda w: [_overleg_definitief(w).pk],
        method="post",
        label="definitief: every reader may have the missing PDF made",
    ),
    _post("overleg-uitnodiging"),
    _post("overleg-definitief"),
    Case(
        "samenwerking:actiepunt-afronden",
        WSV_POST_A1,
        args=lambda w: [(_overleg(w), w._actiepunt)[1].pk],
        method="post",
    ),
]

# The continuïteit workflow keeps its cases beside its tests.
from tests.samenwerking.continuiteit.url_cases import CASES as _CONTINUITEIT_CASES  # noqa: E402

CASES += _CONTINUITEIT_CASES
