"""Writes of the praktijkbezoeken: plan, invite, report, share the terugkoppeling, acknowledge it, and
the weekly reminder of the practices that will miss their yearly visit."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenwerking.models import Thema
from wijken.models import Praktijk
from zio_portal.cache import verhoog
from zio_portal.constants import Rol
from zio_portal.mail import agendabericht, portaalbericht
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen, week_sleutel

from ..constants import BezoekStatus
from ..models import BezoekVerzending, Bouwsteen, Ondersteuningsbehoefte, Praktijkbezoek
from .ics import bezoek_ics
from .selectors import praktijken_die_bezoek_missen


@transaction.atomic
def bezoek_plannen(
    *, praktijk: Praktijk, gepland_op: datetime.datetime, bezoekers: list[User], al_gehouden: bool = False
) -> Praktijkbezoek:
    """Plan a visit to a practice by one or more people from ZIO; or, with ``al_gehouden``, register a
    visit that took place without being planned first (its moment in the past, held on that day)."""
    if al_gehouden and gepland_op > timezone.now():
        raise ValidationError({"gepland_op": _("Een gehouden bezoek ligt in het verleden; kies dat moment.")})
    if not al_gehouden and gepland_op < timezone.now():
        raise ValidationError(
            {"gepland_op": _("Kies een moment in de toekomst, of vink aan dat het bezoek al is gehouden.")}
        )
    bezoek = Praktijkbezoek(praktijk=praktijk, gepland_op=gepland_op, status=BezoekStatus.GEPLAND)
    if al_gehouden:
        bezoek.status = BezoekStatus.GEHOUDEN
        bezoek.gehouden_op = timezone.localtime(gepland_op).date()
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
    if gehouden_op and gehouden_op > timezone.localdate():
        raise ValidationError({"gehouden_op": _("Een bezoek kan niet in de toekomst gehouden zijn.")})
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
    verhoog("monitoring")  # bulk_create sends no post_save
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
        onderwerp = _("Terugkoppeling van het praktijkbezoek van ZIO")
        transaction.on_commit(
            lambda: [portaalbericht(onderwerp=onderwerp, tekst=tekst, aan=[aan]).send() for aan in ontvangers]
        )
        bericht_vastleggen(soort="bezoek_terugkoppeling", onderwerp=onderwerp, aan=ontvangers, link=link)
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


def bezoek_ontvangers(*, bezoek: Praktijkbezoek) -> list[str]:
    """The addresses the invitation goes to: the practice's own address and its staff, each once."""
    adressen = _medewerkers_met_email(bezoek.praktijk) + (
        [bezoek.praktijk.email] if bezoek.praktijk.email else []
    )
    gezien: dict[str, str] = {}
    for adres in adressen:
        gezien.setdefault(adres.lower(), adres)
    return sorted(gezien.values())


def _uitnodiging_wachtrij(bezoek_id: int, volgnummer: int) -> None:
    from .tasks import bezoek_uitnodiging_task

    bezoek_uitnodiging_task.delay(bezoek_id, volgnummer)


@transaction.atomic
def bezoek_uitnodiging_versturen(*, bezoek: Praktijkbezoek, door: User | None = None) -> list[str]:
    """Queue the invitation to the practice (its address and staff), sent by the worker one message
    per address; pressing twice mails nobody twice. Returns the addresses it goes to, recorded under
    "Berichten" as sent on behalf of ``door``."""
    if bezoek.status != BezoekStatus.GEPLAND:
        raise ValidationError(_("Alleen voor een gepland bezoek wordt een uitnodiging verstuurd."))
    ontvangers = bezoek_ontvangers(bezoek=bezoek)
    if not ontvangers:
        raise ValidationError(_("De praktijk en haar medewerkers hebben geen e-mailadres."))
    volgnummer = Praktijkbezoek.objects.values_list("uitnodiging_volgnummer", flat=True).get(pk=bezoek.pk)
    transaction.on_commit(lambda: _uitnodiging_wachtrij(bezoek.pk, volgnummer))
    bericht_vastleggen(
        soort="bezoek_uitnodiging",
        onderwerp=_("Uitnodiging praktijkbezoek"),
        aan=ontvangers,
        link=reverse("monitoring:bezoek-detail", args=[bezoek.pk]),
        namens=door,
    )
    return ontvangers


def _uitnodiging_bijwerken(bezoek: Praktijkbezoek) -> None:
    """The visit moved or was cancelled: when an invitation went out, raise SEQUENCE and queue the
    update (or the cancellation). Not sent yet: the queued invitation reads the visit when it is sent."""
    if not (
        bezoek.uitnodiging_verzonden_op
        or bezoek.verzendingen.filter(soort=BezoekVerzending.Soort.UITNODIGING).exists()
    ):
        return
    Praktijkbezoek.objects.filter(pk=bezoek.pk).update(
        uitnodiging_volgnummer=F("uitnodiging_volgnummer") + 1, uitnodiging_verzonden_op=None
    )
    bezoek.uitnodiging_volgnummer = Praktijkbezoek.objects.values_list(
        "uitnodiging_volgnummer", flat=True
    ).get(pk=bezoek.pk)
    bezoek.uitnodiging_verzonden_op = None
    volgnummer = bezoek.uitnodiging_volgnummer
    transaction.on_commit(lambda: _uitnodiging_wachtrij(bezoek.pk, volgnummer))


@transaction.atomic
def bezoek_verzetten(
    *, bezoek: Praktijkbezoek, gepland_op: datetime.datetime, bezoekers: list[User]
) -> Praktijkbezoek:
    """Move a planned visit (or change who goes). The new moment is compared with the stored row; a
    moved visit whose invitation went out gets a higher SEQUENCE and the update goes to every invitee."""
    opgeslagen = Praktijkbezoek.objects.select_for_update().get(pk=bezoek.pk)
    if opgeslagen.status != BezoekStatus.GEPLAND:
        raise ValidationError(_("Alleen een gepland bezoek kan worden verzet."))
    if gepland_op < timezone.now():
        raise ValidationError({"gepland_op": _("Kies een moment in de toekomst.")})
    oude_bezoekers = set(opgeslagen.bezoekers.values_list("pk", flat=True))
    gewijzigd = gepland_op != opgeslagen.gepland_op or oude_bezoekers != {b.pk for b in bezoekers}
    opgeslagen.gepland_op = gepland_op
    opgeslagen.full_clean()
    opgeslagen.save()
    opgeslagen.bezoekers.set(bezoekers)
    if gewijzigd:
        _uitnodiging_bijwerken(opgeslagen)
    bezoek.gepland_op = opgeslagen.gepland_op
    bezoek.uitnodiging_volgnummer = opgeslagen.uitnodiging_volgnummer
    return opgeslagen


@transaction.atomic
def bezoek_annuleren(*, bezoek: Praktijkbezoek) -> Praktijkbezoek:
    """Call a planned visit off; whoever had the invitation gets a METHOD:CANCEL (in the worker)."""
    opgeslagen = Praktijkbezoek.objects.select_for_update().get(pk=bezoek.pk)
    if opgeslagen.status == BezoekStatus.GEANNULEERD:
        return opgeslagen
    if opgeslagen.status != BezoekStatus.GEPLAND:
        raise ValidationError(_("Alleen een gepland bezoek kan worden geannuleerd."))
    opgeslagen.status = BezoekStatus.GEANNULEERD
    opgeslagen.full_clean()
    opgeslagen.save(update_fields=["status"])
    _uitnodiging_bijwerken(opgeslagen)
    bezoek.status = opgeslagen.status
    bezoek.uitnodiging_volgnummer = opgeslagen.uitnodiging_volgnummer
    return opgeslagen


def _claimen(*, bezoek: Praktijkbezoek, soort: str, email: str, volgnummer: int) -> bool:
    """Record that this version goes to this address; False when it went before."""
    try:
        with transaction.atomic():
            BezoekVerzending.objects.create(
                bezoek=bezoek, soort=soort, email=email.lower(), volgnummer=volgnummer
            )
    except IntegrityError:
        return False
    return True


def bezoek_uitnodiging_mailen(*, bezoek_id: int, volgnummer: int) -> int:
    """In the worker: the invitation (or, for a cancelled visit, the cancellation) of this version,
    one message per address, each claimed per address and version first; returns how many went out."""
    bezoek = Praktijkbezoek.objects.select_related("praktijk").get(pk=bezoek_id)
    if bezoek.uitnodiging_volgnummer != volgnummer:
        return 0  # the visit changed since: the newer version is the one to send
    geannuleerd = bezoek.status == BezoekStatus.GEANNULEERD
    datum = timezone.localtime(bezoek.gepland_op).strftime("%d-%m-%Y %H:%M")
    if geannuleerd:
        soort, methode = BezoekVerzending.Soort.ANNULERING, "CANCEL"
        adressen = list(
            bezoek.verzendingen.filter(soort=BezoekVerzending.Soort.UITNODIGING)
            .order_by("email")
            .values_list("email", flat=True)
            .distinct()
        )
        sjabloon, onderwerp = (
            "monitoring/email/annulering.txt",
            _("Geannuleerd: praktijkbezoek ZIO op %(datum)s"),
        )
    else:
        soort, methode, adressen = (
            BezoekVerzending.Soort.UITNODIGING,
            "REQUEST",
            bezoek_ontvangers(bezoek=bezoek),
        )
        sjabloon = "monitoring/email/uitnodiging.txt"
        onderwerp = (
            _("Gewijzigd: praktijkbezoek ZIO op %(datum)s")
            if volgnummer
            else _("Uitnodiging praktijkbezoek ZIO op %(datum)s")
        )
    ics = bezoek_ics(bezoek, methode=methode)
    tekst = render_to_string(sjabloon, {"bezoek": bezoek, "gewijzigd": volgnummer > 0})
    verzonden = 0
    for email in adressen:
        with transaction.atomic():
            if not _claimen(bezoek=bezoek, soort=soort, email=email, volgnummer=volgnummer):
                continue
            agendabericht(
                onderwerp=onderwerp % {"datum": datum},
                tekst=tekst,
                aan=email,
                ics=ics,
                methode=methode,
                bestandsnaam="praktijkbezoek.ics",
            ).send()
            verzonden += 1
    if not geannuleerd:
        Praktijkbezoek.objects.filter(pk=bezoek_id, uitnodiging_volgnummer=volgnummer).update(
            uitnodiging_verzonden_op=timezone.now()
        )
    return verzonden


# --- herinneringen --------------------------------------------------------------------------------


def bezoek_herinneringen_versturen(*, datum: datetime.date | None = None) -> int:
    """Mail each beleidsadviseur, once a week, the practices without a held or planned visit this year."""
    datum = datum or timezone.localdate()
    praktijken = list(praktijken_die_bezoek_missen(jaar=datum.year))
    if not praktijken:
        return 0
    link = settings.PORTAL_BASE_URL + reverse("monitoring:bezoek-list") + "?achter=1"
    verzonden = 0
    for adviseur in User.objects.filter(rol=Rol.BELEIDSADVISEUR, is_active=True).exclude(email=""):
        with transaction.atomic():
            if not herinnering_claimen(
                ontvanger=adviseur, soort="bezoeken-missen", sleutel=week_sleutel(datum)
            ):
                continue
            tekst = render_to_string(
                "monitoring/email/bezoeken_missen.txt",
                {"ontvanger": adviseur, "praktijken": praktijken, "jaar": datum.year, "link": link},
            )
            portaalbericht(
                onderwerp=_("%(n)s praktijken missen het jaarlijkse praktijkbezoek") % {"n": len(praktijken)},
                tekst=tekst,
                aan=[adviseur.email],
            ).send()
            bericht_vastleggen(
                soort="bezoek_herinnering",
                onderwerp=_("Praktijken zonder bezoek"),
                aan=[adviseur.email],
                link=link,
            )
            verzonden += 1
    return verzonden
