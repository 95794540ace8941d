"""Reads of verbanden, agreements and meetings, scoped to the user."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from wijken.models import Contactpersoon, Gebied, Praktijk
from zio_portal.db import SubqueryCount
from zio_portal.models import User

from .constants import ActiepuntStatus, AfspraakStatus, Implementatiestatus, OverlegStatus, StapStatus
from .filters import AfspraakFilterSet
from .models import (
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Deelname,
    Evaluatie,
    GebiedTerugkoppeling,
    Overleg,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    TerugkoppelingRegel,
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


# --- afspraken, verbanden and "Mijn praktijk" (issue 3) ---------------------------------------------


def afspraak_list(*, user: User, filters=None) -> tuple[AfspraakFilterSet, QuerySet[Afspraak]]:
    """The agreements the user may see, filtered; returns the FilterSet (for its form) and the rows."""
    qs = Afspraak.objects.zichtbaar_voor(user).select_related("verband__wijk", "thema", "eigenaar")
    filterset = AfspraakFilterSet(filters, queryset=qs, user=user)
    return filterset, filterset.qs


def afspraak_get(*, user: User, pk: int) -> Afspraak:
    """One visible agreement with its practices, evaluations and versions; 404 outside the user's scope."""
    qs = (
        Afspraak.objects.zichtbaar_voor(user)
        .select_related("verband__wijk", "thema", "eigenaar", "vorige_versie")
        .prefetch_related(
            Prefetch(
                "uitvoering",
                queryset=AfspraakPraktijk.objects.select_related("praktijk").order_by("praktijk__naam"),
            ),
        )
    )
    return get_object_or_404(qs, pk=pk)


def _versie_ids(afspraak: Afspraak) -> list[int]:
    """The pks of every version of this agreement (older and newer), in one recursive query."""
    tabel = connection.ops.quote_name(Afspraak._meta.db_table)
    # The table name comes from the model, not from input; the pk is a parameter.
    sql = f"""
        WITH RECURSIVE ouder(id, vorige) AS (
            SELECT id, vorige_versie_id FROM {tabel} WHERE id = %s
            UNION SELECT a.id, a.vorige_versie_id FROM {tabel} a JOIN ouder o ON a.id = o.vorige
        ), nieuwer(id) AS (
            SELECT id FROM {tabel} WHERE id = %s
            UNION SELECT a.id FROM {tabel} a JOIN nieuwer n ON a.vorige_versie_id = n.id
        )
        SELECT id FROM ouder UNION SELECT id FROM nieuwer
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [afspraak.pk, afspraak.pk])
        return [row[0] for row in cursor.fetchall()]


def afspraak_geschiedenis(*, afspraak: Afspraak) -> dict:
    """Versions, evaluations and implementation changes of every version, who and when (constant queries)."""
    ids = _versie_ids(afspraak)
    versies = list(
        Afspraak.objects.filter(pk__in=ids).select_related("eigenaar", "thema").order_by("-versie")
    )
    evaluaties = list(
        Evaluatie.objects.filter(afspraak_id__in=ids)
        .select_related("door", "afspraak")
        .order_by("-datum", "-pk")
    )
    HistoricalUitvoering = AfspraakPraktijk.history.model
    HistoricalAfspraak = Afspraak.history.model
    gebeurtenissen = []
    for rij in (
        HistoricalUitvoering.objects.filter(afspraak_id__in=ids)
        .select_related("history_user", "praktijk")
        .order_by("-history_date")[:50]
    ):
        gebeurtenissen.append(
            {
                "wanneer": rij.history_date,
                "wie": rij.history_user,
                "soort": "uitvoering",
                "praktijk": rij.praktijk,
                "implementatie": rij.get_implementatie_display(),
                "geinformeerd": rij.medewerkers_geinformeerd,
                "toelichting": rij.toelichting,
                "type": rij.history_type,
                "afspraak_id": rij.afspraak_id,
            }
        )
    for rij in (
        HistoricalAfspraak.objects.filter(id__in=ids)
        .select_related("history_user")
        .order_by("-history_date")[:50]
    ):
        gebeurtenissen.append(
            {
                "wanneer": rij.history_date,
                "wie": rij.history_user,
                "soort": "afspraak",
                "type": rij.history_type,
                "versie": rij.versie,
                "status": rij.get_status_display(),
                "afspraak_id": rij.id,
            }
        )
    gebeurtenissen.sort(key=lambda g: g["wanneer"], reverse=True)
    return {"versies": versies, "evaluaties": evaluaties, "gebeurtenissen": gebeurtenissen}


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


def mijn_praktijk_context(*, user: User) -> dict:
    """The praktijkmedewerker's home page: verbanden, what is due, what changed (constant queries)."""
    vandaag = timezone.localdate()
    grens = vandaag + datetime.timedelta(days=30)
    praktijken = list(Praktijk.objects.van_medewerker(user).select_related("wijk__gebied").order_by("naam"))
    praktijk_ids = [p.pk for p in praktijken]
    verbanden = list(verband_list(user=user, praktijken=Praktijk.objects.filter(pk__in=praktijk_ids)))
    verband_ids = [v.pk for v in verbanden]
    lopend = [AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT]
    basis = Afspraak.objects.filter(verband_id__in=verband_ids, status__in=lopend).select_related(
        "verband", "thema", "eigenaar"
    )
    evaluaties = list(basis.filter(evaluatie_op__lte=grens).order_by("evaluatie_op")[:20])
    t_verlopen = list(basis.filter(tijdgebonden__lt=vandaag).order_by("tijdgebonden")[:20])
    open_uitvoering = list(
        AfspraakPraktijk.objects.filter(
            praktijk_id__in=praktijk_ids,
            afspraak__status__in=lopend,
            implementatie=Implementatiestatus.NIET_GESTART,
        )
        .select_related("praktijk", "afspraak__thema", "afspraak__verband")
        .order_by("afspraak__tijdgebonden")[:20]
    )
    HistoricalAfspraak = Afspraak.history.model
    HistoricalUitvoering = AfspraakPraktijk.history.model
    recent = [
        {
            "wanneer": h.history_date,
            "wie": h.history_user,
            "afspraak_id": h.id,
            "titel": h.titel,
            "wat": _("versie %(versie)s: %(status)s")
            % {"versie": h.versie, "status": h.get_status_display()},
            "type": h.history_type,
        }
        for h in HistoricalAfspraak.objects.filter(verband_id__in=verband_ids)
        .select_related("history_user")
        .order_by("-history_date")[:10]
    ] + [
        {
            "wanneer": h.history_date,
            "wie": h.history_user,
            "afspraak_id": h.afspraak_id,
            "titel": h.afspraak.titel if h.afspraak else "",
            "wat": _("%(praktijk)s: %(status)s")
            % {"praktijk": h.praktijk.naam if h.praktijk else "", "status": h.get_implementatie_display()},
            "type": h.history_type,
        }
        for h in HistoricalUitvoering.objects.filter(afspraak__verband_id__in=verband_ids)
        .select_related("history_user", "praktijk", "afspraak")
        .order_by("-history_date")[:10]
    ]
    recent.sort(key=lambda r: r["wanneer"], reverse=True)
    return {
        "praktijken": praktijken,
        "verbanden": verbanden,
        "evaluaties": evaluaties,
        "t_verlopen": t_verlopen,
        "open_uitvoering": open_uitvoering,
        "recent": recent[:10],
        "vandaag": vandaag,
    }


# --- Samenstelling (WSV) ---------------------------------------------------------------------------
def afgevaardigde_kandidaten(*, verband: Samenwerkingsverband, beroepsgroep: str) -> QuerySet[Contactpersoon]:
    """Who may be the delegate of a beroepsgroep: a contact of a partner of that group in the wijk, or
    for the huisartsen a contact of a practice in the wijk or taking part in the wijk's verband."""
    if beroepsgroep == Beroepsgroep.HUISARTS:
        praktijken = Praktijk.objects.filter(
            Q(wijk_id=verband.wijk_id)
            | Q(deelnames__verband__wijk_id=verband.wijk_id, deelnames__uitgetreden_op__isnull=True)
        ).values("pk")
        return Contactpersoon.objects.filter(praktijk__in=praktijken).select_related("praktijk")
    return Contactpersoon.objects.filter(
        partner__beroepsgroep=beroepsgroep, partner__wijken=verband.wijk_id
    ).select_related("partner")


def kandidaten_per_beroepsgroep(*, verband: Samenwerkingsverband) -> dict[str, list[Contactpersoon]]:
    """All possible delegates of the WSV by beroepsgroep, in two queries (for the form's choices)."""
    per_groep: dict[str, list[Contactpersoon]] = {g: [] for g in Beroepsgroep.values}
    per_groep[Beroepsgroep.HUISARTS] = list(
        afgevaardigde_kandidaten(verband=verband, beroepsgroep=Beroepsgroep.HUISARTS).order_by(
            "praktijk__naam", "naam"
        )
    )
    for contact in (
        Contactpersoon.objects.filter(partner__wijken=verband.wijk_id)
        .exclude(partner__beroepsgroep=Beroepsgroep.HUISARTS)
        .select_related("partner")
        .order_by("partner__naam", "naam")
    ):
        per_groep[contact.partner.beroepsgroep].append(contact)
    return per_groep


@dataclass
class SamenstellingRegel:
    """One beroepsgroep of a WSV: its active delegate, the former ones, and whether it must be filled."""

    groep: str
    label: str
    actief: Afgevaardigde | None
    eerder: list[Afgevaardigde]
    kern: bool

    @property
    def verplicht(self) -> bool:
        """The social domain must always be linked (seed 001)."""
        return self.groep == Beroepsgroep.SOCIAAL_DOMEIN


def samenstelling(*, verband: Samenwerkingsverband) -> list[SamenstellingRegel]:
    """The composition of a WSV per beroepsgroep, the kern-groepen first, with the full history; one query."""
    alle = list(
        verband.afgevaardigden.select_related("contactpersoon__partner", "contactpersoon__praktijk").order_by(
            "beroepsgroep", "-mandaat_op", "-pk"
        )
    )
    groepen = list(KERN_BEROEPSGROEPEN) + [
        g
        for g in Beroepsgroep.values
        if g not in KERN_BEROEPSGROEPEN and any(a.beroepsgroep == g for a in alle)
    ]
    return [
        SamenstellingRegel(
            groep=groep,
            label=Beroepsgroep(groep).label,
            actief=next((a for a in alle if a.beroepsgroep == groep and a.einde_op is None), None),
            eerder=[a for a in alle if a.beroepsgroep == groep and a.einde_op is not None],
            kern=groep in KERN_BEROEPSGROEPEN,
        )
        for groep in groepen
    ]


def afgevaardigde_get(*, user: User, pk: int) -> Afgevaardigde:
    """A delegate of a verband the user may see (404 otherwise)."""
    return get_object_or_404(
        Afgevaardigde.objects.filter(
            verband__in=Samenwerkingsverband.objects.zichtbaar_voor(user).values("pk")
        ).select_related("verband__wijk__gebied", "contactpersoon__partner", "contactpersoon__praktijk"),
        pk=pk,
    )


# --- Terugkoppeling (Check/Act) --------------------------------------------------------------------
def terugkoppeling_list(*, user: User) -> QuerySet[GebiedTerugkoppeling]:
    """The terugkoppelingen the user may see, with their number of lines and lines for the RESV."""
    return (
        GebiedTerugkoppeling.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente", "opgesteld_door")
        .annotate(
            aantal_regels=SubqueryCount(
                TerugkoppelingRegel.objects.filter(terugkoppeling=OuterRef("pk")).values("pk")
            ),
            aantal_resv=SubqueryCount(
                TerugkoppelingRegel.objects.filter(terugkoppeling=OuterRef("pk"), naar_resv=True).values("pk")
            ),
        )
        .order_by("-periode_tot", "gebied__naam")
    )


def _regels_prefetch() -> Prefetch:
    return Prefetch(
        "regels",
        queryset=TerugkoppelingRegel.objects.select_related("verband__wijk").order_by("verband__wijk__naam"),
    )


def terugkoppeling_get(*, user: User, pk: int) -> GebiedTerugkoppeling:
    """One terugkoppeling in the user's scope, with its lines (404 otherwise)."""
    return get_object_or_404(
        GebiedTerugkoppeling.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente", "opgesteld_door")
        .prefetch_related(_regels_prefetch()),
        pk=pk,
    )


def terugkoppeling_perioden(*, user: User) -> list[tuple[datetime.date, datetime.date]]:
    """The periods of the terugkoppelingen the user sees, newest first."""
    return list(
        GebiedTerugkoppeling.objects.zichtbaar_voor(user)
        .order_by("-periode_tot", "-periode_van")
        .values_list("periode_van", "periode_tot")
        .distinct()
    )


@dataclass
class GebiedKolom:
    """A gebied in the side-by-side view: its terugkoppeling over the period, or None if not received."""

    gebied: Gebied
    terugkoppeling: GebiedTerugkoppeling | None


def terugkoppelingen_naast_elkaar(
    *, user: User, periode: tuple[datetime.date, datetime.date]
) -> list[GebiedKolom]:
    """Every gebied with the terugkoppeling over the period the user may see; three queries."""
    van, tot = periode
    per_gebied = {
        t.gebied_id: t
        for t in GebiedTerugkoppeling.objects.zichtbaar_voor(user)
        .filter(periode_van=van, periode_tot=tot)
        .select_related("opgesteld_door")
        .prefetch_related(_regels_prefetch())
    }
    gebieden = (
        Gebied.objects.zichtbaar_voor(user).select_related("gemeente").order_by("gemeente__naam", "naam")
    )
    return [GebiedKolom(gebied=g, terugkoppeling=per_gebied.get(g.pk)) for g in gebieden]


def resv_selectie(
    *, user: User, periode: tuple[datetime.date, datetime.date]
) -> QuerySet[TerugkoppelingRegel]:
    """The lines the projectleider marked for the RESV over a period, for the export."""
    van, tot = periode
    return (
        TerugkoppelingRegel.objects.filter(
            naar_resv=True,
            terugkoppeling__in=GebiedTerugkoppeling.objects.zichtbaar_voor(user)
            .filter(periode_van=van, periode_tot=tot)
            .values("pk"),
        )
        .select_related("terugkoppeling__gebied", "verband__wijk")
        .order_by("terugkoppeling__gebied__naam", "verband__wijk__naam")
    )
