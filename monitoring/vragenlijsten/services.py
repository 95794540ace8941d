"""Writes of the vragenlijsten: questionnaires, sections and questions, rounds, responses, imports and
the weekly reminder to practices that have not submitted."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijken.models import Praktijk, Praktijkmedewerker
from zio_portal.cache import verhoog
from zio_portal.mail import portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen, week_sleutel

from ..constants import ResponsBron, ResponsStatus, VraagType
from ..models import Antwoord, ImportKoppeling, Respons, Ronde, Sectie, Vraag, Vragenlijst
from . import importeren
from .antwoorden import antwoord_waarde_lezen

__all__ = [
    "antwoord_waarde_lezen",
    "import_bevestigen",
    "import_controleren",
    "import_klaarzetten",
    "import_koppelingen_opslaan",
    "imports_opruimen",
    "respons_opslaan",
    "responsen_importeren",
    "ronde_openen",
    "sectie_toevoegen",
    "vraag_toevoegen",
    "vragenlijst_herinneringen_versturen",
    "vragenlijst_kopieren",
]

IMPORT_MAP = "imports/"  # in private storage: uploaded exports between preview and confirm
IMPORT_BEWAARTIJD = datetime.timedelta(hours=24)

# --- vragenlijsten en rondes --------------------------------------------------------------------


@transaction.atomic
def vragenlijst_kopieren(*, vragenlijst: Vragenlijst, jaar: int) -> Vragenlijst:
    """Start next year's questionnaire as a copy: the same sections and questions, with the same codes."""
    # The year in the name and description moves along ("… ronde 2026" becomes "… ronde 2027").
    oud, nieuw = str(vragenlijst.jaar), str(jaar)
    kopie = Vragenlijst(
        naam=vragenlijst.naam.replace(oud, nieuw),
        jaar=jaar,
        omschrijving=vragenlijst.omschrijving.replace(oud, nieuw),
        gebaseerd_op=vragenlijst,
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
    verhoog("monitoring")  # bulk_create sends no post_save
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
def sectie_toevoegen(*, vragenlijst: Vragenlijst, titel: str) -> Sectie:
    """Add a section at the end of a questionnaire."""
    # Lock the questionnaire: two sections added at once must not get the same place.
    Vragenlijst.objects.select_for_update().filter(pk=vragenlijst.pk).first()
    sectie = Sectie(vragenlijst=vragenlijst, titel=titel.strip(), volgorde=vragenlijst.secties.count() + 1)
    sectie.full_clean()
    sectie.save()
    return sectie


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


# --- import ---------------------------------------------------------------------------------------


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


def import_klaarzetten(
    *, ronde: Ronde, inhoud: bytes, naam: str, token: str, vorig_pad: str | None = None
) -> tuple[importeren.Controle, str]:
    """Check an uploaded export against the round and keep it in private storage under ``token``
    (never under a public URL) until it is confirmed, its unknown headings linked, or it is abandoned
    (``imports_opruimen`` removes it then).

    Returns the check and the storage path. A previously kept file of the same user (``vorig_pad``) is
    removed. Raises importeren.BestandFout when the file cannot be read at all (nothing is kept then).
    """
    controle = importeren.controleer_bestand(ronde=ronde, inhoud=inhoud, naam=naam)
    opslag = storages["private"]
    if vorig_pad and vorig_pad.startswith(IMPORT_MAP) and opslag.exists(vorig_pad):
        opslag.delete(vorig_pad)
    pad = opslag.save(f"{IMPORT_MAP}{token}{Path(naam).suffix.lower()}", ContentFile(inhoud))
    return controle, pad


def import_controleren(*, ronde: Ronde, pad: str) -> importeren.Controle:
    """Check a kept file again (after a heading was linked, or before it is confirmed)."""
    opslag = storages["private"]
    with opslag.open(pad, "rb") as f:
        inhoud = f.read()
    return importeren.controleer_bestand(ronde=ronde, inhoud=inhoud, naam=pad)


@transaction.atomic
def import_koppelingen_opslaan(
    *, vragenlijst: Vragenlijst, koppelingen: dict[str, Vraag | None]
) -> list[ImportKoppeling]:
    """Remember for a vragenlijst which question a heading of an export means (None: ignore it)."""
    opgeslagen = []
    for kop, vraag in koppelingen.items():
        if vraag is not None and vraag.vragenlijst_id != vragenlijst.pk:
            raise ValidationError(_("Deze vraag hoort niet bij deze vragenlijst."))
        sleutel = importeren.kop_sleutel(kop)
        if not sleutel:
            continue
        koppeling = ImportKoppeling.objects.filter(vragenlijst=vragenlijst, kop=sleutel).first()
        koppeling = koppeling or ImportKoppeling(vragenlijst=vragenlijst, kop=sleutel)
        koppeling.vraag = vraag
        koppeling.full_clean(validate_unique=False)
        koppeling.save()
        opgeslagen.append(koppeling)
    return opgeslagen


def import_bevestigen(*, ronde: Ronde, pad: str) -> tuple[importeren.Controle, int]:
    """Import a kept file all or nothing, after checking it again (the round may have changed since
    the preview). Returns the check and the number of imported responses (0 when not in order; the
    file is then kept, so the preview can show why). After an import the file is removed."""
    controle = import_controleren(ronde=ronde, pad=pad)
    if not controle.in_orde:
        return controle, 0
    aantal = responsen_importeren(ronde=ronde, rijen=controle.rijen)
    storages["private"].delete(pad)
    return controle, aantal


def imports_opruimen(*, ouder_dan: datetime.timedelta = IMPORT_BEWAARTIJD) -> int:
    """Remove preview files that nobody confirmed (kept longer than ``ouder_dan``); returns how many."""
    opslag = storages["private"]
    if not opslag.exists(IMPORT_MAP.rstrip("/")):
        return 0
    grens = timezone.now() - ouder_dan
    _mappen, bestanden = opslag.listdir(IMPORT_MAP.rstrip("/"))
    weg = 0
    for naam in bestanden:
        pad = IMPORT_MAP + naam
        try:
            if opslag.get_modified_time(pad) < grens:
                opslag.delete(pad)
                weg += 1
        except FileNotFoundError:  # removed meanwhile by a confirm
            continue
    return weg


# --- herinneringen --------------------------------------------------------------------------------


def vragenlijst_herinneringen_versturen(*, datum: datetime.date | None = None) -> int:
    """Remind the staff of each practice that has not submitted an open round, once a week per round."""
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
                sleutel = f"ronde-{ronde.pk}:praktijk-{m.praktijk_id}:{week_sleutel(datum)}"
                if not herinnering_claimen(ontvanger=m.user, soort="vragenlijst", sleutel=sleutel):
                    continue
                link = settings.PORTAL_BASE_URL + reverse(
                    "monitoring:respons-invullen", args=[ronde.pk, m.praktijk_id]
                )
                tekst = render_to_string(
                    "monitoring/email/vragenlijst_herinnering.txt",
                    {"ronde": ronde, "praktijk": m.praktijk, "ontvanger": m.user, "link": link},
                )
                portaalbericht(
                    onderwerp=_("Herinnering: vragenlijst %(v)s") % {"v": ronde.vragenlijst},
                    tekst=tekst,
                    aan=[m.user.email],
                ).send()
                bericht_vastleggen(
                    soort="vragenlijst_herinnering",
                    onderwerp=_("Herinnering vragenlijst"),
                    aan=[m.user.email],
                    link=link,
                )
                verzonden += 1
    return verzonden
