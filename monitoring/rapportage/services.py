"""Writes of the regionale rapportage: request, generate (claim → snapshot → render → store), review."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.constants import RapportageStatus, ScopeSoort
from monitoring.models import Rapportage, RapportagePlanning
from wijken.models import Gebied, Wijk
from zio_portal import achtergrond
from zio_portal.constants import Rol
from zio_portal.mail import portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen

from .pdf import pdf_maken
from .snapshot import snapshot_maken

logger = logging.getLogger(__name__)

MAX_POGINGEN = achtergrond.MAX_POGINGEN
LOPEND = achtergrond.LOPEND


def _wachtrij(rapportage_id: int) -> None:
    from .tasks import rapportage_genereren_task

    rapportage_genereren_task.delay(rapportage_id)


@transaction.atomic
def rapportage_aanvragen(
    *,
    door: User,
    periode_van: datetime.date,
    periode_tot: datetime.date,
    scope: str,
    gebied: Gebied | None = None,
    wijk: Wijk | None = None,
) -> Rapportage:
    """Ask for a report; an identical request that is still queued or running is returned instead.

    The database holds the rule (constraint ``rapportage_een_open_aanvraag``): of parallel identical
    requests one row is inserted, and the others find it and return it."""
    if scope != ScopeSoort.GEBIED:
        gebied = None
    if scope != ScopeSoort.WIJK:
        wijk = None
    zelfde = {"periode_van": periode_van, "periode_tot": periode_tot, "scope": scope}
    zelfde |= {"gebied": gebied, "wijk": wijk}
    # Lock the matching running rows, so two simultaneous clicks cannot both pass the check.
    bestaand = Rapportage.objects.select_for_update().filter(status__in=LOPEND, **zelfde).first()
    if bestaand:
        return bestaand
    rapportage = Rapportage(aangevraagd_door=door, **zelfde)
    try:
        rapportage.full_clean()
        with transaction.atomic():
            rapportage.save()
    except (ValidationError, IntegrityError) as fout:
        # A parallel identical request was committed meanwhile (full_clean saw it, or the insert
        # met it in the unique index): that one is the report.
        bestaand = Rapportage.objects.filter(status__in=LOPEND, **zelfde).first()
        if bestaand:
            return bestaand
        if isinstance(fout, ValidationError):
            raise
        constraint = Rapportage._meta.get_constraint("rapportage_een_open_aanvraag")
        raise ValidationError(constraint.violation_error_message) from None
    transaction.on_commit(lambda: _wachtrij(rapportage.pk))
    return rapportage


def _meta(rapportage: Rapportage) -> dict:
    """The report's own fields that appear in the PDF (part of what makes a re-render identical)."""
    door = rapportage.aangevraagd_door
    return {
        "gemaakt_op": rapportage.snapshot.get("gemaakt_op") if rapportage.snapshot else None,
        "aangevraagd_door": (door.get_full_name() or door.username) if door else "",
        "commentaar": rapportage.commentaar,
        "definitief_op": rapportage.definitief_op.isoformat() if rapportage.definitief_op else None,
    }


def rapportage_claimen(*, rapportage_id: int, task_id: str) -> bool:
    """Take the job (the kernel's claim, the task id as token); out of attempts it is failed and mailed."""
    uitkomst = achtergrond.claimen(Rapportage, pk=rapportage_id, token=task_id)
    if uitkomst is achtergrond.Claim.OPGEGEVEN:
        _mail_mislukt(rapportage_id)
    return uitkomst is achtergrond.Claim.GENOMEN


def rapportage_mislukt(*, rapportage_id: int, oorzaak: str, task_id: str | None = None) -> None:
    """Mark a job failed with its cause (shown to the user, and mailed to the requester), unless it
    finished meanwhile."""
    if achtergrond.mislukt(Rapportage, pk=rapportage_id, oorzaak=oorzaak, token=task_id):
        _mail_mislukt(rapportage_id)


def rapportage_teruggeven(*, rapportage_id: int, task_id: str) -> None:
    """Give a claimed job back to the queue (a transient error; the task retries it)."""
    achtergrond.teruggeven(Rapportage, pk=rapportage_id, token=task_id)


def rapportage_genereren(*, rapportage_id: int, task_id: str) -> None:
    """Make the report: claim, snapshot, render to bytes, store the file, mark ready, mail a link.

    Safe to run twice: a job that is done (or taken by a live worker) is skipped by the claim. The file
    is written only after the whole PDF is in memory, and the row points to it in the same transaction
    that marks it ready, so a killed worker never leaves a half file behind a "gereed" report.
    """
    if not rapportage_claimen(rapportage_id=rapportage_id, task_id=task_id):
        logger.info("Rapportage %s: al klaar of bij een andere worker; overgeslagen", rapportage_id)
        return
    rapportage = Rapportage.objects.select_related("aangevraagd_door").get(pk=rapportage_id)
    if not rapportage.snapshot:
        snapshot = snapshot_maken(
            periode_van=rapportage.periode_van,
            periode_tot=rapportage.periode_tot,
            scope=rapportage.scope,
            gebied_id=rapportage.gebied_id,
            wijk_id=rapportage.wijk_id,
        )
        snapshot["gemaakt_op"] = timezone.localdate().isoformat()
        Rapportage.objects.filter(pk=rapportage_id).update(snapshot=snapshot)
        rapportage.snapshot = snapshot
    try:
        inhoud = pdf_maken(snapshot=rapportage.snapshot, meta=_meta(rapportage))
    except Exception as fout:  # a rendering error: show the cause, do not retry
        logger.exception("Rapportage %s kon niet worden gemaakt", rapportage_id)
        rapportage_mislukt(
            rapportage_id=rapportage_id,
            oorzaak=_("Fout bij het maken van de PDF: %(fout)s") % {"fout": fout},
            task_id=task_id,
        )
        return
    if achtergrond.opslaan(rapportage, token=task_id, inhoud=inhoud, bestandsnaam=_bestandsnaam(rapportage)):
        _mail_klaar(rapportage)


def _bestandsnaam(rapportage: Rapportage) -> str:
    r = rapportage
    return f"rapportage-{r.pk}-{r.scope}-{r.periode_van:%Y%m%d}-{r.periode_tot:%Y%m%d}.pdf"


def _ontvangers(rapportage: Rapportage) -> list[User]:
    """The requester; for a report made by the planning, the active beleidsadviseurs."""
    if rapportage.gepland:
        return list(User.objects.filter(rol=Rol.BELEIDSADVISEUR, is_active=True).exclude(email=""))
    door = rapportage.aangevraagd_door
    return [door] if door and door.is_active and door.email else []


def _mail(rapportage: Rapportage, *, soort: str, onderwerp: str, template: str) -> int:
    """One e-mail per recipient and report (a re-render after a review, or a task run twice, does not
    mail again): the VerzondenHerinnering row is the claim and rolls back if sending fails."""
    link = settings.PORTAL_BASE_URL + reverse("rapportage:detail", args=[rapportage.pk])
    verzonden = 0
    for ontvanger in _ontvangers(rapportage):
        with transaction.atomic():
            if not herinnering_claimen(
                ontvanger=ontvanger, soort=soort, sleutel=f"rapportage:{rapportage.pk}"
            ):
                continue
            portaalbericht(
                onderwerp=onderwerp,
                tekst=render_to_string(
                    template, {"rapportage": rapportage, "link": link, "ontvanger": ontvanger}
                ),
                aan=[ontvanger.email],
            ).send()
            bericht_vastleggen(soort=soort, onderwerp=onderwerp, aan=[ontvanger.email], link=link)
            verzonden += 1
    return verzonden


def _mail_klaar(rapportage: Rapportage) -> None:
    _mail(
        rapportage,
        soort="rapportage_klaar",
        onderwerp=_("De regionale rapportage is klaar"),
        template="monitoring/rapportage/email_klaar.txt",
    )


def _mail_mislukt(rapportage_id: int) -> None:
    rapportage = Rapportage.objects.select_related("aangevraagd_door").defer("snapshot").get(pk=rapportage_id)
    _mail(
        rapportage,
        soort="rapportage_mislukt",
        onderwerp=_("De regionale rapportage kon niet worden gemaakt"),
        template="monitoring/rapportage/email_mislukt.txt",
    )


def rapportage_opnieuw_renderen(*, rapportage: Rapportage) -> bytes:
    """Render the report again from its stored snapshot: the same snapshot gives the same PDF."""
    if not rapportage.snapshot:
        raise ValueError(_("Deze rapportage heeft nog geen vastgelegde gegevens."))
    return pdf_maken(snapshot=rapportage.snapshot, meta=_meta(rapportage))


def rapportages_opruimen() -> dict[str, int]:
    """Jobs whose worker died and whose message is gone too (bezig past the hard limit): requeue
    while attempts remain, else fail. Redelivered messages recover without this (beat) job."""
    opnieuw, mislukt = achtergrond.vastgelopen(Rapportage)
    for pk in mislukt:
        _mail_mislukt(pk)
    for pk in opnieuw:
        _wachtrij(pk)  # the claim accepts a stale "bezig", so no status change is needed here
    return {"mislukt": len(mislukt), "opnieuw": len(opnieuw)}


@transaction.atomic
def rapportage_beoordelen(*, rapportage: Rapportage, commentaar: str) -> Rapportage:
    """The beleidsadviseur's commentary, shown in the PDF (rendered again from the same snapshot)."""
    # Also while a new PDF is being made after an earlier comment: the job then renders this one.
    opnieuw = rapportage.status in LOPEND and rapportage.gereed_op
    if rapportage.status != RapportageStatus.GEREED and not opnieuw:
        raise ValueError(_("Alleen een gereed rapport kan worden beoordeeld."))
    if rapportage.definitief_op:
        raise ValueError(_("Een definitief rapport kan niet meer worden gewijzigd."))
    rapportage.commentaar = commentaar.strip()
    # The requester may have been removed since (SET_NULL), which is not an error here.
    rapportage.full_clean(exclude=["aangevraagd_door"])
    rapportage.save(update_fields=["commentaar"])
    _vervang_bestand(rapportage)
    return rapportage


@transaction.atomic
def rapportage_definitief_maken(*, rapportage: Rapportage) -> Rapportage:
    """Mark a ready report final: the PDF says "Definitief" from now on."""
    if rapportage.status != RapportageStatus.GEREED:
        raise ValueError(_("Alleen een gereed rapport kan definitief worden."))
    if not rapportage.definitief_op:
        rapportage.definitief_op = timezone.now()
        rapportage.save(update_fields=["definitief_op"])
        _vervang_bestand(rapportage)
    return rapportage


@transaction.atomic
def rapportage_delen(*, rapportage: Rapportage, praktijkmanagers: bool = False) -> Rapportage:
    """Share a final report with the projectleider and the gebiedsmanagers of its scope (and, if asked,
    its praktijkmanagers); the new readers are mailed once, by the worker, after the commit.

    Sharing again with the praktijkmanagers ticked widens a shared report to them; it never narrows."""
    if not rapportage.definitief_op:
        raise ValueError(_("Maak het rapport eerst definitief."))
    velden = []
    if not rapportage.gedeeld_op:
        rapportage.gedeeld_op = timezone.now()
        velden.append("gedeeld_op")
    if praktijkmanagers and not rapportage.gedeeld_met_praktijkmanagers:
        rapportage.gedeeld_met_praktijkmanagers = True
        velden.append("gedeeld_met_praktijkmanagers")
    if velden:
        rapportage.save(update_fields=velden)
        transaction.on_commit(lambda: _gedeeld_wachtrij(rapportage.pk))
    return rapportage


def _gedeeld_wachtrij(rapportage_id: int) -> None:
    from .tasks import rapportage_gedeeld_mailen_task

    rapportage_gedeeld_mailen_task.delay(rapportage_id)


def rapportage_gedeeld_mailen(*, rapportage_id: int) -> int:
    """Mail the readers a shared report has gained (everyone who may now see it but the beleidsadviseurs
    and the beheerder, who saw it all along) with a link to it: once per reader and report, claimed by
    a VerzondenHerinnering row that rolls back if sending fails. Returns the number of mails sent."""
    from monitoring.rules import rapportage_lezers

    rapportage = (
        Rapportage.objects.select_related("gebied", "wijk__gebied").defer("snapshot").get(pk=rapportage_id)
    )
    if not (rapportage.definitief_op and rapportage.gedeeld_op):
        return 0
    link = settings.PORTAL_BASE_URL + reverse("rapportage:detail", args=[rapportage.pk])
    lezers = (
        rapportage_lezers(rapportage)
        .exclude(Q(is_superuser=True) | Q(rol__in=[Rol.BEHEERDER, Rol.BELEIDSADVISEUR]))
        .exclude(email="")
        .order_by("pk")
    )
    verzonden = 0
    for lezer in lezers:
        with transaction.atomic():
            if not herinnering_claimen(
                ontvanger=lezer, soort="rapportage_gedeeld", sleutel=f"rapportage:{rapportage.pk}"
            ):
                continue
            portaalbericht(
                onderwerp=_("Een regionale rapportage is met u gedeeld"),
                tekst=render_to_string(
                    "monitoring/rapportage/email_gedeeld.txt",
                    {"rapportage": rapportage, "link": link, "ontvanger": lezer},
                ),
                aan=[lezer.email],
            ).send()
            bericht_vastleggen(
                soort="rapportage_gedeeld",
                onderwerp=_("Een regionale rapportage is met u gedeeld"),
                aan=[lezer.email],
                link=link,
            )
            verzonden += 1
    return verzonden


@transaction.atomic
def rapportage_opnieuw_maken(*, rapportage: Rapportage) -> Rapportage:
    """Make the PDF again (from the stored data, if any): e.g. when its file is gone from the storage.
    A finished report stays the same report; a running one is left alone."""
    if rapportage.status in LOPEND:
        raise ValueError(_("Het rapport wordt al gemaakt."))
    _vervang_bestand(rapportage)
    return rapportage


def _vervang_bestand(rapportage: Rapportage) -> None:
    """Render the PDF again from the stored snapshot (commentary or status changed), in the worker:
    the job keeps the snapshot and replaces the file when the new one is complete."""
    achtergrond.aanvragen(Rapportage, pk=rapportage.pk, ook_lopend=True)
    rapportage.status = RapportageStatus.IN_WACHTRIJ
    transaction.on_commit(lambda: _wachtrij(rapportage.pk))


def _geplande_perioden(
    planning: RapportagePlanning, vandaag: datetime.date
) -> list[tuple[str, datetime.date, datetime.date]]:
    """The reports the planning asks for today: (sleutel, van, tot)."""
    uit = []
    if planning.jaar_actief and (vandaag.month, vandaag.day) == (planning.jaar_maand, planning.jaar_dag):
        jaar = vandaag.year - 1
        uit.append((f"jaar-{jaar}", datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)))
    if planning.kwartaal_actief and vandaag.month in (1, 4, 7, 10) and vandaag.day == planning.kwartaal_dag:
        tot = vandaag.replace(day=1) - datetime.timedelta(days=1)
        van = datetime.date(tot.year, tot.month - 2, 1)
        uit.append((f"kwartaal-{tot.year}-{(tot.month - 1) // 3 + 1}", van, tot))
    return uit


def geplande_rapportages_maken(*, vandaag: datetime.date | None = None) -> list[Rapportage]:
    """The daily beat job: if today is a planned day, start the region report for the period, once.

    The claim is the unique ``gepland`` key: a second run (the same day, another beat, a retry) finds
    the row and starts nothing. The job is queued after the commit; the beleidsadviseurs are mailed
    when it is ready (or failed)."""
    vandaag = vandaag or timezone.localdate()
    gemaakt = []
    for sleutel, van, tot in _geplande_perioden(RapportagePlanning.laden(), vandaag):
        try:
            with transaction.atomic():
                rapportage = Rapportage(
                    periode_van=van, periode_tot=tot, scope=ScopeSoort.REGIO, gepland=sleutel
                )
                rapportage.full_clean(exclude=["aangevraagd_door", "gepland"])
                rapportage.save()
                transaction.on_commit(lambda pk=rapportage.pk: _wachtrij(pk))
        except IntegrityError:
            logger.info("Geplande rapportage %s bestaat al; niet opnieuw gestart", sleutel)
            continue
        logger.info("Geplande rapportage %s gestart (%s)", sleutel, rapportage.pk)
        gemaakt.append(rapportage)
    return gemaakt


@transaction.atomic
def rapportageplanning_wijzigen(*, planning: RapportagePlanning, **velden) -> RapportagePlanning:
    """The beheerder's change of the schedule."""
    for naam, waarde in velden.items():
        setattr(planning, naam, waarde)
    planning.full_clean()
    planning.save()
    return planning
