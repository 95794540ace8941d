"""The results of a round as an Excel workbook (zio_portal.export): the aggregates of the results page."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _

from zio_portal.export import xlsx_werkmap_response

from .selectors import Resultaten


def _ja_nee(waarde: object) -> object:
    if isinstance(waarde, bool):
        return _("Ja") if waarde else _("Nee")
    return waarde


def resultaten_xlsx_response(r: Resultaten, *, naam: str) -> HttpResponse:
    """Sheets: the response per wijk, the distribution of the answers, the means of the numbers, and
    (for practice staff) their own practice's answers."""
    respons = [
        [
            _("Regio"),
            r.regio_respons["praktijken"],
            r.regio_respons["ingediend"],
            round(r.regio_respons["percentage"], 1),
        ]
    ] + [
        [rij["wijk"].naam, rij["praktijken"], rij["ingediend"], round(rij["percentage"], 1)]
        for rij in r.respons_per_wijk
    ]
    verdeling = [
        [vr.vraag.code, vr.vraag.tekst, label, categorie, aantal]
        for vr in r.vragen
        for label, aantallen in vr.verdeling
        for categorie, aantal in zip(vr.categorieen, aantallen, strict=True)
    ]
    getallen = [
        [vr.vraag.code, vr.vraag.tekst, label, float(gemiddelde) if gemiddelde else None, n]
        for vr in r.vragen
        for label, gemiddelde, n in vr.gemiddelden
    ]
    bladen = [
        (_("Respons"), [_("Wijk"), _("Praktijken"), _("Ingediend"), _("Respons (%)")], respons),
        (_("Verdeling"), [_("Code"), _("Vraag"), _("Groep"), _("Antwoord"), _("Aantal")], verdeling),
        (_("Getallen"), [_("Code"), _("Vraag"), _("Groep"), _("Gemiddelde"), _("Aantal")], getallen),
    ]
    if r.praktijk:
        eigen = [
            [vr.vraag.code, vr.vraag.tekst, jaar, None if waarde is None else str(_ja_nee(waarde))]
            for vr in r.vragen
            for jaar, waarde in vr.eigen
        ]
        koppen = [
            _("Code"),
            _("Vraag"),
            _("Jaar"),
            _("Antwoord van %(praktijk)s") % {"praktijk": r.praktijk.naam},
        ]
        bladen.append((_("Eigen antwoorden"), koppen, eigen))
    return xlsx_werkmap_response(bladen=bladen, naam=naam)
