"""Text that comes in through a form: no NUL bytes or other control characters.

PostgreSQL refuses a NUL byte in text (a 500 where the form should have said what is wrong), and
other control characters corrupt exports, PDFs and mails. ``GeenStuurtekensValidator`` rejects them
with a Dutch message next to the field; tab, newline and carriage return stay allowed.
``stuurtekens_weigeren`` (called from the kernel app's ``ready``) makes it a default validator of
every ``forms.CharField``, so every form, admin and filter form included, has it without each form
naming it. Code that reads ``request.POST`` itself uses ``bevat_stuurtekens`` or the validator.

Dates: ``datum_in_bereik`` keeps every date between 2000 and 2100. Model date fields carry it (so
services and the admin refuse 0001-01-01 too), and ``datums_begrenzen`` makes it a default of the
form date fields so the message stands next to the field.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_STUURTEKENS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def bevat_stuurtekens(tekst: str) -> bool:
    """True when ``tekst`` holds a NUL byte or another control character (tab and newlines excepted)."""
    return bool(_STUURTEKENS.search(tekst))


@deconstructible
class GeenStuurtekensValidator:
    """Reject text with a NUL byte or another control character."""

    message = _(
        "Dit veld bevat een onzichtbaar stuurteken (bijvoorbeeld een NUL-teken) dat niet is toegestaan. "
        "Verwijder het, bijvoorbeeld door de tekst opnieuw te typen, en probeer het nog eens."
    )
    code = "stuurteken"

    def __call__(self, value) -> None:
        if isinstance(value, str) and bevat_stuurtekens(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, GeenStuurtekensValidator)

    def __hash__(self) -> int:
        return hash(self.code)


def stuurtekens_weigeren() -> None:
    """Make the validator a default of ``forms.CharField`` (once; the subclasses that set their own
    defaults, such as EmailField and URLField, reject control characters through those already)."""
    if GeenStuurtekensValidator() not in forms.CharField.default_validators:
        forms.CharField.default_validators = [*forms.CharField.default_validators, GeenStuurtekensValidator()]


EERSTE_DATUM = datetime.date(2000, 1, 1)
LAATSTE_DATUM = datetime.date(2100, 12, 31)


@deconstructible
class DatumBereikValidator:
    """Reject a date (or the day of a date-time) outside 2000-2100: a typo such as 0001-01-01 or
    9999-12-31 is never a real meeting, visit or period, and breaks calendars and reports."""

    message = _("Vul een datum in tussen %(van)s en %(tot)s.")
    code = "datum_buiten_bereik"

    def __call__(self, value) -> None:
        if not isinstance(value, datetime.date):
            return
        dag = value.date() if isinstance(value, datetime.datetime) else value
        if not EERSTE_DATUM <= dag <= LAATSTE_DATUM:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"van": EERSTE_DATUM.strftime("%d-%m-%Y"), "tot": LAATSTE_DATUM.strftime("%d-%m-%Y")},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, DatumBereikValidator)

    def __hash__(self) -> int:
        return hash(self.code)


datum_in_bereik = DatumBereikValidator()


def datums_begrenzen() -> None:
    """Make the date range a default of ``forms.DateField`` and ``forms.DateTimeField`` (once), so a
    form says it next to the field before a service's ``full_clean`` does. The rule itself is on the
    model fields (``validators=[datum_in_bereik]``), which covers every caller."""
    for veldklasse in (forms.DateField, forms.DateTimeField):
        if datum_in_bereik not in veldklasse.default_validators:
            veldklasse.default_validators = [*veldklasse.default_validators, datum_in_bereik]
