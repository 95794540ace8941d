"""Continuïteit: opvangafspraken between practices, uitvalmeldingen, the requests to take over care
and how the opvang went afterwards."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.models import Praktijk
from zio_portal.invoer import datum_in_bereik

from ..continuiteit.constants import (
    THEMA_OPVANG,
    Antwoord,
    MeldingStatus,
    Oordeel,
    Opvangvorm,
    Situatie,
    Zorgsoort,
)
from ..continuiteit.querysets import (
    OpvangafspraakQuerySet,
    OpvangVerzoekQuerySet,
    UitvalMeldingQuerySet,
)
from .afspraken import Afspraak
from .verbanden import Samenwerkingsverband

User = settings.AUTH_USER_MODEL


def _keuzes_controleren(waarden, keuzes, veld: str) -> dict:
    """A list field must hold known choices, each once."""
    if not isinstance(waarden, list) or any(w not in keuzes.values for w in waarden):
        return {veld: _("Kies uit de lijst.")}
    return {}


class Opvangafspraak(models.Model):
    """Who takes over what from whom in a huisartsen-verband: the practice that hands over, the
    practices that take over (together, or by rota per week), in which situations, which care, with
    which capacity and how they are reached during office hours."""

    verband = models.ForeignKey(
        Samenwerkingsverband,
        on_delete=models.PROTECT,
        related_name="opvangafspraken",
        verbose_name=_("verband"),
    )
    overdragende_praktijk = models.ForeignKey(
        Praktijk,
        on_delete=models.PROTECT,
        related_name="opvangafspraken_overdragend",
        verbose_name=_("praktijk die zorg overdraagt"),
    )
    vorm = models.CharField(
        _("vorm"),
        max_length=16,
        choices=Opvangvorm.choices,
        default=Opvangvorm.SAMEN,
        help_text=_("Bij een rooster neemt elke week één praktijk de zorg over, in de volgorde hieronder."),
    )
    situaties = models.JSONField(_("situaties"), default=list, help_text=_("Wanneer de afspraak geldt."))
    zorgsoorten = models.JSONField(_("welke zorg"), default=list, blank=True)
    zorg_anders = models.CharField(
        _("andere zorg"), max_length=200, blank=True, help_text=_("Zorg die niet in de lijst staat.")
    )
    capaciteit = models.CharField(
        _("capaciteit"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: 10 consulten per dag.")
    )
    bereikbaarheid = models.CharField(
        _("bereikbaarheid tijdens kantoortijden"),
        max_length=200,
        help_text=_("Het zakelijke nummer (bijvoorbeeld de doktersspoedlijn). Nooit patiëntgegevens."),
    )
    geldig_van = models.DateField(_("geldig van"), validators=[datum_in_bereik])
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True, validators=[datum_in_bereik])
    smart_afspraak = models.ForeignKey(
        Afspraak,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opvangafspraken",
        verbose_name=_("SMART-afspraak"),
        help_text=_(
            "De SMART-afspraak over opvang van patiënten die hiermee wordt uitgevoerd, als die er is."
        ),
    )
    aangemaakt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = OpvangafspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("opvangafspraak")
        verbose_name_plural = _("opvangafspraken")
        ordering = ["verband", "overdragende_praktijk__naam", "-geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                name="opvangafspraak_periode_op_volgorde",
            ),
        ]

    def __str__(self) -> str:
        return _("Opvang voor %(praktijk)s") % {"praktijk": self.overdragende_praktijk}

    def clean(self) -> None:
        fouten = {}
        fouten |= _keuzes_controleren(self.situaties, Situatie, "situaties")
        fouten |= _keuzes_controleren(self.zorgsoorten, Zorgsoort, "zorgsoorten")
        if not self.situaties and "situaties" not in fouten:
            fouten["situaties"] = _("Kies minstens één situatie.")
        if not self.zorgsoorten and not self.zorg_anders.strip() and "zorgsoorten" not in fouten:
            fouten["zorgsoorten"] = _("Kies minstens één soort zorg, of beschrijf de andere zorg.")
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            fouten["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
        if self.verband_id:
            if self.verband.is_wsv:
                fouten["verband"] = _("Opvangafspraken horen bij een huisartsen-wijksamenwerkingsverband.")
            elif (
                self.overdragende_praktijk_id
                and not self.verband.deelnames.filter(
                    praktijk_id=self.overdragende_praktijk_id, uitgetreden_op__isnull=True
                ).exists()
            ):
                fouten["overdragende_praktijk"] = _("Deze praktijk doet niet mee in het verband.")
        if self.smart_afspraak_id and (
            self.smart_afspraak.thema.naam != THEMA_OPVANG
            or self.smart_afspraak.verband_id != self.verband_id
        ):
            fouten["smart_afspraak"] = _(
                "Kies een SMART-afspraak van dit verband over het thema ‘Opvang van patiënten’."
            )
        if fouten:
            raise ValidationError(fouten)

    def geldt_op(self, datum: datetime.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)

    @property
    def zorg_weergave(self) -> list[str]:
        labels = [str(Zorgsoort(z).label) for z in self.zorgsoorten]
        return labels + ([self.zorg_anders] if self.zorg_anders else [])

    @property
    def situaties_weergave(self) -> list[str]:
        return [str(Situatie(s).label) for s in self.situaties]


class OpvangPraktijk(models.Model):
    """A practice that takes over care under an opvangafspraak; in a rota, ``volgorde`` is its turn."""

    afspraak = models.ForeignKey(Opvangafspraak, on_delete=models.CASCADE, related_name="overnemers")
    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.PROTECT, related_name="opvang_overnemend", verbose_name=_("praktijk")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde in het rooster"), default=0)
    uit_wijk = models.BooleanField(
        _("uit de wijk, buiten het verband"),
        default=False,
        help_text=_("De praktijk hoort bij de wijk, maar doet (nog) niet mee in het verband."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overnemende praktijk")
        verbose_name_plural = _("overnemende praktijken")
        ordering = ["afspraak", "volgorde", "praktijk__naam"]
        constraints = [models.UniqueConstraint(fields=["afspraak", "praktijk"], name="opvangpraktijk_uniek")]

    def __str__(self) -> str:
        return str(self.praktijk)

    def clean(self) -> None:
        if not (self.afspraak_id and self.praktijk_id):
            return
        afspraak = self.afspraak
        if self.praktijk_id == afspraak.overdragende_praktijk_id:
            raise ValidationError({"praktijk": _("Een praktijk kan haar eigen zorg niet overnemen.")})
        in_verband = afspraak.verband.deelnames.filter(
            praktijk_id=self.praktijk_id, uitgetreden_op__isnull=True
        ).exists()
        if in_verband:
            return
        if not self.uit_wijk:
            raise ValidationError(
                {
                    "praktijk": _(
                        "%(praktijk)s doet niet mee in het verband; kies ‘uit de wijk’ als dat zo bedoeld is."
                    )
                    % {"praktijk": self.praktijk}
                }
            )
        if self.praktijk.wijk_id != afspraak.verband.wijk_id:
            raise ValidationError(
                {
                    "praktijk": _("%(praktijk)s ligt niet in de wijk van het verband.")
                    % {"praktijk": self.praktijk}
                }
            )


class UitvalMelding(models.Model):
    """A practice reports that it cannot (fully) provide care for a period, why and which care."""

    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.PROTECT, related_name="uitvalmeldingen", verbose_name=_("praktijk")
    )
    van = models.DateField(_("van"), validators=[datum_in_bereik])
    tot = models.DateField(_("tot en met (verwacht)"), validators=[datum_in_bereik])
    situatie = models.CharField(_("situatie"), max_length=32, choices=Situatie.choices)
    zorgsoorten = models.JSONField(_("welke zorg kan niet doorgaan"), default=list)
    toelichting = models.TextField(
        _("korte toelichting"),
        blank=True,
        help_text=_("Geen patiëntgegevens: geen namen, geboortedata of klachten van patiënten."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MeldingStatus.choices, default=MeldingStatus.OPEN
    )
    volgnummer = models.PositiveIntegerField(
        _("volgnummer"),
        default=0,
        help_text=_("Stijgt bij elke wijziging van de periode (SEQUENCE in de .ics)."),
    )
    gemeld_door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    gemeld_op = models.DateTimeField(_("gemeld op"))
    beeindigd_op = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    geescaleerd_op = models.DateTimeField(_("geëscaleerd op"), null=True, blank=True)
    history = HistoricalRecords()

    objects = UitvalMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitvalmelding")
        verbose_name_plural = _("uitvalmeldingen")
        ordering = ["-van", "praktijk__naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__gte=models.F("van")), name="uitvalmelding_periode_op_volgorde"
            ),
        ]

    def __str__(self) -> str:
        return _("Uitval %(praktijk)s %(van)s–%(tot)s") % {
            "praktijk": self.praktijk,
            "van": f"{self.van:%d-%m-%Y}",
            "tot": f"{self.tot:%d-%m-%Y}",
        }

    def clean(self) -> None:
        fouten = _keuzes_controleren(self.zorgsoorten, Zorgsoort, "zorgsoorten")
        if not self.zorgsoorten and "zorgsoorten" not in fouten:
            fouten["zorgsoorten"] = _("Kies minstens één soort zorg die niet (volledig) kan doorgaan.")
        if self.van and self.tot and self.tot < self.van:
            fouten["tot"] = _("De einddatum ligt vóór de begindatum.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def is_open(self) -> bool:
        return self.status == MeldingStatus.OPEN

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1

    @property
    def zorg_weergave(self) -> list[str]:
        return [str(Zorgsoort(z).label) for z in self.zorgsoorten]

    def open_zorg(self, verzoeken=None) -> list[str]:
        """The affected care no asked practice has confirmed (uses prefetched ``verzoeken``)."""
        verzoeken = self.verzoeken.all() if verzoeken is None else verzoeken
        gedekt = {z for v in verzoeken if v.antwoord == Antwoord.BEVESTIGD for z in v.zorgsoorten}
        return [z for z in self.zorgsoorten if z not in gedekt]


class OpvangVerzoek(models.Model):
    """The question to one practice to take over (part of) the care of a melding, and its answer."""

    melding = models.ForeignKey(UitvalMelding, on_delete=models.CASCADE, related_name="verzoeken")
    praktijk = models.ForeignKey(
        Praktijk,
        on_delete=models.PROTECT,
        related_name="opvangverzoeken",
        verbose_name=_("gevraagde praktijk"),
    )
    opvangafspraak = models.ForeignKey(
        Opvangafspraak, on_delete=models.SET_NULL, null=True, blank=True, related_name="verzoeken"
    )
    antwoord = models.CharField(_("antwoord"), max_length=16, choices=Antwoord.choices, default=Antwoord.OPEN)
    zorgsoorten = models.JSONField(
        _("welke zorg neemt u over"),
        default=list,
        blank=True,
        help_text=_("Leeg laten: alle gevraagde zorg."),
    )
    van = models.DateField(_("vanaf"), null=True, blank=True, validators=[datum_in_bereik])
    tot = models.DateField(_("tot en met"), null=True, blank=True, validators=[datum_in_bereik])
    reden = models.TextField(_("reden"), blank=True)
    gevraagd_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gevraagd_op = models.DateTimeField(_("gevraagd op"))
    beantwoord_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    gemaild_volgnummer = models.IntegerField(
        default=-1, help_text=_("Het volgnummer van de melding waarover deze praktijk het laatst is gemaild.")
    )
    einde_gemaild = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = OpvangVerzoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("opvangverzoek")
        verbose_name_plural = _("opvangverzoeken")
        ordering = ["melding", "gevraagd_op", "praktijk__naam"]
        constraints = [
            models.UniqueConstraint(fields=["melding", "praktijk"], name="opvangverzoek_een_per_praktijk"),
            models.CheckConstraint(
                condition=Q(van__isnull=True) | Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                name="opvangverzoek_periode_op_volgorde",
            ),
        ]

    def __str__(self) -> str:
        return _("Verzoek aan %(praktijk)s") % {"praktijk": self.praktijk}

    def clean(self) -> None:
        fouten = _keuzes_controleren(self.zorgsoorten, Zorgsoort, "zorgsoorten")
        if self.melding_id and self.praktijk_id == self.melding.praktijk_id:
            fouten["praktijk"] = _("Een praktijk kan haar eigen zorg niet overnemen.")
        if self.melding_id and not fouten:
            if any(z not in self.melding.zorgsoorten for z in self.zorgsoorten):
                fouten["zorgsoorten"] = _("Kies alleen zorg waar om gevraagd is.")
            if self.van and self.van < self.melding.van:
                fouten["van"] = _("Deze datum ligt vóór de gemelde periode.")
            if self.tot and self.tot > self.melding.tot:
                fouten["tot"] = _("Deze datum ligt na de gemelde periode.")
        if self.van and self.tot and self.tot < self.van:
            fouten["tot"] = _("De einddatum ligt vóór de begindatum.")
        if self.antwoord == Antwoord.KAN_NIET and not self.reden.strip():
            fouten["reden"] = _("Geef kort aan waarom het niet kan.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def zorg_weergave(self) -> list[str]:
        return [str(Zorgsoort(z).label) for z in self.zorgsoorten]


class OpvangEvaluatie(models.Model):
    """How the opvang went, recorded afterwards by a practice involved (the reporter or a helper)."""

    melding = models.ForeignKey(UitvalMelding, on_delete=models.CASCADE, related_name="evaluaties")
    praktijk = models.ForeignKey(
        Praktijk, on_delete=models.PROTECT, related_name="+", verbose_name=_("praktijk")
    )
    oordeel = models.CharField(_("hoe ging de opvang?"), max_length=16, choices=Oordeel.choices)
    toelichting = models.TextField(_("toelichting"), blank=True, help_text=_("Geen patiëntgegevens."))
    door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    op = models.DateTimeField(_("vastgelegd op"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie van de opvang")
        verbose_name_plural = _("evaluaties van de opvang")
        ordering = ["melding", "op"]
        constraints = [models.UniqueConstraint(fields=["melding", "praktijk"], name="opvangevaluatie_uniek")]

    def __str__(self) -> str:
        return f"{self.praktijk}: {self.get_oordeel_display()}"

    def clean(self) -> None:
        if self.oordeel == Oordeel.KNELPUNT and not self.toelichting.strip():
            raise ValidationError({"toelichting": _("Beschrijf kort het knelpunt.")})
