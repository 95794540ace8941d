"""The models of the samenwerking app, one module per workflow; all re-exported here so that the app
label, the migrations, the history tables and the permission codenames stay where they were."""

from .afspraken import Afspraak, AfspraakPraktijk, Evaluatie
from .continuiteit import Opvangafspraak, OpvangEvaluatie, OpvangPraktijk, OpvangVerzoek, UitvalMelding
from .overleggen import (
    Aanwezigheid,
    Actiepunt,
    ActiepuntHerinnering,
    Agendapunt,
    Besluitvorming,
    Knelpunt,
    NotulenPdf,
    Overleg,
    OverlegVerzending,
    _private_storage,
)
from .samenstelling import Afgevaardigde
from .terugkoppeling import GebiedTerugkoppeling, TerugkoppelingRegel
from .verbanden import Deelname, PdcaCyclus, PdcaStap, Samenwerkingsverband, StapVoortgang, Thema
from .wijkoverzicht import PartnerInventarisatie

__all__ = [
    "Aanwezigheid",
    "Actiepunt",
    "ActiepuntHerinnering",
    "Afgevaardigde",
    "Afspraak",
    "AfspraakPraktijk",
    "Agendapunt",
    "Besluitvorming",
    "Deelname",
    "Evaluatie",
    "GebiedTerugkoppeling",
    "Knelpunt",
    "NotulenPdf",
    "OpvangEvaluatie",
    "OpvangPraktijk",
    "OpvangVerzoek",
    "Opvangafspraak",
    "Overleg",
    "OverlegVerzending",
    "PartnerInventarisatie",
    "PdcaCyclus",
    "PdcaStap",
    "Samenwerkingsverband",
    "StapVoortgang",
    "TerugkoppelingRegel",
    "UitvalMelding",
    "Thema",
    "_private_storage",
]
