from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon, Gebied, Partner, Praktijk, Wijk
from wijken.validators import NIET_LEEG

from .constants import (
    NORM_OVERLEGGEN_PER_JAAR,
    Aanwezig,
    ActiepuntStatus,
    AfspraakStatus,
    Besluit,
    Fase,
    Implementatiestatus,
    KnelpuntSoort,
    KnelpuntStatus,
    Nageleefd,
    OverlegStatus,
    Overlegvorm,
    PdfStatus,
    SamenwerkingMate,
    StapStatus,
    TerugkoppelingStatus,
    VerbandSoort,
    VerzendSoort,
)
from .querysets import AfspraakQuerySet, OverlegQuerySet, TerugkoppelingQuerySet, VerbandQuerySet

User = settings.AUTH_USER_MODEL


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Thema(models.Model):
    """A theme on which practices want to and can collaborate (inkoop, personeel, ...)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Samenwerkingsverband(models.Model):
    """A collaboration in one wijk: of GP practices, or a multidisciplinary WSV."""

    soort = models.CharField(_("soort"), max_length=32, choices=VerbandSoort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="verbanden", verbose_name=_("wijk"))
    visie = models.TextField(
        _("gezamenlijke visie"), blank=True, help_text=_("Geformuleerd tijdens de startbijeenkomst.")
    )
    doelstelling = models.TextField(_("doelstelling"), blank=True)
    overlegvorm = models.CharField(_("overlegvorm"), max_length=16, choices=Overlegvorm.choices, blank=True)
    overleggen_per_jaar = models.PositiveSmallIntegerField(
        _("overleggen per jaar"), default=NORM_OVERLEGGEN_PER_JAAR, help_text=_("De afgesproken frequentie.")
    )
    aanwezigen = models.CharField(
        _("wie is aanwezig"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: praktijkhouders en praktijkmanagers."),
    )
    voorzitter = models.CharField(_("voorzitter"), max_length=200, blank=True)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    praktijken = models.ManyToManyField(
        Praktijk, through="Deelname", related_name="verbanden", verbose_name=_("deelnemende praktijken")
    )
    history = HistoricalRecords()

    objects = VerbandQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["wijk__naam", "soort", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "soort", "naam"], name="verband_naam_uniek_per_wijk"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_wsv(self) -> bool:
        return self.soort == VerbandSoort.MULTIDISCIPLINAIR


class Deelname(models.Model):
    """A practice taking part in a verband, from the date it joined."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="deelnames")
    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="deelnames")
    toegetreden_op = models.DateField(_("toegetreden op"))
    uitgetreden_op = models.DateField(_("uitgetreden op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.UniqueConstraint(fields=["verband", "praktijk"], name="deelname_uniek"),
            models.CheckConstraint(
                condition=Q(uitgetreden_op__isnull=True) | Q(uitgetreden_op__gte=models.F("toegetreden_op")),
                name="deelname_uittreden_na_toetreden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.praktijk} in {self.verband}"


class Afgevaardigde(models.Model):
    """The mandated delegate of one beroepsgroep in a WSV; at most one active per beroepsgroep."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="afgevaardigden")
    beroepsgroep = models.CharField(_("beroepsgroep"), max_length=32, choices=Beroepsgroep.choices)
    contactpersoon = models.ForeignKey(
        Contactpersoon, on_delete=models.PROTECT, related_name="mandaten", verbose_name=_("afgevaardigde")
    )
    mandaat_op = models.DateField(_("gemandateerd op"))
    einde_op = models.DateField(_("mandaat beëindigd op"), null=True, blank=True)
    reden_einde = models.CharField(_("reden van beëindiging"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afgevaardigde")
        verbose_name_plural = _("afgevaardigden")
        ordering = ["beroepsgroep", "-mandaat_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["verband", "beroepsgroep"],
                condition=Q(einde_op__isnull=True),
                name="een_afgevaardigde_per_beroepsgroep",
                violation_error_message=_(
                    "Deze beroepsgroep heeft al een gemandateerde afgevaardigde in dit verband."
                ),
            ),
            models.CheckConstraint(
                condition=Q(einde_op__isnull=True) | Q(einde_op__gte=models.F("mandaat_op")),
                name="afgevaardigde_einde_na_mandaat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contactpersoon} ({self.get_beroepsgroep_display()})"


class PdcaStap(models.Model):
    """One step of the PDCA step plan of a kind of verband, as the handreikingen give it."""

    soort = models.CharField(_("soort verband"), max_length=32, choices=VerbandSoort.choices)
    nummer = models.PositiveSmallIntegerField(_("stap"))
    fase = models.CharField(_("fase"), max_length=16, choices=Fase.choices)
    titel = models.CharField(_("titel"), max_length=200)
    kernactiviteit = models.TextField(_("kernactiviteit"))
    wie = models.CharField(_("wie"), max_length=100)

    class Meta:
        verbose_name = _("PDCA-stap")
        verbose_name_plural = _("PDCA-stappen")
        ordering = ["soort", "nummer"]
        constraints = [models.UniqueConstraint(fields=["soort", "nummer"], name="pdca_stap_uniek")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.get_fase_display()}: {self.titel}"


class PdcaCyclus(models.Model):
    """A run through the step plan; after borging a verband starts a new cycle with new themes."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="cycli")
    nummer = models.PositiveSmallIntegerField(_("cyclus"), default=1)
    gestart_op = models.DateField(_("gestart op"))
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    themas = models.ManyToManyField(Thema, blank=True, related_name="cycli", verbose_name=_("thema's"))
    history = HistoricalRecords(m2m_fields=[themas])

    class Meta:
        verbose_name = _("PDCA-cyclus")
        verbose_name_plural = _("PDCA-cycli")
        ordering = ["verband", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["verband", "nummer"], name="cyclus_nummer_uniek"),
            models.UniqueConstraint(
                fields=["verband"],
                condition=Q(afgerond_op__isnull=True),
                name="een_lopende_cyclus_per_verband",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verband}: cyclus {self.nummer}"


class StapVoortgang(models.Model):
    """The state of one step in one cycle: who, when, notes."""

    cyclus = models.ForeignKey(PdcaCyclus, on_delete=models.CASCADE, related_name="voortgang")
    stap = models.ForeignKey(PdcaStap, on_delete=models.PROTECT, related_name="voortgang")
    status = models.CharField(
        _("status"), max_length=16, choices=StapStatus.choices, default=StapStatus.NIET_GESTART
    )
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    bijgewerkt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voortgang van een stap")
        verbose_name_plural = _("voortgang van stappen")
        ordering = ["cyclus", "stap__nummer"]
        constraints = [models.UniqueConstraint(fields=["cyclus", "stap"], name="stapvoortgang_uniek")]

    def __str__(self) -> str:
        return f"{self.stap}: {self.get_status_display()}"


class Afspraak(models.Model):
    """A SMART-afspraak within a verband. Sharpening or extending makes a new version."""

    verband = models.ForeignKey(
        Samenwerkingsverband, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("verband")
    )
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("thema")
    )
    titel = models.CharField(_("titel"), max_length=200)
    specifiek = models.TextField(_("specifiek"), help_text=_("Wat spreken we precies af, en voor wie?"))
    meetbaar = models.TextField(
        _("meetbaar"), help_text=_("Hoe stellen we vast dat de afspraak wordt nageleefd?")
    )
    indicator = models.CharField(_("indicator"), max_length=200, blank=True, help_text=_("Wat meten we?"))
    streefwaarde = models.CharField(
        _("streefwaarde"),
        max_length=100,
        blank=True,
        help_text=_("Een getal, percentage of ja/nee-criterium."),
    )
    acceptabel = models.TextField(
        _("acceptabel"), help_text=_("Waarom is er draagvlak; welke praktijken stemden in?")
    )
    realistisch = models.TextField(
        _("realistisch"), help_text=_("Waarom is dit haalbaar met de beschikbare mensen en middelen?")
    )
    tijdgebonden = models.DateField(
        _("tijdgebonden"), help_text=_("Uiterlijk op deze datum is de afspraak gerealiseerd.")
    )
    evaluatie_op = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    eigenaar = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="afspraken", verbose_name=_("eigenaar")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AfspraakStatus.choices, default=AfspraakStatus.ACTIEF
    )
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)
    vorige_versie = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende_versie",
        verbose_name=_("vorige versie"),
    )
    reden_beeindiging = models.TextField(_("reden van beëindiging"), blank=True)
    praktijken = models.ManyToManyField(
        Praktijk, through="AfspraakPraktijk", related_name="afspraken", verbose_name=_("praktijken")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    revisie = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Telt elke opslag; voorkomt dat gelijktijdige wijzigingen elkaar overschrijven."),
    )
    history = HistoricalRecords()

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("SMART-afspraak")
        verbose_name_plural = _("SMART-afspraken")
        ordering = ["verband", "thema__naam", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(specifiek__regex=NIET_LEEG), name="afspraak_specifiek_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(meetbaar__regex=NIET_LEEG), name="afspraak_meetbaar_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(acceptabel__regex=NIET_LEEG), name="afspraak_acceptabel_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(realistisch__regex=NIET_LEEG), name="afspraak_realistisch_ingevuld"
            ),
            models.CheckConstraint(
                condition=~Q(status=AfspraakStatus.BEEINDIGD) | ~Q(reden_beeindiging__regex=NIET_LEEG),
                name="afspraak_beeindigd_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie})" if self.versie > 1 else self.titel


class AfspraakPraktijk(models.Model):
    """A practice an agreement applies to, with its own implementation in that practice."""

    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="uitvoering")
    praktijk = models.ForeignKey(Praktijk, on_delete=models.PROTECT, related_name="afspraakuitvoering")
    akkoord = models.BooleanField(
        _("akkoord"), default=True, help_text=_("De praktijk stemde in met de afspraak.")
    )
    implementatie = models.CharField(
        _("implementatie"),
        max_length=24,
        choices=Implementatiestatus.choices,
        default=Implementatiestatus.NIET_GESTART,
    )
    medewerkers_geinformeerd = models.BooleanField(_("medewerkers geïnformeerd"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("uitvoering in praktijk")
        verbose_name_plural = _("uitvoering in praktijken")
        constraints = [
            models.UniqueConstraint(fields=["afspraak", "praktijk"], name="afspraakpraktijk_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.afspraak} in {self.praktijk}: {self.get_implementatie_display()}"


class Evaluatie(models.Model):
    """An evaluation of an agreement in a periodic meeting, with its decision."""

    afspraak = models.ForeignKey(Afspraak, on_delete=models.CASCADE, related_name="evaluaties")
    datum = models.DateField(_("datum"))
    nageleefd = models.CharField(_("wordt de afspraak nageleefd?"), max_length=8, choices=Nageleefd.choices)
    wat_gaat_goed = models.TextField(_("wat gaat goed?"), blank=True)
    wat_kan_beter = models.TextField(_("wat kan beter?"), blank=True)
    besluit = models.CharField(_("besluit"), max_length=16, choices=Besluit.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["afspraak", "-datum"]

    def __str__(self) -> str:
        return f"{self.afspraak}: {self.datum:%d-%m-%Y} ({self.get_besluit_display()})"


class Overleg(models.Model):
    """A meeting of a verband: a WSV meets about four times a year."""

    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="overleggen")
    datum = models.DateField(_("datum"))
    starttijd = models.TimeField(_("starttijd"), null=True, blank=True)
    eindtijd = models.TimeField(_("eindtijd"), null=True, blank=True)
    overlegvorm = models.CharField(_("overlegvorm"), max_length=16, choices=Overlegvorm.choices)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True)
    link = models.URLField(_("link online vergadering"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=OverlegStatus.choices, default=OverlegStatus.GEPLAND
    )
    notulen = models.TextField(_("algemene notulen"), blank=True)
    # --- Overleggen (issue 4): invitation, final notulen and their PDF (made in the worker) ---
    notulen_definitief_op = models.DateTimeField(
        _("notulen definitief op"), null=True, blank=True, help_text=_("Daarna liggen de notulen vast.")
    )
    uitnodiging_volgnummer = models.PositiveSmallIntegerField(
        _("versie van de uitnodiging"),
        default=0,
        help_text=_("De SEQUENCE in de agenda-uitnodiging; hoger bij een verzet overleg."),
    )
    uitnodiging_verzonden_op = models.DateTimeField(_("uitnodiging verzonden op"), null=True, blank=True)
    pdf_status = models.CharField(
        _("status notulen-PDF"), max_length=16, choices=PdfStatus.choices, default=PdfStatus.GEEN
    )
    pdf_bestand = models.FileField(
        _("notulen-PDF"), storage=_private_storage, upload_to="notulen/%Y/", blank=True
    )
    pdf_gestart_op = models.DateTimeField(null=True, blank=True)
    pdf_gereed_op = models.DateTimeField(_("PDF gereed op"), null=True, blank=True)
    pdf_fout = models.TextField(_("foutmelding PDF"), blank=True)
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
            )
        ]

    def __str__(self) -> str:
        return f"{self.verband}: {self.datum:%d-%m-%Y}"

    def clean(self) -> None:
        """Where the meeting is: a place for fysiek, a link for online, both for hybride."""
        fouten = {}
        if self.overlegvorm in (Overlegvorm.FYSIEK, Overlegvorm.HYBRIDE) and not self.locatie.strip():
            fouten["locatie"] = _("Vul de locatie in: bij een fysiek of hybride overleg is die verplicht.")
        if self.overlegvorm in (Overlegvorm.ONLINE, Overlegvorm.HYBRIDE) and not self.link.strip():
            fouten["link"] = _("Vul de link in: bij een online of hybride overleg is die verplicht.")
        if self.starttijd and self.eindtijd and self.eindtijd <= self.starttijd:
            fouten["eindtijd"] = _("De eindtijd moet na de starttijd liggen.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def notulen_definitief(self) -> bool:
        return self.notulen_definitief_op is not None


class Agendapunt(models.Model):
    """An item on a meeting's agenda, with its notulen."""

    overleg = models.ForeignKey(Overleg, on_delete=models.CASCADE, related_name="agendapunten")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    notulen = models.TextField(_("notulen"), blank=True)
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
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActiepuntStatus.choices, default=ActiepuntStatus.OPEN
    )
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
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
    gemeld_op = models.DateField(_("gemeld op"))
    naar_projectleider_op = models.DateField(_("doorgegeven aan projectleider op"), null=True, blank=True)
    naar_resv_op = models.DateField(_("ingebracht in het RESV op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("knelpunt of inzicht")
        verbose_name_plural = _("knelpunten en inzichten")
        ordering = ["-gemeld_op"]

    def __str__(self) -> str:
        return self.omschrijving[:60]


class PartnerInventarisatie(models.Model):
    """Plan phase of a WSV: how a practice works with a first-line partner today."""

    praktijk = models.ForeignKey(Praktijk, on_delete=models.CASCADE, related_name="partnerinventarisatie")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="inventarisaties")
    mate = models.CharField(_("samenwerking"), max_length=16, choices=SamenwerkingMate.choices)
    knelpunten = models.TextField(_("knelpunten"), blank=True)
    goede_voorbeelden = models.TextField(_("goede voorbeelden"), blank=True)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    bijgewerkt_door = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inventarisatie eerstelijnspartner")
        verbose_name_plural = _("inventarisatie eerstelijnspartners")
        constraints = [models.UniqueConstraint(fields=["praktijk", "partner"], name="inventarisatie_uniek")]

    def __str__(self) -> str:
        return f"{self.praktijk} – {self.partner}: {self.get_mate_display()}"


class GebiedTerugkoppeling(models.Model):
    """Check/Act: the gebiedsmanager's feedback on a gebied and period to the projectleider."""

    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="terugkoppelingen")
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TerugkoppelingStatus.choices, default=TerugkoppelingStatus.CONCEPT
    )
    opgesteld_door = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    history = HistoricalRecords()

    objects = TerugkoppelingQuerySet.as_manager()

    class Meta:
        verbose_name = _("terugkoppeling aan projectleider")
        verbose_name_plural = _("terugkoppelingen aan projectleider")
        ordering = ["-periode_tot", "gebied"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebied", "periode_van", "periode_tot"], name="terugkoppeling_uniek"
            ),
            models.CheckConstraint(
                condition=Q(periode_tot__gte=models.F("periode_van")), name="terugkoppeling_periode_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebied} {self.periode_van:%d-%m-%Y} – {self.periode_tot:%d-%m-%Y}"


class TerugkoppelingRegel(models.Model):
    """Findings and actions of one WSV in a terugkoppeling; the projectleider marks what goes to the RESV."""

    terugkoppeling = models.ForeignKey(GebiedTerugkoppeling, on_delete=models.CASCADE, related_name="regels")
    verband = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="+")
    bevindingen = models.TextField(_("bevindingen"), blank=True)
    acties = models.TextField(_("acties"), blank=True)
    naar_resv = models.BooleanField(_("naar het RESV"), default=False)
    resv_besproken_op = models.DateField(
        _("besproken in het RESV op"), null=True, blank=True, help_text=_("De datum van de RESV-vergadering.")
    )
    resv_uitkomst = models.TextField(
        _("uitkomst in het RESV"), blank=True, help_text=_("Wat het RESV besloot of afsprak over dit punt.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("terugkoppeling per WSV")
        verbose_name_plural = _("terugkoppelingen per WSV")
        constraints = [
            models.UniqueConstraint(fields=["terugkoppeling", "verband"], name="terugkoppelingregel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.terugkoppeling}: {self.verband}"


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
