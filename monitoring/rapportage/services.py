"""Writes of the regionale rapportage: request, generate (claim → snapshot → render → store), review."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.constants import RapportageStatus, ScopeSoort
from monitoring.models import Rapportage
from wijken.models import Gebied, Wijk
from zio_portal.models import User

from .pdf import pdf_maken
from .snapshot import snapshot_maken

logger = logging.getLogger(__name__)

MAX_POGINGEN = 3
LOPEND = (RapportageStatus.IN_WACHTRIJ, RapportageStatus.BEZIG)


def harde_limiet() -> datetime.timedelta:
    """After this long in "bezig" the worker is gone: Celery's hard time limit has killed it."""
    return datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 30)


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
    """Ask for a report; an identical request that is still queued or running is returned instead."""
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
    rapportage.full_clean()
    rapportage.save()
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
    """Take the job: queued, or "bezig" for longer than the hard limit (its worker died). One UPDATE,
    so two workers never both get it; a finished job is never taken again."""
    nu = timezone.now()
    return bool(
        Rapportage.objects.filter(pk=rapportage_id, pogingen__lt=MAX_POGINGEN)
        .filter(
            Q(status=RapportageStatus.IN_WACHTRIJ)
            | Q(status=RapportageStatus.BEZIG, gestart_op__lt=nu - harde_limiet())
        )
        .update(
            status=RapportageStatus.BEZIG, gestart_op=nu, task_id=task_id[:64], pogingen=F("pogingen") + 1
        )
    )


def rapportage_mislukt(*, rapportage_id: int, oorzaak: str) -> None:
    """Mark a job failed with its cause (shown to the user), unless it finished meanwhile."""
    Rapportage.objects.filter(pk=rapportage_id).exclude(status=RapportageStatus.GEREED).update(
        status=RapportageStatus.MISLUKT, foutmelding=(oorzaak or _("Onbekende fout"))[:2000]
    )


def rapportage_teruggeven(*, rapportage_id: int) -> None:
    """Give a claimed job back to the queue (a transient error; the task retries it)."""
    Rapportage.objects.filter(pk=rapportage_id, status=RapportageStatus.BEZIG).update(
        status=RapportageStatus.IN_WACHTRIJ
    )


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
            rapportage_id=rapportage_id, oorzaak=_("Fout bij het maken van de PDF: %(fout)s") % {"fout": fout}
        )
        return
    _opslaan(rapportage, inhoud)
    _mail_klaar(rapportage)


def _bestandsnaam(rapportage: Rapportage) -> str:
    r = rapportage
    return f"rapportage-{r.pk}-{r.scope}-{r.periode_van:%Y%m%d}-{r.periode_tot:%Y%m%d}.pdf"


def _opslaan(rapportage: Rapportage, inhoud: bytes) -> None:
    oud = rapportage.bestand.name if rapportage.bestand else ""
    opslag = Rapportage._meta.get_field("bestand").storage
    naam = opslag.save(
        Rapportage._meta.get_field("bestand").generate_filename(rapportage, _bestandsnaam(rapportage)),
        ContentFile(inhoud),
    )
    with transaction.atomic():
        bijgewerkt = Rapportage.objects.filter(pk=rapportage.pk, status=RapportageStatus.BEZIG).update(
            bestand=naam, status=RapportageStatus.GEREED, gereed_op=timezone.now(), foutmelding=""
        )
    if not bijgewerkt:  # marked failed or done elsewhere meanwhile: do not keep an orphan file
        opslag.delete(naam)
        return
    if oud and oud != naam:
        opslag.delete(oud)
    rapportage.bestand.name = naam


def _mail_klaar(rapportage: Rapportage) -> None:
    door = rapportage.aangevraagd_door
    if not door or not door.email:
        return
    link = settings.PORTAL_BASE_URL + reverse("rapportage:detail", args=[rapportage.pk])
    EmailMessage(
        subject=_("De regionale rapportage is klaar"),
        body=render_to_string(
            "monitoring/rapportage/email_klaar.txt", {"rapportage": rapportage, "link": link}
        ),
        to=[door.email],
    ).send()


def rapportage_opnieuw_renderen(*, rapportage: Rapportage) -> bytes:
    """Render the report again from its stored snapshot: the same snapshot gives the same PDF."""
    if not rapportage.snapshot:
        raise ValueError(_("Deze rapportage heeft nog geen vastgelegde gegevens."))
    return pdf_maken(snapshot=rapportage.snapshot, meta=_meta(rapportage))


def rapportages_opruimen() -> dict[str, int]:
    """Jobs whose worker died (bezig past the hard limit): requeue while tries remain, else fail."""
    grens = timezone.now() - harde_limiet()
    vast = Rapportage.objects.filter(status=RapportageStatus.BEZIG, gestart_op__lt=grens)
    mislukt = vast.filter(pogingen__gte=MAX_POGINGEN).update(
        status=RapportageStatus.MISLUKT,
        foutmelding=_("Het maken is %(n)s keer afgebroken (de worker stopte); probeer het later opnieuw.")
        % {"n": MAX_POGINGEN},
    )
    opnieuw = list(vast.filter(pogingen__lt=MAX_POGINGEN).values_list("pk", flat=True))
    for pk in opnieuw:
        _wachtrij(pk)  # the claim accepts a stale "bezig", so no status change is needed here
    return {"mislukt": mislukt, "opnieuw": len(opnieuw)}


@transaction.atomic
def rapportage_beoordelen(*, rapportage: Rapportage, commentaar: str) -> Rapportage:
    """The beleidsadviseur's commentary, shown in the PDF (rendered again from the same snapshot)."""
    if rapportage.status != RapportageStatus.GEREED:
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
def rapportage_delen(*, rapportage: Rapportage) -> Rapportage:
    """Share a final report with the projectleider and the gebiedsmanagers (of its scope)."""
    if not rapportage.definitief_op:
        raise ValueError(_("Maak het rapport eerst definitief."))
    if not rapportage.gedeeld_op:
        rapportage.gedeeld_op = timezone.now()
        rapportage.save(update_fields=["gedeeld_op"])
    return rapportage


def _vervang_bestand(rapportage: Rapportage) -> None:
    """Render the PDF again from the stored snapshot (commentary or status changed), in the worker:
    the job keeps the snapshot and replaces the file when the new one is complete."""
    Rapportage.objects.filter(pk=rapportage.pk).update(status=RapportageStatus.IN_WACHTRIJ, pogingen=0)
    rapportage.status = RapportageStatus.IN_WACHTRIJ
    transaction.on_commit(lambda: _wachtrij(rapportage.pk))
