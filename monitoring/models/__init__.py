"""The monitoring's models, one module per workflow, re-exported here: the app label, the migrations,
the history tables and the permission codenames stay those of ``monitoring.models``."""

from .bezoeken import BezoekVerzending, Bouwsteen, Ondersteuningsbehoefte, Praktijkbezoek
from .rapportage import MAANDEN, Rapportage, RapportagePlanning, _private_storage
from .vragenlijsten import Antwoord, ImportKoppeling, Respons, Ronde, Sectie, Vraag, Vragenlijst
from .wijkplannen import (
    Actie,
    Afstemming,
    CbsKerncijfers,
    Doel,
    DoelEvaluatie,
    Prioriteit,
    ScanItem,
    Wijkplan,
    WijkplanOpmerking,
    WijkplanPdf,
)

__all__ = [
    "MAANDEN",
    "Antwoord",
    "BezoekVerzending",
    "Bouwsteen",
    "ImportKoppeling",
    "Ondersteuningsbehoefte",
    "Praktijkbezoek",
    "Rapportage",
    "RapportagePlanning",
    "Respons",
    "Ronde",
    "Sectie",
    "Vraag",
    "Vragenlijst",
    # wijkplannen
    "Actie",
    "Afstemming",
    "CbsKerncijfers",
    "Doel",
    "DoelEvaluatie",
    "Prioriteit",
    "ScanItem",
    "Wijkplan",
    "WijkplanOpmerking",
    "WijkplanPdf",
    "_private_storage",  # named by migration 0001 as monitoring.models._private_storage
]
