"""The request form of a report: a year or a from–to period, and a scope."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import MaxLengthValidator
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitoring.constants import ScopeSoort
from monitoring.models import RapportagePlanning
from monitoring.models.rapportage import COMMENTAAR_MAX_TEKENS
from wijken.models import Gebied, Wijk
from zio_portal.widgets import ZoekKeuze


class RapportageAanvraagForm(forms.Form):
    periode_soort = forms.ChoiceField(
        label=_("Periode"),
        choices=[("jaar", _("Een kalenderjaar")), ("vrij", _("Van – tot en met"))],
        initial="jaar",
        widget=forms.RadioSelect,
    )
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100, required=False)
    periode_van = forms.DateField(
        label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    periode_tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    scope = forms.ChoiceField(label=_("Reikwijdte"), choices=ScopeSoort.choices, initial=ScopeSoort.REGIO)
    gebied = forms.ModelChoiceField(
        label=_("Gebied"), queryset=Gebied.objects.order_by("naam"), required=False
    )
    # The region has tens of wijken, a grown region hundreds: searched as you type, not one long list.
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.order_by("naam"),
        required=False,
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["wijken"])),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jaar"].initial = timezone.localdate().year - 1

    def clean(self) -> dict:
        data = super().clean()
        if data.get("periode_soort") == "jaar":
            if not data.get("jaar"):
                self.add_error("jaar", _("Kies een jaar."))
            else:
                data["periode_van"] = datetime.date(data["jaar"], 1, 1)
                data["periode_tot"] = datetime.date(data["jaar"], 12, 31)
        else:
            van, tot = data.get("periode_van"), data.get("periode_tot")
            if not van:
                self.add_error("periode_van", _("Vul de begindatum in."))
            if not tot:
                self.add_error("periode_tot", _("Vul de einddatum in."))
            if van and tot and tot < van:
                self.add_error("periode_tot", _("De einddatum ligt voor de begindatum."))
            if van and tot and (tot - van).days > 3 * 366:
                self.add_error("periode_tot", _("Kies een periode van hoogstens drie jaar."))
        if data.get("scope") == ScopeSoort.GEBIED and not data.get("gebied"):
            self.add_error("gebied", _("Kies het gebied."))
        if data.get("scope") == ScopeSoort.WIJK and not data.get("wijk"):
            self.add_error("wijk", _("Kies de wijk."))
        return data


class RapportageCommentaarForm(forms.Form):
    """The beleidsadviseur's commentary on a finished report (it goes into the PDF's summary)."""

    commentaar = forms.CharField(
        label=_("Commentaar (komt in de samenvatting van de PDF)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[MaxLengthValidator(COMMENTAAR_MAX_TEKENS)],
    )


class RapportagePlanningForm(forms.ModelForm):
    """When the yearly and quarterly region reports are made; the rules are in the model's clean()."""

    class Meta:
        model = RapportagePlanning
        fields = ["jaar_actief", "jaar_maand", "jaar_dag", "kwartaal_actief", "kwartaal_dag"]
