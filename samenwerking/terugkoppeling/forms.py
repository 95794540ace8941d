"""Forms of the terugkoppeling to the projectleider."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Gebied

from ..models import (
    GebiedTerugkoppeling,
    Samenwerkingsverband,
    TerugkoppelingRegel,
)
from ..widgets import DatumInput


def vorig_kwartaal(vandaag: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last full quarter before today: the usual period of a terugkoppeling."""
    begin_dit = datetime.date(vandaag.year, 3 * ((vandaag.month - 1) // 3) + 1, 1)
    einde_vorig = begin_dit - datetime.timedelta(days=1)
    return datetime.date(einde_vorig.year, 3 * ((einde_vorig.month - 1) // 3) + 1, 1), einde_vorig


class TerugkoppelingOpstellenForm(forms.Form):
    """Choose the gebied and period; the portal drafts the terugkoppeling from the meetings."""

    gebied = forms.ModelChoiceField(label=_("Gebied"), queryset=Gebied.objects.none())
    periode_van = forms.DateField(label=_("Periode van"), widget=DatumInput())
    periode_tot = forms.DateField(label=_("Periode tot en met"), widget=DatumInput())

    def __init__(self, *args, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = gebieden
        van, tot = vorig_kwartaal(timezone.localdate())
        self.fields["periode_van"].initial = van
        self.fields["periode_tot"].initial = tot
        if gebieden.count() == 1:
            self.fields["gebied"].initial = gebieden.first().pk

    def clean(self):
        data = super().clean()
        van, tot = data.get("periode_van"), data.get("periode_tot")
        if van and tot and tot < van:
            self.add_error("periode_tot", _("Het einde van de periode ligt vóór het begin."))
        return data


class TerugkoppelingSamenvattingForm(forms.ModelForm):
    class Meta:
        model = GebiedTerugkoppeling
        fields = ["samenvatting"]
        widgets = {"samenvatting": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"samenvatting": _("De hoofdlijnen voor de projectleider, in een paar zinnen.")}


class TerugkoppelingRegelForm(forms.ModelForm):
    class Meta:
        model = TerugkoppelingRegel
        fields = ["bevindingen", "acties"]
        widgets = {
            "bevindingen": forms.Textarea(attrs={"rows": 8}),
            "acties": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "bevindingen": _("Overleggen, knelpunten, inzichten en goede voorbeelden. Eén punt per regel."),
            "acties": _("Besluiten en actiepunten die uit het WSV voortkomen."),
        }


class TerugkoppelingRegelToevoegenForm(TerugkoppelingRegelForm):
    verband = forms.ModelChoiceField(
        label=_("Wijksamenwerkingsverband"), queryset=Samenwerkingsverband.objects.none()
    )

    class Meta(TerugkoppelingRegelForm.Meta):
        fields = ["verband", "bevindingen", "acties"]

    def __init__(self, *args, verbanden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verband"].queryset = verbanden


class ResvForm(forms.ModelForm):
    """The projectleider's choice for one line: to the RESV or not, and when and what came of it."""

    class Meta:
        model = TerugkoppelingRegel
        fields = ["naar_resv", "resv_besproken_op", "resv_uitkomst"]
        widgets = {"resv_besproken_op": DatumInput(), "resv_uitkomst": forms.Textarea(attrs={"rows": 3})}
        labels = {"naar_resv": _("Agenderen voor het RESV")}
