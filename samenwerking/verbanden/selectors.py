"""Reads of the verbanden, scoped to the user."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from zio_portal.db import SubqueryCount
from zio_portal.history import Wijziging, samenvoegen, wijzigingen
from zio_portal.models import User

from ..constants import ActiepuntStatus, AfspraakStatus, OverlegStatus, StapStatus
from ..models import (
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    Deelname,
    Overleg,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
)


def verband_annotated() -> QuerySet[Samenwerkingsverband]:
    """Verbanden with the current PDCA step and key counts as annotations (no query per row)."""
    vandaag = timezone.localdate()
    lopende_stap = (
        StapVoortgang.objects.filter(cyclus__verband=OuterRef("pk"), cyclus__afgerond_op__isnull=True)
        .exclude(status=StapStatus.AFGEROND)
        .order_by("stap__nummer")
    )
    return (
        Samenwerkingsverband.objects.select_related("wijk__gebied")
        .annotate(
            huidige_stap_nummer=Subquery(lopende_stap.values("stap__nummer")[:1]),
            huidige_stap_titel=Subquery(lopende_stap.values("stap__titel")[:1]),
            huidige_fase=Subquery(lopende_stap.values("stap__fase")[:1]),
            aantal_praktijken=SubqueryCount(
                Deelname.objects.filter(verband=OuterRef("pk"), uitgetreden_op__isnull=True).values("pk")
            ),
            aantal_afspraken=SubqueryCount(
                Afspraak.objects.filter(verband=OuterRef("pk"), status=AfspraakStatus.ACTIEF).values("pk")
            ),
            aantal_afgevaardigden=SubqueryCount(
                Afgevaardigde.objects.filter(verband=OuterRef("pk"), einde_op__isnull=True).values("pk")
            ),
            open_actiepunten=SubqueryCount(
                Actiepunt.objects.filter(verband=OuterRef("pk"), status=ActiepuntStatus.OPEN).values("pk")
            ),
            volgend_overleg=Subquery(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEPLAND, datum__gte=vandaag
                )
                .order_by("datum")
                .values("datum")[:1]
            ),
            volgend_overleg_pk=Subquery(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEPLAND, datum__gte=vandaag
                )
                .order_by("datum", "pk")
                .values("pk")[:1]
            ),
            overleggen_dit_jaar=SubqueryCount(
                Overleg.objects.filter(
                    verband=OuterRef("pk"), status=OverlegStatus.GEHOUDEN, datum__year=vandaag.year
                ).values("pk")
            ),
        )
        .order_by("wijk__naam", "soort", "naam")
    )


def verband_list(*, user: User, praktijken: QuerySet | None = None) -> QuerySet[Samenwerkingsverband]:
    """The active verbanden the user may see; optionally only those the given practices take part in."""
    qs = verband_annotated().zichtbaar_voor(user).filter(actief=True)
    if praktijken is not None:
        qs = qs.filter(
            pk__in=Deelname.objects.filter(praktijk__in=praktijken, uitgetreden_op__isnull=True).values(
                "verband"
            )
        )
    return qs


def verband_get(*, user: User, pk: int) -> Samenwerkingsverband:
    """One visible verband with members, current cycle and step plan, agreements; 404 outside scope."""
    qs = (
        verband_annotated()
        .zichtbaar_voor(user)
        .prefetch_related(
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("praktijk").order_by(
                    "uitgetreden_op", "praktijk__naam"
                ),
            ),
            Prefetch(
                "cycli",
                queryset=PdcaCyclus.objects.prefetch_related(
                    "themas",
                    Prefetch(
                        "voortgang",
                        queryset=StapVoortgang.objects.select_related("stap", "bijgewerkt_door").order_by(
                            "stap__nummer"
                        ),
                    ),
                ).order_by("-nummer"),
            ),
            Prefetch(
                "afspraken",
                queryset=Afspraak.objects.exclude(status=AfspraakStatus.VERVANGEN)
                .select_related("thema", "eigenaar")
                .order_by("thema__naam", "titel"),
            ),
        )
    )
    return get_object_or_404(qs, pk=pk)


def verband_stappenplan(*, verband: Samenwerkingsverband) -> tuple[PdcaCyclus | None, list[dict]]:
    """The current cycle and each step of the plan with its state in that cycle (from the prefetch)."""
    cycli = list(verband.cycli.all())
    lopend = next((c for c in cycli if c.afgerond_op is None), cycli[0] if cycli else None)
    per_stap = {v.stap_id: v for v in lopend.voortgang.all()} if lopend else {}
    stappen = [
        {"stap": stap, "voortgang": per_stap.get(stap.pk)}
        for stap in PdcaStap.objects.filter(soort=verband.soort).order_by("nummer")
    ]
    return lopend, stappen


def verband_stap_wijzigingen(
    *, verband: Samenwerkingsverband, stappen: list[PdcaStap], limiet: int = 15
) -> list[Wijziging]:
    """Who changed which PDCA step of this verband, and when: its progress per cycle and the step plan
    itself (the steps of its kind). Two queries whatever the number of records (one without a cycle)."""
    nummers = {stap.pk: stap.nummer for stap in stappen}
    cycli = [c.pk for c in verband.cycli.all()]  # from the page's prefetch
    return samenvoegen(
        wijzigingen(
            StapVoortgang.history.filter(cyclus_id__in=cycli),
            onderwerp=lambda r: _("stap %(nummer)s") % {"nummer": nummers.get(r.stap_id, "?")},
            limiet=limiet,
            met_waarden=True,
        ),
        wijzigingen(
            PdcaStap.history.filter(soort=verband.soort),
            onderwerp=lambda r: _("stappenplan, stap %(nummer)s") % {"nummer": r.nummer},
            limiet=limiet,
            met_waarden=True,
        ),
        limiet=limiet,
    )
