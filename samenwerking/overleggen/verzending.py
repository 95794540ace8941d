"""The notulen PDF as a background job and the mails of a WSV overleg (invitations, updates,
cancellations, notulen), sent by the worker once per address."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zio_portal import achtergrond
from zio_portal.mail import agendabericht, portaalbericht
from zio_portal.services import bericht_vastleggen

from ..constants import (
    OverlegStatus,
    VerzendSoort,
)
from ..models import (
    NotulenPdf,
    Overleg,
    OverlegVerzending,
)
from .selectors import ontvangers

logger = logging.getLogger(__name__)


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
        onderwerp = _("Geannuleerd: %(soort)s %(verband)s op %(datum)s")
    else:
        soort, methode, adressen = VerzendSoort.UITNODIGING, "REQUEST", ontvangers(overleg=overleg)
        sjabloon = "samenwerking/overleg/mail_uitnodiging.txt"
        onderwerp = (
            _("Gewijzigd: %(soort)s %(verband)s op %(datum)s")
            if volgnummer
            else _("Uitnodiging: %(soort)s %(verband)s op %(datum)s")
        )
    ics = overleg_ics(overleg, methode=methode)
    onderwerp = onderwerp % {
        "soort": overleg.soort_naam,
        "verband": overleg.verband.naam,
        "datum": overleg.datum.strftime("%d-%m-%Y"),
    }
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
                onderwerp=_("Notulen: %(soort)s %(verband)s van %(datum)s")
                % {
                    "soort": overleg.soort_naam,
                    "verband": overleg.verband.naam,
                    "datum": overleg.datum.strftime("%d-%m-%Y"),
                },
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
