"""Writes of the monitoring: questionnaires and rounds, responses, imports, praktijkbezoeken."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerking.models import Thema
from wijken.models import Praktijk
from zio_portal.models import User

from .constants import BezoekStatus, ResponsBron, ResponsStatus, VraagType
from .models import (
    Antwoord,
    Bouwsteen,
    Ondersteuningsbehoefte,
    Praktijkbezoek,
    Respons,
    Ronde,
    Sectie,
    Vraag,
    Vragenlijst,
)

# --- vragenlijsten en rondes --------------------------------------------------------------------


@transaction.atomic
def vragenlijst_kopieren(*, vragenlijst: Vragenlijst, jaar: int) -> Vragenlijst:
    """Start next year's questionnaire as a copy: the same sections and questions, with the same codes."""
    kopie = Vragenlijst(
        naam=vragenlijst.naam, jaar=jaar, omschrijving=vragenlijst.omschrijving, gebaseerd_op=vragenlijst
    )
    kopie.full_clean()
    kopie.save()
    secties = {}
    for sectie in vragenlijst.secties.all():
        secties[sectie.pk] = Sectie.objects.create(
            vragenlijst=kopie, titel=sectie.titel, volgorde=sectie.volgorde
        )
    Vraag.objects.bulk_create(
        Vraag(
            vragenlijst=kopie,
            sectie=secties[vraag.sectie_id],
            code=vraag.code,
            tekst=vraag.tekst,
            type=vraag.type,
            opties=list(vraag.opties),
            samenwerking=vraag.samenwerking,
            verplicht=vraag.verplicht,
            volgorde=vraag.volgorde,
        )
        for vraag in vragenlijst.vragen.all()
    )
    return kopie


@transaction.atomic
def ronde_openen(*, vragenlijst: Vragenlijst, opent_op: datetime.date, sluit_op: datetime.date) -> Ronde:
    """Open the yearly round of a questionnaire (or move its dates)."""
    ronde = Ronde.objects.filter(vragenlijst=vragenlijst).first() or Ronde(vragenlijst=vragenlijst)
    ronde.opent_op, ronde.sluit_op = opent_op, sluit_op
    ronde.full_clean()
    ronde.save()
    return ronde


@transaction.atomic
def vraag_toevoegen(
    *,
    sectie: Sectie,
    code: str,
    tekst: str,
    type: str,
    opties: list[str] | None = None,
    samenwerking: bool = False,
    verplicht: bool = True,
) -> Vraag:
    """Add a question to a section; the code must be unique within the questionnaire."""
    vraag = Vraag(
        vragenlijst=sectie.vragenlijst,
        sectie=sectie,
        code=code,
        tekst=tekst,
        type=type,
        opties=opties or [],
        samenwerking=samenwerking,
        verplicht=verplicht,
        volgorde=sectie.vragen.count() + 1,
    )
    if type == VraagType.MEERKEUZE and len(vraag.opties) < 2:
        raise ValidationError({"opties": _("Een meerkeuzevraag heeft minstens twee opties.")})
    vraag.full_clean()
    vraag.save()
    return vraag


# --- antwoorden -------------------------------------------------------------------------------

JA = {"ja", "j", "yes", "y", "1", "true", "waar"}
NEE = {"nee", "n", "no", "0", "false", "onwaar"}


def antwoord_waarde_lezen(*, vraag: Vraag, ruw: Any) -> Any:
    """Read a raw value (text from a form or a file cell) for a question; ValueError with a Dutch reason.

    Returns None for an empty value, else the typed value stored in Antwoord.
    """
    if ruw is None or (isinstance(ruw, str) and not ruw.strip()):
        return None
    tekst = str(ruw).strip()
    match vraag.type:
        case VraagType.SCHAAL:
            try:
                getal = Decimal(tekst.replace(",", "."))
            except InvalidOperation:
                raise ValueError(
                    _("'%(waarde)s' is geen getal van 1 tot en met 5.") % {"waarde": tekst}
                ) from None
            if getal != getal.to_integral_value() or not 1 <= getal <= 5:
                raise ValueError(
                    _("%(waarde)s ligt niet op de schaal van 1 tot en met 5.") % {"waarde": tekst}
                )
            return int(getal)
        case VraagType.JA_NEE:
            if isinstance(ruw, bool):
                return ruw
            if tekst.lower() in JA:
                return True
            if tekst.lower() in NEE:
                return False
            raise ValueError(_("'%(waarde)s' is geen ja of nee.") % {"waarde": tekst})
        case VraagType.MEERKEUZE:
            for optie in vraag.opties:
                if optie.lower() == tekst.lower():
                    return optie
            raise ValueError(
                _("'%(waarde)s' is geen van de opties (%(opties)s).")
                % {"waarde": tekst, "opties": "; ".join(vraag.opties)}
            )
        case VraagType.GETAL:
            try:
                getal = Decimal(tekst.replace(" ", "").replace(",", "."))
            except InvalidOperation:
                raise ValueError(_("'%(waarde)s' is geen getal.") % {"waarde": tekst}) from None
            if not getal.is_finite() or abs(getal) >= Decimal("1e10"):
                raise ValueError(_("'%(waarde)s' is geen geldig getal.") % {"waarde": tekst})
            return getal.quantize(Decimal("0.01"))
    return tekst


def _antwoord_velden(vraag: Vraag, waarde: Any) -> dict:
    if vraag.type == VraagType.JA_NEE:
        return {"ja_nee": bool(waarde), "getal": None, "tekst": ""}
    if vraag.type in (VraagType.SCHAAL, VraagType.GETAL):
        return {"getal": Decimal(waarde), "ja_nee": None, "tekst": ""}
    return {"tekst": str(waarde), "getal": None, "ja_nee": None}


def _antwoorden_opslaan(respons: Respons, waarden: dict[Vraag, Any]) -> None:
    bestaand = {a.vraag_id: a for a in respons.antwoorden.all()}
    weg = []
    for vraag, waarde in waarden.items():
        antwoord = bestaand.get(vraag.pk)
        if waarde is None:
            if antwoord is not None:
                weg.append(antwoord.pk)
            continue
        antwoord = antwoord or Antwoord(respons=respons, vraag=vraag)
        for veld, v in _antwoord_velden(vraag, waarde).items():
            setattr(antwoord, veld, v)
        antwoord.full_clean(validate_unique=False, validate_constraints=False)
        antwoord.save()
    if weg:
        Antwoord.objects.filter(pk__in=weg).delete()


@transaction.atomic
def respons_opslaan(
    *, ronde: Ronde, praktijk: Praktijk, waarden: dict[Vraag, Any], indienen: bool, door: User
) -> Respons:
    """Save a practice's answers as a draft, or submit them (then read-only).

    Required questions are enforced only when submitting: a ValidationError maps question codes
    to messages, and nothing is saved then.
    """
    respons, _nieuw = Respons.objects.select_for_update().get_or_create(ronde=ronde, praktijk=praktijk)
    if respons.status == ResponsStatus.INGEDIEND:
        raise ValidationError(_("Deze vragenlijst is al ingediend en kan niet meer worden gewijzigd."))
    if indienen:
        ontbreekt = {
            vraag.code: _("Deze vraag is verplicht.")
            for vraag, waarde in waarden.items()
            if vraag.verplicht and waarde is None
        }
        if ontbreekt:
            raise ValidationError(ontbreekt)
    _antwoorden_opslaan(respons, waarden)
    if indienen:
        respons.status = ResponsStatus.INGEDIEND
        respons.ingediend_op = timezone.now()
        respons.ingediend_door = door
    respons.full_clean(validate_unique=False)
    respons.save()
    return respons


@transaction.atomic
def responsen_importeren(*, ronde: Ronde, rijen: list[tuple[Praktijk, dict[Vraag, Any]]]) -> int:
    """Import checked rows all or nothing: each practice's response is replaced and marked bron=import."""
    nu = timezone.now()
    for praktijk, waarden in rijen:
        respons, _nieuw = Respons.objects.select_for_update().get_or_create(ronde=ronde, praktijk=praktijk)
        _antwoorden_opslaan(respons, waarden)
        respons.status = ResponsStatus.INGEDIEND
        respons.bron = ResponsBron.IMPORT
        respons.ingediend_op = respons.ingediend_op or nu
        respons.full_clean(validate_unique=False)
        respons.save()
    return len(rijen)


# --- praktijkbezoeken -----------------------------------------------------------------------------


@transaction.atomic
def bezoek_plannen(
    *, praktijk: Praktijk, gepland_op: datetime.datetime, bezoekers: list[User]
) -> Praktijkbezoek:
    """Plan a visit to a practice by one or more people from ZIO."""
    bezoek = Praktijkbezoek(praktijk=praktijk, gepland_op=gepland_op, status=BezoekStatus.GEPLAND)
    bezoek.full_clean()
    bezoek.save()
    bezoek.bezoekers.set(bezoekers)
    return bezoek


@transaction.atomic
def bezoek_verslag_opslaan(
    *,
    bezoek: Praktijkbezoek,
    gehouden_op: datetime.date | None,
    wat_gaat_goed: str,
    uitdagingen: str,
    bouwstenen: list[Bouwsteen],
    themas: list[Thema],
    ondersteuning: dict[str, str],
    terugkoppeling: str,
) -> Praktijkbezoek:
    """Record the visit report; the visit counts as held once it has a date."""
    if bezoek.gedeeld_op and terugkoppeling.strip() != bezoek.terugkoppeling.strip():
        raise ValidationError(
            {
                "terugkoppeling": _(
                    "De terugkoppeling is al gedeeld met de praktijk en kan niet meer wijzigen."
                )
            }
        )
    bezoek.gehouden_op = gehouden_op
    bezoek.status = BezoekStatus.GEHOUDEN if gehouden_op else bezoek.status
    bezoek.wat_gaat_goed = wat_gaat_goed
    bezoek.uitdagingen = uitdagingen
    bezoek.terugkoppeling = terugkoppeling
    bezoek.full_clean()
    bezoek.save()
    bezoek.bouwstenen.set(bouwstenen)
    bezoek.themas.set(themas)
    bezoek.ondersteuningsbehoeften.all().delete()
    Ondersteuningsbehoefte.objects.bulk_create(
        Ondersteuningsbehoefte(bezoek=bezoek, categorie=categorie, toelichting=tekst.strip())
        for categorie, tekst in ondersteuning.items()
        if tekst.strip()
    )
    return bezoek


def _medewerkers_met_email(praktijk: Praktijk) -> list[str]:
    return sorted({m.user.email for m in praktijk.medewerkers.select_related("user") if m.user.email})


@transaction.atomic
def terugkoppeling_delen(*, bezoek: Praktijkbezoek) -> Praktijkbezoek:
    """Share the terugkoppeling with the practice: stamp gedeeld_op and mail the staff a link."""
    if not bezoek.terugkoppeling.strip():
        raise ValidationError({"terugkoppeling": _("Schrijf eerst de terugkoppeling.")})
    if bezoek.gedeeld_op:
        return bezoek
    bezoek.gedeeld_op = timezone.now()
    bezoek.full_clean()
    bezoek.save(update_fields=["gedeeld_op"])
    ontvangers = _medewerkers_met_email(bezoek.praktijk)
    if ontvangers:
        link = settings.PORTAL_BASE_URL + reverse("monitoring:bezoek-detail", args=[bezoek.pk])
        tekst = render_to_string("monitoring/email/terugkoppeling.txt", {"bezoek": bezoek, "link": link})
        transaction.on_commit(
            lambda: EmailMessage(
                subject=_("Terugkoppeling van het praktijkbezoek van ZIO"), body=tekst, to=ontvangers
            ).send()
        )
    return bezoek


@transaction.atomic
def terugkoppeling_gezien(*, bezoek: Praktijkbezoek, door: User, reactie: str = "") -> Praktijkbezoek:
    """The practice marks the shared terugkoppeling as seen, optionally with a response."""
    if not bezoek.gedeeld_op:
        raise ValidationError(_("Deze terugkoppeling is nog niet gedeeld."))
    if not bezoek.gezien_op:
        bezoek.gezien_op = timezone.now()
        bezoek.gezien_door = door
    if reactie.strip():
        bezoek.reactie_praktijk = reactie.strip()
    bezoek.full_clean()
    bezoek.save(update_fields=["gezien_op", "gezien_door", "reactie_praktijk"])
    return bezoek


def bezoek_uitnodiging_versturen(*, bezoek: Praktijkbezoek) -> list[str]:
    """Mail the practice (its address and staff) the invitation as an .ics file that opens in Outlook."""
    from .ics import bezoek_ics

    ontvangers = sorted(set(_medewerkers_met_email(bezoek.praktijk)) | ({bezoek.praktijk.email} - {""}))
    if not ontvangers:
        raise ValidationError(_("De praktijk en haar medewerkers hebben geen e-mailadres."))
    bericht = EmailMessage(
        subject=_("Uitnodiging praktijkbezoek ZIO op %(datum)s")
        % {"datum": timezone.localtime(bezoek.gepland_op).strftime("%d-%m-%Y %H:%M")},
        body=render_to_string("monitoring/email/uitnodiging.txt", {"bezoek": bezoek}),
        to=ontvangers,
    )
    bericht.attach("praktijkbezoek.ics", bezoek_ics(bezoek), "text/calendar; method=REQUEST; charset=utf-8")
    bericht.send()
    return ontvangers


# --- herinneringen --------------------------------------------------------------------------------


def _week(datum: datetime.date) -> str:
    jaar, week, _dag = datum.isocalendar()
    return f"{jaar}-W{week:02d}"


def bezoek_herinneringen_versturen(*, datum: datetime.date | None = None) -> int:
    """Mail each beleidsadviseur, once a week, the practices without a held or planned visit this year."""
    from zio_portal.constants import Rol
    from zio_portal.services import herinnering_claimen

    from .selectors import praktijken_die_bezoek_missen

    datum = datum or timezone.localdate()
    praktijken = list(praktijken_die_bezoek_missen(jaar=datum.year))
    if not praktijken:
        return 0
    link = settings.PORTAL_BASE_URL + reverse("monitoring:bezoek-list") + "?achter=1"
    verzonden = 0
    for adviseur in User.objects.filter(rol=Rol.BELEIDSADVISEUR, is_active=True).exclude(email=""):
        with transaction.atomic():
            if not herinnering_claimen(ontvanger=adviseur, soort="bezoeken-missen", sleutel=_week(datum)):
                continue
            tekst = render_to_string(
                "monitoring/email/bezoeken_missen.txt",
                {"ontvanger": adviseur, "praktijken": praktijken, "jaar": datum.year, "link": link},
            )
            EmailMessage(
                subject=_("%(n)s praktijken missen het jaarlijkse praktijkbezoek") % {"n": len(praktijken)},
                body=tekst,
                to=[adviseur.email],
            ).send()
            verzonden += 1
    return verzonden


def vragenlijst_herinneringen_versturen(*, datum: datetime.date | None = None) -> int:
    """Remind the staff of each practice that has not submitted an open round, once a week per round."""
    from wijken.models import Praktijkmedewerker
    from zio_portal.services import herinnering_claimen

    datum = datum or timezone.localdate()
    verzonden = 0
    for ronde in Ronde.objects.filter(opent_op__lte=datum, sluit_op__gte=datum).select_related("vragenlijst"):
        ingediend = Respons.objects.filter(ronde=ronde, status=ResponsStatus.INGEDIEND).values("praktijk_id")
        medewerkers = (
            Praktijkmedewerker.objects.filter(praktijk__actief=True, user__is_active=True)
            .exclude(praktijk_id__in=ingediend)
            .exclude(user__email="")
            .select_related("user", "praktijk")
        )
        for m in medewerkers:
            with transaction.atomic():
                sleutel = f"ronde-{ronde.pk}:praktijk-{m.praktijk_id}:{_week(datum)}"
                if not herinnering_claimen(ontvanger=m.user, soort="vragenlijst", sleutel=sleutel):
                    continue
                link = settings.PORTAL_BASE_URL + reverse(
                    "monitoring:respons-invullen", args=[ronde.pk, m.praktijk_id]
                )
                tekst = render_to_string(
                    "monitoring/email/vragenlijst_herinnering.txt",
                    {"ronde": ronde, "praktijk": m.praktijk, "ontvanger": m.user, "link": link},
                )
                EmailMessage(
                    subject=_("Herinnering: vragenlijst %(v)s") % {"v": ronde.vragenlijst},
                    body=tekst,
                    to=[m.user.email],
                ).send()
                verzonden += 1
    return verzonden
