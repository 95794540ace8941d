"""Writes of the samenwerking app: SMART-afspraken, their implementation and evaluation, the PDCA cycle."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon, Gebied, Praktijk
from zio_portal.constants import Rol
from zio_portal.models import User
from zio_portal.services import herinnering_claimen

from .constants import (
    ActiepuntStatus,
    AfspraakStatus,
    Besluit,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegStatus,
    StapStatus,
    TerugkoppelingStatus,
    VerbandSoort,
)
from .models import (
    Actiepunt,
    ActiepuntHerinnering,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Besluitvorming,
    Evaluatie,
    GebiedTerugkoppeling,
    Knelpunt,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    TerugkoppelingRegel,
    Thema,
)

# The fields of an agreement a user edits; the rest is kept by the services.
AFSPRAAK_VELDEN = (
    "thema",
    "titel",
    "specifiek",
    "meetbaar",
    "indicator",
    "streefwaarde",
    "acceptabel",
    "realistisch",
    "tijdgebonden",
    "evaluatie_op",
    "eigenaar",
)
HERINNERING_SOORT = "afspraak-evaluatie"
HERINNERING_DAGEN = 14


class GelijktijdigeWijziging(Exception):
    """Someone else saved the agreement after this user opened it: the save is refused."""

    def __init__(self, afspraak: Afspraak) -> None:
        super().__init__(f"Afspraak {afspraak.pk} is intussen gewijzigd.")
        self.afspraak = afspraak


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
    afspraak = Afspraak(verband=verband, **{k: data[k] for k in AFSPRAAK_VELDEN if k in data})
    afspraak._history_user = door
    afspraak.full_clean()
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
    """
    for veld in AFSPRAAK_VELDEN:
        if veld in data:
            setattr(afspraak, veld, data[veld])
    afspraak.full_clean()
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
        **{veld: getattr(oud, veld) for veld in AFSPRAAK_VELDEN if veld not in ("thema", "eigenaar")},
        status=AfspraakStatus.ACTIEF,
        versie=oud.versie + 1,
        vorige_versie=oud,
    )
    oud.status = AfspraakStatus.VERVANGEN
    oud.revisie += 1
    oud._history_user = door
    oud.save(update_fields=["status", "revisie", "gewijzigd_op"])
    nieuw._history_user = door
    nieuw.full_clean()
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
        if not reden_beeindiging.strip():
            raise ValidationError({"reden_beeindiging": _("Geef de reden waarom de afspraak stopt.")})
        afspraak.status = AfspraakStatus.BEEINDIGD
        afspraak.reden_beeindiging = reden_beeindiging
    elif besluit == Besluit.BORGEN:
        afspraak.status = AfspraakStatus.GEBORGD
        afspraak.evaluatie_op = volgende_evaluatie
    else:
        if volgende_evaluatie is None:
            raise ValidationError(
                {"volgende_evaluatie": _("Kies wanneer de afspraak weer wordt geëvalueerd.")}
            )
        afspraak.evaluatie_op = volgende_evaluatie
    afspraak.revisie += 1
    afspraak._history_user = door
    afspraak.full_clean()
    afspraak.save()
    return evaluatie, afspraak


@transaction.atomic
def stap_bijwerken(
    *, verband: Samenwerkingsverband, stap: PdcaStap, status: str, notitie: str, door: User
) -> StapVoortgang:
    """Record a PDCA step of the verband's current cycle as started or done, with a note."""
    if stap.soort != verband.soort:
        raise ValidationError(_("Deze stap hoort niet bij het stappenplan van dit verband."))
    cyclus = verband.cycli.filter(afgerond_op__isnull=True).first()
    if cyclus is None:
        cyclus = _cyclus_openen(verband=verband, nummer=1, themas=[])
    voortgang, _nieuw = StapVoortgang.objects.get_or_create(cyclus=cyclus, stap=stap)
    vandaag = timezone.localdate()
    voortgang.status = status
    if status in (StapStatus.GESTART, StapStatus.AFGEROND) and voortgang.gestart_op is None:
        voortgang.gestart_op = vandaag
    voortgang.afgerond_op = vandaag if status == StapStatus.AFGEROND else None
    if status == StapStatus.NIET_GESTART:
        voortgang.gestart_op = None
    voortgang.notitie = notitie
    voortgang.bijgewerkt_door = door
    voortgang._history_user = door
    voortgang.full_clean()
    voortgang.save()
    return voortgang


def _cyclus_openen(*, verband: Samenwerkingsverband, nummer: int, themas: Iterable[Thema]) -> PdcaCyclus:
    cyclus = PdcaCyclus(verband=verband, nummer=nummer, gestart_op=timezone.localdate())
    cyclus.full_clean()
    cyclus.save()
    cyclus.themas.set(themas)
    StapVoortgang.objects.bulk_create(
        StapVoortgang(cyclus=cyclus, stap=stap) for stap in PdcaStap.objects.filter(soort=verband.soort)
    )
    return cyclus


@transaction.atomic
def cyclus_starten(*, verband: Samenwerkingsverband, themas: Iterable[Thema], door: User) -> PdcaCyclus:
    """After borging (the last step done), close the current cycle and start a new one with new themes."""
    huidig = verband.cycli.select_for_update().filter(afgerond_op__isnull=True).first()
    if huidig is not None:
        laatste = PdcaStap.objects.filter(soort=verband.soort).order_by("-nummer").first()
        klaar = huidig.voortgang.filter(stap=laatste, status=StapStatus.AFGEROND).exists()
        if not klaar:
            raise ValidationError(
                _("Rond eerst de laatste stap (borging) af voordat een nieuwe cyclus begint.")
            )
        huidig.afgerond_op = timezone.localdate()
        huidig.save(update_fields=["afgerond_op"])
    nummer = (verband.cycli.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    return _cyclus_openen(verband=verband, nummer=nummer, themas=themas)


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
            send_mail(
                subject=_("ZIO: %(aantal)s afspraken om te evalueren") % {"aantal": len(lijst)},
                message=render_to_string("samenwerking/mail/herinnering.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[eigenaar.email],
            )
            verstuurd += 1
    return verstuurd


# --- Samenstelling (WSV) ---------------------------------------------------------------------------
def _controleer_kandidaat(
    *, verband: Samenwerkingsverband, beroepsgroep: str, contactpersoon: Contactpersoon
) -> None:
    """The delegate must be a contact of a partner of that beroepsgroep in the wijk (or, for the
    huisartsen, of a practice in or taking part in the wijk's verband)."""
    from .selectors import afgevaardigde_kandidaten

    if (
        afgevaardigde_kandidaten(verband=verband, beroepsgroep=beroepsgroep)
        .filter(pk=contactpersoon.pk)
        .exists()
    ):
        return
    groep = Beroepsgroep(beroepsgroep).label
    if beroepsgroep == Beroepsgroep.HUISARTS:
        bericht = _("Kies voor de huisartsen een contactpersoon van een huisartsenpraktijk in wijk %(wijk)s.")
    else:
        bericht = _("Kies een contactpersoon van een partner uit de beroepsgroep %(groep)s in wijk %(wijk)s.")
    raise ValidationError({"contactpersoon": bericht % {"groep": groep, "wijk": verband.wijk.naam}})


def _afgevaardigde_opslaan(afgevaardigde: Afgevaardigde, door: User) -> Afgevaardigde:
    """full_clean, then save; a race on the one-active-per-beroepsgroep constraint becomes a form error."""
    afgevaardigde._history_user = door
    afgevaardigde.full_clean()
    try:
        with transaction.atomic():
            afgevaardigde.save()
    except IntegrityError as fout:
        raise ValidationError(
            {"beroepsgroep": _("Deze beroepsgroep heeft al een gemandateerde afgevaardigde in dit verband.")}
        ) from fout
    return afgevaardigde


@transaction.atomic
def afgevaardigde_benoemen(
    *,
    verband: Samenwerkingsverband,
    beroepsgroep: str,
    contactpersoon: Contactpersoon,
    mandaat_op: datetime.date,
    door: User,
) -> Afgevaardigde:
    """Appoint the mandated delegate of a vacant beroepsgroep in a WSV, from the mandate date."""
    # Lock the verband: two managers appointing at once are served one after the other.
    verband = Samenwerkingsverband.objects.select_for_update().select_related("wijk").get(pk=verband.pk)
    if not verband.is_wsv:
        raise ValidationError(_("Alleen een multidisciplinair WSV heeft afgevaardigden per beroepsgroep."))
    huidig = (
        verband.afgevaardigden.filter(beroepsgroep=beroepsgroep, einde_op__isnull=True)
        .select_related("contactpersoon")
        .first()
    )
    if huidig is not None:
        raise ValidationError(
            {
                "beroepsgroep": _(
                    "%(groep)s heeft al een gemandateerde afgevaardigde: %(naam)s (sinds %(datum)s). "
                    "Vervang of beëindig dat mandaat eerst."
                )
                % {
                    "groep": huidig.get_beroepsgroep_display(),
                    "naam": huidig.contactpersoon.naam,
                    "datum": huidig.mandaat_op.strftime("%d-%m-%Y"),
                }
            }
        )
    _controleer_kandidaat(verband=verband, beroepsgroep=beroepsgroep, contactpersoon=contactpersoon)
    vorige_einde = (
        verband.afgevaardigden.filter(beroepsgroep=beroepsgroep, einde_op__isnull=False)
        .order_by("-einde_op")
        .values_list("einde_op", flat=True)
        .first()
    )
    if vorige_einde and mandaat_op < vorige_einde:
        raise ValidationError(
            {
                "mandaat_op": _(
                    "Het vorige mandaat van deze beroepsgroep liep tot %(datum)s; "
                    "het nieuwe kan niet eerder ingaan."
                )
                % {"datum": vorige_einde.strftime("%d-%m-%Y")}
            }
        )
    return _afgevaardigde_opslaan(
        Afgevaardigde(
            verband=verband, beroepsgroep=beroepsgroep, contactpersoon=contactpersoon, mandaat_op=mandaat_op
        ),
        door,
    )


@transaction.atomic
def afgevaardigde_vervangen(
    *,
    afgevaardigde: Afgevaardigde,
    contactpersoon: Contactpersoon,
    per: datetime.date,
    reden: str,
    door: User,
) -> Afgevaardigde:
    """End the current mandate on ``per`` and start the new delegate's mandate on that same date."""
    oud = Afgevaardigde.objects.select_for_update().select_related("verband__wijk").get(pk=afgevaardigde.pk)
    if oud.einde_op is not None:
        raise ValidationError(
            _("Dit mandaat is al beëindigd op %(datum)s; benoem een nieuwe afgevaardigde.")
            % {"datum": oud.einde_op.strftime("%d-%m-%Y")}
        )
    if contactpersoon.pk == oud.contactpersoon_id:
        raise ValidationError({"contactpersoon": _("Kies een andere persoon dan de huidige afgevaardigde.")})
    if per < oud.mandaat_op:
        raise ValidationError(
            {
                "per": _("Het huidige mandaat ging in op %(datum)s; vervangen kan vanaf die datum.")
                % {"datum": oud.mandaat_op.strftime("%d-%m-%Y")}
            }
        )
    _controleer_kandidaat(verband=oud.verband, beroepsgroep=oud.beroepsgroep, contactpersoon=contactpersoon)
    oud.einde_op = per
    oud.reden_einde = reden.strip() or _("Vervangen door %(naam)s") % {"naam": contactpersoon.naam}
    _afgevaardigde_opslaan(oud, door)
    return _afgevaardigde_opslaan(
        Afgevaardigde(
            verband=oud.verband, beroepsgroep=oud.beroepsgroep, contactpersoon=contactpersoon, mandaat_op=per
        ),
        door,
    )


@transaction.atomic
def afgevaardigde_beeindigen(
    *, afgevaardigde: Afgevaardigde, einde_op: datetime.date, reden_einde: str, door: User
) -> Afgevaardigde:
    """End a mandate without a successor: the beroepsgroep becomes vacant; the history stays."""
    oud = Afgevaardigde.objects.select_for_update().get(pk=afgevaardigde.pk)
    if oud.einde_op is not None:
        raise ValidationError(
            _("Dit mandaat is al beëindigd op %(datum)s.") % {"datum": oud.einde_op.strftime("%d-%m-%Y")}
        )
    if einde_op < oud.mandaat_op:
        raise ValidationError(
            {
                "einde_op": _("Het mandaat ging in op %(datum)s; het kan niet eerder eindigen.")
                % {"datum": oud.mandaat_op.strftime("%d-%m-%Y")}
            }
        )
    if not reden_einde.strip():
        raise ValidationError({"reden_einde": _("Geef de reden waarom het mandaat stopt.")})
    oud.einde_op = einde_op
    oud.reden_einde = reden_einde.strip()
    return _afgevaardigde_opslaan(oud, door)


# --- Terugkoppeling (Check/Act) --------------------------------------------------------------------
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
            send_mail(
                subject=_("ZIO: terugkoppeling %(gebied)s ontvangen") % {"gebied": terugkoppeling.gebied},
                message=render_to_string("samenwerking/mail/terugkoppeling_verzonden.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[projectleider.email],
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


# --- Actiepunt-herinneringen -----------------------------------------------------------------------
ACTIEPUNT_DAGEN_VOORAF = 3
# After the deadline: only actions that passed it recently, so a first run does not mail about
# actions forgotten long ago (those stay on the next meeting's agenda).
ACTIEPUNT_DAGEN_ACHTERAF = 30


def _actiepunt_link(actiepunt: Actiepunt) -> str:
    """Straight to the meeting where the action was agreed (or the verband, for an action without one)."""
    if actiepunt.overleg_id:
        try:
            return settings.PORTAL_BASE_URL + reverse(
                "samenwerking:overleg-detail", args=[actiepunt.overleg_id]
            )
        except NoReverseMatch:  # the meeting pages are built in parallel; until then the verband
            pass
    return settings.PORTAL_BASE_URL + reverse("samenwerking:verband-detail", args=[actiepunt.verband_id])


def actiepunt_herinneringen_versturen(*, vandaag: datetime.date | None = None) -> int:
    """Mail each action owner one digest: open actions due within 3 days, and those just past due.

    Each action gets at most one reminder before and one after its deadline: every item is claimed
    (``ActiepuntHerinnering``) in the transaction that sends the mail, so a second run sends nothing
    and a failed mail rolls its claims back. Returns the number of mails sent.
    """
    vandaag = vandaag or timezone.localdate()
    acties = (
        Actiepunt.objects.filter(
            status=ActiepuntStatus.OPEN,
            deadline__lte=vandaag + datetime.timedelta(days=ACTIEPUNT_DAGEN_VOORAF),
            deadline__gte=vandaag - datetime.timedelta(days=ACTIEPUNT_DAGEN_ACHTERAF),
        )
        .select_related("verband__wijk", "overleg", "eigenaar", "eigenaar_contact")
        .order_by("deadline", "pk")
    )
    per_adres: dict[str, dict] = {}
    for actie in acties:
        if actie.eigenaar and actie.eigenaar.is_active and actie.eigenaar.email:
            adres, naam = actie.eigenaar.email, actie.eigenaar.first_name or str(actie.eigenaar)
        elif actie.eigenaar_contact and actie.eigenaar_contact.email:
            adres, naam = actie.eigenaar_contact.email, actie.eigenaar_contact.naam
        else:
            continue  # nobody to mail; the action stays on the next agenda
        soort = (
            ActiepuntHerinnering.Soort.NA_DEADLINE
            if actie.deadline < vandaag
            else ActiepuntHerinnering.Soort.VOOR_DEADLINE
        )
        per_adres.setdefault(adres.lower(), {"naam": naam, "adres": adres, "items": []})["items"].append(
            (actie, soort)
        )
    verstuurd = 0
    for ontvanger in per_adres.values():
        with transaction.atomic():
            regels = []
            for actie, soort in ontvanger["items"]:
                try:
                    with transaction.atomic():
                        ActiepuntHerinnering.objects.create(
                            actiepunt=actie, soort=soort, email=ontvanger["adres"]
                        )
                except IntegrityError:
                    continue  # this reminder went out before
                regels.append(
                    {
                        "actie": actie,
                        "verlopen": soort == ActiepuntHerinnering.Soort.NA_DEADLINE,
                        "url": _actiepunt_link(actie),
                    }
                )
            if not regels:
                continue
            send_mail(
                subject=_("ZIO: herinnering aan %(aantal)s actiepunt(en)") % {"aantal": len(regels)},
                message=render_to_string(
                    "samenwerking/mail/actiepunt_herinnering.txt",
                    {"naam": ontvanger["naam"], "regels": regels, "vandaag": vandaag},
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[ontvanger["adres"]],
            )
            verstuurd += 1
    return verstuurd
