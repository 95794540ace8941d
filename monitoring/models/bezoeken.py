"""Models of the praktijkbezoeken: the yearly visit, what was discussed and the terugkoppeling."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenwerking.models import Thema
from wijken.models import Praktijk
from wijken.validators import NIET_LEEG
from zio_portal.invoer import datum_in_bereik

from ..constants import BezoekStatus, Ondersteuningscategorie
from ..querysets import PraktijkbezoekQuerySet

User = settings.AUTH_USER_MODEL


class Bouwsteen(models.Model):
    """One of the six bouwstenen of regional GP collaboration (LHV/NHG/InEen)."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("bouwsteen")
        verbose_name_plural = _("bouwstenen")
        ordering = ["nummer"]

    def __str__(self) -> str:
        return self.naam


class Praktijkbezoek(models.Model):
    """A visit by ZIO to a practice, at least once a year, with its terugkoppeling."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="bezoeken")
    gepland_op = models.DateTimeField(_("gepland op"), validators=[datum_in_bereik])
    gehouden_op = models.DateField(_("gehouden op"), validators=[datum_in_bereik], null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BezoekStatus.choices, default=BezoekStatus.GEPLAND
    )
    bezoekers = models.ManyToManyField(
        User, related_name="praktijkbezoeken", verbose_name=_("bezoekers van ZIO")
    )
    wat_gaat_goed = models.TextField(_("wat gaat goed?"), blank=True)
    uitdagingen = models.TextField(_("waar liggen de uitdagingen?"), blank=True)
    bouwstenen = models.ManyToManyField(
        Bouwsteen, blank=True, related_name="bezoeken", verbose_name=_("besproken bouwstenen")
    )
    themas = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="bezoeken",
        verbose_name=_("thema's met afspraken met nabije praktijken"),
    )
    terugkoppeling = models.TextField(_("terugkoppeling"), blank=True)
    gedeeld_op = models.DateTimeField(_("terugkoppeling gedeeld op"), null=True, blank=True)
    gezien_op = models.DateTimeField(_("terugkoppeling gezien op"), null=True, blank=True)
    gezien_door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reactie_praktijk = models.TextField(_("reactie van de praktijk"), blank=True)
    uitnodiging_volgnummer = models.PositiveSmallIntegerField(
        _("versie van de uitnodiging"),
        default=0,
        help_text=_("De SEQUENCE in de agenda-uitnodiging; hoger bij een verzet of geannuleerd bezoek."),
    )
    uitnodiging_verzonden_op = models.DateTimeField(_("uitnodiging verzonden op"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[bouwstenen, themas])

    objects = PraktijkbezoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("praktijkbezoek")
        verbose_name_plural = _("praktijkbezoeken")
        ordering = ["-gepland_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gedeeld_op__isnull=True) | ~Q(terugkoppeling__regex=NIET_LEEG),
                name="bezoek_gedeeld_met_tekst",
            ),
            models.CheckConstraint(
                condition=Q(gezien_op__isnull=True) | Q(gedeeld_op__isnull=False),
                name="bezoek_gezien_na_delen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk}: {self.gepland_op:%d-%m-%Y}"


class BezoekVerzending(models.Model):
    """An invitation (or cancellation) of a visit that went to one address in one version: the claim
    that makes a second click or a second run of the task send nothing twice."""

    class Soort(models.TextChoices):
        UITNODIGING = "uitnodiging", _("Uitnodiging")
        ANNULERING = "annulering", _("Annulering")

    bezoek = models.ForeignKey(Praktijkbezoek, on_delete=models.CASCADE, related_name="verzendingen")
    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices)
    email = models.EmailField(_("verzonden aan"))
    volgnummer = models.PositiveSmallIntegerField(_("versie"), default=0)
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verzonden bezoekuitnodiging")
        verbose_name_plural = _("verzonden bezoekuitnodigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["bezoek", "soort", "email", "volgnummer"], name="bezoekverzending_een_keer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.bezoek} → {self.email}"


class Ondersteuningsbehoefte(models.Model):
    """Where ZIO can support the practice, as discussed in a visit."""

    bezoek = models.ForeignKey(
        Praktijkbezoek, on_delete=models.CASCADE, related_name="ondersteuningsbehoeften"
    )
    categorie = models.CharField(_("categorie"), max_length=32, choices=Ondersteuningscategorie.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondersteuningsbehoefte")
        verbose_name_plural = _("ondersteuningsbehoeften")

    def __str__(self) -> str:
        return self.get_categorie_display()
