"""Per-role expectations of the wijkplan URLs, walked by tests/zio_portal/test_urls.py.

The plan belongs to wijk A1 (gebied A): its gebiedsmanager edits, the practices of A1 read and
comment, the region roles read (the beheerder is a superuser and may act); practices of other wijken
get 404 (IDOR: the plan is outside their scope).
"""

from tests.url_cases import REGIO_200, Case, everyone


def wijkplan_world(world):
    """Lazily add a concept wijkplan of wijk A1 with one goal to the world."""
    if hasattr(world, "wijkplan_a1"):
        return world
    from tests.monitoring.wijkplannen.factories import DoelFactory

    world.doel_a1 = DoelFactory(prioriteit__wijkplan__wijk=world.wijk_a1)
    world.wijkplan_a1 = world.doel_a1.prioriteit.wijkplan
    return world


def _overleg(w):
    from tests.samenwerking.factories import OverlegFactory

    if not hasattr(w, "overleg_a1"):
        w.overleg_a1 = OverlegFactory(verband=w.wsv_a1)
    return w.overleg_a1.pk


def _pdf_gereed(w):
    """Plan A1 with a finished PDF (the file's content does not matter to the rights)."""
    from django.core.files.base import ContentFile

    from monitoring.models import WijkplanPdf
    from zio_portal.achtergrond import Status

    plan = wijkplan_world(w).wijkplan_a1
    if not WijkplanPdf.objects.filter(wijkplan=plan, status=Status.GEREED).exists():
        pdf, _ = WijkplanPdf.objects.get_or_create(wijkplan=plan)
        pdf.status = Status.GEREED
        pdf.bestand.save("wijkplan-rechten.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=True)
    return plan.pk


def _plan(w):
    return [wijkplan_world(w).wijkplan_a1.pk]


LEZERS_A1 = {**REGIO_200, "gebiedsmanager": 200, "praktijkmedewerker": 200}
BEWERKER_A1 = {"beheerder": 200, "beleidsadviseur": 403, "projectleider": 403, "gebiedsmanager": 200}

CASES: list[Case] = [
    Case("monitoring:wijkplan-list", everyone(200)),
    Case("monitoring:wijkplan-regio", everyone(403, **REGIO_200)),
    Case("monitoring:wijkplan-cbs-import", everyone(403, beheerder=200, beleidsadviseur=200)),
    # Only whoever may start a plan somewhere gets past the door (the gebiedsmanager of gebied A, the
    # beheerder as superuser); the form offers only their wijken, the rule is checked on the one chosen.
    Case(
        "monitoring:wijkplan-starten",
        label="wijk A1",
        method="post",
        data=lambda w: {"jaar": 2031, "wijk": w.wijk_a1.pk},
        expect=everyone(403, beheerder=302, gebiedsmanager=302),
    ),
    Case("monitoring:wijkplan-detail", label="plan A1", args=_plan, expect=everyone(404, **LEZERS_A1)),
    Case("monitoring:wijkplan-scan", label="plan A1", args=_plan, expect=everyone(404, **LEZERS_A1)),
    # The PDF: every reader may have it made (it changes nothing in the plan); the download is 404 until
    # it is made (test_pdf.py covers the download of a finished PDF per role).
    Case(
        "monitoring:wijkplan-pdf-maken",
        label="plan A1",
        method="post",
        args=_plan,
        expect=everyone(404, **dict.fromkeys(LEZERS_A1, 302)),
    ),
    Case("monitoring:wijkplan-pdf", label="plan A1, nog geen PDF", args=_plan, expect=everyone(404)),
    Case(
        "monitoring:wijkplan-pdf",
        label="plan A1, PDF gereed",
        args=lambda w: [_pdf_gereed(w)],
        expect=everyone(404, **LEZERS_A1),
    ),
    Case(
        "monitoring:wijkplan-vaststellen",
        label="plan A1",
        args=_plan,
        expect=everyone(404, **BEWERKER_A1, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:wijkplan-evaluatie",
        label="doel in plan A1",
        args=lambda w: [wijkplan_world(w).doel_a1.pk],
        expect=everyone(404, **BEWERKER_A1, praktijkmedewerker=403),
    ),
    Case(
        "monitoring:wijkplan-kopieren",
        label="plan A1",
        method="post",
        args=_plan,
        expect=everyone(
            404, **{**BEWERKER_A1, "beheerder": 302, "gebiedsmanager": 302}, praktijkmedewerker=403
        ),
    ),
    Case(
        "monitoring:wijkplan-overleg-vaststellen",
        label="overleg of WSV A1, concept plan A1",
        args=lambda w: [_overleg(wijkplan_world(w))],
        # visible overleg: the gebiedsmanager goes on to the plan; readers may not vaststellen
        expect=everyone(
            404, **{**BEWERKER_A1, "beheerder": 302, "gebiedsmanager": 302}, praktijkmedewerker=403
        ),
    ),
]
