"""Forms of the SMART-afspraken; they shape input and leave the rules to the model and services."""

from __future__ import annotations

import re

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

# A measurable criterion: a number or percentage, or a yes/no criterion.


_GETAL = re.compile(r"\d")
_JA_NEE = re.compile(r"\b(ja|nee|ja/nee|wel/niet)\b", re.IGNORECASE)


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
    """All five SMART parts, thema, eigenaar and the practices that agreed; Dutch guidance per field."""

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
        fields = [
            "titel",
            "thema",
            "specifiek",
            "meetbaar",
            "indicator",
            "streefwaarde",
            "acceptabel",
            "realistisch",
            "tijdgebonden",
            "evaluatie_op",
            "eigenaar",
        ]
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
        self.fields["evaluatie_op"].required = True
        self.fields["evaluatie_op"].error_messages["required"] = _(
            "Kies wanneer de afspraak wordt geëvalueerd."
        )
        if self.instance.pk:
            self.fields["revisie"].initial = self.instance.revisie
            self.fields["praktijken"].initial = list(
                self.instance.uitvoering.values_list("praktijk_id", flat=True)
            )

    def clean_tijdgebonden(self):
        datum = self.cleaned_data["tijdgebonden"]
        bewaard = self.instance.pk and self.instance.tijdgebonden == datum
        if datum and datum < timezone.localdate() and not bewaard:
            raise forms.ValidationError(
                _(
                    "Deze datum ligt in het verleden. "
                    "Kies een datum waarop de afspraak nog gerealiseerd kan worden."
                )
            )
        return datum

    def clean_evaluatie_op(self):
        datum = self.cleaned_data.get("evaluatie_op")
        bewaard = self.instance.pk and self.instance.evaluatie_op == datum
        if datum and datum < timezone.localdate() and not bewaard:
            raise forms.ValidationError(_("De evaluatiedatum ligt in het verleden."))
        return datum

    def clean(self):
        data = super().clean()
        for naam in ("specifiek", "meetbaar", "acceptabel", "realistisch", "titel"):
            waarde = data.get(naam)
            if waarde is not None and not waarde.strip():
                self.add_error(naam, _("Vul dit SMART-onderdeel in; alleen spaties is niet genoeg."))
        meetbaar = " ".join(data.get(n) or "" for n in ("meetbaar", "indicator", "streefwaarde"))
        if data.get("meetbaar", "").strip() and not (_GETAL.search(meetbaar) or _JA_NEE.search(meetbaar)):
            self.add_error(
                "meetbaar",
                _(
                    "Maak de afspraak meetbaar: noem een getal of percentage (bijvoorbeeld 90%) "
                    "of een ja/nee-criterium, hier of bij indicator en streefwaarde."
                ),
            )
        if not (data.get("streefwaarde") or "").strip():
            self.add_error("streefwaarde", _("Geef een streefwaarde: een getal, percentage of ja/nee."))
        tijd, evaluatie = data.get("tijdgebonden"), data.get("evaluatie_op")
        if tijd and evaluatie and evaluatie > tijd:
            self.add_error(
                "evaluatie_op", _("Evalueer uiterlijk op de datum waarop de afspraak gerealiseerd is.")
            )
        eigenaar = data.get("eigenaar")
        if eigenaar and not eigenaar.has_perm("samenwerking.change_samenwerkingsverband", self.verband):
            self.add_error(
                "eigenaar", _("De eigenaar moet namens een deelnemende praktijk in dit verband werken.")
            )
        return data


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
    """An evaluation with its decision; the decision's consequence is carried out by the service."""

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

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("Een evaluatie kan niet in de toekomst liggen."))
        return datum

    def clean(self):
        data = super().clean()
        besluit = data.get("besluit")
        volgende = data.get("volgende_evaluatie")
        if besluit == Besluit.BEEINDIGEN and not (data.get("reden_beeindiging") or "").strip():
            self.add_error("reden_beeindiging", _("Geef de reden waarom de afspraak stopt."))
        if besluit == Besluit.VOORTZETTEN and not volgende:
            self.add_error("volgende_evaluatie", _("Kies wanneer de afspraak weer wordt geëvalueerd."))
        if volgende and volgende <= timezone.localdate():
            self.add_error("volgende_evaluatie", _("Kies een datum in de toekomst."))
        return data
