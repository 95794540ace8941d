"""Reads of the geography and the sociale kaart, scoped to the user.

The pages that add the verbanden to the geography (wijk list and detail, praktijk detail, gebied
overview) live a floor up, in ``samenwerking.wijkoverzicht``: they start from the querysets here and
add their own annotations and prefetches.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value, When
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from zio_portal.db import SubqueryCount
from zio_portal.history import Wijziging, samenvoegen, wijzigingen
from zio_portal.models import User

from .constants import Beroepsgroep
from .filters import PartnerFilterSet
from .models import Contactpersoon, Gebied, Partner, Praktijk, Praktijkmedewerker, Wijk, WijkToewijzing


def wijk_list(*, user: User) -> QuerySet[Wijk]:
    """The wijken this user may see, with their gebied and counts, in a constant number of queries."""
    return (
        Wijk.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente")
        .annotate(
            aantal_praktijken=SubqueryCount(
                Praktijk.objects.filter(wijk=OuterRef("pk"), actief=True).values("pk")
            ),
            aantal_partners=SubqueryCount(Partner.objects.filter(wijken=OuterRef("pk")).values("pk")),
        )
        .order_by("gebied__gemeente__naam", "gebied__naam", "naam")
    )


def wijk_detail_queryset(*, user: User) -> QuerySet[Wijk]:
    """The visible wijken with their gebied, practices and partners prefetched (for a detail page)."""
    return (
        Wijk.objects.zichtbaar_voor(user)
        .select_related("gebied__gemeente")
        .prefetch_related(
            "gebied__gebiedsmanagers",
            Prefetch("praktijken", queryset=Praktijk.objects.filter(actief=True).order_by("naam")),
            Prefetch(
                "partners",
                queryset=Partner.objects.prefetch_related("contactpersonen").order_by("beroepsgroep", "naam"),
            ),
        )
    )


def wijk_basis_get(*, user: User, pk: int) -> Wijk:
    """One wijk with its gebied only, or 404 outside the user's scope."""
    return get_object_or_404(Wijk.objects.zichtbaar_voor(user).select_related("gebied__gemeente"), pk=pk)


def praktijk_detail_queryset(*, user: User) -> QuerySet[Praktijk]:
    """The visible practices with their wijk, wijk history, contacts and staff prefetched."""
    return (
        Praktijk.objects.zichtbaar_voor(user)
        .select_related("wijk__gebied__gemeente")
        .prefetch_related(
            "contactpersonen",
            Prefetch(
                "wijktoewijzingen",
                queryset=WijkToewijzing.objects.select_related("wijk", "vastgelegd_door").order_by(
                    "-ingangsdatum"
                ),
            ),
            Prefetch("medewerkers__user"),
        )
    )


def gebied_list(*, user: User) -> QuerySet[Gebied]:
    """The gebieden in the user's scope, with counts per gebied."""
    return (
        Gebied.objects.zichtbaar_voor(user)
        .select_related("gemeente")
        .prefetch_related("gebiedsmanagers")
        .annotate(
            aantal_wijken=SubqueryCount(Wijk.objects.filter(gebied=OuterRef("pk")).values("pk")),
            aantal_praktijken=SubqueryCount(
                Praktijk.objects.filter(wijk__gebied=OuterRef("pk"), actief=True).values("pk")
            ),
        )
        .order_by("gemeente__naam", "naam")
    )


def gebied_get(*, user: User, pk: int) -> Gebied:
    """One gebied in the user's scope, or 404."""
    return get_object_or_404(Gebied.objects.zichtbaar_voor(user).select_related("gemeente"), pk=pk)


def wijk_keuzes(*, user: User) -> QuerySet[Wijk]:
    """The wijken a practice can be assigned to, with their gebied, in the order of a choice list."""
    return Wijk.objects.zichtbaar_voor(user).select_related("gebied").order_by("gebied__naam", "naam")


def grenspraktijken(*, gebied: Gebied) -> list[Praktijk]:
    """The practices of a gebied (by their current wijk) whose latest wijk assignment is a border case,
    with that assignment as ``laatste_toewijzing``."""
    laatste = WijkToewijzing.objects.filter(praktijk=OuterRef("pk")).order_by("-ingangsdatum")
    praktijken = (
        Praktijk.objects.filter(wijk__gebied=gebied, actief=True)
        .annotate(laatste_id=Subquery(laatste.values("pk")[:1]))
        .filter(wijktoewijzingen__grenspraktijk=True)
        .select_related("wijk")
        .order_by("naam")
        .distinct()
    )
    praktijken = list(praktijken)
    toewijzingen = WijkToewijzing.objects.select_related("wijk", "vastgelegd_door").in_bulk(
        [p.laatste_id for p in praktijken]
    )
    uit = []
    for praktijk in praktijken:
        praktijk.laatste_toewijzing = toewijzingen.get(praktijk.laatste_id)
        if praktijk.laatste_toewijzing and praktijk.laatste_toewijzing.grenspraktijk:
            uit.append(praktijk)
    return uit


def praktijk_wijzigingen(*, praktijk: Praktijk, limiet: int = 10) -> list[Wijziging]:
    """Who changed what of this practice and its wijk assignment, and when (newest first)."""
    return sorted(
        wijzigingen(praktijk.history.all(), onderwerp=lambda r: str(_("Praktijkgegevens")), limiet=limiet)
        + wijzigingen(
            WijkToewijzing.history.filter(praktijk_id=praktijk.pk),
            onderwerp=lambda r: str(_("Wijktoewijzing")),
            limiet=limiet,
        ),
        key=lambda w: w.wanneer,
        reverse=True,
    )[:limiet]


def sociale_kaart(*, wijk: Wijk, filters=None) -> PartnerFilterSet:
    """The partners of a wijk and their contact people, filtered; a FilterSet whose ``qs`` is the list."""
    # The beroepsgroepen in the order of the handreiking (huisarts, apotheker, ...), then the others.
    volgorde = Case(
        *[When(beroepsgroep=groep, then=Value(i)) for i, groep in enumerate(Beroepsgroep.values)],
        output_field=IntegerField(),
    )
    qs = (
        Partner.objects.filter(wijken=wijk)
        .prefetch_related(Prefetch("contactpersonen", queryset=Contactpersoon.objects.order_by("naam")))
        .order_by(volgorde, "naam")
    )
    return PartnerFilterSet(filters, queryset=qs)


def partners_van_wijk(*, wijk: Wijk) -> list[Partner]:
    """The partners on the sociale kaart of a wijk, in the handreiking's order of beroepsgroepen."""
    return list(sociale_kaart(wijk=wijk).qs)


def gebruiker_scope_wijzigingen(gebruiker: User, *, limiet: int = 25) -> list[Wijziging]:
    """When a user became or stopped being gebiedsmanager of a gebied or staff of a practice, by whom.

    Four queries whatever the number of records: the gebieden the user was ever in, their history
    with its gebiedsmanagers, and the user's practice memberships (with the practice names).
    """
    relatie = Gebied.history.model._meta.get_field("historicalgebied_gebiedsmanagers")
    m2m, leden = relatie.related_model, relatie.get_accessor_name()
    gebied_ids = set(m2m.objects.filter(user_id=gebruiker.pk).values_list("gebied_id", flat=True))
    uit: list[Wijziging] = []
    if gebied_ids:
        records = (
            Gebied.history.filter(id__in=gebied_ids)
            .select_related("history_user")
            .prefetch_related(leden)
            .order_by("id", "history_date", "history_id")
        )
        was_erin: dict[int, bool] = {}
        veld = str(Gebied._meta.get_field("gebiedsmanagers").verbose_name)
        for record in records:
            erin = any(r.user_id == gebruiker.pk for r in getattr(record, leden).all())
            if erin != was_erin.get(record.id, False) and record.history_type != "-":
                uit.append(
                    Wijziging(
                        wanneer=record.history_date,
                        wie=str(record.history_user) if record.history_user else _("systeem"),
                        soort=_("gewijzigd"),
                        onderwerp=_("gebied %(naam)s") % {"naam": record.naam},
                        velden=[veld],
                        waarden=[(veld, _("zonder deze gebruiker"), _("met deze gebruiker"))]
                        if erin
                        else [(veld, _("met deze gebruiker"), _("zonder deze gebruiker"))],
                    )
                )
            was_erin[record.id] = erin
    lidmaatschappen = Praktijkmedewerker.history.filter(user_id=gebruiker.pk)
    namen = dict(
        Praktijk.objects.filter(pk__in=lidmaatschappen.values("praktijk_id")).values_list("pk", "naam")
    )
    uit += wijzigingen(
        lidmaatschappen,
        onderwerp=lambda r: _("medewerker van %(praktijk)s") % {"praktijk": namen.get(r.praktijk_id, "?")},
        limiet=limiet,
        met_waarden=True,
    )
    return samenvoegen(uit, limiet=limiet)
