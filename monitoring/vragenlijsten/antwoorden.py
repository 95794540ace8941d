"""Reading a raw answer (text from a form or a cell of an imported file) as the typed value of a question."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from ..constants import VraagType
from ..models import Vraag

JA = {"ja", "j", "yes", "y", "1", "true", "waar"}
NEE = {"nee", "n", "no", "0", "false", "onwaar"}


def antwoord_waarde_lezen(*, vraag: Vraag, ruw: Any) -> Any:
    """Read a raw value (text from a form or a file cell) for a question; ValueError with a Dutch reason.

    Returns None for an empty value, else the typed value stored in Antwoord.
    """
    if ruw is None or (isinstance(ruw, str) and not ruw.strip()):
        return None
    tekst = str(ruw).strip()
    match vraag.type:
        case VraagType.SCHAAL:
            try:
                getal = Decimal(tekst.replace(",", "."))
            except InvalidOperation:
                raise ValueError(
                    _("'%(waarde)s' is geen getal van 1 tot en met 5.") % {"waarde": tekst}
                ) from None
            if getal != getal.to_integral_value() or not 1 <= getal <= 5:
                raise ValueError(
                    _("%(waarde)s ligt niet op de schaal van 1 tot en met 5.") % {"waarde": tekst}
                )
            return int(getal)
        case VraagType.JA_NEE:
            if isinstance(ruw, bool):
                return ruw
            if tekst.lower() in JA:
                return True
            if tekst.lower() in NEE:
                return False
            raise ValueError(_("'%(waarde)s' is geen ja of nee.") % {"waarde": tekst})
        case VraagType.MEERKEUZE:
            for optie in vraag.opties:
                if optie.lower() == tekst.lower():
                    return optie
            raise ValueError(
                _("'%(waarde)s' is geen van de opties (%(opties)s).")
                % {"waarde": tekst, "opties": "; ".join(vraag.opties)}
            )
        case VraagType.GETAL:
            try:
                getal = Decimal(tekst.replace(" ", "").replace(",", "."))
            except InvalidOperation:
                raise ValueError(_("'%(waarde)s' is geen getal.") % {"waarde": tekst}) from None
            if not getal.is_finite() or abs(getal) >= Decimal("1e10"):
                raise ValueError(_("'%(waarde)s' is geen geldig getal.") % {"waarde": tekst})
            return getal.quantize(Decimal("0.01"))
    return tekst
