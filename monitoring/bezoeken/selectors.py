"""Reads of the praktijkbezoeken: the planning of all practices, a practice's visits, one visit."""

from __future__ import annotations

import datetime

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from samenwerking.constants import AfspraakStatus
from samenwerking.models import Afspraak
from wijken.models import Praktijk, Wijk
from zio_portal.constants import Rol
from zio_portal.models import User

from ..constants import BezoekStatus
from ..models import Praktijkbezoek


def bezoek_planning(
    *, wijk_id: int | None = None, gebied_id: int | None = None, alleen_achter: bool = False
) -> QuerySet[Praktijk]:
    """Active practices with their last held and next planned visit, as subquery annotations.

    ``achter``: no visit this calendar year, or the last one more than twelve months ago.
    """
    vandaag = timezone.localdate()
    gehouden = Praktijkbezoek.objects.filter(praktijk=OuterRef("pk"), status=BezoekStatus.GEHOUDEN)
    gepland = Praktijkbezoek.objects.filter(
        praktijk=OuterRef("pk"), status=BezoekStatus.GEPLAND, gepland_op__gte=timezone.now()
    )
    qs = (
        Praktijk.objects.filter(actief=True)
        .select_related("wijk__gebied")
        .annotate(
            laatste_bezoek=Subquery(gehouden.order_by("-gehouden_op").values("gehouden_op")[:1]),
            volgend_bezoek=Subquery(gepland.order_by("gepland_op").values("gepland_op")[:1]),
            volgend_bezoek_id=Subquery(gepland.order_by("gepland_op").values("pk")[:1]),
        )
        .order_by("wijk__naam", "naam")
    )
    grens = vandaag - datetime.timedelta(days=365)
    achter = (
        Q(laatste_bezoek__isnull=True)
        | Q(laatste_bezoek__lt=grens)
        | Q(laatste_bezoek__year__lt=vandaag.year)
    )
    qs = qs.annotate(achter=Case(When(achter, then=Value(True)), default=Value(False)))
    if wijk_id:
        qs = qs.filter(wijk_id=wijk_id)
    if gebied_id:
        qs = qs.filter(wijk__gebied_id=gebied_id)
    if alleen_achter:
        qs = qs.filter(achter=True)
    return qs


def bezoek_planning_per_gebied() -> list[dict]:
    """Per gebied: its active practices and how many are behind (one query): the planning's top level."""
    return list(
        bezoek_planning()
        .order_by()
        .values("wijk__gebied_id", "wijk__gebied__naam")
        .annotate(aantal=Count("pk"), achter_aantal=Count("pk", filter=Q(achter=True)))
        .order_by("wijk__gebied__naam")
    )


def praktijken_die_bezoek_missen(*, jaar: int | None = None) -> QuerySet[Praktijk]:
    """Practices without a held or planned visit this calendar year: they will miss the yearly visit."""
    jaar = jaar or timezone.localdate().year
    return (
        Praktijk.objects.filter(actief=True)
        .exclude(bezoeken__status=BezoekStatus.GEHOUDEN, bezoeken__gehouden_op__year=jaar)
        .exclude(bezoeken__status=BezoekStatus.GEPLAND, bezoeken__gepland_op__year=jaar)
        .select_related("wijk")
        .order_by("wijk__naam", "naam")
    )


def bezoek_list(*, user: User) -> QuerySet[Praktijkbezoek]:
    """The visits the user may see, newest first."""
    return (
        Praktijkbezoek.objects.zichtbaar_voor(user)
        .select_related("praktijk__wijk")
        .prefetch_related("bezoekers")
        .order_by("-gepland_op")
    )


def bezoek_get(*, user: User, pk: int) -> Praktijkbezoek:
    """A visit the user may see, with what its pages show (404 otherwise)."""
    qs = (
        Praktijkbezoek.objects.zichtbaar_voor(user)
        .select_related("praktijk__wijk", "gezien_door")
        .prefetch_related("bezoekers", "bouwstenen", "themas", "ondersteuningsbehoeften")
    )
    return get_object_or_404(qs, pk=pk)


def themas_met_afspraken(*, praktijk: Praktijk) -> list[int]:
    """The themes of the practice's active SMART-afspraken with nearby practices (for pre-filling)."""
    return list(
        Afspraak.objects.filter(
            praktijken=praktijk, status__in=[AfspraakStatus.ACTIEF, AfspraakStatus.GEBORGD]
        )
        .values_list("thema_id", flat=True)
        .distinct()
    )


def praktijk_get(*, pk: int) -> Praktijk:
    """A practice to plan a visit to (404 otherwise)."""
    return get_object_or_404(Praktijk.objects.select_related("wijk"), pk=pk)


def wijk_list() -> QuerySet[Wijk]:
    """The wijken to filter the planning by."""
    return Wijk.objects.order_by("naam")


def wijk_of_none(pk: int | None) -> Wijk | None:
    """The wijk the planning is filtered by (shown as the current choice of the search field)."""
    return Wijk.objects.filter(pk=pk).first() if pk else None


def zio_medewerkers() -> QuerySet[User]:
    """The active people of ZIO who can visit a practice."""
    return User.objects.filter(
        rol__in=[Rol.BELEIDSADVISEUR, Rol.BEHEERDER, Rol.PROJECTLEIDER], is_active=True
    ).order_by("first_name", "last_name")
