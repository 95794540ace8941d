"""Forms of the praktijkbezoeken: plan a visit, its report, and the practice's response."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerking.models import Thema
from zio_portal.models import User

from ..constants import Ondersteuningscategorie
from ..models import Bouwsteen
from .selectors import zio_medewerkers


class BezoekPlanForm(forms.Form):
    """When and by whom; the moment lies ahead, or in the past for a visit already held
    (services.bezoek_plannen)."""

    gepland_op = forms.DateTimeField(
        label=_("Datum en tijd"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    bezoekers = forms.ModelMultipleChoiceField(
        label=_("Wie van ZIO"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    al_gehouden = forms.BooleanField(
        label=_("Het bezoek heeft al plaatsgevonden"),
        required=False,
        help_text=_("Kies dan het moment in het verleden; daarna vult u meteen het verslag in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bezoekers"].queryset = zio_medewerkers()


class BezoekVerslagForm(forms.Form):
    """The visit report; the rules are in services.bezoek_verslag_opslaan."""

    gehouden_op = forms.DateField(
        label=_("Gehouden op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    wat_gaat_goed = forms.CharField(
        label=_("Wat gaat goed?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    uitdagingen = forms.CharField(
        label=_("Waar liggen de uitdagingen?"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    bouwstenen = forms.ModelMultipleChoiceField(
        label=_("Besproken bouwstenen"),
        queryset=Bouwsteen.objects.order_by("nummer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themas = forms.ModelMultipleChoiceField(
        label=_("Thema's met afspraken met nabije praktijken"),
        queryset=Thema.objects.filter(actief=True).order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vooraf ingevuld uit de actieve SMART-afspraken van de praktijk."),
    )
    terugkoppeling = forms.CharField(
        label=_("Terugkoppeling aan de praktijk"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("De praktijk ziet deze tekst pas als u hem deelt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for waarde, label in Ondersteuningscategorie.choices:
            self.fields[f"ondersteuning_{waarde}"] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def ondersteuning_velden(self):
        return [self[f"ondersteuning_{waarde}"] for waarde, _label in Ondersteuningscategorie.choices]

    def ondersteuning(self) -> dict[str, str]:
        return {
            waarde: self.cleaned_data.get(f"ondersteuning_{waarde}", "")
            for waarde, _label in Ondersteuningscategorie.choices
        }


class ReactieForm(forms.Form):
    reactie = forms.CharField(
        label=_("Uw reactie (optioneel)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
