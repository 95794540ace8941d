"""Reading the CBS StatLine table "Kerncijfers wijken en buurten" (CSV download) before it is imported.

The columns carry a numeric suffix that differs per year (``AantalInwoners_5``, ``AantalInwoners_6``),
so a column is recognised by its name before the last underscore. Values may use a decimal comma;
``.`` or an empty cell means "not known". Wijk rows are matched to the portal's wijken by their CBS
code, gemeente rows to its gemeenten; buurt rows are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from wijken.models import Gemeente, Wijk

from ..models.wijkplannen import CBS_KOLOMMEN
from ..vragenlijsten import importeren as vragenlijst_import
from ..vragenlijsten.importeren import BestandFout
from .constants import SoortRegio

__all__ = ["BestandFout", "CbsControle", "CbsRij", "controleer", "kolomnaam", "lees_bestand"]

_SOORTEN = {"wijk": SoortRegio.WIJK, "gemeente": SoortRegio.GEMEENTE, "land": SoortRegio.LAND}
_GEHEEL = {veld for veld in CBS_KOLOMMEN if veld != "gemiddeld_inkomen"}


def lees_bestand(inhoud: bytes, naam: str) -> list[list[str]]:
    """The cells of the CBS file as text, read (and bounded) by the vragenlijst import's reader."""
    tabel = vragenlijst_import.lees_bestand(inhoud, naam)
    return [["" if cel is None else str(cel) for cel in rij] for rij in tabel.rijen]


def kolomnaam(kop: str) -> str:
    """``AantalInwoners_5`` -> ``AantalInwoners``; ``k_0Tot15Jaar_8`` -> ``k_0Tot15Jaar``."""
    kop = kop.strip().strip('"')
    return re.sub(r"_\d+$", "", kop)


@dataclass
class CbsRij:
    regel: int
    code: str
    naam: str
    soort: str
    wijk: Wijk | None = None
    gemeente: Gemeente | None = None
    waarden: dict[str, int | Decimal | None] = field(default_factory=dict)


@dataclass
class CbsControle:
    jaar: int
    kolommen: list[str]  # the figures found in this year's table (model field names)
    rijen: list[CbsRij] = field(default_factory=list)
    onbekend: list[tuple[int, str, str]] = field(default_factory=list)  # regel, code, naam
    fouten: list[tuple[int, str, str]] = field(default_factory=list)  # regel, kolom, melding
    wijken_zonder_cijfers: list[Wijk] = field(default_factory=list)
    buiten_regio: int = 0  # wijk and gemeente rows of gemeenten outside the region (skipped)

    @property
    def in_orde(self) -> bool:
        return not self.fouten and bool(self.wijkrijen)

    @property
    def wijkrijen(self) -> list[CbsRij]:
        return [r for r in self.rijen if r.soort == SoortRegio.WIJK]


def _getal(ruw: str, geheel: bool) -> int | Decimal | None:
    waarde = ruw.strip().strip('"').replace(" ", "")
    if waarde in ("", ".", "-", "x"):
        return None
    if "," in waarde:
        waarde = waarde.replace(".", "").replace(",", ".")
    try:
        getal = Decimal(waarde)
    except InvalidOperation as exc:
        raise ValueError(_("'%(waarde)s' is geen getal.") % {"waarde": ruw}) from exc
    if getal < 0:
        raise ValueError(_("Een aantal kan niet negatief zijn."))
    if geheel:
        if getal != getal.to_integral_value():
            raise ValueError(_("'%(waarde)s' is geen geheel aantal.") % {"waarde": ruw})
        return int(getal)
    return getal.quantize(Decimal("0.1"))


def controleer(*, rijen: list[list[str]], jaar: int) -> CbsControle:
    """Check the table: the columns it must have, every number, and which codes match a wijk or gemeente.

    Wijk codes of the region's gemeenten that match no wijk are listed (they are not imported: fill in the
    wijk's CBS code and check again); rows of other gemeenten are counted and skipped, as are buurten.
    Any bad number or double code refuses the whole file.
    """
    kop = [kolomnaam(k) for k in rijen[0]]
    index = {naam: i for i, naam in enumerate(kop)}
    for verplicht in ("SoortRegio", "Codering"):
        if verplicht not in index:
            raise BestandFout(
                _("Kolom '%(kolom)s' ontbreekt: is dit de CBS-tabel Kerncijfers wijken en buurten?")
                % {"kolom": verplicht}
            )
    naamkolom = index.get("WijkenEnBuurten")
    velden = {veld: index[cbs] for veld, cbs in CBS_KOLOMMEN.items() if cbs in index}
    if "inwoners" not in velden:
        raise BestandFout(_("Kolom 'AantalInwoners' ontbreekt."))
    controle = CbsControle(jaar=jaar, kolommen=list(velden))
    wijken = {w.cbs_code: w for w in Wijk.objects.exclude(cbs_code="")}
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.exclude(cbs_code="")}
    gezien: set[str] = set()
    for regel, rij in enumerate(rijen[1:], start=2):

        def cel(i: int | None, rij=rij) -> str:
            return rij[i].strip().strip('"') if i is not None and i < len(rij) else ""

        soort = _SOORTEN.get(cel(index["SoortRegio"]).strip().lower())
        if soort is None:
            continue  # buurt
        code = cel(index["Codering"]).replace(" ", "")
        naam = cel(naamkolom) or code
        if code in gezien:
            controle.fouten.append(
                (regel, "Codering", _("Code %(code)s staat dubbel in het bestand.") % {"code": code})
            )
            continue
        gezien.add(code)
        rij_obj = CbsRij(regel=regel, code=code, naam=naam, soort=soort)
        if soort == SoortRegio.WIJK:
            rij_obj.wijk = wijken.get(code)
            if rij_obj.wijk is None:
                if f"GM{code[2:6]}" in gemeenten:
                    controle.onbekend.append((regel, code, naam))
                else:
                    controle.buiten_regio += 1
                continue
        elif soort == SoortRegio.GEMEENTE:
            rij_obj.gemeente = gemeenten.get(code)
            if rij_obj.gemeente is None:
                controle.buiten_regio += 1
                continue
        for veld, i in velden.items():
            try:
                rij_obj.waarden[veld] = _getal(cel(i), veld in _GEHEEL)
            except ValueError as exc:
                controle.fouten.append((regel, rijen[0][i].strip(), str(exc)))
        controle.rijen.append(rij_obj)
    gevonden = {r.wijk.pk for r in controle.wijkrijen}
    controle.wijken_zonder_cijfers = [w for w in wijken.values() if w.pk not in gevonden]
    return controle


def jaar_uit_bestand(rijen: list[list[str]]) -> int | None:
    """Some downloads carry a ``Perioden`` column (``2024JJ00``); otherwise the user names the year."""
    kop = [kolomnaam(k) for k in rijen[0]]
    if "Perioden" not in kop:
        return None
    waarde = rijen[1][kop.index("Perioden")] if len(rijen) > 1 else ""
    match = re.match(r"\s*(\d{4})", waarde)
    return int(match.group(1)) if match else None
