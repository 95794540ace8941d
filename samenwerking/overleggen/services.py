"""Writes of the WSV-overleggen: plan (agenda pre-filled), record, make final, PDF and mails.

The mails and the PDF are made by Celery tasks queued from ``transaction.on_commit``; every mail is
claimed per address first (``OverlegVerzending``), so a second click or a second run sends nothing.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Contactpersoon
from zio_portal import achtergrond
from zio_portal.mail import agendabericht, portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen

from ..constants import (
    VAST_AGENDAPUNT,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegStatus,
    VerzendSoort,
)
from ..models import (
    Aanwezigheid,
    Actiepunt,
    Agendapunt,
    Besluitvorming,
    Knelpunt,
    NotulenPdf,
    Overleg,
    OverlegVerzending,
    Samenwerkingsverband,
)
from .selectors import afgevaardigden_op, ontvangers

logger = logging.getLogger(__name__)

OVERLEG_VELDEN = ("datum", "starttijd", "eindtijd", "overlegvorm", "locatie", "link")
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
        waarde = data.get(k)
        setattr(overleg, k, ("" if waarde is None and k in ("locatie", "link") else waarde))
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


def _pdf_wachtrij(overleg_id: int) -> None:
    from .tasks import notulen_pdf_task

    notulen_pdf_task.delay(overleg_id)


def notulen_pdf_van(overleg: Overleg) -> NotulenPdf | None:
    """The meeting's PDF job, or None when none was asked for (uses a select_related one if there)."""
    try:
        return overleg.notulen_pdf
    except NotulenPdf.DoesNotExist:
        return None


@transaction.atomic
def notulen_pdf_aanvragen(*, overleg: Overleg, opnieuw: bool = False) -> bool:
    """Queue the notulen PDF; a job already queued or running is not queued twice. ``opnieuw`` also
    takes a running job back to the queue, so the final version is rendered after it."""
    if not opnieuw and overleg.status == OverlegStatus.GEPLAND and overleg.datum > timezone.localdate():
        return False
    pdf, nieuw = NotulenPdf.objects.get_or_create(overleg=overleg)
    if not nieuw and not achtergrond.aanvragen(NotulenPdf, pk=pdf.pk, ook_lopend=opnieuw):
        return False
    pdf.status = achtergrond.Status.IN_WACHTRIJ
    overleg.notulen_pdf = pdf
    transaction.on_commit(lambda: _pdf_wachtrij(overleg.pk))
    return True


def notulen_pdf_maken(*, overleg_id: int, task_id: str) -> None:
    """Claim (the task id is the token), render, store the file, mark ready; when the notulen are
    final, mail them.

    Safe to run twice: a finished job, or one another live task holds, is skipped by the claim; the same
    message delivered again after its worker died takes its own claim over. The file is stored only
    while the claim is still ours (a newer request takes it away)."""
    from .pdf import notulen_pdf

    pdf = NotulenPdf.objects.filter(overleg_id=overleg_id).first()
    if (
        pdf is None
        or achtergrond.claimen(NotulenPdf, pk=pdf.pk, token=task_id) is not achtergrond.Claim.GENOMEN
    ):
        logger.info("Notulen-PDF %s: al klaar of bij een andere worker; overgeslagen", overleg_id)
        return
    overleg = Overleg.objects.select_related("verband__wijk__gebied").get(pk=overleg_id)
    try:
        inhoud = notulen_pdf(overleg=overleg)
    except Exception as fout:  # a rendering error: show the cause, do not retry
        logger.exception("Notulen-PDF %s kon niet worden gemaakt", overleg_id)
        achtergrond.mislukt(
            NotulenPdf,
            pk=pdf.pk,
            oorzaak=_("Fout bij het maken van de PDF: %(fout)s") % {"fout": fout},
            token=task_id,
        )
        return
    naam = f"notulen-{overleg.pk}-{overleg.datum:%Y%m%d}.pdf"
    if not achtergrond.opslaan(pdf, token=task_id, inhoud=inhoud, bestandsnaam=naam):
        return  # requeued meanwhile (notulen made final): the newer job writes the file
    if overleg.notulen_definitief_op:
        notulen_mailen(overleg=overleg, pdf=inhoud)


def notulen_pdf_teruggeven(*, overleg_id: int, task_id: str) -> None:
    """Give the claimed job back to the queue (a transient error; the task retries it)."""
    pdf = NotulenPdf.objects.filter(overleg_id=overleg_id).first()
    if pdf:
        achtergrond.teruggeven(NotulenPdf, pk=pdf.pk, token=task_id)


def notulen_pdf_mislukt(*, overleg_id: int, oorzaak: str) -> None:
    """Mark the PDF job failed with its cause (shown on the meeting page), unless it is finished."""
    NotulenPdf.objects.filter(overleg_id=overleg_id).exclude(status__in=[achtergrond.Status.GEREED]).update(
        status=achtergrond.Status.MISLUKT, foutmelding=oorzaak[:2000]
    )


def notulen_pdfs_opruimen() -> dict[str, int]:
    """PDF jobs whose worker died and whose message is gone too: requeue while attempts remain, else fail."""
    opnieuw, mislukt = achtergrond.vastgelopen(NotulenPdf)
    for overleg_id in NotulenPdf.objects.filter(pk__in=opnieuw).values_list("overleg_id", flat=True):
        _pdf_wachtrij(overleg_id)
    return {"mislukt": len(mislukt), "opnieuw": len(opnieuw)}


# --- mails ------------------------------------------------------------------------------------------------


def _claimen(*, overleg: Overleg, soort: str, email: str, volgnummer: int) -> bool:
    """Record that this mail goes to this address; False when it went before."""
    try:
        with transaction.atomic():
            OverlegVerzending.objects.create(
                overleg=overleg, soort=soort, email=email.lower(), volgnummer=volgnummer
            )
    except IntegrityError:
        return False
    return True


def _link(overleg: Overleg) -> str:
    return settings.PORTAL_BASE_URL + reverse("samenwerking:overleg-detail", args=[overleg.pk])


def _uitnodiging_wachtrij(overleg_id: int, volgnummer: int) -> None:
    from .tasks import uitnodiging_task

    uitnodiging_task.delay(overleg_id, volgnummer)


@transaction.atomic
def uitnodiging_versturen(*, overleg: Overleg) -> None:
    """Queue the invitation (with the .ics) to the delegates; pressing twice mails nobody twice."""
    if overleg.notulen_definitief_op or overleg.status != OverlegStatus.GEPLAND:
        raise ValidationError(_("Alleen voor een gepland overleg wordt een uitnodiging verstuurd."))
    volgnummer = overleg.uitnodiging_volgnummer
    transaction.on_commit(lambda: _uitnodiging_wachtrij(overleg.pk, volgnummer))


def _uitgenodigd(overleg: Overleg) -> list[tuple[str, str]]:
    """(naam, e-mailadres) of everyone who had an invitation (of any version), each address once."""
    namen = {email.lower(): naam for naam, email in ontvangers(overleg=overleg)}
    adressen = (
        overleg.verzendingen.filter(soort=VerzendSoort.UITNODIGING)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return [(namen.get(email, ""), email) for email in adressen]


def uitnodiging_mailen(*, overleg_id: int, volgnummer: int) -> int:
    """In the worker: the invitation (or, for a cancelled meeting, the cancellation) of this version,
    one message per address, each claimed per address and version first; returns how many went out."""
    from .ics import overleg_ics

    overleg = Overleg.objects.select_related("verband__wijk__gebied").get(pk=overleg_id)
    if overleg.uitnodiging_volgnummer != volgnummer:
        return 0  # the meeting changed since: the newer version is the one to send
    geannuleerd = overleg.status == OverlegStatus.GEANNULEERD
    if geannuleerd:
        soort, methode, adressen = VerzendSoort.ANNULERING, "CANCEL", _uitgenodigd(overleg)
        sjabloon = "samenwerking/overleg/mail_annulering.txt"
        onderwerp = _("Geannuleerd: %(verband)s op %(datum)s")
    else:
        soort, methode, adressen = VerzendSoort.UITNODIGING, "REQUEST", ontvangers(overleg=overleg)
        sjabloon = "samenwerking/overleg/mail_uitnodiging.txt"
        onderwerp = (
            _("Gewijzigd: %(verband)s op %(datum)s")
            if volgnummer
            else _("Uitnodiging: %(verband)s op %(datum)s")
        )
    ics = overleg_ics(overleg, methode=methode)
    onderwerp = onderwerp % {"verband": overleg.verband.naam, "datum": overleg.datum.strftime("%d-%m-%Y")}
    verzonden = 0
    for naam, email in adressen:
        with transaction.atomic():
            if not _claimen(overleg=overleg, soort=soort, email=email, volgnummer=volgnummer):
                continue
            agendabericht(
                onderwerp=onderwerp,
                tekst=render_to_string(
                    sjabloon,
                    {"overleg": overleg, "naam": naam, "link": _link(overleg), "gewijzigd": volgnummer > 0},
                ),
                aan=email,
                ics=ics,
                methode=methode,
            ).send()
            bericht_vastleggen(
                soort="overleg_uitnodiging", onderwerp=onderwerp, aan=[email], link=_link(overleg)
            )
            verzonden += 1
    if not geannuleerd:
        Overleg.objects.filter(pk=overleg_id, uitnodiging_volgnummer=volgnummer).update(
            uitnodiging_verzonden_op=timezone.now()
        )
    return verzonden


def notulen_mailen(*, overleg: Overleg, pdf: bytes) -> int:
    """In the worker, after the final PDF: the notulen to each delegate, once per address."""
    verzonden = 0
    for naam, email in ontvangers(overleg=overleg):
        with transaction.atomic():
            if not _claimen(overleg=overleg, soort=VerzendSoort.NOTULEN, email=email, volgnummer=0):
                continue
            bericht = portaalbericht(
                onderwerp=_("Notulen: %(verband)s van %(datum)s")
                % {"verband": overleg.verband.naam, "datum": overleg.datum.strftime("%d-%m-%Y")},
                tekst=render_to_string(
                    "samenwerking/overleg/mail_notulen.txt",
                    {"overleg": overleg, "naam": naam, "link": _link(overleg)},
                ),
                aan=[email],
            )
            bericht.attach(f"notulen-{overleg.datum:%Y-%m-%d}.pdf", pdf, "application/pdf")
            bericht.send()
            bericht_vastleggen(
                soort="overleg_notulen", onderwerp=bericht.subject, aan=[email], link=_link(overleg)
            )
            verzonden += 1
    return verzonden
