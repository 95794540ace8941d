"""Writes of the praktijkbezoeken: plan, invite, report, share the terugkoppeling, acknowledge it, and
the weekly reminder of the practices that will miss their yearly visit."""

from __future__ import annotations

import datetime

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
from zio_portal.constants import Rol
from zio_portal.models import User
from zio_portal.services import bericht_vastleggen, herinnering_claimen, week_sleutel

from ..constants import BezoekStatus
from ..models import Bouwsteen, Ondersteuningsbehoefte, Praktijkbezoek
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

        def versturen() -> None:
            EmailMessage(subject=onderwerp, body=tekst, to=ontvangers).send()
            bericht_vastleggen(soort="bezoek_terugkoppeling", onderwerp=onderwerp, aan=ontvangers, link=link)

        transaction.on_commit(versturen)
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


def bezoek_uitnodiging_versturen(*, bezoek: Praktijkbezoek, door: User | None = None) -> list[str]:
    """Mail the practice (its address and staff) the invitation as an .ics file that opens in Outlook;
    recorded under "Berichten" as sent on behalf of ``door``."""
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
    bericht_vastleggen(
        soort="bezoek_uitnodiging",
        onderwerp=bericht.subject,
        aan=ontvangers,
        link=reverse("monitoring:bezoek-detail", args=[bezoek.pk]),
        namens=door,
    )
    return ontvangers


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
            EmailMessage(
                subject=_("%(n)s praktijken missen het jaarlijkse praktijkbezoek") % {"n": len(praktijken)},
                body=tekst,
                to=[adviseur.email],
            ).send()
            bericht_vastleggen(
                soort="bezoek_herinnering",
                onderwerp=_("Praktijken zonder bezoek"),
                aan=[adviseur.email],
                link=link,
            )
            verzonden += 1
    return verzonden
