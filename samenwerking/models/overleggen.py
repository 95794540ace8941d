"""WSV meetings: agenda, attendance, besluiten, actiepunten and knelpunten."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon
from wijken.validators import NIET_LEEG
from zio_portal.achtergrond import Achtergrondbestand
from zio_portal.invoer import datum_in_bereik

from ..constants import (
    Aanwezig,
    ActiepuntStatus,
    KnelpuntSoort,
    KnelpuntStatus,
    OverlegSoort,
    OverlegStatus,
    Overlegvorm,
    VerzendSoort,
)
from ..querysets import OverlegQuerySet
from .samenstelling import Afgevaardigde
from .verbanden import Samenwerkingsverband

User = settings.AUTH_USER_MODEL


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


# Long enough for the notulen of a long meeting; past it the text is refused, never cut.
NOTULEN_MAX_TEKENS = 20_000


class Overleg(models.Model):
    """A meeting of a verband: a WSV meets about four times a year."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="overleggen")
    datum = models.DateField(_("datum"), validators=[datum_in_bereik])
    starttijd = models.TimeField(_("starttijd"), null=True, blank=True)
    eindtijd = models.TimeField(_("eindtijd"), null=True, blank=True)
    soort = models.CharField(
        _("soort overleg"),
        max_length=16,
        choices=OverlegSoort.choices,
        default=OverlegSoort.WSV,
        help_text=_("Een WSV-overleg, of een MDO, FTO, DTO of intervisie in de wijk."),
    )
    doelgroep = models.CharField(
        _("doelgroep"),
        max_length=200,
        blank=True,
        help_text=_("Bij een MDO: voor wie, bijvoorbeeld kwetsbare ouderen of mensen met dementie."),
    )
    overlegvorm = models.CharField(_("overlegvorm"), max_length=16, choices=Overlegvorm.choices)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    link = models.URLField(_("link online vergadering"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OverlegStatus.choices, default=OverlegStatus.GEPLAND
    )
    notulen = models.TextField(
        _("algemene notulen"), blank=True, validators=[MaxLengthValidator(NOTULEN_MAX_TEKENS)]
    )
    # Invitation, final notulen and their PDF (made in the worker) ---
    notulen_definitief_op = models.DateTimeField(
        _("notulen definitief op"), null=True, blank=True, help_text=_("Daarna liggen de notulen vast.")
    )
    uitnodiging_volgnummer = models.PositiveSmallIntegerField(
        _("versie van de uitnodiging"),
        default=0,
        help_text=_("De SEQUENCE in de agenda-uitnodiging; hoger bij een verzet overleg."),
    )
    uitnodiging_verzonden_op = models.DateTimeField(_("uitnodiging verzonden op"), null=True, blank=True)
    history = HistoricalRecords()

    objects = OverlegQuerySet.as_manager()

    class Meta:
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        ordering = ["verband", "-datum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eindtijd__isnull=True)
                | Q(starttijd__isnull=True)
                | Q(eindtijd__gt=models.F("starttijd")),
                name="overleg_eindtijd_na_starttijd",
            ),
            models.CheckConstraint(
                condition=(Q(soort=OverlegSoort.MDO) & ~Q(doelgroep__regex=NIET_LEEG))
                | (~Q(soort=OverlegSoort.MDO) & Q(doelgroep="")),
                name="overleg_doelgroep_alleen_bij_mdo",
                violation_error_message=_("Een MDO heeft een doelgroep; de andere overleggen niet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verband}: {self.datum:%d-%m-%Y}"

    def clean(self) -> None:
        """Where the meeting is: a place for fysiek, a link for online, both for hybride. An MDO names
        its doelgroep; the other kinds have none."""
        fouten = {}
        if self.soort == OverlegSoort.MDO and not (self.doelgroep or "").strip():
            fouten["doelgroep"] = _("Vul de doelgroep van het MDO in, bijvoorbeeld kwetsbare ouderen.")
        elif self.soort != OverlegSoort.MDO and (self.doelgroep or "").strip():
            fouten["doelgroep"] = _("Alleen een MDO heeft een doelgroep; laat dit veld leeg.")
        if self.overlegvorm in (Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE) and not self.locatie.strip():
            fouten["locatie"] = _("Vul de locatie in: bij een fysiek of hybride overleg is die verplicht.")
        if self.overlegvorm in (Overlegvorm.ONLINE, Overlegvorm.HYBRIDE) and not self.link.strip():
            fouten["link"] = _("Vul de link in: bij een online of hybride overleg is die verplicht.")
        if self.starttijd and self.eindtijd and self.eindtijd <= self.starttijd:
            fouten["eindtijd"] = _("De eindtijd moet na de starttijd liggen.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def soort_naam(self) -> str:
        """The kind as people say it: "WSV-overleg", "MDO kwetsbare ouderen", "FTO"."""
        if self.soort == OverlegSoort.MDO:
            return f"MDO {self.doelgroep}".strip()
        if self.soort == OverlegSoort.WSV:
            return str(OverlegSoort.WSV.label)
        return self.get_soort_display().split(" (")[0]

    @property
    def notulen_definitief(self) -> bool:
        return self.notulen_definitief_op is not None


class NotulenPdf(Achtergrondbestand):
    """The PDF of a meeting's notulen, made in the worker (a concept, or the final one that is mailed).

    One per meeting (the one-to-one key): asking again renders the same row again. The job fields come
    from the kernel's ``Achtergrondbestand``."""

    BESTANDSMAP = "notulen"

    overleg = models.OneToOneField(Overleg, on_delete=models.CASCADE, related_name="notulen_pdf")

    class Meta:
        verbose_name = _("notulen-PDF")
        verbose_name_plural = _("notulen-PDF's")

    def __str__(self) -> str:
        return f"Notulen-PDF {self.overleg}"


class Agendapunt(models.Model):
    """An item on a meeting's agenda, with its notulen."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agendapunten")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    notulen = models.TextField(_("notulen"), blank=True, validators=[MaxLengthValidator(NOTULEN_MAX_TEKENS)])
    vast = models.BooleanField(_("vast agendapunt"), default=False)
    actiepunt = models.ForeignKey(
        "Actiepunt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        help_text=_("Een open actiepunt dat op deze agenda terugkomt."),
    )
    knelpunt = models.ForeignKey(
        "Knelpunt", on_delete=models.SET_NULL, null=True, blank=True, related_name="agendapunten"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["overleg", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel


class Aanwezigheid(models.Model):
    """Whether a delegate (or another participant) attended a meeting."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="aanwezigheid")
    afgevaardigde = models.ForeignKey(
        Afgevaardigde, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    naam = models.CharField(
        _("naam"), max_length=200, blank=True, help_text=_("Voor deelnemers die geen afgevaardigde zijn.")
    )
    status = models.CharField(_("aanwezigheid"), max_length=16, choices=Aanwezig.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["overleg", "afgevaardigde"],
                condition=Q(afgevaardigde__isnull=False),
                name="aanwezigheid_uniek",
            ),
            models.CheckConstraint(
                condition=Q(afgevaardigde__isnull=False) | ~Q(naam__regex=NIET_LEEG),
                name="aanwezigheid_wie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.afgevaardigde or self.naam}: {self.get_status_display()}"


class OverlegVerzending(models.Model):
    """A mail about a meeting (invitation, notulen) that went to one address: the claim that makes
    a second click or a second run of the task send nothing. Delegates are contactpersonen without a
    login, hence per address and not per user."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="verzendingen")
    soort = models.CharField(_("soort"), max_length=16, choices=VerzendSoort.choices)
    email = models.EmailField(_("verzonden aan"))
    volgnummer = models.PositiveSmallIntegerField(
        _("versie"), default=0, help_text=_("Een verzet overleg krijgt een nieuwe uitnodiging.")
    )
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verzonden overlegmail")
        verbose_name_plural = _("verzonden overlegmails")
        constraints = [
            models.UniqueConstraint(
                fields=["overleg", "soort", "email", "volgnummer"], name="overlegverzending_een_keer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.overleg} → {self.email}"


class Besluitvorming(models.Model):
    """A decision (besluit) taken in a meeting."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="besluiten")
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.SET_NULL, null=True, blank=True, related_name="besluiten"
    )
    tekst = models.TextField(_("besluit"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return self.tekst[:60]


class Actiepunt(models.Model):
    """An action from a meeting; open actions carry over to the next meeting until done."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="actiepunten")
    overleg = models.ForeignKey(
        Overleg,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        help_text=_("Het overleg waarin het actiepunt is afgesproken."),
    )
    omschrijving = models.TextField(_("omschrijving"))
    eigenaar = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("eigenaar (gebruiker)"),
    )
    eigenaar_contact = models.ForeignKey(
        Contactpersoon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("eigenaar (contactpersoon)"),
    )
    deadline = models.DateField(_("deadline"), validators=[datum_in_bereik])
    status = models.CharField(
        _("status"), max_length=16, choices=ActiepuntStatus.choices, default=ActiepuntStatus.OPEN
    )
    afgerond_op = models.DateField(_("afgerond op"), validators=[datum_in_bereik], null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eigenaar__isnull=False) | Q(eigenaar_contact__isnull=False),
                name="actiepunt_heeft_eigenaar",
            ),
            models.CheckConstraint(
                condition=~Q(status=ActiepuntStatus.AFGEROND) | Q(afgerond_op__isnull=False),
                name="actiepunt_afgerond_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving[:60]


class Knelpunt(models.Model):
    """A knelpunt, insight or good example raised in a verband; can go on to the projectleider and RESV."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="knelpunten")
    overleg = models.ForeignKey(
        Overleg, on_delete=models.SET_NULL, null=True, blank=True, related_name="knelpunten"
    )
    soort = models.CharField(
        _("soort"), max_length=16, choices=KnelpuntSoort.choices, default=KnelpuntSoort.KNELPUNT
    )
    omschrijving = models.TextField(_("omschrijving"))
    beroepsgroep = models.CharField(
        _("beroepsgroep"), max_length=32, choices=Beroepsgroep.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=KnelpuntStatus.choices, default=KnelpuntStatus.OPEN
    )
    gemeld_op = models.DateField(_("gemeld op"), validators=[datum_in_bereik])
    naar_projectleider_op = models.DateField(
        _("doorgegeven aan projectleider op"), validators=[datum_in_bereik], null=True, blank=True
    )
    naar_resv_op = models.DateField(
        _("ingebracht in het RESV op"), validators=[datum_in_bereik], null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("knelpunt of inzicht")
        verbose_name_plural = _("knelpunten en inzichten")
        ordering = ["-gemeld_op"]

    def __str__(self) -> str:
        return self.omschrijving[:60]


class ActiepuntHerinnering(models.Model):
    """A reminder about an actiepunt that went out: at most one before and one after its deadline.

    The unique constraint is the claim: the daily job inserts first and only mails when the insert
    succeeded, so a job that runs twice never mails twice. Owners are users or contactpersonen (who
    have no login), which is why this claim is per actiepunt and not per ``VerzondenHerinnering`` user.
    """

    class Soort(models.TextChoices):
        VOOR_DEADLINE = "voor", _("Voor de deadline")
        NA_DEADLINE = "na", _("Na de deadline")

    actiepunt = models.ForeignKey(Actiepunt, on_delete=models.CASCADE, related_name="herinneringen")
    soort = models.CharField(_("soort"), max_length=8, choices=Soort.choices)
    email = models.EmailField(_("verzonden aan"))
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering actiepunt")
        verbose_name_plural = _("herinneringen actiepunten")
        constraints = [
            models.UniqueConstraint(fields=["actiepunt", "soort"], name="actiepuntherinnering_een_keer"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.actiepunt} → {self.email}"
