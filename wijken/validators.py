import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

AGB_REGEX = r"^[0-9]{8}$"
# Four digits not starting with 0, a space, two capitals; SA, SD and SS are not used in the Netherlands.
POSTCODE_REGEX = r"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$"
NIET_LEEG = r"^\s*$"
_POSTCODE_INPUT = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def validate_agb_code(value: str) -> None:
    """An AGB-code (Vektis) is exactly eight digits."""
    if not re.fullmatch(AGB_REGEX, value or ""):
        raise ValidationError(
            _("Een AGB-code bestaat uit precies 8 cijfers, bijvoorbeeld 01012345."), code="agb_code"
        )


def normalize_postcode(value: str) -> str:
    """'6211ab' -> '6211 AB'; anything else is returned unchanged for the validator to reject."""
    match = _POSTCODE_INPUT.match(value or "")
    if not match:
        return value
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value: str) -> None:
    """A Dutch postcode: four digits (not starting with 0) and two letters, not SA, SD or SS."""
    value = normalize_postcode(value)
    if not re.fullmatch(POSTCODE_REGEX, value or "") or value[-2:] in {"SA", "SD", "SS"}:
        raise ValidationError(
            _("Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 6211 AB."),
            code="postcode",
        )


CBS_WIJKCODE_REGEX = r"^WK[0-9]{6}$"


def validate_cbs_wijkcode(value: str) -> None:
    """A CBS wijk code: WK, the four digits of the gemeente and two of the wijk (WKggggww)."""
    if not re.fullmatch(CBS_WIJKCODE_REGEX, value or ""):
        raise ValidationError(
            _("Een CBS-wijkcode is WK gevolgd door 6 cijfers (gemeente en wijk), bijvoorbeeld WK093501."),
            code="cbs_wijkcode",
        )
