"""Reading and checking another survey tool's export before it is imported (all or nothing).

Takes unedited exports as LimeSurvey and KoboToolbox write them, Dutch Excel CSVs, .xlsx and .ods:

- the AGB column is found by its heading (``agb``, ``AGB-code``, ``agb_code`` …) in any position, and
  codes that lost their leading zero in Excel are padded to 8 digits;
- the tools' metadata columns and empty columns are ignored (and listed as ignored);
- question columns match by code, by the code at the start of a LimeSurvey heading (``SW01[SQ001]``,
  ``SW01. Vraagtekst``), by the last part of a KoboToolbox group path (``groep/SW01``), by the full
  question text, or by a heading the beleidsadviseur linked before (``ImportKoppeling``);
- numbers follow the file's convention (Dutch decimal comma and thousands dot where the file uses
  them); a value that could be read two ways is a cell error, never a guess;
- the file is bounded before it is parsed: size, unpacked size of an xlsx/ods (the zip's declared
  sizes), rows and columns; the error list is capped.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijken.models import Praktijk
from zio_portal.invoer import bevat_stuurtekens

from ..constants import VraagType
from ..models import ImportKoppeling, Ronde, Vraag
from .antwoorden import antwoord_waarde_lezen

EXTENSIES = (".csv", ".xlsx", ".ods")
MAX_BESTAND = 5 * 1024 * 1024  # bytes of the upload
MAX_UITGEPAKT = 50 * 1024 * 1024  # bytes of an xlsx/ods once unpacked (its zip's declared sizes)
MAX_ZIP_DELEN = 500  # files inside an xlsx/ods
MAX_RIJEN = 2000  # answer rows (one per practice; a region has a few hundred)
MAX_KOLOMMEN = 2000
MAX_FOUTEN = 200  # problems listed; the rest is counted
VOORBEELD_RIJEN = 10  # rows whose stored values the preview shows

LIMESURVEY_METADATA = {
    "id", "submitdate", "lastpage", "startlanguage", "seed", "token", "startdate", "datestamp",
    "ipaddr", "refurl", "interviewtime", "optout", "emailstatus", "firstname", "lastname", "email",
    "tid", "participantid", "completed", "usesleft", "validfrom", "validuntil", "sent", "remindersent",
    "remindercount",
    # the same columns under "full" headings, English and Dutch
    "responseid", "datesubmitted", "datestarted", "datelastaction",
    "ipaddress", "referrerurl", "totaltime", "antwoordid", "datumverstuurd", "datumingediend",
    "laatstepagina", "starttaal", "datumgestart", "datumlaatsteactie", "ipadres", "verwijzendeurl",
    "totaletijd", "voornaam", "achternaam",
}  # fmt: skip
KOBO_METADATA = {
    "start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
    "audit", "id", "uuid", "submissiontime", "validationstatus", "notes", "status", "submittedby",
    "version", "tags", "index", "xformidstring", "attachments", "geolocation", "parenttablename",
    "parentindex", "submissionid", "duration", "formhubuuid", "metainstanceid", "metarootuuid",
    "metadeprecatedid", "instanceid", "rootuuid",
}  # fmt: skip
# The own template's name column, there for whoever fills it in.
PORTAAL_INFO = {"praktijk", "praktijknaam", "naampraktijk", "wijk"}

_AGB_KOP = re.compile(r"agb(?:[\s_\-]*code)?", re.IGNORECASE)
_CODE_IN_KOP = re.compile(r"^\s*([A-Za-z][\w\-]*?)\s*(?:\[.*|\.\s.*|:\s.*|\s-\s.*|\s*\(.*)$", re.DOTALL)


class BestandFout(Exception):
    """The file cannot be read at all (wrong format, encoding, too large, empty, no AGB column)."""


@dataclass
class Fout:
    """One problem: the row as the user sees it in the file (header = 1), the column and why."""

    rij: int
    kolom: str
    melding: str


@dataclass
class Kolom:
    """How a column of the file is read: the AGB code, a question, ignored, or not yet known."""

    index: int
    kop: str
    soort: str  # "agb", "vraag", "genegeerd", "onbekend"
    vraag: Vraag | None = None
    reden: str = ""


@dataclass
class Tabel:
    """The cells of a file: the header row first; spreadsheet cells keep their type."""

    rijen: list[list[Any]]
    soort: str
    scheidingsteken: str = ""
    codering: str = ""


@dataclass
class Controle:
    """The outcome of checking a file against a round: columns, rows ready to store, problems."""

    kolommen: list[Kolom]
    rijen: list[tuple[Praktijk, dict[Vraag, Any]]] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    aantal_fouten: int = 0
    bestaand: int = 0  # practices that already have a response in this round
    notatie: str = ""  # "nl", "en" or "" (only whole numbers, or none)
    voorbeeld: list[tuple[Praktijk, list[str]]] = field(default_factory=list)
    bron: str = ""  # "LimeSurvey", "KoboToolbox" or ""
    voorbeeld_kolommen: list[Kolom] = field(default_factory=list)

    def fout(self, rij: int, kolom: str, melding: str) -> None:
        self.aantal_fouten += 1
        if len(self.fouten) < MAX_FOUTEN:
            self.fouten.append(Fout(rij, kolom, melding))

    @property
    def in_orde(self) -> bool:
        return not self.aantal_fouten and not self.onbekend and bool(self.rijen)

    @property
    def afgekapt(self) -> bool:
        return self.aantal_fouten > len(self.fouten)

    @property
    def vraagkolommen(self) -> list[Kolom]:
        return [k for k in self.kolommen if k.soort == "vraag"]

    @property
    def genegeerd(self) -> list[Kolom]:
        return [k for k in self.kolommen if k.soort == "genegeerd"]

    @property
    def onbekend(self) -> list[Kolom]:
        return [k for k in self.kolommen if k.soort == "onbekend"]


# --- lezen ------------------------------------------------------------------------------------------


def lees_bestand(inhoud: bytes, naam: str) -> Tabel:
    """The cells of a CSV (UTF-8 with or without BOM, or Windows-1252; ``;``, ``,`` or tab), an .xlsx or
    an .ods file, bounded in size, unpacked size, rows and columns. Raises BestandFout."""
    extensie = Path(naam).suffix.lower()
    if extensie not in EXTENSIES:
        raise BestandFout(_("Kies een .csv-, .xlsx- of .ods-bestand."))
    if len(inhoud) > MAX_BESTAND:
        raise BestandFout(_("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_BESTAND // (1024 * 1024)})
    tabel = _lees_csv(inhoud) if extensie == ".csv" else _lees_werkblad(inhoud, extensie)
    rijen = [rij for rij in tabel.rijen if any(_leeg(c) is False for c in rij)]
    if len(rijen) < 2:
        raise BestandFout(_("Het bestand bevat geen regels met antwoorden."))
    tabel.rijen = rijen
    return tabel


def _leeg(cel: Any) -> bool:
    return cel is None or (isinstance(cel, str) and not cel.strip())


def _te_veel_rijen() -> BestandFout:
    return BestandFout(
        _("Het bestand heeft meer dan %(n)s regels; splits het of laat lege regels weg.") % {"n": MAX_RIJEN}
    )


def _decoderen(inhoud: bytes) -> tuple[str, str]:
    begin = inhoud[:4096]
    if begin.startswith((b"\xff\xfe", b"\xfe\xff")) or begin.count(b"\x00") > len(begin) // 4:
        raise BestandFout(
            _(
                "Dit bestand is opgeslagen als UTF-16 (in Excel: 'Unicode-tekst'). Sla het op als "
                "'CSV UTF-8 (door komma's gescheiden)' of als Excel-werkmap (.xlsx) en upload het opnieuw."
            )
        )
    try:
        return inhoud.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return inhoud.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise BestandFout(
            _(
                "De tekenset van dit bestand is niet te herkennen (geen UTF-8 of Windows-1252). Sla het "
                "op als 'CSV UTF-8' of als Excel-werkmap (.xlsx) en upload het opnieuw."
            )
        ) from None


def _lees_csv(inhoud: bytes) -> Tabel:
    tekst, codering = _decoderen(inhoud)
    kandidaten = {}
    for teken in (";", ",", "\t"):
        kop = next(csv.reader(io.StringIO(tekst.split("\n", 1)[0]), delimiter=teken), [])
        kandidaten[teken] = len(kop)
    scheiding = max((";", ",", "\t"), key=lambda t: kandidaten[t])  # ties: ; (Dutch Excel) first
    rijen: list[list[Any]] = []
    try:
        for rij in csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding):
            if len(rijen) > MAX_RIJEN:
                raise _te_veel_rijen()
            if len(rij) > MAX_KOLOMMEN:
                raise BestandFout(_("Het bestand heeft meer dan %(n)s kolommen.") % {"n": MAX_KOLOMMEN})
            if any(rij):
                rijen.append(rij)
    except csv.Error as exc:
        raise BestandFout(_("Het CSV-bestand kan niet worden gelezen: %(fout)s") % {"fout": exc}) from exc
    return Tabel(rijen=rijen, soort="csv", scheidingsteken=scheiding, codering=codering)


def zip_begrenzen(inhoud: bytes) -> None:
    """Refuse an xlsx/ods whose zip declares more than MAX_UITGEPAKT unpacked (a zip bomb) before
    anything is unpacked; then unpack each part as a stream, counting, so a zip that understates its
    sizes is refused too. Memory stays bounded by the read buffer."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise BestandFout(_("Het bestand is geen geldig Excel- of OpenDocument-bestand.")) from exc
    delen = archief.infolist()
    te_groot = BestandFout(
        _("Het bestand is uitgepakt groter dan %(mb)s MB; dat is te groot om in te lezen.")
        % {"mb": MAX_UITGEPAKT // (1024 * 1024)}
    )
    if len(delen) > MAX_ZIP_DELEN or sum(d.file_size for d in delen) > MAX_UITGEPAKT:
        raise te_groot
    totaal = 0
    try:
        for deel in delen:
            with archief.open(deel) as f:
                while blok := f.read(1024 * 1024):
                    totaal += len(blok)
                    if totaal > MAX_UITGEPAKT:
                        raise te_groot
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise BestandFout(_("Het bestand is beschadigd en kan niet worden gelezen.")) from exc


def _lees_werkblad(inhoud: bytes, extensie: str) -> Tabel:
    zip_begrenzen(inhoud)
    from python_calamine import CalamineWorkbook

    try:
        werkmap = CalamineWorkbook.from_filelike(io.BytesIO(inhoud))
        blad = werkmap.get_sheet_by_index(0)
        if blad.height > MAX_RIJEN + 1:
            raise _te_veel_rijen()
        if blad.width > MAX_KOLOMMEN:
            raise BestandFout(_("Het bestand heeft meer dan %(n)s kolommen.") % {"n": MAX_KOLOMMEN})
        rijen = blad.to_python(skip_empty_area=False)
    except BestandFout:
        raise
    except Exception as exc:  # calamine raises several kinds for a broken file
        soort = "Excel" if extensie == ".xlsx" else "OpenDocument"
        raise BestandFout(_("Het %(soort)s-bestand kan niet worden gelezen.") % {"soort": soort}) from exc
    rijen = [[None if c == "" else c for c in rij] for rij in rijen]
    return Tabel(rijen=rijen, soort=extensie[1:])


# --- koppen ------------------------------------------------------------------------------------------


def kop_sleutel(kop: str) -> str:
    """A heading as it is remembered and compared: case-insensitive, whitespace collapsed."""
    return " ".join(str(kop).split()).casefold()


def _compact(kop: str) -> str:
    return re.sub(r"[\s_\-./]+", "", kop.casefold())


def _tekst_sleutel(tekst: str) -> str:
    return re.sub(r"[\s?:.]+$", "", kop_sleutel(tekst))


def _is_agb(kop: str) -> bool:
    return bool(_AGB_KOP.fullmatch(kop.strip()))


def kolommen_bepalen(*, ronde: Ronde, kop: list[Any], rijen: list[list[Any]]) -> tuple[list[Kolom], str]:
    """Read each heading: the AGB column, a question, ignored (metadata, empty, linked to 'negeren')
    or unknown. Returns the columns and the tool the file seems to come from."""
    vragen = list(ronde.vragenlijst.vragen.all())
    op_code = {v.code.casefold(): v for v in vragen}
    op_tekst = {_tekst_sleutel(v.tekst): v for v in vragen}
    bewaard = ImportKoppeling.objects.filter(vragenlijst=ronde.vragenlijst).select_related("vraag")
    koppelingen = {k.kop: k.vraag for k in bewaard}
    compact = [_compact(str(k or "")) for k in kop]
    kobo_kenmerken = {"start", "end", "id", "uuid", "submissiontime", "index"}
    lime_kenmerken = {"submitdate", "lastpage", "startlanguage", "seed", "datesubmitted"}
    kobo = sum(c in kobo_kenmerken for c in compact)
    lime = sum(c in lime_kenmerken for c in compact)
    bron = "KoboToolbox" if kobo >= 2 else "LimeSurvey" if lime >= 2 else ""
    kolommen: list[Kolom] = []
    agb_gevonden = False
    for index, ruw in enumerate(kop):
        tekst = "" if ruw is None else str(ruw).strip()
        sleutel = kop_sleutel(tekst)
        leeg = not tekst and all(index >= len(r) or _leeg(r[index]) for r in rijen)
        if leeg:
            kolommen.append(Kolom(index, tekst, "genegeerd", reden=_("lege kolom")))
            continue
        if _is_agb(tekst) and not agb_gevonden:
            agb_gevonden = True
            kolommen.append(Kolom(index, tekst, "agb", reden=_("AGB-code")))
            continue
        if sleutel and sleutel in koppelingen:
            vraag = koppelingen[sleutel]
            if vraag is None:
                kolommen.append(Kolom(index, tekst, "genegeerd", reden=_("eerder gekozen: negeren")))
            else:
                kolommen.append(Kolom(index, tekst, "vraag", vraag, _("eerder gekoppeld")))
            continue
        laatste = tekst.rsplit("/", 1)[-1].strip()  # KoboToolbox: group/question
        if laatste.casefold() in op_code:
            kolommen.append(Kolom(index, tekst, "vraag", op_code[laatste.casefold()], _("vraagcode")))
            continue
        gevonden = _CODE_IN_KOP.match(tekst)
        if gevonden and gevonden.group(1).casefold() in op_code:
            vraag = op_code[gevonden.group(1).casefold()]
            kolommen.append(Kolom(index, tekst, "vraag", vraag, _("vraagcode in de kop")))
            continue
        if _tekst_sleutel(tekst) in op_tekst:
            kolommen.append(Kolom(index, tekst, "vraag", op_tekst[_tekst_sleutel(tekst)], _("vraagtekst")))
            continue
        c = compact[index]
        is_lime = c in LIMESURVEY_METADATA or re.fullmatch(r"attribute\d+", c)
        is_kobo = c in KOBO_METADATA or tekst.startswith(("_", "meta/", "formhub/"))
        if is_lime and not (is_kobo and bron == "KoboToolbox"):
            kolommen.append(Kolom(index, tekst, "genegeerd", reden=_("gegevens van LimeSurvey")))
        elif is_kobo:
            kolommen.append(Kolom(index, tekst, "genegeerd", reden=_("gegevens van KoboToolbox")))
        elif c in PORTAAL_INFO:
            kolommen.append(Kolom(index, tekst, "genegeerd", reden=_("ter informatie")))
        else:
            kolommen.append(Kolom(index, tekst, "onbekend"))
    if not agb_gevonden:
        raise BestandFout(
            _(
                "Geen kolom met de AGB-code gevonden. Geef die kolom de kop 'AGB-code' (of 'agb', "
                "'agb_code'); hij mag op elke plaats staan."
            )
        )
    return kolommen, bron


# --- getallen ----------------------------------------------------------------------------------------

_GEHEEL = re.compile(r"[+-]?\d+")
_SPATIE_DUIZEND = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")
_NL = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[+-]?\d+(?:,\d+)?")
_EN = re.compile(r"[+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[+-]?\d+(?:\.\d+)?")


@dataclass
class Getal:
    """A number read from text: its value per convention (None where that convention cannot read it)."""

    nl: Decimal | None
    en: Decimal | None

    @property
    def soort(self) -> str:
        if self.nl is not None and self.en is not None:
            return "gelijk" if self.nl == self.en else "dubbelzinnig"
        return "nl" if self.nl is not None else "en" if self.en is not None else "geen"


def getal_lezen(tekst: str) -> Getal:
    """Read a number both ways: Dutch (``2.850,5``) and English (``2,850.5``)."""
    tekst = tekst.strip()
    if _GEHEEL.fullmatch(tekst):
        return Getal(Decimal(tekst), Decimal(tekst))
    if _SPATIE_DUIZEND.fullmatch(tekst):
        tekst = re.sub(r"[ \u00a0\u202f]", "", tekst)
        if _GEHEEL.fullmatch(tekst):
            return Getal(Decimal(tekst), Decimal(tekst))
    nl = en = None
    groep_nul = re.match(r"[+-]?0[.,]\d{3}(?:\D|$)", tekst)  # 0.850 / 0,850: never a thousands group
    if _NL.fullmatch(tekst) and not (groep_nul and "." in tekst[:3]):
        nl = Decimal(tekst.replace(".", "").replace(",", "."))
    if _EN.fullmatch(tekst) and not (groep_nul and "," in tekst[:3]):
        en = Decimal(tekst.replace(",", ""))
    return Getal(nl, en)


def _notatie(*, tabel: Tabel, kolommen: list[Kolom], bron: str) -> str:
    """The file's number convention: from the values that only one convention reads; else a Dutch
    Excel CSV (``;``, not another tool's export) is Dutch; else unknown ("")."""
    nl = en = 0
    for kolom in kolommen:
        if kolom.soort != "vraag" or kolom.vraag.type not in (VraagType.GETAL, VraagType.SCHAAL):
            continue
        for rij in tabel.rijen[1:]:
            cel = rij[kolom.index] if kolom.index < len(rij) else None
            if isinstance(cel, str) and cel.strip():
                soort = getal_lezen(cel).soort
                nl += soort == "nl"
                en += soort == "en"
    if nl and not en:
        return "nl"
    if en and not nl:
        return "en"
    if not nl and not en and tabel.soort == "csv" and tabel.scheidingsteken == ";" and not bron:
        return "nl"
    return ""


def _getal_uit_cel(cel: Any, notatie: str) -> Decimal | None:
    """The number in a cell, or ValueError with a Dutch reason; typed spreadsheet numbers stay as they are."""
    if isinstance(cel, bool):
        raise ValueError(_("'%(waarde)s' is geen getal.") % {"waarde": cel})
    if isinstance(cel, int):
        return Decimal(cel)
    if isinstance(cel, float):
        return Decimal(repr(cel))
    tekst = str(cel).strip()
    getal = getal_lezen(tekst)
    match getal.soort:
        case "gelijk":
            return getal.nl
        case "nl" if notatie != "en":
            return getal.nl
        case "en" if notatie != "nl":
            return getal.en
        case "dubbelzinnig" if notatie in ("nl", "en"):
            return getal.nl if notatie == "nl" else getal.en
        case "dubbelzinnig":
            raise ValueError(
                _(
                    "'%(waarde)s' is dubbelzinnig: %(nl)s of %(en)s? Schrijf het getal zonder "
                    "scheidingsteken voor duizendtallen."
                )
                % {"waarde": tekst, "nl": getal_weergeven(getal.nl), "en": getal_weergeven(getal.en)}
            )
        case "nl" | "en":
            raise ValueError(
                _("'%(waarde)s' past niet bij de schrijfwijze van de andere getallen in dit bestand.")
                % {"waarde": tekst}
            )
    raise ValueError(_("'%(waarde)s' is geen getal.") % {"waarde": tekst})


def getal_weergeven(getal: Decimal) -> str:
    """A number as the preview shows it: decimal comma, no thousands separator, no trailing zeros."""
    tekst = format(getal.normalize(), "f") if getal == getal.to_integral_value() else format(getal, "f")
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


# --- cellen ------------------------------------------------------------------------------------------


def agb_lezen(cel: Any) -> str:
    """An AGB code from a cell: 8 digits, the leading zeros that Excel drops put back."""
    if isinstance(cel, float) and cel.is_integer():
        cel = int(cel)
    tekst = re.sub(r"\s", "", str(cel if cel is not None else ""))
    if re.fullmatch(r"\d+\.0+", tekst):
        tekst = tekst.split(".")[0]
    if tekst.isdigit() and len(tekst) < 8:
        tekst = tekst.zfill(8)
    return tekst


def _keuze(vraag: Vraag, cel: Any) -> Any:
    """A choice by its label, its KoboToolbox name (slug of the label) or its LimeSurvey code
    (A1, AO01 or the option's number)."""
    tekst = str(cel).strip()
    if isinstance(cel, float) and cel.is_integer():
        tekst = str(int(cel))
    gewoon = tekst.casefold()
    for optie in vraag.opties:
        if optie.casefold() == gewoon:
            return optie
    naam = slugify(tekst).replace("-", "_")
    for optie in vraag.opties:
        if slugify(optie).replace("-", "_") == naam and naam:
            return optie
    nummer = re.fullmatch(r"(?:a|ao)?0*(\d+)", gewoon)
    if nummer and 1 <= int(nummer.group(1)) <= len(vraag.opties):
        return vraag.opties[int(nummer.group(1)) - 1]
    return tekst


def cel_lezen(*, vraag: Vraag, cel: Any, notatie: str) -> Any:
    """The value stored for a cell (None when empty); ValueError with a Dutch reason."""
    if _leeg(cel):
        return None
    if isinstance(cel, str) and bevat_stuurtekens(cel):
        raise ValueError(
            _("Deze cel bevat een onzichtbaar stuurteken (bijvoorbeeld een NUL-teken); verwijder het.")
        )
    if vraag.type in (VraagType.GETAL, VraagType.SCHAAL):
        return antwoord_waarde_lezen(vraag=vraag, ruw=str(_getal_uit_cel(cel, notatie)))
    if vraag.type == VraagType.JA_NEE and isinstance(cel, int | float) and not isinstance(cel, bool):
        cel = str(int(cel)) if float(cel).is_integer() else str(cel)
    if vraag.type == VraagType.MEERKEUZE:
        cel = _keuze(vraag, cel)
    if vraag.type == VraagType.OPEN and isinstance(cel, float) and cel.is_integer():
        cel = int(cel)
    return antwoord_waarde_lezen(vraag=vraag, ruw=cel)


def waarde_weergeven(vraag: Vraag, waarde: Any) -> str:
    """A stored value as the preview shows it."""
    if waarde is None:
        return "—"
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if isinstance(waarde, int | Decimal):
        return getal_weergeven(Decimal(waarde))
    return str(waarde)


# --- controle ----------------------------------------------------------------------------------------


def controleer(*, ronde: Ronde, tabel: Tabel) -> Controle:
    """Check every row and cell against the round's questions; report each problem with its reason."""
    kop, data = tabel.rijen[0], tabel.rijen[1:]
    kolommen, bron = kolommen_bepalen(ronde=ronde, kop=kop, rijen=data)
    controle = Controle(kolommen=kolommen, bron=bron)
    per_vraag: dict[int, Kolom] = {}
    for kolom in controle.vraagkolommen:
        if kolom.vraag.pk in per_vraag:
            controle.fout(
                1,
                kolom.kop,
                _("Vraag %(code)s staat ook in kolom '%(andere)s'; negeer een van beide.")
                % {"code": kolom.vraag.code, "andere": per_vraag[kolom.vraag.pk].kop},
            )
        per_vraag.setdefault(kolom.vraag.pk, kolom)
    controle.notatie = _notatie(tabel=tabel, kolommen=kolommen, bron=bron)
    agb_kolom = next(k for k in kolommen if k.soort == "agb")
    agbs = [agb_lezen(r[agb_kolom.index] if agb_kolom.index < len(r) else "") for r in data]
    praktijken = {p.agb_code: p for p in Praktijk.objects.filter(agb_code__in=agbs).select_related("wijk")}
    gezien: set[str] = set()
    for nummer, (rij, agb) in enumerate(zip(data, agbs, strict=True), start=2):
        praktijk = praktijken.get(agb)
        if praktijk is None:
            controle.fout(nummer, agb_kolom.kop, _("Onbekende AGB-code '%(agb)s'.") % {"agb": agb})
        elif agb in gezien:
            controle.fout(
                nummer, agb_kolom.kop, _("AGB-code %(agb)s staat dubbel in het bestand.") % {"agb": agb}
            )
            praktijk = None
        gezien.add(agb)
        waarden: dict[Vraag, Any] = {}
        fout_in: set[Vraag] = set()
        for kolom in per_vraag.values():
            cel = rij[kolom.index] if kolom.index < len(rij) else None
            try:
                waarden[kolom.vraag] = cel_lezen(vraag=kolom.vraag, cel=cel, notatie=controle.notatie)
            except ValueError as exc:
                controle.fout(nummer, kolom.kop, str(exc))
                fout_in.add(kolom.vraag)
        if praktijk is not None:
            controle.rijen.append((praktijk, waarden))
            if len(controle.voorbeeld) < VOORBEELD_RIJEN:
                weergave = [
                    _("(fout)") if k.vraag in fout_in else waarde_weergeven(k.vraag, waarden.get(k.vraag))
                    for k in per_vraag.values()
                ]
                controle.voorbeeld.append((praktijk, weergave))
    controle.voorbeeld_kolommen = list(per_vraag.values())
    controle.bestaand = ronde.responsen.filter(praktijk__in=[p for p, _w in controle.rijen]).count()
    return controle


def controleer_bestand(*, ronde: Ronde, inhoud: bytes, naam: str) -> Controle:
    """Read and check a file in one go (raises BestandFout when it cannot be read at all)."""
    return controleer(ronde=ronde, tabel=lees_bestand(inhoud, naam))
