"""The notulen of a WSV-overleg as PDF (WeasyPrint, in the worker), via the portal's allow-list
fetcher (zio_portal.pdf). A small presenter reads everything first, so the template runs no queries."""

from __future__ import annotations

import hashlib
import json

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from zio_portal.pdf import css_url, html_naar_pdf

from ..models import Overleg
from .selectors import afgevaardigden_op, overleg_get_intern


def _eigenaar(actie) -> str:
    if actie.eigenaar_contact_id:
        return actie.eigenaar_contact.naam
    return str(actie.eigenaar) if actie.eigenaar_id else ""


def _organisatie(contact) -> str:
    organisatie = contact.partner or contact.praktijk
    return organisatie.naam if organisatie else ""


def notulen_context(*, overleg: Overleg) -> dict:
    """Plain data of the notulen: attendance, agenda with notulen, besluiten, actions, knelpunten."""
    overleg = overleg_get_intern(pk=overleg.pk)
    per_afgevaardigde = {a.afgevaardigde_id: a for a in overleg.aanwezigheid.all() if a.afgevaardigde_id}
    aanwezigheid = []
    for a in afgevaardigden_op(verband=overleg.verband, datum=overleg.datum):
        rij = per_afgevaardigde.get(a.pk)
        aanwezigheid.append(
            {
                "naam": a.contactpersoon.naam,
                "rol": a.get_beroepsgroep_display(),
                "organisatie": _organisatie(a.contactpersoon),
                "status": rij.get_status_display() if rij else "niet vastgelegd",
                "code": rij.status if rij else "",
            }
        )
    for rij in overleg.aanwezigheid.all():
        if not rij.afgevaardigde_id:
            aanwezigheid.append(
                {
                    "naam": rij.naam,
                    "rol": "",
                    "organisatie": "",
                    "status": rij.get_status_display(),
                    "code": rij.status,
                }
            )
    besluiten_per_punt: dict[int | None, list[str]] = {}
    for b in overleg.besluiten.all():
        besluiten_per_punt.setdefault(b.agendapunt_id, []).append(b.tekst)
    agenda = [
        {
            "nummer": p.volgorde,
            "titel": p.titel,
            "toelichting": p.toelichting,
            "notulen": p.notulen,
            "vast": p.vast,
            "besluiten": besluiten_per_punt.get(p.pk, []),
            "actie_status": p.actiepunt.get_status_display() if p.actiepunt_id else "",
        }
        for p in overleg.agendapunten.all()
    ]
    return {
        "verband": overleg.verband.naam,
        "wijk": overleg.verband.wijk.naam,
        "gebied": overleg.verband.wijk.gebied.naam,
        "datum": formats.date_format(overleg.datum, "l j F Y"),
        "tijd": (
            f"{overleg.starttijd:%H:%M}–{overleg.eindtijd:%H:%M}"
            if overleg.starttijd and overleg.eindtijd
            else ""
        ),
        "vorm": overleg.get_overlegvorm_display(),
        "soort": overleg.get_soort_display(),
        "doelgroep": overleg.doelgroep,
        "locatie": overleg.locatie,
        "link": overleg.link,
        "definitief": bool(overleg.notulen_definitief_op),
        "definitief_op": formats.date_format(timezone.localtime(overleg.notulen_definitief_op), "j F Y")
        if overleg.notulen_definitief_op
        else "",
        "voorzitter": ", ".join(str(u) for u in overleg.verband.wijk.gebied.gebiedsmanagers.all()),
        "aanwezigheid": aanwezigheid,
        "aantal_aanwezig": sum(1 for a in aanwezigheid if a["code"] == "aanwezig"),
        "algemeen": overleg.notulen,
        "agenda": agenda,
        "algemene_besluiten": besluiten_per_punt.get(None, []),
        "actiepunten": [
            {
                "omschrijving": a.omschrijving,
                "eigenaar": _eigenaar(a),
                "deadline": formats.date_format(a.deadline, "j F Y"),
                "status": a.get_status_display(),
            }
            for a in overleg.actiepunten.all()
        ],
        "knelpunten": [
            {
                "soort": k.get_soort_display(),
                "omschrijving": k.omschrijving,
                "beroepsgroep": k.get_beroepsgroep_display(),
            }
            for k in overleg.knelpunten.all()
        ],
    }


def notulen_html(*, overleg: Overleg) -> tuple[str, dict]:
    with translation.override("nl"):
        context = notulen_context(overleg=overleg)
        html = render_to_string(
            "samenwerking/overleg/notulen_pdf.html", {**context, "css_url": css_url("notulen.css")}
        )
    return html, context


def notulen_pdf(*, overleg: Overleg) -> bytes:
    """The notulen as PDF bytes; the same content gives the same bytes."""
    html, context = notulen_html(overleg=overleg)
    identifier = hashlib.sha256(json.dumps(context, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return html_naar_pdf(html=html, identifier=identifier.encode())
