"""Forms of the SMART-afspraken; they shape input and leave the rules to the model and services."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.constants import BEWERKENDE_FUNCTIES
from wijken.models import Praktijk
from zio_portal.models import User

from ..constants import Besluit, Implementatiestatus, VerbandSoort
from ..models import (
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
    Samenwerkingsverband,
    Thema,
)
from ..widgets import DatumInput


def eigenaar_keuzes(verband: Samenwerkingsverband):
    """Users who can act in the verband: staff of member practices, or the gebiedsmanagers of a WSV."""
    if verband.soort == VerbandSoort.MULTIDISCIPLINAIR:
        return verband.wijk.gebied.gebiedsmanagers.filter(is_active=True).order_by("last_name", "first_name")
    return (
        User.objects.filter(
            is_active=True,
            praktijkrollen__functie__in=BEWERKENDE_FUNCTIES,
            praktijkrollen__praktijk__deelnames__verband=verband,
            praktijkrollen__praktijk__deelnames__uitgetreden_op__isnull=True,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


class AfspraakForm(forms.ModelForm):
    """All five SMART parts, thema, eigenaar and the practices that agreed; Dutch guidance per field.
    The SMART rules are the model's (Afspraak.clean(), run by the ModelForm), the eigenaar rule the
    service's."""

    praktijken = forms.ModelMultipleChoiceField(
        label=_("Acceptabel: welke praktijken stemden in?"),
        queryset=Praktijk.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De afspraak geldt voor deze praktijken; elke praktijk houdt zelf de invoering bij."),
        error_messages={"required": _("Kies minstens één praktijk die met de afspraak instemde.")},
    )
    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Afspraak
        fields = list(Afspraak.BEWERKBARE_VELDEN)
        widgets = {
            "specifiek": forms.Textarea(attrs={"rows": 3}),
            "meetbaar": forms.Textarea(attrs={"rows": 2}),
            "acceptabel": forms.Textarea(attrs={"rows": 2}),
            "realistisch": forms.Textarea(attrs={"rows": 2}),
            "tijdgebonden": DatumInput(),
            "evaluatie_op": DatumInput(),
        }
        labels = {
            "specifiek": _("Specifiek"),
            "meetbaar": _("Meetbaar"),
            "acceptabel": _("Acceptabel: waarom is er draagvlak?"),
            "realistisch": _("Realistisch"),
            "tijdgebonden": _("Tijdgebonden: gerealiseerd op"),
            "evaluatie_op": _("Eerste evaluatie op"),
        }

    def __init__(self, *args, verband: Samenwerkingsverband, **kwargs):
        super().__init__(*args, **kwargs)
        self.verband = verband
        self.fields["thema"].queryset = Thema.objects.filter(actief=True)
        self.fields["eigenaar"].queryset = eigenaar_keuzes(verband)
        self.fields["eigenaar"].help_text = _("Wie bewaakt de afspraak? Iemand van een deelnemende praktijk.")
        self.fields["praktijken"].queryset = Praktijk.objects.filter(
            deelnames__verband=verband, deelnames__uitgetreden_op__isnull=True
        ).order_by("naam")
        for naam in ("specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden", "titel"):
            self.fields[naam].error_messages["required"] = _("Vul dit SMART-onderdeel in.")
        # The model requires it (Afspraak.clean()); the form says so before submitting (the marker).
        self.fields["streefwaarde"].required = True
        self.fields["streefwaarde"].error_messages["required"] = _(
            "Geef een streefwaarde: een getal, percentage of ja/nee."
        )
        if self.instance.pk:
            self.fields["revisie"].initial = self.instance.revisie
            self.fields["praktijken"].initial = list(
                self.instance.uitvoering.values_list("praktijk_id", flat=True)
            )


class UitvoeringForm(forms.ModelForm):
    """One practice's own implementation of an agreement."""

    class Meta:
        model = AfspraakPraktijk
        fields = ["implementatie", "medewerkers_geinformeerd", "toelichting"]
        widgets = {
            "implementatie": forms.RadioSelect,
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"medewerkers_geinformeerd": _("Onze medewerkers zijn geïnformeerd over wat er verandert")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["implementatie"].choices = Implementatiestatus.choices


class EvaluatieForm(forms.ModelForm):
    """An evaluation with its decision; the decision's rules and consequence are the service's."""

    volgende_evaluatie = forms.DateField(
        label=_("Volgende evaluatie"),
        required=False,
        widget=DatumInput(),
        help_text=_("Nodig bij voortzetten; bij aanscherpen of uitbreiden voor de nieuwe versie."),
    )
    reden_beeindiging = forms.CharField(
        label=_("Reden van beëindiging"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht als de afspraak stopt."),
    )

    class Meta:
        model = Evaluatie
        fields = ["datum", "nageleefd", "wat_gaat_goed", "wat_kan_beter", "besluit", "toelichting"]
        widgets = {
            "datum": DatumInput(),
            "nageleefd": forms.RadioSelect,
            "besluit": forms.RadioSelect,
            "wat_gaat_goed": forms.Textarea(attrs={"rows": 3}),
            "wat_kan_beter": forms.Textarea(attrs={"rows": 3}),
            "toelichting": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum"].initial = timezone.localdate()
        self.fields["nageleefd"].choices = self.fields["nageleefd"].choices[1:]
        self.fields["besluit"].choices = [
            (
                Besluit.VOORTZETTEN,
                _("Voortzetten: de afspraak blijft, met een volgende evaluatie"),
            ),
            (Besluit.AANSCHERPEN, _("Aanscherpen: de afspraak wordt concreter of strenger (nieuwe versie)")),
            (
                Besluit.UITBREIDEN,
                _("Uitbreiden: de afspraak gaat verder of breder (nieuwe versie)"),
            ),
            (Besluit.BEEINDIGEN, _("Beëindigen: de afspraak is niet effectief en stopt")),
            (Besluit.BORGEN, _("Borgen: de afspraak is onderdeel van de vaste werkwijze")),
        ]
        self.fields["besluit"].help_text = _(
            "Aanscherpen of uitbreiden maakt een nieuwe versie; "
            "de huidige blijft leesbaar in de geschiedenis."
        )
