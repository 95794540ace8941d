"""Reads of the SMART-afspraken and the praktijkmedewerker's home page, scoped to the user."""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wijken.constants import BEWERKENDE_FUNCTIES
from wijken.models import Praktijk
from zio_portal.cache import scope_sleutel, versies
from zio_portal.models import User

from ..constants import AfspraakStatus, Implementatiestatus
from ..models import (
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
)
from ..verbanden.selectors import verband_list
from .filters import AfspraakFilterSet


def afspraak_list(*, user: User, filters=None) -> tuple[AfspraakFilterSet, QuerySet[Afspraak]]:
    """The agreements the user may see, filtered; returns the FilterSet (for its form) and the rows."""
    qs = Afspraak.objects.zichtbaar_voor(user).select_related("verband__wijk", "thema", "eigenaar")
    filterset = AfspraakFilterSet(filters, queryset=qs, user=user)
    return filterset, filterset.qs


# The filter bar's choices (wijken, verbanden, thema's, owners, practices in the user's scope) cost
# more to render than the page's rows; the template keeps the rendered bar per scope, filter values
# and data versions (zio_portal/cache.py). The owners' names come from the accounts, which carry no
# version: a renamed owner shows under the old name for at most this long.
FILTERBALK_BRONNEN = ("wijken", "samenwerking")
FILTERBALK_BEWAARTIJD = 5 * 60


def filterbalk_sleutel(*, user: User, filters) -> str:
    """What the rendered filter bar depends on: the data versions, the user's scope (the region roles
    share one), the chosen filter values and the language."""
    gekozen = sorted((k, v) for k, waarden in filters.lists() for v in waarden)
    return repr((versies(*FILTERBALK_BRONNEN), scope_sleutel(user), gekozen, get_language()))


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


def afspraak_uitvoering(*, user: User, afspraak: Afspraak) -> list[AfspraakPraktijk]:
    """The implementation rows of an agreement (from afspraak_get's prefetch), each with
    ``mag_wijzigen``: the change_afspraakpraktijk rule, decided for all rows in one query."""
    eigen_praktijken = set(
        user.praktijkrollen.filter(functie__in=BEWERKENDE_FUNCTIES).values_list("praktijk_id", flat=True)
    )
    uitvoering = list(afspraak.uitvoering.all())
    for rij in uitvoering:
        rij.mag_wijzigen = user.is_beheerder or rij.praktijk_id in eigen_praktijken
    return uitvoering


def afspraak_laatst_gewijzigd_door(*, afspraak: Afspraak) -> User | None:
    """Who saved the agreement last (from its history), or None when unknown."""
    laatste = afspraak.history.select_related("history_user").order_by("-history_date").first()
    return laatste.history_user if laatste else None


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
