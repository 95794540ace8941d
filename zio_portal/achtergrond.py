"""Background files (a PDF made by a Celery worker): one model shape and one set of functions.

A job row is claimed in one conditional UPDATE before the work starts, and the file is stored only by
the holder of the claim. The claim token is the Celery task id: when a killed worker's message is
delivered again (``acks_late`` + the broker's visibility timeout) it carries the same id and takes its
own claim over, while a different task cannot take a live claim. Every claim counts an attempt; after
``MAX_POGINGEN`` the job fails with a message instead of staying "bezig".

The time limit of these tasks is read from one place, ``settings.CELERY_TASK_TIME_LIMIT``.
"""

from __future__ import annotations

import datetime
import logging
from enum import Enum

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import F, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

MAX_POGINGEN = 3


class Status(models.TextChoices):
    IN_WACHTRIJ = "in_wachtrij", gettext_lazy("In de wachtrij")
    BEZIG = "bezig", gettext_lazy("Wordt gemaakt")
    GEREED = "gereed", gettext_lazy("Gereed")
    MISLUKT = "mislukt", gettext_lazy("Mislukt")


LOPEND = (Status.IN_WACHTRIJ, Status.BEZIG)


class Claim(Enum):
    """What a claim attempt found."""

    GENOMEN = "genomen"  # the job is ours now: do the work
    OVERGESLAGEN = "overgeslagen"  # done, failed, or held by another live task: do nothing
    OPGEGEVEN = "opgegeven"  # it was ours (or stale) but out of attempts: it is marked failed now


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


def _bestandspad(instance: Achtergrondbestand, filename: str) -> str:
    return f"{instance.BESTANDSMAP}/{timezone.localdate():%Y}/{filename}"


def tijdslimiet() -> datetime.timedelta:
    """The hard time limit of a task (Celery kills the work after it)."""
    return datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def verlopen_grens() -> datetime.datetime:
    """A claim started before this moment belongs to a worker that is gone: the hard time limit
    would have ended its work by now (plus a margin for the clock and the database)."""
    return timezone.now() - tijdslimiet() - datetime.timedelta(seconds=10)


class Achtergrondbestand(models.Model):
    """A file made in the background: its state, the claim that holds it, its attempts and the file.

    Subclasses set ``BESTANDSMAP`` (the folder in the private storage) and add their own fields."""

    BESTANDSMAP = "achtergrond"

    status = models.CharField(
        gettext_lazy("status"), max_length=16, choices=Status.choices, default=Status.IN_WACHTRIJ
    )
    claim = models.CharField(
        gettext_lazy("claim"),
        max_length=64,
        blank=True,
        help_text=gettext_lazy("Het id van de Celery-taak die het bestand maakt (of het laatst maakte)."),
    )
    pogingen = models.PositiveSmallIntegerField(gettext_lazy("pogingen"), default=0)
    gestart_op = models.DateTimeField(gettext_lazy("gestart op"), null=True, blank=True)
    gereed_op = models.DateTimeField(gettext_lazy("gereed op"), null=True, blank=True)
    foutmelding = models.TextField(gettext_lazy("foutmelding"), blank=True)
    bestand = models.FileField(
        gettext_lazy("bestand"), storage=_private_storage, upload_to=_bestandspad, blank=True, max_length=200
    )

    class Meta:
        abstract = True

    @property
    def lopend(self) -> bool:
        return self.status in LOPEND

    @property
    def max_pogingen(self) -> int:
        return MAX_POGINGEN

    @property
    def opnieuw_geprobeerd(self) -> bool:
        """A running job on its second or later attempt (the status page says so)."""
        return self.lopend and self.huidige_poging > 1

    @property
    def huidige_poging(self) -> int:
        """The attempt running now, or the next one while it waits in the queue."""
        return self.pogingen if self.status == Status.BEZIG else self.pogingen + 1


def claimen(model: type[Achtergrondbestand], *, pk: int, token: str) -> Claim:
    """Take the job in one conditional UPDATE, so two workers never both get it.

    Taken: a queued job, our own claim (the same message delivered again after its worker died), or a
    claim older than the hard limit (its worker is gone), while attempts remain. Out of attempts, an
    own or stale claim is marked failed. A finished job, or one a live other task holds, is skipped."""
    if not token:
        raise ValueError("Een claim heeft een token nodig (het id van de taak).")
    token = token[:64]
    nu = timezone.now()
    neembaar = Q(status=Status.IN_WACHTRIJ) | Q(status=Status.BEZIG, claim=token)
    neembaar |= Q(status=Status.BEZIG, gestart_op__lt=verlopen_grens())
    genomen = model.objects.filter(neembaar, pk=pk, pogingen__lt=MAX_POGINGEN).update(
        status=Status.BEZIG, claim=token, gestart_op=nu, pogingen=F("pogingen") + 1
    )
    if genomen:
        return Claim.GENOMEN
    op = model.objects.filter(neembaar, pk=pk, pogingen__gte=MAX_POGINGEN).update(
        status=Status.MISLUKT,
        foutmelding=_("Het maken is %(n)s keer afgebroken (de worker stopte); laat het later opnieuw maken.")
        % {"n": MAX_POGINGEN},
    )
    if op:
        logger.error("%s %s: na %s pogingen opgegeven", model.__name__, pk, MAX_POGINGEN)
        return Claim.OPGEGEVEN
    return Claim.OVERGESLAGEN


def opslaan(job: Achtergrondbestand, *, token: str, inhoud: bytes, bestandsnaam: str) -> bool:
    """Store the finished file and mark the job ready, only while ``token`` still holds the claim.

    The file is written first and the row points to it in one UPDATE, so a killed worker never leaves a
    half file behind a "gereed" job. Lost the claim meanwhile (requeued, failed): the new file is
    removed and False returned. The previous file is removed once the new one is in place."""
    model = type(job)
    veld = model._meta.get_field("bestand")
    oud = job.bestand.name if job.bestand else ""
    naam = veld.storage.save(veld.generate_filename(job, bestandsnaam), ContentFile(inhoud))
    with transaction.atomic():
        bijgewerkt = model.objects.filter(pk=job.pk, status=Status.BEZIG, claim=token[:64]).update(
            bestand=naam, status=Status.GEREED, gereed_op=timezone.now(), foutmelding=""
        )
    if not bijgewerkt:
        veld.storage.delete(naam)
        return False
    if oud and oud != naam:
        veld.storage.delete(oud)
    job.bestand.name = naam
    job.status = Status.GEREED
    return True


def mislukt(model: type[Achtergrondbestand], *, pk: int, oorzaak: str, token: str | None = None) -> bool:
    """Mark the job failed with its cause (shown to the user), unless it is finished already; with a
    token only while that token holds the claim. True when the row changed."""
    qs = model.objects.filter(pk=pk).exclude(status__in=[Status.GEREED, Status.MISLUKT])
    if token is not None:
        qs = qs.filter(claim=token[:64])
    return bool(qs.update(status=Status.MISLUKT, foutmelding=(oorzaak or _("Onbekende fout"))[:2000]))


def teruggeven(model: type[Achtergrondbestand], *, pk: int, token: str) -> bool:
    """Hand a claimed job back to the queue (a transient error; the task retries it)."""
    return bool(
        model.objects.filter(pk=pk, status=Status.BEZIG, claim=token[:64]).update(status=Status.IN_WACHTRIJ)
    )


def aanvragen(model: type[Achtergrondbestand], *, pk: int, ook_lopend: bool = False) -> bool:
    """Put the job (back) in the queue with fresh attempts; a queued or running job stays as it is
    unless ``ook_lopend`` (then the running work loses its claim and the new run replaces it)."""
    qs = model.objects.filter(pk=pk)
    if not ook_lopend:
        qs = qs.exclude(status__in=LOPEND)
    return bool(qs.update(status=Status.IN_WACHTRIJ, claim="", pogingen=0, foutmelding=""))


def vastgelopen(model: type[Achtergrondbestand]) -> tuple[list[int], list[int]]:
    """Clean up claims of workers that are gone (running past the hard limit, e.g. the broker lost the
    message): those out of attempts are marked failed; the ids of the others are returned to queue
    again (the claim accepts a stale "bezig"). Returns (requeue, failed)."""
    vast = model.objects.filter(status=Status.BEZIG, gestart_op__lt=verlopen_grens())
    opgegeven = []
    for pk in vast.filter(pogingen__gte=MAX_POGINGEN).values_list("pk", flat=True):
        if mislukt(
            model,
            pk=pk,
            oorzaak=_("Het maken is %(n)s keer afgebroken (de worker stopte); laat het later opnieuw maken.")
            % {"n": MAX_POGINGEN},
        ):
            opgegeven.append(pk)
    return list(vast.filter(pogingen__lt=MAX_POGINGEN).values_list("pk", flat=True)), opgegeven


def bestand_aanwezig(job: Achtergrondbestand) -> bool:
    """Is the finished job's file really in the storage (it may have been removed from disk)?"""
    return bool(job.bestand) and job.bestand.storage.exists(job.bestand.name)


def bestand_response(
    request: HttpRequest,
    job: Achtergrondbestand,
    *,
    bestandsnaam: str,
    opnieuw_url: str | None = None,
    terug_url: str | None = None,
) -> HttpResponse:
    """Stream a finished job's private file (after the caller's permission check; never a public URL).

    When the file is gone from the storage, the error is logged and the user gets a 404 page that says
    so, with a button to make it again (``opnieuw_url``, a POST) where the caller allows it."""
    try:
        bestand = job.bestand.open("rb")
    except (FileNotFoundError, OSError):
        logger.error("%s %s: bestand %r ontbreekt in de opslag", type(job).__name__, job.pk, job.bestand.name)
        context = {"opnieuw_url": opnieuw_url, "terug_url": terug_url, "bestandsnaam": bestandsnaam}
        return render(request, "includes/bestand_ontbreekt.html", context, status=404)
    response = FileResponse(
        bestand, as_attachment=True, filename=bestandsnaam, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
