"""Writes of the terugkoppeling to the projectleider: draft, edit, send, mail, RESV choice."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Gebied
from zio_portal.constants import Rol
from zio_portal.mail import portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen

from ..constants import (
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegStatus,
    TerugkoppelingStatus,
    VerbandSoort,
)
from ..models import (
    Actiepunt,
    Besluitvorming,
    GebiedTerugkoppeling,
    Knelpunt,
    Samenwerkingsverband,
    TerugkoppelingRegel,
)

# The fields of an agreement a user edits; the rest is kept by the services.


TERUGKOPPELING_MAIL_SOORT = "terugkoppeling-verzonden"


def _datum(dag: datetime.date) -> str:
    return dag.strftime("%d-%m-%Y")


def _knelpunten_in_periode(
    *, verbanden: Iterable[Samenwerkingsverband], van: datetime.date, tot: datetime.date
) -> QuerySet[Knelpunt]:
    """The knelpunten and inzichten a terugkoppeling over the period carries for these WSVs: the ones
    raised in the period, and knelpunten raised earlier that are still open."""
    return Knelpunt.objects.filter(verband__in=verbanden, gemeld_op__lte=tot).filter(
        Q(soort=KnelpuntSoort.KNELPUNT, status=KnelpuntStatus.OPEN) | Q(gemeld_op__gte=van)
    )


def _regel_opstellen(
    *, verband: Samenwerkingsverband, van: datetime.date, tot: datetime.date
) -> tuple[str, str]:
    """Draft the findings and actions of one WSV over the period, from its meetings and knelpunten."""
    overleggen = list(
        verband.overleggen.filter(datum__range=(van, tot), status=OverlegStatus.GEHOUDEN).order_by("datum")
    )
    knelpunten = list(
        _knelpunten_in_periode(verbanden=[verband], van=van, tot=tot).order_by("soort", "gemeld_op")
    )
    besluiten = list(Besluitvorming.objects.filter(overleg__in=overleggen).order_by("overleg__datum", "pk"))
    acties = list(
        Actiepunt.objects.filter(verband=verband)
        .filter(Q(overleg__in=overleggen) | Q(status=ActiepuntStatus.OPEN, deadline__lte=tot))
        .select_related("eigenaar", "eigenaar_contact")
        .order_by("deadline")
    )
    bevindingen: list[str] = []
    if overleggen:
        bevindingen.append(
            _("Overleggen: %(aantal)s gehouden (%(data)s).")
            % {"aantal": len(overleggen), "data": ", ".join(_datum(o.datum) for o in overleggen)}
        )
    else:
        bevindingen.append(_("Overleggen: geen overleg gehouden in deze periode."))
    kern = [k for k in knelpunten if k.soort == KnelpuntSoort.KNELPUNT]
    inzichten = [k for k in knelpunten if k.soort != KnelpuntSoort.KNELPUNT]
    if kern:
        bevindingen.append(_("Knelpunten:"))
        for k in kern:
            groep = f"{k.get_beroepsgroep_display()}; " if k.beroepsgroep else ""
            nieuw = (
                _("nieuw")
                if k.gemeld_op >= van
                else _("open sinds %(datum)s") % {"datum": _datum(k.gemeld_op)}
            )
            bevindingen.append(f"- {k.omschrijving} ({groep}{nieuw})")
    if inzichten:
        bevindingen.append(_("Inzichten en goede voorbeelden:"))
        bevindingen.extend(f"- {k.omschrijving} ({k.get_soort_display().lower()})" for k in inzichten)
    regels_acties: list[str] = []
    if besluiten:
        regels_acties.append(_("Besluiten:"))
        regels_acties.extend(f"- {b.tekst}" for b in besluiten)
    if acties:
        regels_acties.append(_("Actiepunten:"))
        for a in acties:
            eigenaar = a.eigenaar or a.eigenaar_contact
            regels_acties.append(
                f"- {a.omschrijving} ("
                + _("%(eigenaar)s, deadline %(deadline)s, %(status)s")
                % {
                    "eigenaar": eigenaar,
                    "deadline": _datum(a.deadline),
                    "status": a.get_status_display().lower(),
                }
                + ")"
            )
    return "\n".join(bevindingen), "\n".join(regels_acties) or _("Geen besluiten of actiepunten.")


def _terugkoppeling_concept(terugkoppeling: GebiedTerugkoppeling) -> GebiedTerugkoppeling:
    """Lock the terugkoppeling; only a concept can still be changed."""
    vers = GebiedTerugkoppeling.objects.select_for_update().get(pk=terugkoppeling.pk)
    if vers.status != TerugkoppelingStatus.CONCEPT:
        raise ValidationError(_("Deze terugkoppeling is al verzonden en kan niet meer worden gewijzigd."))
    return vers


@transaction.atomic
def terugkoppeling_opstellen(
    *, gebied: Gebied, periode_van: datetime.date, periode_tot: datetime.date, door: User
) -> GebiedTerugkoppeling:
    """Draft the gebied's terugkoppeling to the projectleider: one line per active WSV, with the
    period's meetings, besluiten and actiepunten, the open and new knelpunten and the inzichten."""
    if periode_tot < periode_van:
        raise ValidationError({"periode_tot": _("Het einde van de periode ligt vóór het begin.")})
    if GebiedTerugkoppeling.objects.filter(
        gebied=gebied, periode_van=periode_van, periode_tot=periode_tot
    ).exists():
        raise ValidationError(
            {
                "periode_van": _("Voor %(gebied)s bestaat al een terugkoppeling over deze periode.")
                % {"gebied": gebied}
            }
        )
    verbanden = list(
        Samenwerkingsverband.objects.filter(
            wijk__gebied=gebied, soort=VerbandSoort.MULTIDISCIPLINAIR, actief=True
        ).order_by("wijk__naam", "naam")
    )
    terugkoppeling = GebiedTerugkoppeling(
        gebied=gebied,
        periode_van=periode_van,
        periode_tot=periode_tot,
        status=TerugkoppelingStatus.CONCEPT,
        opgesteld_door=door,
    )
    regels = []
    for verband in verbanden:
        bevindingen, acties = _regel_opstellen(verband=verband, van=periode_van, tot=periode_tot)
        regels.append(TerugkoppelingRegel(verband=verband, bevindingen=bevindingen, acties=acties))
    terugkoppeling.samenvatting = _(
        "Terugkoppeling van %(gebied)s over %(van)s t/m %(tot)s: %(aantal)s wijksamenwerkingsverbanden."
    ) % {"gebied": gebied, "van": _datum(periode_van), "tot": _datum(periode_tot), "aantal": len(verbanden)}
    terugkoppeling._history_user = door
    terugkoppeling.full_clean()
    try:
        with transaction.atomic():
            terugkoppeling.save()
    except IntegrityError as fout:  # someone else drafted the same period a moment ago
        raise ValidationError(
            {
                "periode_van": _("Voor %(gebied)s bestaat al een terugkoppeling over deze periode.")
                % {"gebied": gebied}
            }
        ) from fout
    for regel in regels:
        regel.terugkoppeling = terugkoppeling
        regel._history_user = door
        regel.full_clean()
        regel.save()
    return terugkoppeling


@transaction.atomic
def terugkoppeling_wijzigen(
    *, terugkoppeling: GebiedTerugkoppeling, samenvatting: str, door: User
) -> GebiedTerugkoppeling:
    """Edit the summary of a concept."""
    vers = _terugkoppeling_concept(terugkoppeling)
    vers.samenvatting = samenvatting
    vers._history_user = door
    vers.full_clean()
    vers.save()
    return vers


def _regel_tekst_controleren(bevindingen: str, acties: str) -> None:
    if not bevindingen.strip() and not acties.strip():
        raise ValidationError({"bevindingen": _("Vul bevindingen of acties in, of verwijder de regel.")})


@transaction.atomic
def terugkoppelingregel_wijzigen(
    *, regel: TerugkoppelingRegel, bevindingen: str, acties: str, door: User
) -> TerugkoppelingRegel:
    """Edit the findings and actions of one WSV before the terugkoppeling is sent."""
    _terugkoppeling_concept(regel.terugkoppeling)
    _regel_tekst_controleren(bevindingen, acties)
    regel.bevindingen = bevindingen.strip()
    regel.acties = acties.strip()
    regel._history_user = door
    regel.full_clean()
    regel.save()
    return regel


@transaction.atomic
def terugkoppelingregel_toevoegen(
    *,
    terugkoppeling: GebiedTerugkoppeling,
    verband: Samenwerkingsverband,
    bevindingen: str,
    acties: str,
    door: User,
) -> TerugkoppelingRegel:
    """Add the line of a WSV of the gebied that has none yet (e.g. removed earlier, or started later)."""
    vers = _terugkoppeling_concept(terugkoppeling)
    if verband.wijk.gebied_id != vers.gebied_id or not verband.is_wsv:
        raise ValidationError({"verband": _("Kies een wijksamenwerkingsverband uit dit gebied.")})
    if vers.regels.filter(verband=verband).exists():
        raise ValidationError({"verband": _("Dit verband staat al in de terugkoppeling; wijzig die regel.")})
    _regel_tekst_controleren(bevindingen, acties)
    regel = TerugkoppelingRegel(
        terugkoppeling=vers, verband=verband, bevindingen=bevindingen.strip(), acties=acties.strip()
    )
    regel._history_user = door
    regel.full_clean()
    regel.save()
    return regel


@transaction.atomic
def terugkoppelingregel_verwijderen(*, regel: TerugkoppelingRegel, door: User) -> None:
    """Remove a line from a concept."""
    _terugkoppeling_concept(regel.terugkoppeling)
    regel._history_user = door
    regel.delete()


@transaction.atomic
def terugkoppeling_verzenden(*, terugkoppeling: GebiedTerugkoppeling, door: User) -> GebiedTerugkoppeling:
    """Send the concept to the projectleider: from now on it is read-only; the knelpunten it carries
    are marked as passed to the projectleider, who is mailed by a task queued after the commit."""
    vers = _terugkoppeling_concept(terugkoppeling)
    if not vers.regels.exists():
        raise ValidationError(_("Een terugkoppeling zonder regels kan niet worden verzonden."))
    if not vers.samenvatting.strip():
        raise ValidationError({"samenvatting": _("Schrijf een korte samenvatting voor de projectleider.")})
    vers.status = TerugkoppelingStatus.VERZONDEN
    vers.verzonden_op = timezone.now()
    vers._history_user = door
    vers.full_clean()
    vers.save()
    # The knelpunten this terugkoppeling carries are now with the projectleider; the first time counts.
    vandaag = timezone.localdate(vers.verzonden_op)
    for knelpunt in _knelpunten_in_periode(
        verbanden=vers.regels.values("verband"), van=vers.periode_van, tot=vers.periode_tot
    ).filter(naar_projectleider_op__isnull=True):
        knelpunt.naar_projectleider_op = vandaag
        knelpunt._history_user = door
        knelpunt.save(update_fields=["naar_projectleider_op"])
    from .tasks import terugkoppeling_verzonden_mail_task

    transaction.on_commit(lambda: terugkoppeling_verzonden_mail_task.delay(vers.pk))
    return vers


def terugkoppeling_mail_versturen(*, terugkoppeling_id: int) -> int:
    """Mail every active projectleider that a terugkoppeling arrived; each at most once (claimed)."""
    terugkoppeling = GebiedTerugkoppeling.objects.select_related("gebied", "opgesteld_door").get(
        pk=terugkoppeling_id
    )
    if terugkoppeling.status != TerugkoppelingStatus.VERZONDEN:
        return 0
    url = settings.PORTAL_BASE_URL + reverse("samenwerking:terugkoppeling-detail", args=[terugkoppeling.pk])
    verstuurd = 0
    for projectleider in User.objects.filter(rol=Rol.PROJECTLEIDER, is_active=True).exclude(email=""):
        with transaction.atomic():
            if not herinnering_claimen(
                ontvanger=projectleider, soort=TERUGKOPPELING_MAIL_SOORT, sleutel=str(terugkoppeling.pk)
            ):
                continue  # mailed before: the task ran twice
            context = {"ontvanger": projectleider, "terugkoppeling": terugkoppeling, "url": url}
            portaalbericht(
                onderwerp=_("ZIO: terugkoppeling %(gebied)s ontvangen") % {"gebied": terugkoppeling.gebied},
                tekst=render_to_string("samenwerking/mail/terugkoppeling_verzonden.txt", context),
                aan=[projectleider.email],
            ).send()
            bericht_vastleggen(
                soort="terugkoppeling",
                onderwerp=_("Terugkoppeling ontvangen"),
                aan=[projectleider.email],
                link=url,
            )
            verstuurd += 1
    return verstuurd


@transaction.atomic
def terugkoppelingregel_resv_bijwerken(
    *,
    regel: TerugkoppelingRegel,
    naar_resv: bool,
    resv_besproken_op: datetime.date | None,
    resv_uitkomst: str,
    door: User,
) -> TerugkoppelingRegel:
    """The projectleider marks whether a line goes to the RESV, and records when and what came of it."""
    vers = TerugkoppelingRegel.objects.select_for_update().select_related("terugkoppeling").get(pk=regel.pk)
    if vers.terugkoppeling.status != TerugkoppelingStatus.VERZONDEN:
        raise ValidationError(_("Pas na verzending door de gebiedsmanager kan een regel naar het RESV."))
    if not naar_resv and (resv_besproken_op or resv_uitkomst.strip()):
        raise ValidationError(
            {"naar_resv": _("Markeer de regel voor het RESV om datum of uitkomst vast te leggen.")}
        )
    verzonden = timezone.localdate(vers.terugkoppeling.verzonden_op)
    if resv_besproken_op and resv_besproken_op < verzonden:
        raise ValidationError(
            {
                "resv_besproken_op": _(
                    "De terugkoppeling is verzonden op %(datum)s; het RESV besprak het daarna."
                )
                % {"datum": _datum(verzonden)}
            }
        )
    vers.naar_resv = naar_resv
    vers.resv_besproken_op = resv_besproken_op
    vers.resv_uitkomst = resv_uitkomst.strip()
    vers._history_user = door
    vers.full_clean()
    vers.save()
    return vers
