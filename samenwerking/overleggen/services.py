"""Writes of the WSV-overleggen: plan (agenda pre-filled), record, make final, PDF and mails.

The mails and the PDF are made by Celery tasks queued from ``transaction.on_commit``; every mail is
claimed per address first (``OverlegVerzending``), so a second click or a second run sends nothing.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Contactpersoon
from zio_portal import achtergrond
from zio_portal.models import User

from ..constants import (
    VAST_AGENDAPUNT,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegSoort,
    OverlegStatus,
    VerzendSoort,
)
from ..models import (
    Aanwezigheid,
    Actiepunt,
    Agendapunt,
    Besluitvorming,
    Knelpunt,
    Overleg,
    Samenwerkingsverband,
)
from .selectors import afgevaardigden_op
from .verzending import (  # noqa: F401 (the overleg's services, one import path for callers)
    _claimen,
    _link,
    _pdf_wachtrij,
    _uitgenodigd,
    _uitnodiging_wachtrij,
    notulen_mailen,
    notulen_pdf_aanvragen,
    notulen_pdf_maken,
    notulen_pdf_mislukt,
    notulen_pdf_teruggeven,
    notulen_pdf_van,
    notulen_pdfs_opruimen,
    uitnodiging_mailen,
    uitnodiging_versturen,
)

OVERLEG_VELDEN = ("soort", "doelgroep", "datum", "starttijd", "eindtijd", "overlegvorm", "locatie", "link")
LOPEND = achtergrond.LOPEND


class NotulenLiggenVast(ValidationError):
    """The notulen are final: the meeting's record cannot change any more."""

    def __init__(self) -> None:
        super().__init__(_("De notulen zijn definitief en kunnen niet meer worden gewijzigd."))


def _niet_definitief(overleg: Overleg) -> None:
    if overleg.notulen_definitief_op:
        raise NotulenLiggenVast()


# --- plannen ----------------------------------------------------------------------------------------


def _agenda_vullen(overleg: Overleg) -> None:
    """The standing item, the still-open actiepunten and the still-open knelpunten of the verband."""
    punten = [Agendapunt(overleg=overleg, volgorde=1, titel=str(VAST_AGENDAPUNT), vast=True)]
    for actie in Actiepunt.objects.filter(verband=overleg.verband, status=ActiepuntStatus.OPEN).order_by(
        "deadline", "pk"
    ):
        punten.append(
            Agendapunt(
                overleg=overleg,
                volgorde=len(punten) + 1,
                titel=(_("Actiepunt: %(tekst)s") % {"tekst": actie.omschrijving})[:200],
                actiepunt=actie,
            )
        )
    for knelpunt in Knelpunt.objects.filter(
        verband=overleg.verband, status=KnelpuntStatus.OPEN, soort=KnelpuntSoort.KNELPUNT
    ).order_by("gemeld_op", "pk"):
        punten.append(
            Agendapunt(
                overleg=overleg,
                volgorde=len(punten) + 1,
                titel=(_("Knelpunt: %(tekst)s") % {"tekst": knelpunt.omschrijving})[:200],
                knelpunt=knelpunt,
            )
        )
    for punt in punten:
        punt.full_clean()
    Agendapunt.objects.bulk_create(punten)


@transaction.atomic
def overleg_plannen(
    *, verband: Samenwerkingsverband, data: dict, door: User, uitnodigen: bool = False
) -> Overleg:
    """Plan a WSV meeting; the agenda is pre-filled. Optionally the delegates get the invitation."""
    if not verband.is_wsv:
        raise ValidationError(
            _("Alleen een multidisciplinair wijksamenwerkingsverband plant hier overleggen.")
        )
    overleg = Overleg(
        verband=verband, status=OverlegStatus.GEPLAND, **{k: data.get(k) for k in OVERLEG_VELDEN}
    )
    overleg.locatie = overleg.locatie or ""
    overleg.link = overleg.link or ""
    overleg.doelgroep = (overleg.doelgroep or "").strip()
    overleg.soort = overleg.soort or OverlegSoort.WSV
    overleg._history_user = door
    overleg.full_clean()
    overleg.save()
    _agenda_vullen(overleg)
    if uitnodigen:
        uitnodiging_versturen(overleg=overleg)
    return overleg


@transaction.atomic
def overleg_wijzigen(*, overleg: Overleg, data: dict, door: User) -> Overleg:
    """Change when or where. The new values are compared with the stored row (a ModelForm may have
    written them onto ``overleg`` already); a change of an invitation that went out raises SEQUENCE
    and queues the update to every invitee."""
    opgeslagen = Overleg.objects.select_for_update().get(pk=overleg.pk)
    _niet_definitief(opgeslagen)
    _niet_geannuleerd(opgeslagen)
    for k in OVERLEG_VELDEN:
        if k in ("soort", "doelgroep") and k not in data:
            setattr(overleg, k, getattr(opgeslagen, k))  # callers that only move the meeting
            continue
        waarde = data.get(k)
        setattr(overleg, k, ("" if waarde is None and k in ("locatie", "link", "doelgroep") else waarde))
    overleg.doelgroep = (overleg.doelgroep or "").strip()
    overleg.soort = overleg.soort or OverlegSoort.WSV
    gewijzigd = any(getattr(overleg, k) != getattr(opgeslagen, k) for k in OVERLEG_VELDEN)
    overleg.uitnodiging_volgnummer = opgeslagen.uitnodiging_volgnummer
    overleg.uitnodiging_verzonden_op = opgeslagen.uitnodiging_verzonden_op
    overleg._history_user = door
    overleg.full_clean()
    overleg.save()
    if gewijzigd:
        _uitnodiging_bijwerken(overleg)
    return overleg


@transaction.atomic
def overleg_annuleren(*, overleg: Overleg, door: User) -> Overleg:
    """Call a planned meeting off; whoever had the invitation gets a METHOD:CANCEL (in the worker)."""
    opgeslagen = Overleg.objects.select_for_update().get(pk=overleg.pk)
    _niet_definitief(opgeslagen)
    if opgeslagen.status == OverlegStatus.GEANNULEERD:
        return opgeslagen
    if opgeslagen.status != OverlegStatus.GEPLAND:
        raise ValidationError(_("Alleen een gepland overleg kan worden geannuleerd."))
    opgeslagen.status = OverlegStatus.GEANNULEERD
    opgeslagen._history_user = door
    opgeslagen.save(update_fields=["status"])
    _uitnodiging_bijwerken(opgeslagen)
    overleg.status = opgeslagen.status
    overleg.uitnodiging_volgnummer = opgeslagen.uitnodiging_volgnummer
    return opgeslagen


def _niet_geannuleerd(overleg: Overleg) -> None:
    if overleg.status == OverlegStatus.GEANNULEERD:
        raise ValidationError(_("Dit overleg is geannuleerd en kan niet meer worden gewijzigd."))


def _uitnodiging_bijwerken(overleg: Overleg) -> None:
    """The meeting changed (time, place, agenda, cancelled): when an invitation went out, raise
    SEQUENCE and queue the update (or the cancellation) to the invitees. Not sent yet: the queued
    invitation reads the meeting when it is sent, so there is nothing to raise."""
    if not (
        overleg.uitnodiging_verzonden_op
        or overleg.verzendingen.filter(soort=VerzendSoort.UITNODIGING).exists()
    ):
        return
    Overleg.objects.filter(pk=overleg.pk).update(
        uitnodiging_volgnummer=F("uitnodiging_volgnummer") + 1, uitnodiging_verzonden_op=None
    )
    overleg.uitnodiging_volgnummer = Overleg.objects.values_list("uitnodiging_volgnummer", flat=True).get(
        pk=overleg.pk
    )
    overleg.uitnodiging_verzonden_op = None
    volgnummer = overleg.uitnodiging_volgnummer
    transaction.on_commit(lambda: _uitnodiging_wachtrij(overleg.pk, volgnummer))


def _agenda_gewijzigd(overleg: Overleg) -> None:
    if overleg.status == OverlegStatus.GEPLAND:
        _uitnodiging_bijwerken(overleg)


# --- agenda -------------------------------------------------------------------------------------------


def _hernummeren(overleg: Overleg) -> list[Agendapunt]:
    punten = list(overleg.agendapunten.order_by("volgorde", "pk"))
    for i, punt in enumerate(punten, start=1):
        if punt.volgorde != i:
            punt.volgorde = i
            punt.save(update_fields=["volgorde"])
    return punten


@transaction.atomic
def agendapunt_toevoegen(*, overleg: Overleg, titel: str, toelichting: str = "") -> Agendapunt:
    """Add an item at the end of the agenda."""
    _niet_definitief(overleg)
    laatste = overleg.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0
    punt = Agendapunt(
        overleg=overleg, volgorde=laatste + 1, titel=titel.strip(), toelichting=toelichting.strip()
    )
    punt.full_clean()
    punt.save()
    _agenda_gewijzigd(overleg)
    return punt


@transaction.atomic
def agendapunt_verwijderen(*, agendapunt: Agendapunt) -> None:
    """Remove an item (also a carried-over one: it stays open and returns on the next agenda)."""
    _niet_definitief(agendapunt.overleg)
    if agendapunt.besluiten.exists():
        raise ValidationError(_("Aan dit agendapunt hangt een besluit; verwijder eerst het besluit."))
    overleg = agendapunt.overleg
    agendapunt.delete()
    _hernummeren(overleg)
    _agenda_gewijzigd(overleg)


@transaction.atomic
def agendapunt_verplaatsen(*, agendapunt: Agendapunt, richting: str) -> None:
    """Move an item one place up or down."""
    _niet_definitief(agendapunt.overleg)
    punten = _hernummeren(agendapunt.overleg)
    i = next(n for n, p in enumerate(punten) if p.pk == agendapunt.pk)
    j = i - 1 if richting == "omhoog" else i + 1
    if 0 <= j < len(punten):
        a, b = punten[i], punten[j]
        a.volgorde, b.volgorde = b.volgorde, a.volgorde
        a.save(update_fields=["volgorde"])
        b.save(update_fields=["volgorde"])
        _agenda_gewijzigd(agendapunt.overleg)


# --- tijdens of na het overleg ------------------------------------------------------------------------


@transaction.atomic
def aanwezigheid_vastleggen(*, overleg: Overleg, statussen: dict[int, str]) -> None:
    """Attendance of the delegates of the meeting date (afgevaardigde pk → aanwezig/afwezig/afgemeld)."""
    _niet_definitief(overleg)
    toegestaan = {a.pk for a in afgevaardigden_op(verband=overleg.verband, datum=overleg.datum)}
    for afgevaardigde_id, status in statussen.items():
        if afgevaardigde_id not in toegestaan:
            raise ValidationError(_("Deze afgevaardigde hoort niet bij dit overleg."))
        rij = Aanwezigheid.objects.filter(overleg=overleg, afgevaardigde_id=afgevaardigde_id).first()
        rij = rij or Aanwezigheid(overleg=overleg, afgevaardigde_id=afgevaardigde_id)
        rij.status = status
        rij.full_clean()
        rij.save()


@transaction.atomic
def deelnemer_toevoegen(*, overleg: Overleg, naam: str, status: str) -> Aanwezigheid:
    """Another participant (not a delegate) by name, e.g. the gebiedsmanager or a guest."""
    _niet_definitief(overleg)
    rij = Aanwezigheid(overleg=overleg, naam=naam.strip(), status=status)
    rij.full_clean()
    rij.save()
    return rij


@transaction.atomic
def deelnemer_verwijderen(*, aanwezigheid: Aanwezigheid) -> None:
    _niet_definitief(aanwezigheid.overleg)
    if aanwezigheid.afgevaardigde_id:
        raise ValidationError(_("Een afgevaardigde verwijdert u niet; zet de aanwezigheid op afwezig."))
    aanwezigheid.delete()


@transaction.atomic
def notulen_opslaan(*, overleg: Overleg, algemeen: str, per_agendapunt: dict[int, str], door: User) -> None:
    """The notulen per agenda item and the general notulen."""
    _niet_definitief(overleg)
    for punt in overleg.agendapunten.all():
        if punt.pk in per_agendapunt and punt.notulen != per_agendapunt[punt.pk].strip():
            punt.notulen = per_agendapunt[punt.pk].strip()
            punt.full_clean()
            punt.save(update_fields=["notulen"])
    overleg.notulen = algemeen.strip()
    overleg._history_user = door
    overleg.full_clean()
    overleg.save(update_fields=["notulen"])


@transaction.atomic
def besluit_toevoegen(
    *, overleg: Overleg, tekst: str, agendapunt: Agendapunt | None = None
) -> Besluitvorming:
    _niet_definitief(overleg)
    if agendapunt is not None and agendapunt.overleg_id != overleg.pk:
        raise ValidationError(_("Dit agendapunt hoort niet bij dit overleg."))
    besluit = Besluitvorming(overleg=overleg, agendapunt=agendapunt, tekst=tekst.strip())
    besluit.full_clean()
    besluit.save()
    return besluit


@transaction.atomic
def actiepunt_toevoegen(
    *,
    overleg: Overleg,
    omschrijving: str,
    deadline: datetime.date,
    eigenaar: User | None = None,
    eigenaar_contact: Contactpersoon | None = None,
) -> Actiepunt:
    """A new action; it also goes on the agenda of a later meeting that is already planned."""
    _niet_definitief(overleg)
    actie = Actiepunt(
        verband=overleg.verband,
        overleg=overleg,
        omschrijving=omschrijving.strip(),
        deadline=deadline,
        eigenaar=eigenaar,
        eigenaar_contact=eigenaar_contact,
    )
    actie.full_clean()
    actie.save()
    volgende = (
        Overleg.objects.filter(
            verband=overleg.verband,
            status=OverlegStatus.GEPLAND,
            notulen_definitief_op__isnull=True,
            datum__gt=overleg.datum,
        )
        .order_by("datum")
        .first()
    )
    if volgende:
        laatste = volgende.agendapunten.aggregate(m=Max("volgorde"))["m"] or 0
        punt = Agendapunt(
            overleg=volgende,
            volgorde=laatste + 1,
            titel=(_("Actiepunt: %(tekst)s") % {"tekst": actie.omschrijving})[:200],
            actiepunt=actie,
        )
        punt.full_clean()
        punt.save()
    return actie


@transaction.atomic
def actiepunt_afronden(*, actiepunt: Actiepunt, op: datetime.date | None = None) -> Actiepunt:
    """Mark an action done: it no longer carries over to the next agenda."""
    if actiepunt.status != ActiepuntStatus.OPEN:
        return actiepunt
    actiepunt.status = ActiepuntStatus.AFGEROND
    actiepunt.afgerond_op = op or timezone.localdate()
    actiepunt.full_clean()
    actiepunt.save(update_fields=["status", "afgerond_op"])
    return actiepunt


@transaction.atomic
def knelpunt_melden(*, overleg: Overleg, soort: str, omschrijving: str, beroepsgroep: str = "") -> Knelpunt:
    """A knelpunt, inzicht or good example raised in the meeting."""
    _niet_definitief(overleg)
    knelpunt = Knelpunt(
        verband=overleg.verband,
        overleg=overleg,
        soort=soort,
        omschrijving=omschrijving.strip(),
        beroepsgroep=beroepsgroep,
        gemeld_op=overleg.datum,
    )
    knelpunt.full_clean()
    knelpunt.save()
    return knelpunt


@transaction.atomic
def overleg_gehouden(*, overleg: Overleg, door: User) -> Overleg:
    """Mark the meeting held (not one in the future)."""
    if overleg.datum > timezone.localdate():
        raise ValidationError(_("Een overleg in de toekomst kan nog niet gehouden zijn."))
    if overleg.status != OverlegStatus.GEHOUDEN:
        overleg.status = OverlegStatus.GEHOUDEN
        overleg._history_user = door
        overleg.save(update_fields=["status"])
    return overleg


@transaction.atomic
def notulen_definitief_maken(*, overleg: Overleg, door: User) -> Overleg:
    """The notulen are final: the PDF is made in the worker, then the delegates get it by mail."""
    if overleg.notulen_definitief_op:
        return overleg
    overleg_gehouden(overleg=overleg, door=door)
    overleg.notulen_definitief_op = timezone.now()
    overleg._history_user = door
    overleg.save(update_fields=["notulen_definitief_op"])
    notulen_pdf_aanvragen(overleg=overleg, opnieuw=True)
    return overleg


# --- notulen-PDF (in the worker) --------------------------------------------------------------------------
