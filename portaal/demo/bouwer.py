"""Building the demo region: the order of the sections and what the command reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import models, transaction

from monitoring import seeds as monitoring_seeds
from monitoring.models import (
    Antwoord,
    Bouwsteen,
    Ondersteuningsbehoefte,
    Praktijkbezoek,
    Respons,
    Ronde,
    Vraag,
    Vragenlijst,
)
from portaal.demo.afspraken import AfspraakBouwer
from portaal.demo.bezoeken import BezoekBouwer
from portaal.demo.continuiteit import ContinuiteitBouwer
from portaal.demo.gebruikers import GebruikersBouwer
from portaal.demo.geografie import GeografieBouwer
from portaal.demo.hulp import historie_door
from portaal.demo.monitoring import MonitoringBouwer
from portaal.demo.overleggen import OverlegBouwer
from portaal.demo.samenwerking import SamenwerkingBouwer
from portaal.demo.terugkoppelingen import TerugkoppelingBouwer
from portaal.demo.wijkplannen import WijkplanBouwer
from samenwerking import seeds as samenwerking_seeds
from samenwerking.models import (
    Aanwezigheid,
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Agendapunt,
    Besluitvorming,
    Deelname,
    Evaluatie,
    GebiedTerugkoppeling,
    Knelpunt,
    Opvangafspraak,
    OpvangVerzoek,
    Overleg,
    PartnerInventarisatie,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    StapVoortgang,
    TerugkoppelingRegel,
    Thema,
    UitvalMelding,
)
from wijken.models import (
    Contactpersoon,
    Gebied,
    Gemeente,
    Partner,
    Praktijk,
    Praktijkmedewerker,
    Regio,
    Wijk,
    WijkToewijzing,
)
from zio_portal.cache import verhoog

User = get_user_model()


@dataclass
class Resultaat:
    schaal: int
    aangemaakt: Counter
    totalen: list[tuple[str, int, int]]  # (label, in de database, nieuw)


TELLINGEN: tuple[type[models.Model], ...] = (
    Regio,
    Gemeente,
    Gebied,
    Wijk,
    Praktijk,
    WijkToewijzing,
    Partner,
    Contactpersoon,
    User,
    Praktijkmedewerker,
    Samenwerkingsverband,
    Deelname,
    Afgevaardigde,
    PdcaCyclus,
    StapVoortgang,
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
    Overleg,
    Agendapunt,
    Aanwezigheid,
    Besluitvorming,
    Actiepunt,
    Knelpunt,
    PartnerInventarisatie,
    GebiedTerugkoppeling,
    TerugkoppelingRegel,
    Vragenlijst,
    Vraag,
    Ronde,
    Respons,
    Antwoord,
    Praktijkbezoek,
    Ondersteuningsbehoefte,
    Opvangafspraak,
    UitvalMelding,
    OpvangVerzoek,
)


def bouw_demodata(*, schaal: int = 1) -> Resultaat:
    """Build (or complete) the demo region; safe to run more than once."""
    if schaal < 1:
        raise ValueError("schaal moet 1 of meer zijn")
    with transaction.atomic():
        # The seeded reference data (PDCA steps, themes, bouwstenen) normally comes from the data
        # migrations; a flushed database gets it back here.
        samenwerking_seeds.zaai(PdcaStap=PdcaStap, Thema=Thema)
        monitoring_seeds.zaai(Bouwsteen=Bouwsteen)
        resultaat = DemoBouwer(schaal).bouw()
        # Most rows come in with bulk_create, which sends no post_save: move the versions of the
        # cached figures (the dashboard) here, for a portal that is running while this fills it.
        for naam in ("wijken", "samenwerking", "monitoring"):
            verhoog(naam)
        return resultaat


class DemoBouwer(
    GebruikersBouwer,
    GeografieBouwer,
    SamenwerkingBouwer,
    AfspraakBouwer,
    OverlegBouwer,
    BezoekBouwer,
    MonitoringBouwer,
    TerugkoppelingBouwer,
    ContinuiteitBouwer,
    WijkplanBouwer,
):
    """Builds the region section by section; each section creates only what is missing."""

    def bouw(self) -> Resultaat:
        self._gebruikers()
        # The demo's own changes are the beheerder's in the history (an afspraak's are its owner's).
        self.rijen.door = self.gebruikers["beheerder"]
        with historie_door(self.rijen.door):
            self._geografie()
            self._praktijken()
            self._partners()
            self._inventarisaties()
            self._verbanden()
            self._bezoeken()
            self._monitoring()
            self._terugkoppelingen()
            self._continuiteit()
            self._wijkplannen_demo()
        totalen = [
            (
                str(model._meta.verbose_name_plural),
                model._default_manager.count(),
                self.rijen.aangemaakt[model],
            )
            for model in TELLINGEN
        ]
        return Resultaat(self.schaal, self.rijen.aangemaakt, totalen)
