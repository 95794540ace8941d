"""The results of a round as an Excel workbook (openpyxl); the same aggregates as the results page."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import Resultaten


def resultaten_xlsx(r: Resultaten) -> bytes:
    wb = Workbook()
    blad = wb.active
    blad.title = _("Respons")
    vet = Font(bold=True)
    blad.append([_("Wijk"), _("Praktijken"), _("Ingediend"), _("Respons (%)")])
    blad.append(
        [
            _("Regio"),
            r.regio_respons["praktijken"],
            r.regio_respons["ingediend"],
            round(r.regio_respons["percentage"], 1),
        ]
    )
    for rij in r.respons_per_wijk:
        blad.append([rij["wijk"].naam, rij["praktijken"], rij["ingediend"], round(rij["percentage"], 1)])
    for cel in blad[1]:
        cel.font = vet

    verdeling = wb.create_sheet(_("Verdeling"))
    verdeling.append([_("Code"), _("Vraag"), _("Groep"), _("Antwoord"), _("Aantal")])
    gemiddelden = wb.create_sheet(_("Getallen"))
    gemiddelden.append([_("Code"), _("Vraag"), _("Groep"), _("Gemiddelde"), _("Aantal")])
    eigen = wb.create_sheet(_("Eigen antwoorden")) if r.praktijk else None
    if eigen is not None:
        eigen.append(
            [_("Code"), _("Vraag"), _("Jaar"), _("Antwoord van %(praktijk)s") % {"praktijk": r.praktijk.naam}]
        )
    for vr in r.vragen:
        for label, aantallen in vr.verdeling:
            for categorie, aantal in zip(vr.categorieen, aantallen, strict=True):
                verdeling.append([vr.vraag.code, vr.vraag.tekst, label, categorie, aantal])
        for label, gemiddelde, n in vr.gemiddelden:
            gemiddelden.append(
                [vr.vraag.code, vr.vraag.tekst, label, float(gemiddelde) if gemiddelde else None, n]
            )
        if eigen is not None:
            for jaar, waarde in vr.eigen:
                if isinstance(waarde, bool):
                    waarde = _("Ja") if waarde else _("Nee")
                eigen.append([vr.vraag.code, vr.vraag.tekst, jaar, None if waarde is None else str(waarde)])
    for ws in wb.worksheets[1:]:
        for cel in ws[1]:
            cel.font = vet
        ws.column_dimensions["B"].width = 60
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
