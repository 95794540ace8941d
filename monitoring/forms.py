"""Forms of the monitoring: the questionnaire built from its questions, rounds, imports and visits."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerking.models import Thema
from zio_portal.constants import Rol
from zio_portal.models import User

from .constants import Ondersteuningscategorie, VraagType
from .models import Antwoord, Bouwsteen, Sectie, Vraag
from .services import antwoord_waarde_lezen

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


def _initiele_waarde(vraag: Vraag, antwoord: Antwoord | None):
    if antwoord is None:
        return None
    if vraag.type == VraagType.JA_NEE:
        return None if antwoord.ja_nee is None else ("ja" if antwoord.ja_nee else "nee")
    if vraag.type == VraagType.SCHAAL:
        return None if antwoord.getal is None else str(int(antwoord.getal))
    if vraag.type == VraagType.GETAL:
        return antwoord.getal
    return antwoord.tekst


class VragenlijstForm(forms.Form):
    """One field per question, named by its code. Nothing is required here: required questions are
    checked only when the practice submits (services.respons_opslaan)."""

    def __init__(self, *args, vragen: list[Vraag], antwoorden: dict[str, Antwoord], **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        for vraag in vragen:
            label = vraag.tekst
            match vraag.type:
                case VraagType.SCHAAL:
                    veld = forms.ChoiceField(
                        choices=[(str(n), str(n)) for n in range(1, 6)], widget=forms.RadioSelect
                    )
                case VraagType.JA_NEE:
                    veld = forms.ChoiceField(choices=JA_NEE, widget=forms.RadioSelect)
                case VraagType.MEERKEUZE:
                    veld = forms.ChoiceField(choices=[(o, o) for o in vraag.opties], widget=forms.RadioSelect)
                case VraagType.GETAL:
                    veld = forms.DecimalField(
                        max_digits=12,
                        decimal_places=2,
                        localize=True,
                        error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 12 of 3,5.")},
                    )
                case _:
                    veld = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
            veld.required = False
            veld.label = label
            veld.vraag = vraag
            veld.initial = _initiele_waarde(vraag, antwoorden.get(vraag.code))
            self.fields[vraag.code] = veld

    def waarden(self) -> dict[Vraag, object]:
        """The cleaned answers as typed values per question (None when left empty)."""
        uitkomst = {}
        for vraag in self.vragen:
            ruw = self.cleaned_data.get(vraag.code)
            if vraag.type == VraagType.GETAL:
                uitkomst[vraag] = ruw
            else:
                uitkomst[vraag] = antwoord_waarde_lezen(vraag=vraag, ruw=ruw)
        return uitkomst

    def velden_per_sectie(self, secties: list[Sectie]):
        for sectie in secties:
            yield sectie, [self[v.code] for v in sectie.vragen.all()]


class RondeForm(forms.Form):
    opent_op = forms.DateField(label=_("Opent op"), widget=forms.DateInput(attrs={"type": "date"}))
    sluit_op = forms.DateField(label=_("Sluit op"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("opent_op") and data.get("sluit_op") and data["sluit_op"] < data["opent_op"]:
            self.add_error("sluit_op", _("De sluitdatum ligt voor de openingsdatum."))
        return data


class KopieForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar van de nieuwe vragenlijst"), min_value=2000, max_value=2100)


class SectieForm(forms.Form):
    titel = forms.CharField(label=_("Titel van de sectie"), max_length=200)


class VraagForm(forms.Form):
    sectie = forms.ModelChoiceField(label=_("Sectie"), queryset=Sectie.objects.none())
    code = forms.SlugField(
        label=_("Code"), max_length=40, help_text=_("Vaste code, gelijk over de jaren, bijvoorbeeld SW08.")
    )
    tekst = forms.CharField(label=_("Vraag"), widget=forms.Textarea(attrs={"rows": 2}))
    type = forms.ChoiceField(label=_("Type"), choices=VraagType.choices)
    opties = forms.CharField(
        label=_("Antwoordopties"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen bij meerkeuze: één optie per regel."),
    )
    samenwerking = forms.BooleanField(label=_("Samenwerkingsvraag"), required=False)
    verplicht = forms.BooleanField(label=_("Verplicht"), required=False, initial=True)

    def __init__(self, *args, vragenlijst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectie"].queryset = vragenlijst.secties.order_by("volgorde")

    def clean_opties(self) -> list[str]:
        return [regel.strip() for regel in self.cleaned_data["opties"].splitlines() if regel.strip()]


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Exportbestand (CSV of Excel)"),
        help_text=_(
            "Eén regel per praktijk; de eerste kolom is de AGB-code, de andere kolommen zijn vraagcodes."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Kies een .csv- of .xlsx-bestand."))
        if bestand.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return bestand


def _zio_medewerkers():
    return User.objects.filter(
        rol__in=[Rol.BELEIDSADVISEUR, Rol.BEHEERDER, Rol.PROJECTLEIDER], is_active=True
    ).order_by("first_name", "last_name")


class BezoekPlanForm(forms.Form):
    gepland_op = forms.DateTimeField(
        label=_("Datum en tijd"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    bezoekers = forms.ModelMultipleChoiceField(
        label=_("Wie van ZIO"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bezoekers"].queryset = _zio_medewerkers()

    def clean_gepland_op(self):
        moment = self.cleaned_data["gepland_op"]
        if moment < timezone.now():
            raise forms.ValidationError(_("Kies een moment in de toekomst."))
        return moment


class BezoekVerslagForm(forms.Form):
    gehouden_op = forms.DateField(
        label=_("Gehouden op"), required=False, widget=forms.DateInput(attrs={"type": "date"})
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

    def clean(self):
        data = super().clean()
        if data.get("gehouden_op") and data["gehouden_op"] > timezone.localdate():
            self.add_error("gehouden_op", _("Een bezoek kan niet in de toekomst gehouden zijn."))
        return data

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
