"""Writing the wijkplan: drafting, the scan, priorities, goals, actions, afstemming, comments,
vaststellen by a WSV besluit, the yearly evaluation and next year's copy."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import InterfaceError, OperationalError, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenwerking.constants import OverlegSoort
from samenwerking.models import Besluitvorming
from wijken.models import Wijk
from zio_portal import achtergrond

from ..models import (
    Actie,
    Afstemming,
    CbsKerncijfers,
    Doel,
    DoelEvaluatie,
    Prioriteit,
    ScanItem,
    Wijkplan,
    WijkplanOpmerking,
    WijkplanPdf,
)
from ..models.wijkplannen import CBS_KOLOMMEN
from . import importeren
from .constants import ActieStatus, WijkplanStatus

if TYPE_CHECKING:
    from zio_portal.models import User


def _opslaan(obj: models.Model) -> models.Model:
    obj.full_clean()
    obj.save()
    return obj


def _alleen_concept(wijkplan: Wijkplan) -> None:
    if not wijkplan.is_concept:
        raise ValidationError(_("Dit wijkplan is vastgesteld; de inhoud ligt vast."))


@transaction.atomic
def wijkplan_aanmaken(*, wijk: Wijk, jaar: int, door: User | None = None) -> Wijkplan:
    """Start a concept wijkplan for a wijk and year."""
    if Wijkplan.objects.filter(wijk=wijk, jaar=jaar).exists():
        raise ValidationError({"jaar": _("Deze wijk heeft al een wijkplan voor %(jaar)s.") % {"jaar": jaar}})
    return _opslaan(Wijkplan(wijk=wijk, jaar=jaar, aangemaakt_door=door))


@transaction.atomic
def scanitem_toevoegen(*, wijkplan: Wijkplan, soort: str, titel: str, toelichting: str = "") -> ScanItem:
    """Add a zorgvraag, kwetsbare groep, wijkknelpunt or gezondheidsvraagstuk to the scan."""
    _alleen_concept(wijkplan)
    volgorde = wijkplan.scanitems.filter(soort=soort).count()
    return _opslaan(
        ScanItem(wijkplan=wijkplan, soort=soort, titel=titel, toelichting=toelichting, volgorde=volgorde)
    )


@transaction.atomic
def prioriteit_toevoegen(
    *, wijkplan: Wijkplan, titel: str, scanitem: ScanItem | None = None, toelichting: str = ""
) -> Prioriteit:
    """Name a priority of the plan, chosen from the scan where it comes from there."""
    _alleen_concept(wijkplan)
    return _opslaan(
        Prioriteit(
            wijkplan=wijkplan,
            scanitem=scanitem,
            titel=titel or (scanitem.titel if scanitem else ""),
            toelichting=toelichting,
            volgorde=wijkplan.prioriteiten.count(),
        )
    )


@transaction.atomic
def doel_toevoegen(*, prioriteit: Prioriteit, **smart: Any) -> Doel:
    """Add a SMART goal to a priority (titel, specifiek, meetbaar, acceptabel, realistisch, tijdgebonden)."""
    _alleen_concept(prioriteit.wijkplan)
    return _opslaan(Doel(prioriteit=prioriteit, **smart))


@transaction.atomic
def actie_toevoegen(*, doel: Doel, **velden: Any) -> Actie:
    """Add an action to a goal: omschrijving, one owner, deadline, optional actiepunt or afspraak."""
    _alleen_concept(doel.prioriteit.wijkplan)
    return _opslaan(Actie(doel=doel, **velden))


@transaction.atomic
def actie_status_bijwerken(*, actie: Actie, status: str) -> Actie:
    """Keep the status of an action up to date, also after the plan is vastgesteld."""
    actie.status = status
    return _opslaan(actie)


@transaction.atomic
def afstemming_vastleggen(*, wijkplan: Wijkplan, **velden: Any) -> Afstemming:
    """Record afstemming with the regio, another wijk, the gemeente or the zorgverzekeraar."""
    return _opslaan(Afstemming(wijkplan=wijkplan, **velden))


@transaction.atomic
def opmerking_plaatsen(*, wijkplan: Wijkplan, auteur: User, tekst: str) -> WijkplanOpmerking:
    """A reader's comment on the plan."""
    return _opslaan(WijkplanOpmerking(wijkplan=wijkplan, auteur=auteur, tekst=tekst))


@transaction.atomic
def wijkplan_vaststellen(*, wijkplan: Wijkplan, besluit: Besluitvorming) -> Wijkplan:
    """Vaststellen by a besluit in an overleg of the wijk's WSV; the link to the besluit is kept."""
    wijkplan = Wijkplan.objects.select_for_update().get(pk=wijkplan.pk)
    _alleen_concept(wijkplan)
    verband = besluit.overleg.verband
    if not verband.is_wsv or verband.wijk_id != wijkplan.wijk_id:
        raise ValidationError({"besluit": _("Kies een besluit uit een overleg van de WSV van deze wijk.")})
    if besluit.overleg.soort != OverlegSoort.WSV:
        raise ValidationError(
            {
                "besluit": _(
                    "Een wijkplan wordt vastgesteld in een WSV-overleg, "
                    "niet in een MDO, FTO, DTO of intervisie."
                )
            }
        )
    if besluit.overleg.datum > timezone.localdate():
        raise ValidationError({"besluit": _("Dit overleg heeft nog niet plaatsgevonden.")})
    if not wijkplan.prioriteiten.filter(doelen__isnull=False).exists():
        raise ValidationError(_("Een wijkplan zonder doelen kan niet worden vastgesteld."))
    wijkplan.status = WijkplanStatus.VASTGESTELD
    wijkplan.besluit = besluit
    wijkplan.vastgesteld_op = besluit.overleg.datum
    return _opslaan(wijkplan)


@transaction.atomic
def doel_evalueren(
    *,
    doel: Doel,
    behaald: str,
    wat_gaat_goed: str = "",
    wat_kan_beter: str = "",
    door: User | None = None,
    datum: datetime.date | None = None,
) -> DoelEvaluatie:
    """The yearly evaluation of a goal (one per goal; a second call updates it)."""
    evaluatie = DoelEvaluatie.objects.filter(doel=doel).first() or DoelEvaluatie(doel=doel)
    evaluatie.behaald = behaald
    evaluatie.wat_gaat_goed = wat_gaat_goed
    evaluatie.wat_kan_beter = wat_kan_beter
    evaluatie.datum = datum or timezone.localdate()
    evaluatie.door = door
    return _opslaan(evaluatie)


@transaction.atomic
def wijkplan_kopieren(*, wijkplan: Wijkplan, door: User | None = None) -> Wijkplan:
    """Start next year's plan as a concept copy (scan, priorities, goals, open actions) that points back
    at this plan; this plan and its evaluation stay as they are."""
    if hasattr(wijkplan, "volgend_plan"):
        raise ValidationError(_("Van dit wijkplan is al een plan voor het volgende jaar gemaakt."))
    kopie = wijkplan_aanmaken(wijk=wijkplan.wijk, jaar=wijkplan.jaar + 1, door=door)
    kopie.vorig_plan = wijkplan
    kopie.samenvatting = wijkplan.samenvatting
    _opslaan(kopie)
    items = {}
    for item in wijkplan.scanitems.all():
        items[item.pk] = ScanItem.objects.create(
            wijkplan=kopie,
            soort=item.soort,
            titel=item.titel,
            toelichting=item.toelichting,
            volgorde=item.volgorde,
        )
    for prioriteit in wijkplan.prioriteiten.prefetch_related("doelen__acties"):
        nieuw = Prioriteit.objects.create(
            wijkplan=kopie,
            scanitem=items.get(prioriteit.scanitem_id),
            titel=prioriteit.titel,
            toelichting=prioriteit.toelichting,
            volgorde=prioriteit.volgorde,
        )
        for doel in prioriteit.doelen.all():
            nieuw_doel = Doel.objects.create(
                prioriteit=nieuw,
                titel=doel.titel,
                specifiek=doel.specifiek,
                meetbaar=doel.meetbaar,
                acceptabel=doel.acceptabel,
                realistisch=doel.realistisch,
                tijdgebonden=doel.tijdgebonden.replace(year=doel.tijdgebonden.year + 1)
                if not (doel.tijdgebonden.month == 2 and doel.tijdgebonden.day == 29)
                else doel.tijdgebonden + datetime.timedelta(days=365),
            )
            for actie in doel.acties.all():
                if actie.status in (ActieStatus.AFGEROND, ActieStatus.VERVALLEN):
                    continue
                Actie.objects.create(
                    doel=nieuw_doel,
                    omschrijving=actie.omschrijving,
                    eigenaar_contact_id=actie.eigenaar_contact_id,
                    eigenaar_praktijk_id=actie.eigenaar_praktijk_id,
                    deadline=actie.deadline,
                    status=actie.status,
                    actiepunt_id=actie.actiepunt_id,
                    afspraak_id=actie.afspraak_id,
                )
    return kopie


# --- CBS kerncijfers --------------------------------------------------------------------------------
def cbs_import_klaarzetten(
    *, inhoud: bytes, naam: str, jaar: int, token: str, vorig_pad: str | None = None
) -> tuple[importeren.CbsControle, str | None]:
    """Check a CBS download; when in order keep it in private storage under ``token`` until it is
    confirmed (the vragenlijst import's pending-file machinery). Raises importeren.BestandFout when the
    file cannot be read at all."""
    controle = importeren.controleer(rijen=importeren.lees_bestand(inhoud, naam), jaar=jaar)
    if not controle.in_orde:
        return controle, None
    opslag = storages["private"]
    if vorig_pad and opslag.exists(vorig_pad):
        opslag.delete(vorig_pad)
    pad = opslag.save(f"imports/cbs-{token}{Path(naam).suffix.lower() or '.csv'}", ContentFile(inhoud))
    return controle, pad


@transaction.atomic
def kerncijfers_opslaan(*, controle: importeren.CbsControle) -> int:
    """Store the checked rows for the year, all or nothing; a row of the same code and year is replaced."""
    aantal = 0
    for rij in controle.rijen:
        CbsKerncijfers.objects.update_or_create(
            code=rij.code,
            jaar=controle.jaar,
            defaults={
                "soort": rij.soort,
                "naam": rij.naam,
                "wijk": rij.wijk,
                "gemeente": rij.gemeente,
                **{veld: rij.waarden.get(veld) for veld in CBS_KOLOMMEN},
            },
        )
        aantal += 1
    return aantal


def cbs_import_bevestigen(*, pad: str, jaar: int) -> tuple[importeren.CbsControle, int]:
    """Import a kept file all or nothing after checking it again; returns the check and the number of
    rows stored (0 when not in order, the file is then kept for the preview)."""
    opslag = storages["private"]
    with opslag.open(pad, "rb") as f:
        inhoud = f.read()
    controle = importeren.controleer(rijen=importeren.lees_bestand(inhoud, pad), jaar=jaar)
    if not controle.in_orde:
        return controle, 0
    aantal = kerncijfers_opslaan(controle=controle)
    opslag.delete(pad)
    return controle, aantal


# --- the PDF, made by the worker ---------------------------------------------------------------------
logger = logging.getLogger(__name__)


def _pdf_wachtrij(wijkplan_id: int) -> None:
    from .tasks import wijkplan_pdf_task

    wijkplan_pdf_task.delay(wijkplan_id)


def wijkplan_pdf_van(wijkplan: Wijkplan) -> WijkplanPdf | None:
    """The plan's PDF job, or None when none was asked for."""
    try:
        return wijkplan.pdf
    except WijkplanPdf.DoesNotExist:
        return None


@transaction.atomic
def wijkplan_pdf_aanvragen(*, wijkplan: Wijkplan) -> bool:
    """Queue the PDF of the plan as it stands now (a fresh snapshot is taken in the worker). A job
    already queued or running is not queued twice; False then."""
    pdf, nieuw = WijkplanPdf.objects.get_or_create(wijkplan=wijkplan)
    if not nieuw and not achtergrond.aanvragen(WijkplanPdf, pk=pdf.pk):
        return False
    WijkplanPdf.objects.filter(pk=pdf.pk).update(snapshot={})
    transaction.on_commit(lambda: _pdf_wachtrij(wijkplan.pk))
    return True


def wijkplan_pdf_maken(*, wijkplan_id: int, task_id: str) -> None:
    """In the worker: claim (the task id is the token), take the snapshot, render, store, mark ready.

    Safe to run twice: a finished job, or one another live task holds, is skipped by the claim; the
    same message delivered again after its worker died takes its own claim over (and keeps the snapshot
    it took). The file is stored only while the claim is still ours."""
    from .pdf import pdf_maken, snapshot_maken

    pdf = WijkplanPdf.objects.filter(wijkplan_id=wijkplan_id).first()
    if (
        pdf is None
        or achtergrond.claimen(WijkplanPdf, pk=pdf.pk, token=task_id) is not achtergrond.Claim.GENOMEN
    ):
        logger.info("Wijkplan-PDF %s: al klaar of bij een andere worker; overgeslagen", wijkplan_id)
        return
    try:
        snapshot = pdf.snapshot
        if not snapshot:
            snapshot = snapshot_maken(wijkplan_id=wijkplan_id)
            WijkplanPdf.objects.filter(pk=pdf.pk, claim=task_id[:64]).update(snapshot=snapshot)
        inhoud = pdf_maken(snapshot=snapshot)
    except (OperationalError, InterfaceError):
        raise  # transient: the task gives the job back and retries
    except Exception as fout:  # a rendering error: show the cause, do not retry
        logger.exception("Wijkplan-PDF %s kon niet worden gemaakt", wijkplan_id)
        achtergrond.mislukt(
            WijkplanPdf,
            pk=pdf.pk,
            oorzaak=_("Fout bij het maken van de PDF: %(fout)s") % {"fout": fout},
            token=task_id,
        )
        return
    naam = f"wijkplan-{slugify(snapshot['wijk'])}-{snapshot['jaar']}.pdf"
    achtergrond.opslaan(pdf, token=task_id, inhoud=inhoud, bestandsnaam=naam)


def wijkplan_pdf_teruggeven(*, wijkplan_id: int, task_id: str) -> None:
    """Give the claimed job back to the queue (a transient error; the task retries it)."""
    pdf = WijkplanPdf.objects.filter(wijkplan_id=wijkplan_id).first()
    if pdf:
        achtergrond.teruggeven(WijkplanPdf, pk=pdf.pk, token=task_id)


def wijkplan_pdf_mislukt(*, wijkplan_id: int, oorzaak: str) -> None:
    """Mark the job failed with its cause (shown on the plan page), unless it is finished."""
    pdf = WijkplanPdf.objects.filter(wijkplan_id=wijkplan_id).first()
    if pdf:
        achtergrond.mislukt(WijkplanPdf, pk=pdf.pk, oorzaak=oorzaak)


def wijkplan_pdfs_opruimen() -> dict[str, int]:
    """Jobs whose worker died and whose message is gone too: requeue while attempts remain, else fail."""
    opnieuw, mislukt = achtergrond.vastgelopen(WijkplanPdf)
    for wijkplan_id in WijkplanPdf.objects.filter(pk__in=opnieuw).values_list("wijkplan_id", flat=True):
        _pdf_wachtrij(wijkplan_id)
    return {"mislukt": len(mislukt), "opnieuw": len(opnieuw)}
