"""Reads of the terugkoppelingen, scoped to the user."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from wijken.models import Gebied
from zio_portal.db import SubqueryCount
from zio_portal.models import User

from ..models import (
    GebiedTerugkoppeling,
    TerugkoppelingRegel,
)


def gebieden_voor_opstellen(*, user: User) -> QuerySet[Gebied]:
    """The gebieden the user drafts terugkoppelingen for: the beheerder all, a gebiedsmanager their own."""
    gebieden = Gebied.objects.order_by("naam")
    return gebieden if user.is_beheerder else gebieden.filter(gebiedsmanagers=user)


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
    mag_resv: bool = False  # set by the view: whether the user may mark its lines for the RESV


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
