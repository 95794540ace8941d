"""Reading and checking another survey tool's export before it is imported (all or nothing)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from wijken.models import Praktijk

from ..models import Ronde, Vraag
from .antwoorden import antwoord_waarde_lezen

AGB_KOLOMMEN = {"agb", "agb_code", "agb-code", "agbcode"}


class BestandFout(Exception):
    """The file cannot be read at all (wrong format, empty, no AGB column)."""


@dataclass
class Fout:
    rij: int  # row number as the user sees it in the file (header = 1)
    kolom: str
    melding: str


@dataclass
class Controle:
    kolommen: list[str]
    rijen: list[tuple[Praktijk, dict[Vraag, Any]]] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    bestaand: int = 0  # practices that already have a response in this round

    @property
    def in_orde(self) -> bool:
        return not self.fouten and bool(self.rijen)


def lees_bestand(inhoud: bytes, naam: str) -> list[list[str]]:
    """Rows of text cells from a CSV (``;`` or ``,``, UTF-8 or Windows-1252) or an .xlsx file."""
    if naam.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            blad = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise BestandFout(_("Het Excel-bestand kan niet worden gelezen.")) from exc
        rijen = [
            ["" if c is None else str(c).strip() for c in rij] for rij in blad.iter_rows(values_only=True)
        ]
    else:
        try:
            tekst = inhoud.decode("utf-8-sig")
        except UnicodeDecodeError:
            tekst = inhoud.decode("cp1252", errors="replace")
        eerste = tekst.splitlines()[0] if tekst.strip() else ""
        scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
        rijen = [[c.strip() for c in rij] for rij in csv.reader(io.StringIO(tekst), delimiter=scheiding)]
    rijen = [rij for rij in rijen if any(rij)]
    if len(rijen) < 2:
        raise BestandFout(_("Het bestand bevat geen regels met antwoorden."))
    return rijen


def _getal_tekst(waarde: str) -> str:
    # Excel gives "4.0" for a 4 typed in a number cell.
    return waarde[:-2] if waarde.endswith(".0") else waarde


def controleer(*, ronde: Ronde, rijen: list[list[str]]) -> Controle:
    """Check every row and cell against the round's questions; report each problem with its reason."""
    kop = rijen[0]
    if not kop or kop[0].strip().lower() not in AGB_KOLOMMEN:
        raise BestandFout(_("De eerste kolom moet de AGB-code zijn (kolomkop 'agb_code')."))
    vragen = {v.code.lower(): v for v in ronde.vragenlijst.vragen.all()}
    controle = Controle(kolommen=kop)
    kolom_vraag: list[Vraag | None] = [None]
    for kolom in kop[1:]:
        vraag = vragen.get(kolom.strip().lower())
        if vraag is None:
            controle.fouten.append(Fout(1, kolom, _("Onbekende kolom: geen vraagcode van deze vragenlijst.")))
        kolom_vraag.append(vraag)
    agbs = [rij[0].strip() for rij in rijen[1:] if rij]
    praktijken = {p.agb_code: p for p in Praktijk.objects.filter(agb_code__in=agbs)}
    gezien: set[str] = set()
    for nummer, rij in enumerate(rijen[1:], start=2):
        agb = rij[0].strip() if rij else ""
        praktijk = praktijken.get(agb)
        if praktijk is None:
            controle.fouten.append(Fout(nummer, kop[0], _("Onbekende AGB-code '%(agb)s'.") % {"agb": agb}))
        elif agb in gezien:
            controle.fouten.append(
                Fout(nummer, kop[0], _("AGB-code %(agb)s staat dubbel in het bestand.") % {"agb": agb})
            )
            praktijk = None
        gezien.add(agb)
        waarden: dict[Vraag, Any] = {}
        for index, vraag in enumerate(kolom_vraag[1:], start=1):
            if vraag is None:
                continue
            ruw = rij[index] if index < len(rij) else ""
            try:
                waarden[vraag] = antwoord_waarde_lezen(vraag=vraag, ruw=_getal_tekst(ruw))
            except ValueError as exc:
                controle.fouten.append(Fout(nummer, kop[index], str(exc)))
        if praktijk is not None:
            controle.rijen.append((praktijk, waarden))
    controle.bestaand = ronde.responsen.filter(praktijk__in=[p for p, _w in controle.rijen]).count()
    return controle
