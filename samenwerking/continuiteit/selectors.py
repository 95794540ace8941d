"""Reads of the continuïteit workflow: the arrangements, the proposal of helpers for a melding, the
meldingen and the overview figures for the beleidsadviseur continuïteit."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from wijken.models import Praktijk
from zio_portal.cache import onthouden, scope_sleutel, versies
from zio_portal.constants import Rol
from zio_portal.models import User
from zio_portal.permissions import is_beheerder

from ..constants import VerbandSoort
from ..models import Opvangafspraak, OpvangPraktijk, OpvangVerzoek, Samenwerkingsverband, UitvalMelding
from .constants import Antwoord, MeldingStatus, Opvangvorm, Zorgsoort


def opvangafspraak_list(*, user: User) -> QuerySet[Opvangafspraak]:
    """The arrangements the user may see, with their verband and practices."""
    return (
        Opvangafspraak.objects.zichtbaar_voor(user)
        .select_related("verband__wijk", "overdragende_praktijk", "smart_afspraak")
        .prefetch_related(Prefetch("overnemers", queryset=OpvangPraktijk.objects.select_related("praktijk")))
        .order_by("verband__wijk__naam", "verband__naam", "overdragende_praktijk__naam", "-geldig_van")
    )


def opvangafspraak_get(*, user: User, pk: int) -> Opvangafspraak:
    return get_object_or_404(opvangafspraak_list(user=user), pk=pk)


def verbanden_voor_opvang(*, user: User) -> QuerySet[Samenwerkingsverband]:
    """The huisartsen-verbanden the user sees (for the 'new arrangement' buttons)."""
    return (
        Samenwerkingsverband.objects.zichtbaar_voor(user)
        .filter(soort=VerbandSoort.HUISARTSEN, actief=True)
        .select_related("wijk")
        .order_by("wijk__naam", "naam")
    )


def verbanden_voor_nieuwe_opvang(*, user: User) -> QuerySet[Samenwerkingsverband]:
    """The huisartsen-verbanden in which the user could record an opvangafspraak, narrowed in the query
    to who the rule ``samenwerking.add_opvangafspraak`` can allow (the beheerder, or the staff of a member
    practice), so a region of hundreds of verbanden is not read to find none; the rule still decides
    per verband."""
    from ..models import Deelname

    qs = verbanden_voor_opvang(user=user)
    if is_beheerder(user):
        return qs
    if user.is_authenticated and user.rol == Rol.PRAKTIJKMEDEWERKER:
        return qs.filter(pk__in=Deelname.objects.filter(praktijk__medewerkers__user=user).values("verband"))
    return qs.none()


def _maandag(datum: datetime.date) -> datetime.date:
    return datum - datetime.timedelta(days=datum.weekday())


def overnemers_op(afspraak: Opvangafspraak, datum: datetime.date) -> list[Praktijk]:
    """Who takes over on this day: all helpers, or in a rota the helper whose week it is (counted in
    whole weeks from the Monday of the week the arrangement starts, in the order given)."""
    rijen = list(afspraak.overnemers.all())
    if not rijen:
        return []
    if afspraak.vorm != Opvangvorm.ROOSTER:
        return [r.praktijk for r in rijen]
    week = (_maandag(datum) - _maandag(afspraak.geldig_van)).days // 7
    return [rijen[week % len(rijen)].praktijk]


@dataclass
class Voorstel:
    """One proposed helper: the practice, the arrangement, the days in the period and the care it covers."""

    praktijk: Praktijk
    afspraak: Opvangafspraak
    dagen: list[datetime.date] = field(default_factory=list)
    zorg: list[str] = field(default_factory=list)

    @property
    def zorg_weergave(self) -> list[str]:
        return [str(Zorgsoort(z).label) for z in self.zorg]


def opvang_voorstel(*, melding: UitvalMelding) -> list[Voorstel]:
    """The practices that take over according to the arrangements valid on the melding's days (for its
    situation), each with the days it is due (a rota gives each helper its own weeks)."""
    afspraken = (
        Opvangafspraak.objects.filter(overdragende_praktijk=melding.praktijk)
        .geldig_in(melding.van, melding.tot)
        .prefetch_related(Prefetch("overnemers", queryset=OpvangPraktijk.objects.select_related("praktijk")))
        .order_by("geldig_van", "pk")
    )
    voorstellen: dict[int, Voorstel] = {}
    for afspraak in afspraken:
        if melding.situatie not in afspraak.situaties:
            continue
        zorg = [z for z in melding.zorgsoorten if z in afspraak.zorgsoorten]
        dag = melding.van
        while dag <= melding.tot:
            if afspraak.geldt_op(dag):
                for praktijk in overnemers_op(afspraak, dag):
                    if praktijk.pk == melding.praktijk_id:
                        continue
                    voorstel = voorstellen.setdefault(
                        praktijk.pk, Voorstel(praktijk=praktijk, afspraak=afspraak)
                    )
                    if dag not in voorstel.dagen:
                        voorstel.dagen.append(dag)
                    voorstel.zorg.extend(z for z in zorg if z not in voorstel.zorg)
            dag += datetime.timedelta(days=1)
    return sorted(voorstellen.values(), key=lambda v: (v.dagen[0], v.praktijk.naam))


def _melding_qs(user: User) -> QuerySet[UitvalMelding]:
    return (
        UitvalMelding.objects.zichtbaar_voor(user)
        .select_related("praktijk__wijk__gebied", "gemeld_door")
        .prefetch_related(
            Prefetch(
                "verzoeken", queryset=OpvangVerzoek.objects.select_related("praktijk", "beantwoord_door")
            ),
            "evaluaties__praktijk",
        )
    )


def melding_list(*, user: User) -> QuerySet[UitvalMelding]:
    """The meldingen the user may see: open ones first, newest first."""
    return _melding_qs(user).order_by("status", "-van", "praktijk__naam")


def melding_rijen(*, user: User) -> QuerySet[UitvalMelding]:
    """The meldingen the user may see as rows of a list (practice, period, situation, status): open
    ones first, newest first, without the requests and evaluations the melding's page reads."""
    return (
        UitvalMelding.objects.zichtbaar_voor(user)
        .select_related("praktijk")
        .only("pk", "van", "tot", "situatie", "status", "praktijk__naam")
        .order_by("status", "-van", "praktijk__naam")
    )


def melding_get(*, user: User, pk: int) -> UitvalMelding:
    return get_object_or_404(_melding_qs(user), pk=pk)


def verzoek_get(*, user: User, pk: int) -> OpvangVerzoek:
    return get_object_or_404(
        OpvangVerzoek.objects.zichtbaar_voor(user).select_related("melding__praktijk__wijk", "praktijk"),
        pk=pk,
    )


def eigen_verzoeken(*, user: User) -> QuerySet[OpvangVerzoek]:
    """Requests to the practices this user works for, open meldingen first."""
    return (
        OpvangVerzoek.objects.filter(praktijk__medewerkers__user=user)
        .select_related("melding__praktijk", "praktijk")
        .order_by("melding__status", "-melding__van")
    )


# --- overview -------------------------------------------------------------------------------------


@dataclass
class Cijfers:
    """The figures of a period: meldingen, days, share of affected care covered, median hours to the
    first confirmation and who takes over most often."""

    meldingen: int
    dagen: int
    aandeel_gedekt: float | None
    mediaan_uren_eerste_bevestiging: float | None
    meest_overgenomen: list[tuple[str, int]]


def cijfers(meldingen: list[UitvalMelding]) -> Cijfers:
    """Figures over meldingen whose ``verzoeken`` are prefetched (no queries of its own)."""
    zorg_totaal = zorg_gedekt = 0
    wachttijden = []
    overnames: Counter[str] = Counter()
    for melding in meldingen:
        verzoeken = list(melding.verzoeken.all())
        zorg_totaal += len(melding.zorgsoorten)
        zorg_gedekt += len(melding.zorgsoorten) - len(melding.open_zorg(verzoeken))
        bevestigd = [v for v in verzoeken if v.antwoord == Antwoord.BEVESTIGD and v.beantwoord_op]
        if bevestigd:
            eerste = min(v.beantwoord_op for v in bevestigd)
            wachttijden.append((eerste - melding.gemeld_op).total_seconds() / 3600)
        for v in bevestigd:
            overnames[v.praktijk.naam] += 1
    return Cijfers(
        meldingen=len(meldingen),
        dagen=sum(m.dagen for m in meldingen),
        aandeel_gedekt=(zorg_gedekt / zorg_totaal) if zorg_totaal else None,
        mediaan_uren_eerste_bevestiging=round(statistics.median(wachttijden), 1) if wachttijden else None,
        meest_overgenomen=sorted(overnames.items(), key=lambda t: (-t[1], t[0]))[:5],
    )


@dataclass
class Overzicht:
    """The overview page: open gaps first, then current and coming uitval, the coverage radar and figures."""

    open_gaten: list[UitvalMelding]
    lopend: list[UitvalMelding]
    komend: list[UitvalMelding]
    zonder_afspraak: list[Praktijk]
    cijfers: Cijfers
    van: datetime.date
    tot: datetime.date


def zonder_opvang(praktijken: QuerySet[Praktijk], *, op: datetime.date) -> QuerySet[Praktijk]:
    """The active ones of these practices without any opvangafspraak valid on the day (the radar)."""
    geldig = Opvangafspraak.objects.geldig_op(op).filter(overdragende_praktijk=OuterRef("pk"))
    return (
        praktijken.filter(actief=True)
        .annotate(heeft_opvang=Exists(geldig))
        .filter(heeft_opvang=False)
        .select_related("wijk__gebied")
        .order_by("wijk__gebied__naam", "wijk__naam", "naam")
    )


def praktijken_zonder_opvang(*, user: User, op: datetime.date) -> QuerySet[Praktijk]:
    """Active practices in the user's scope without any opvangafspraak valid on the day (the radar)."""
    return zonder_opvang(Praktijk.objects.zichtbaar_voor(user), op=op)


def meldingen_in_periode(meldingen: QuerySet[UitvalMelding], *, van: datetime.date, tot: datetime.date):
    """The meldingen with a day in the period, their requests prefetched for ``cijfers`` (two queries)."""
    return list(
        meldingen.in_periode(van, tot).prefetch_related(
            Prefetch("verzoeken", queryset=OpvangVerzoek.objects.select_related("praktijk"))
        )
    )


def cijfers_voor_wijken(*, wijk_ids: list[int], van: datetime.date, tot: datetime.date) -> Cijfers:
    """The overview's figures for the meldingen of the practices in these wijken (the regional report
    and the dashboard; the same counting as the overview, so the two agree)."""
    return cijfers(
        meldingen_in_periode(UitvalMelding.objects.filter(praktijk__wijk_id__in=wijk_ids), van=van, tot=tot)
    )


def opvang_overzicht(
    *, user: User, vandaag: datetime.date, van: datetime.date, tot: datetime.date
) -> Overzicht:
    """Everything on the overview in a fixed number of queries, whatever the size of the region."""
    alle = list(melding_list(user=user).filter(tot__gte=min(van, vandaag)).order_by("van", "praktijk__naam"))
    open_meldingen = [m for m in alle if m.status == MeldingStatus.OPEN and m.tot >= vandaag]
    open_gaten = [m for m in open_meldingen if m.open_zorg(list(m.verzoeken.all()))]
    lopend = [m for m in open_meldingen if m.van <= vandaag and m not in open_gaten]
    komend = [m for m in open_meldingen if m.van > vandaag and m not in open_gaten]
    in_periode = list(melding_list(user=user).in_periode(van, tot))
    return Overzicht(
        open_gaten=open_gaten,
        lopend=lopend,
        komend=komend,
        zonder_afspraak=list(praktijken_zonder_opvang(user=user, op=vandaag)),
        cijfers=cijfers(in_periode),
        van=van,
        tot=tot,
    )


# The overview reads every melding of the period and every practice of the scope; kept in the cache
# under the versions of the data it is read from (zio_portal/cache.py), so the page does not grow with
# the region. The date is in the key (what is open, current or coming is counted from today).
OVERZICHT_BRONNEN = ("samenwerking", "wijken")
OVERZICHT_BEWAARTIJD = 60 * 60


def opvang_overzicht_bewaard(
    *, user: User, vandaag: datetime.date, van: datetime.date, tot: datetime.date
) -> Overzicht:
    """``opvang_overzicht`` from the cache: one per scope (the region, or the gebiedsmanager's own
    gebieden), day and period, computed again after any change to the data behind it."""
    sleutel = (
        "continuiteit.overzicht",
        versies(*OVERZICHT_BRONNEN),
        scope_sleutel(user),
        get_language(),
        vandaag.isoformat(),
        van.isoformat(),
        tot.isoformat(),
    )
    return onthouden(
        sleutel,
        lambda: opvang_overzicht(user=user, vandaag=vandaag, van=van, tot=tot),
        OVERZICHT_BEWAARTIJD,
    )
