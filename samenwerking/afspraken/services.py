"""Writes of the SMART-afspraken: create, edit (optimistic locking), new versions, implementation,
evaluation, and the daily evaluation reminders."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Praktijk
from zio_portal.mail import portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen

from ..constants import (
    AfspraakStatus,
    Besluit,
)
from ..models import (
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
    Samenwerkingsverband,
)

HERINNERING_SOORT = "afspraak-evaluatie"
HERINNERING_DAGEN = 14


class GelijktijdigeWijziging(Exception):
    """Someone else saved the agreement after this user opened it: the save is refused."""

    def __init__(self, afspraak: Afspraak) -> None:
        super().__init__(f"Afspraak {afspraak.pk} is intussen gewijzigd.")
        self.afspraak = afspraak


def _datums_controleren(*, afspraak: Afspraak, opgeslagen: dict | None = None) -> None:
    """T and the next evaluation: both chosen, not in the past unless kept as they were stored, and
    the evaluation by T."""
    opgeslagen = opgeslagen or {}
    vandaag = timezone.localdate()
    fouten = {}
    tijd = afspraak.tijdgebonden
    if tijd and tijd < vandaag and tijd != opgeslagen.get("tijdgebonden"):
        fouten["tijdgebonden"] = _(
            "Deze datum ligt in het verleden. Kies een datum waarop de afspraak nog gerealiseerd kan worden."
        )
    evaluatie = afspraak.evaluatie_op
    if evaluatie is None:
        fouten["evaluatie_op"] = _("Kies wanneer de afspraak wordt geëvalueerd.")
    elif evaluatie < vandaag and evaluatie != opgeslagen.get("evaluatie_op"):
        fouten["evaluatie_op"] = _("De evaluatiedatum ligt in het verleden.")
    elif tijd and evaluatie > tijd and "tijdgebonden" not in fouten:
        fouten["evaluatie_op"] = _("Evalueer uiterlijk op de datum waarop de afspraak gerealiseerd is.")
    if fouten:
        raise ValidationError(fouten)


def _afspraak_controleren(*, afspraak: Afspraak, opgeslagen: dict | None = None) -> None:
    """All rules of a written agreement: the model's (full_clean), the dates and the owner, reported
    together so the user sees every field to correct at once."""
    fouten: dict = {}
    for controle in (
        afspraak.full_clean,
        lambda: _datums_controleren(afspraak=afspraak, opgeslagen=opgeslagen),
        lambda: _eigenaar_controleren(afspraak=afspraak),
    ):
        try:
            controle()
        except ValidationError as fout:
            fouten = fout.update_error_dict(fouten)
    if fouten:
        raise ValidationError(fouten)


def _eigenaar_controleren(*, afspraak: Afspraak) -> None:
    """The owner must act for a member practice of the verband (or lead the WSV)."""
    if afspraak.eigenaar_id and not afspraak.eigenaar.has_perm(
        "samenwerking.change_samenwerkingsverband", afspraak.verband
    ):
        raise ValidationError(
            {"eigenaar": _("De eigenaar moet namens een deelnemende praktijk in dit verband werken.")}
        )


def _praktijken_zetten(*, afspraak: Afspraak, praktijken: Iterable[Praktijk]) -> None:
    """The practices the agreement applies to: add the new ones, remove those no longer chosen."""
    gekozen = {p.pk for p in praktijken}
    bestaand = set(afspraak.uitvoering.values_list("praktijk_id", flat=True))
    afspraak.uitvoering.filter(praktijk_id__in=bestaand - gekozen).delete()
    for praktijk_id in sorted(gekozen - bestaand):
        rij = AfspraakPraktijk(afspraak=afspraak, praktijk_id=praktijk_id)
        rij.full_clean()
        rij.save()


@transaction.atomic
def afspraak_create(
    *, verband: Samenwerkingsverband, data: dict, praktijken: Iterable[Praktijk], door: User
) -> Afspraak:
    """Create a SMART-afspraak in a verband, with the practices that agreed to it."""
    afspraak = Afspraak(verband=verband, **{k: data[k] for k in Afspraak.BEWERKBARE_VELDEN if k in data})
    afspraak._history_user = door
    _afspraak_controleren(afspraak=afspraak)
    afspraak.save()
    _praktijken_zetten(afspraak=afspraak, praktijken=praktijken)
    return afspraak


@transaction.atomic
def afspraak_update(
    *, afspraak: Afspraak, revisie: int, data: dict, praktijken: Iterable[Praktijk], door: User
) -> Afspraak:
    """Save the edited parts, but only when nobody saved in between (optimistic locking on ``revisie``).

    The conditional ``UPDATE ... WHERE pk = %s AND revisie = %s`` is the claim: when it changes no row,
    another user saved first and ``GelijktijdigeWijziging`` is raised, so nothing is overwritten.
    A replaced or ended agreement is refused: history is never overwritten.
    """
    if afspraak.is_afgesloten:
        raise ValidationError(
            _("Deze afspraak is %(status)s en kan niet meer worden gewijzigd.")
            % {"status": afspraak.get_status_display().lower()}
        )
    opgeslagen = {"tijdgebonden": afspraak.tijdgebonden, "evaluatie_op": afspraak.evaluatie_op}
    for veld in Afspraak.BEWERKBARE_VELDEN:
        if veld in data:
            setattr(afspraak, veld, data[veld])
    _afspraak_controleren(afspraak=afspraak, opgeslagen=opgeslagen)
    # The claim: the row lock of this UPDATE holds until the transaction ends, so the save below
    # cannot interleave with another user's.
    geclaimd = Afspraak.objects.filter(pk=afspraak.pk, revisie=revisie).update(revisie=F("revisie") + 1)
    if not geclaimd:
        raise GelijktijdigeWijziging(Afspraak.objects.get(pk=afspraak.pk))
    afspraak.revisie = revisie + 1
    afspraak._history_user = door
    afspraak.save()
    _praktijken_zetten(afspraak=afspraak, praktijken=praktijken)
    return afspraak


@transaction.atomic
def afspraak_nieuwe_versie(*, afspraak: Afspraak, door: User) -> Afspraak:
    """Sharpen or extend: a new Afspraak linked to the old one, which is kept as ``vervangen``.

    The practices and their implementation are copied; the user then edits the new version.
    """
    oud = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if oud.status == AfspraakStatus.VERVANGEN:
        raise ValidationError(_("Van deze afspraak bestaat al een nieuwere versie."))
    nieuw = Afspraak(
        verband_id=oud.verband_id,
        thema_id=oud.thema_id,
        eigenaar_id=oud.eigenaar_id,
        **{
            veld: getattr(oud, veld)
            for veld in Afspraak.BEWERKBARE_VELDEN
            if veld not in ("thema", "eigenaar")
        },
        status=AfspraakStatus.ACTIEF,
        versie=oud.versie + 1,
        vorige_versie=oud,
    )
    oud.status = AfspraakStatus.VERVANGEN
    oud.revisie += 1
    oud._history_user = door
    oud.save(update_fields=["status", "revisie", "gewijzigd_op"])
    nieuw._history_user = door
    # A copy of checked content: the SMART rules of Afspraak.clean() ran when it was written.
    nieuw.clean_fields()
    nieuw.validate_constraints()
    nieuw.save()
    for rij in oud.uitvoering.all():
        kopie = AfspraakPraktijk(
            afspraak=nieuw,
            praktijk_id=rij.praktijk_id,
            akkoord=rij.akkoord,
            implementatie=rij.implementatie,
            medewerkers_geinformeerd=rij.medewerkers_geinformeerd,
            toelichting=rij.toelichting,
        )
        kopie._history_user = door
        kopie.save()
    return nieuw


@transaction.atomic
def afspraakpraktijk_update(
    *,
    uitvoering: AfspraakPraktijk,
    implementatie: str,
    medewerkers_geinformeerd: bool,
    toelichting: str,
    door: User,
) -> AfspraakPraktijk:
    """Record how far one practice is with introducing an agreement (the Do step)."""
    uitvoering.implementatie = implementatie
    uitvoering.medewerkers_geinformeerd = medewerkers_geinformeerd
    uitvoering.toelichting = toelichting
    uitvoering._history_user = door
    uitvoering.full_clean()
    uitvoering.save()
    return uitvoering


@transaction.atomic
def evaluatie_create(
    *,
    afspraak: Afspraak,
    datum: datetime.date,
    nageleefd: str,
    wat_gaat_goed: str,
    wat_kan_beter: str,
    besluit: str,
    toelichting: str = "",
    volgende_evaluatie: datetime.date | None = None,
    reden_beeindiging: str = "",
    door: User,
) -> tuple[Evaluatie, Afspraak]:
    """Record an evaluation and carry out its decision; returns the evaluation and the current agreement.

    aanscherpen/uitbreiden → a new version; beëindigen → ended with the reason; borgen → geborgd;
    voortzetten → the next evaluation date.
    """
    if afspraak.status not in (AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT):
        raise ValidationError(_("Alleen een lopende afspraak kan worden geëvalueerd."))
    vandaag = timezone.localdate()
    fouten = {}
    if datum and datum > vandaag:
        fouten["datum"] = _("Een evaluatie kan niet in de toekomst liggen.")
    if besluit == Besluit.BEEINDIGEN and not reden_beeindiging.strip():
        fouten["reden_beeindiging"] = _("Geef de reden waarom de afspraak stopt.")
    if besluit == Besluit.VOORTZETTEN and volgende_evaluatie is None:
        fouten["volgende_evaluatie"] = _("Kies wanneer de afspraak weer wordt geëvalueerd.")
    elif volgende_evaluatie and volgende_evaluatie <= vandaag:
        fouten["volgende_evaluatie"] = _("Kies een datum in de toekomst.")
    if fouten:
        raise ValidationError(fouten)
    evaluatie = Evaluatie(
        afspraak=afspraak,
        datum=datum,
        nageleefd=nageleefd,
        wat_gaat_goed=wat_gaat_goed,
        wat_kan_beter=wat_kan_beter,
        besluit=besluit,
        toelichting=toelichting,
        door=door,
    )
    evaluatie._history_user = door
    evaluatie.full_clean()
    evaluatie.save()
    huidig = afspraak
    if besluit in (Besluit.AANSCHERPEN, Besluit.UITBREIDEN):
        huidig = afspraak_nieuwe_versie(afspraak=afspraak, door=door)
        if volgende_evaluatie:
            huidig.evaluatie_op = volgende_evaluatie
            huidig.save(update_fields=["evaluatie_op"])
        return evaluatie, huidig
    if besluit == Besluit.BEEINDIGEN:
        afspraak.status = AfspraakStatus.BEEINDIGD
        afspraak.reden_beeindiging = reden_beeindiging
    elif besluit == Besluit.BORGEN:
        afspraak.status = AfspraakStatus.GEBORGD
        afspraak.evaluatie_op = volgende_evaluatie
    else:
        afspraak.evaluatie_op = volgende_evaluatie
    afspraak.revisie += 1
    afspraak._history_user = door
    # Only the status and the next evaluation change here; the SMART content is not re-judged.
    afspraak.clean_fields()
    afspraak.validate_constraints()
    afspraak.save()
    return evaluatie, afspraak


def afspraak_herinneringen_versturen(*, vandaag: datetime.date | None = None) -> int:
    """Mail each owner one digest of their agreements whose evaluation is within 14 days or past.

    Safe to run twice: each mail is claimed first (one per person per day) with ``herinnering_claimen``.
    Returns the number of mails sent.
    """
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + datetime.timedelta(days=HERINNERING_DAGEN)
    afspraken = (
        Afspraak.objects.filter(status=AfspraakStatus.ACTIEF, evaluatie_op__lte=grens)
        .select_related("verband", "thema", "eigenaar")
        .order_by("evaluatie_op", "titel")
    )
    per_eigenaar: dict[User, list[Afspraak]] = defaultdict(list)
    for afspraak in afspraken:
        if afspraak.eigenaar.is_active and afspraak.eigenaar.email:
            per_eigenaar[afspraak.eigenaar].append(afspraak)
    verstuurd = 0
    for eigenaar, lijst in per_eigenaar.items():
        with transaction.atomic():
            if not herinnering_claimen(
                ontvanger=eigenaar, soort=HERINNERING_SOORT, sleutel=vandaag.isoformat()
            ):
                continue  # sent already today (the job ran before, or another worker has it)
            regels = [
                {
                    "afspraak": a,
                    "verlopen": a.evaluatie_op < vandaag,
                    "url": settings.PORTAL_BASE_URL + reverse("samenwerking:afspraak-detail", args=[a.pk]),
                }
                for a in lijst
            ]
            context = {"eigenaar": eigenaar, "regels": regels, "vandaag": vandaag}
            portaalbericht(
                onderwerp=_("ZIO: %(aantal)s afspraken om te evalueren") % {"aantal": len(lijst)},
                tekst=render_to_string("samenwerking/mail/herinnering.txt", context),
                aan=[eigenaar.email],
            ).send()
            bericht_vastleggen(
                soort="afspraak_herinnering",
                onderwerp=_("Afspraken om te evalueren"),
                aan=[eigenaar.email],
                link=regels[0]["url"] if len(regels) == 1 else reverse("samenwerking:afspraak-list"),
            )
            verstuurd += 1
    return verstuurd
