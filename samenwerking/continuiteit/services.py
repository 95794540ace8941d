"""Writes of the continuïteit workflow: opvangafspraken, uitval melden, practices asking and answering,
ending, evaluating and escalating.

Mails go out from the worker (tasks queued from ``transaction.on_commit``); every mail is claimed with
a conditional UPDATE first, so a task that runs twice sends it once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.constants import BEWERKENDE_FUNCTIES
from wijken.models import Praktijk
from zio_portal.cache import verhoog
from zio_portal.constants import Rol
from zio_portal.ics import AMSTERDAM, Afspraakverzoek, ics_maken
from zio_portal.mail import portaal_domein, portaalbericht
from zio_portal.models import User

from ..models import (
    Opvangafspraak,
    OpvangEvaluatie,
    OpvangPraktijk,
    OpvangVerzoek,
    Samenwerkingsverband,
    UitvalMelding,
)
from .constants import Antwoord, MeldingStatus, Zorgsoort

AFSPRAAK_VELDEN = (
    "overdragende_praktijk",
    "vorm",
    "situaties",
    "zorgsoorten",
    "zorg_anders",
    "capaciteit",
    "bereikbaarheid",
    "geldig_van",
    "geldig_tot",
    "smart_afspraak",
)


def _overnemers_opslaan(afspraak: Opvangafspraak, overnemers: Iterable[tuple[Praktijk, bool]]) -> None:
    afspraak.overnemers.all().delete()
    rijen = list(overnemers)
    if not rijen:
        raise ValidationError({"overnemers": _("Kies minstens één praktijk die de zorg overneemt.")})
    fouten = []
    for volgorde, (praktijk, uit_wijk) in enumerate(rijen):
        rij = OpvangPraktijk(afspraak=afspraak, praktijk=praktijk, volgorde=volgorde, uit_wijk=uit_wijk)
        try:
            rij.full_clean(exclude=["afspraak"])
            rij.clean()
        except ValidationError as fout:
            fouten.extend(fout.messages)
            continue
        rij.save()
    if fouten:
        raise ValidationError({"overnemers": fouten})


@transaction.atomic
def opvangafspraak_create(
    *, verband: Samenwerkingsverband, data: dict, overnemers: Iterable[tuple[Praktijk, bool]], door: User
) -> Opvangafspraak:
    """Record a new opvangafspraak in a huisartsen-verband, with the practices that take over."""
    afspraak = Opvangafspraak(
        verband=verband, aangemaakt_door=door, **{k: data[k] for k in AFSPRAAK_VELDEN if k in data}
    )
    afspraak.full_clean()
    afspraak.save()
    _overnemers_opslaan(afspraak, overnemers)
    return afspraak


@transaction.atomic
def opvangafspraak_update(
    *, afspraak: Opvangafspraak, data: dict, overnemers: Iterable[tuple[Praktijk, bool]], door: User
) -> Opvangafspraak:
    """Change an opvangafspraak; the history keeps the earlier version."""
    for veld in AFSPRAAK_VELDEN:
        if veld in data:
            setattr(afspraak, veld, data[veld])
    afspraak.full_clean()
    afspraak._change_reason = _("Gewijzigd door %(door)s") % {"door": door}
    afspraak.save()
    _overnemers_opslaan(afspraak, overnemers)
    return afspraak


@transaction.atomic
def uitval_melden(*, praktijk: Praktijk, data: dict, door: User) -> UitvalMelding:
    """A practice reports that it cannot (fully) provide care for a period."""
    melding = UitvalMelding(
        praktijk=praktijk,
        van=data.get("van"),
        tot=data.get("tot"),
        situatie=data.get("situatie", ""),
        zorgsoorten=list(data.get("zorgsoorten") or []),
        toelichting=data.get("toelichting", ""),
        gemeld_door=door,
        gemeld_op=timezone.now(),
    )
    melding.full_clean()
    melding.save()
    return melding


def _mail_wachtrij(verzoek_id: int) -> None:
    from .tasks import opvangverzoek_mailen_task

    opvangverzoek_mailen_task.delay(verzoek_id)


def _einde_wachtrij(verzoek_id: int) -> None:
    from .tasks import opvang_einde_mailen_task

    opvang_einde_mailen_task.delay(verzoek_id)


@transaction.atomic
def praktijken_vragen(
    *,
    melding: UitvalMelding,
    praktijken: Iterable[Praktijk],
    door: User,
    afspraken: dict[int, Opvangafspraak] | None = None,
) -> list[OpvangVerzoek]:
    """Ask these practices to take over the care of the melding; a practice asked before is skipped.
    Each new request is mailed by the worker."""
    if not melding.is_open:
        raise ValidationError(_("Deze melding is beëindigd."))
    al_gevraagd = set(melding.verzoeken.values_list("praktijk_id", flat=True))
    nieuw = []
    for praktijk in praktijken:
        if praktijk.pk in al_gevraagd:
            continue
        verzoek = OpvangVerzoek(
            melding=melding,
            praktijk=praktijk,
            opvangafspraak=(afspraken or {}).get(praktijk.pk),
            gevraagd_door=door,
            gevraagd_op=timezone.now(),
        )
        verzoek.full_clean()
        verzoek.save()
        nieuw.append(verzoek)
        transaction.on_commit(lambda pk=verzoek.pk: _mail_wachtrij(pk))
    if not nieuw and not al_gevraagd:
        raise ValidationError(_("Kies minstens één praktijk om te vragen."))
    return nieuw


@transaction.atomic
def melding_periode_wijzigen(
    *, melding: UitvalMelding, van: datetime.date, tot: datetime.date, door: User
) -> UitvalMelding:
    """Change the period of an open melding; the asked practices get an updated invitation (a higher
    SEQUENCE in the .ics)."""
    melding = UitvalMelding.objects.select_for_update().get(pk=melding.pk)
    if not melding.is_open:
        raise ValidationError(_("Deze melding is beëindigd."))
    if (van, tot) == (melding.van, melding.tot):
        return melding
    melding.van, melding.tot = van, tot
    melding.volgnummer += 1
    melding.full_clean()
    melding._change_reason = _("Periode gewijzigd door %(door)s") % {"door": door}
    melding.save()
    for pk in melding.verzoeken.exclude(antwoord=Antwoord.KAN_NIET).values_list("pk", flat=True):
        transaction.on_commit(lambda pk=pk: _mail_wachtrij(pk))
    return melding


@transaction.atomic
def verzoek_beantwoorden(
    *,
    verzoek: OpvangVerzoek,
    antwoord: str,
    door: User,
    zorgsoorten: list[str] | None = None,
    van: datetime.date | None = None,
    tot: datetime.date | None = None,
    reden: str = "",
) -> OpvangVerzoek:
    """The asked practice confirms (all, or part of the care or period) or says it cannot, with a reason."""
    verzoek = OpvangVerzoek.objects.select_for_update().select_related("melding").get(pk=verzoek.pk)
    if not verzoek.melding.is_open:
        raise ValidationError(_("Deze melding is al beëindigd."))
    if antwoord not in (Antwoord.BEVESTIGD, Antwoord.KAN_NIET):
        raise ValidationError({"antwoord": _("Kies ‘opvang bevestigd’ of ‘kan niet’.")})
    verzoek.antwoord = antwoord
    verzoek.reden = reden
    if antwoord == Antwoord.BEVESTIGD:
        verzoek.zorgsoorten = list(zorgsoorten) if zorgsoorten else list(verzoek.melding.zorgsoorten)
        verzoek.van, verzoek.tot = van, tot
    else:
        verzoek.zorgsoorten, verzoek.van, verzoek.tot = [], None, None
    verzoek.beantwoord_door = door
    verzoek.beantwoord_op = timezone.now()
    verzoek.full_clean()
    verzoek.save()
    return verzoek


@transaction.atomic
def melding_beeindigen(*, melding: UitvalMelding, door: User) -> UitvalMelding:
    """The practice is fully reachable again: close the melding and tell the practices that were asked."""
    gesloten = UitvalMelding.objects.filter(pk=melding.pk, status=MeldingStatus.OPEN).update(
        status=MeldingStatus.BEEINDIGD, beeindigd_op=timezone.now()
    )
    if not gesloten:
        raise ValidationError(_("Deze melding is al beëindigd."))
    verhoog("samenwerking")  # update() sends no post_save: the cached figures must still move
    melding.refresh_from_db()
    for pk in melding.verzoeken.exclude(antwoord=Antwoord.KAN_NIET).values_list("pk", flat=True):
        transaction.on_commit(lambda pk=pk: _einde_wachtrij(pk))
    return melding


@transaction.atomic
def melding_evalueren(
    *, melding: UitvalMelding, praktijk: Praktijk, oordeel: str, toelichting: str, door: User
) -> OpvangEvaluatie:
    """A practice involved records how the opvang went (once per practice; a second time updates it)."""
    if melding.is_open:
        raise ValidationError(_("Evalueer de opvang als de melding is beëindigd."))
    betrokken = praktijk.pk == melding.praktijk_id or melding.verzoeken.filter(praktijk=praktijk).exists()
    if not betrokken:
        raise ValidationError({"praktijk": _("Deze praktijk was niet bij de opvang betrokken.")})
    evaluatie = OpvangEvaluatie.objects.filter(melding=melding, praktijk=praktijk).first() or OpvangEvaluatie(
        melding=melding, praktijk=praktijk
    )
    evaluatie.oordeel, evaluatie.toelichting = oordeel, toelichting
    evaluatie.door, evaluatie.op = door, timezone.now()
    evaluatie.full_clean()
    evaluatie.save()
    return evaluatie


# --- mails (in the worker) --------------------------------------------------------------------------


def _adressen_van_praktijk(praktijk_id: int) -> list[str]:
    return sorted(
        set(
            User.objects.filter(
                praktijkrollen__praktijk_id=praktijk_id,
                praktijkrollen__functie__in=BEWERKENDE_FUNCTIES,
                is_active=True,
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _link(naam: str, pk: int) -> str:
    return settings.PORTAL_BASE_URL + reverse(naam, args=[pk])


def opvang_ics(verzoek: OpvangVerzoek) -> bytes:
    """The period of the melding as an invitation for the asked practice; the UID stays, the SEQUENCE is
    the melding's volgnummer, so a changed period updates the same calendar item."""
    melding = verzoek.melding
    start = datetime.datetime.combine(melding.van, datetime.time(8, 0), tzinfo=AMSTERDAM)
    eind = datetime.datetime.combine(melding.tot, datetime.time(17, 0), tzinfo=AMSTERDAM)
    return ics_maken(
        Afspraakverzoek(
            uid=f"opvang-{melding.pk}-{verzoek.praktijk_id}@{portaal_domein()}",
            start=start,
            eind=eind,
            onderwerp=_("Opvang voor %(praktijk)s") % {"praktijk": melding.praktijk},
            beschrijving=", ".join(melding.zorg_weergave),
            url=_link("samenwerking:opvang-verzoek-antwoord", verzoek.pk),
            volgnummer=melding.volgnummer,
        )
    )


def opvangverzoek_mailen(*, verzoek_id: int) -> int:
    """In the worker: mail the asked practice about the (current period of the) melding, once per
    volgnummer; returns the number of messages sent (0 when it went before)."""
    verzoek = OpvangVerzoek.objects.select_related("melding__praktijk", "praktijk").get(pk=verzoek_id)
    melding = verzoek.melding
    if not melding.is_open:
        return 0
    adressen = _adressen_van_praktijk(verzoek.praktijk_id)
    with transaction.atomic():
        geclaimd = OpvangVerzoek.objects.filter(
            pk=verzoek_id, gemaild_volgnummer__lt=melding.volgnummer
        ).update(gemaild_volgnummer=melding.volgnummer)
        if not geclaimd or not adressen:
            return 0
        context = {
            "verzoek": verzoek,
            "melding": melding,
            "link": _link("samenwerking:opvang-verzoek-antwoord", verzoek.pk),
            "gewijzigd": melding.volgnummer > 0,
        }
        bericht = portaalbericht(
            onderwerp=(
                _("Gewijzigd: opvangverzoek van %(praktijk)s")
                if melding.volgnummer
                else _("Opvangverzoek van %(praktijk)s")
            )
            % {"praktijk": melding.praktijk},
            tekst=render_to_string("samenwerking/continuiteit/mail_verzoek.txt", context),
            aan=adressen,
        )
        bericht.attach("opvang.ics", opvang_ics(verzoek), "text/calendar; method=REQUEST; charset=utf-8")
        bericht.send()
    return 1


def opvang_einde_mailen(*, verzoek_id: int) -> int:
    """In the worker: tell an asked practice that the melding has ended, once."""
    verzoek = OpvangVerzoek.objects.select_related("melding__praktijk", "praktijk").get(pk=verzoek_id)
    adressen = _adressen_van_praktijk(verzoek.praktijk_id)
    with transaction.atomic():
        geclaimd = OpvangVerzoek.objects.filter(pk=verzoek_id, einde_gemaild=False).update(einde_gemaild=True)
        if not geclaimd or not adressen:
            return 0
        bericht = portaalbericht(
            onderwerp=_("%(praktijk)s is weer volledig bereikbaar") % {"praktijk": verzoek.melding.praktijk},
            tekst=render_to_string(
                "samenwerking/continuiteit/mail_einde.txt",
                {
                    "verzoek": verzoek,
                    "melding": verzoek.melding,
                    "link": _link("samenwerking:opvang-melding-detail", verzoek.melding_id),
                },
            ),
            aan=adressen,
        )
        bericht.send()
    return 1


# --- escalation (beat) --------------------------------------------------------------------------------


def escalatie_termijn() -> datetime.timedelta:
    return datetime.timedelta(hours=getattr(settings, "CONTINUITEIT_ESCALATIE_UREN", 4))


def meldingen_escaleren(*, nu: datetime.datetime | None = None) -> int:
    """Alert the gebiedsmanager(s) of the wijk and the beleidsadviseurs about open meldingen whose
    affected care is not all confirmed within the escalation time; each melding once (claimed)."""
    nu = nu or timezone.now()
    kandidaten = (
        UitvalMelding.objects.filter(
            status=MeldingStatus.OPEN, geescaleerd_op__isnull=True, gemeld_op__lte=nu - escalatie_termijn()
        )
        .select_related("praktijk__wijk__gebied")
        .prefetch_related("verzoeken__praktijk", "praktijk__wijk__gebied__gebiedsmanagers")
    )
    beleidsadviseurs = list(
        User.objects.filter(rol=Rol.BELEIDSADVISEUR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    verzonden = 0
    for melding in kandidaten:
        open_zorg = melding.open_zorg()
        if not open_zorg:
            continue
        with transaction.atomic():
            if not UitvalMelding.objects.filter(pk=melding.pk, geescaleerd_op__isnull=True).update(
                geescaleerd_op=nu
            ):
                continue
            verhoog("samenwerking")  # update() sends no post_save
            gebiedsmanagers = [u.email for u in melding.praktijk.wijk.gebied.gebiedsmanagers.all() if u.email]
            adressen = sorted(set(gebiedsmanagers + beleidsadviseurs))
            if not adressen:
                continue
            portaalbericht(
                onderwerp=_("Opvang niet rond: %(praktijk)s") % {"praktijk": melding.praktijk},
                tekst=render_to_string(
                    "samenwerking/continuiteit/mail_escalatie.txt",
                    {
                        "melding": melding,
                        "open_zorg": [str(Zorgsoort(z).label) for z in open_zorg],
                        "link": _link("samenwerking:opvang-melding-detail", melding.pk),
                    },
                ),
                aan=adressen,
            ).send()
            verzonden += 1
    return verzonden


def praktijken_in_buurt(melding: UitvalMelding) -> Q:
    """The practices escalation may ask: active practices of the wijk's gebied, not the reporter."""
    return Q(wijk__gebied=melding.praktijk.wijk.gebied_id, actief=True) & ~Q(pk=melding.praktijk_id)
