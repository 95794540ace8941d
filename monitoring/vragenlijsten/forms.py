"""Forms of the vragenlijsten: the questionnaire built from its questions, sections, rounds and imports."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import VraagType
from ..models import Antwoord, Sectie, Vraag
from . import importeren
from .antwoorden import antwoord_waarde_lezen

JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


def _initiele_waarde(vraag: Vraag, antwoord: Antwoord | None):
    if antwoord is None:
        return None
    if vraag.type == VraagType.JA_NEE:
        return None if antwoord.ja_nee is None else ("ja" if antwoord.ja_nee else "nee")
    if vraag.type == VraagType.SCHAAL:
        return None if antwoord.getal is None else str(int(antwoord.getal))
    if vraag.type == VraagType.GETAL:
        getal = antwoord.getal
        # Shown as typed: 6200 stays "6200" (not "6200,00"), 3.5 is "3,5".
        return (
            None
            if getal is None
            else (getal.quantize(1) if getal == getal.to_integral() else getal.normalize())
        )
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
    opent_op = forms.DateField(
        label=_("Opent op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sluit_op = forms.DateField(
        label=_("Sluit op"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

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
        label=_("Exportbestand (CSV, Excel of OpenDocument)"),
        help_text=_(
            "Eén regel per praktijk, met een kolom 'AGB-code' op elke plaats; de andere kolommen hebben "
            "een vraagcode of de vraagtekst als kop. Exports van LimeSurvey en KoboToolbox kunnen "
            "onbewerkt: hun eigen kolommen worden overgeslagen."
        ),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith(importeren.EXTENSIES):
            raise forms.ValidationError(_("Kies een .csv-, .xlsx- of .ods-bestand."))
        if bestand.size > importeren.MAX_BESTAND:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": importeren.MAX_BESTAND // (1024 * 1024)}
            )
        return bestand


NEGEREN = "negeren"


class KoppelForm(forms.Form):
    """Per heading the portal could not match: the question it means, or ignore it."""

    def __init__(self, *args, kolommen: list[importeren.Kolom], vragen: list[Vraag], **kwargs):
        super().__init__(*args, **kwargs)
        self.kolommen = kolommen
        self.vragen = {str(v.pk): v for v in vragen}
        keuzes = [("", _("Kies een vraag …")), (NEGEREN, _("Negeren"))] + [
            (str(v.pk), f"{v.code}: {v.tekst[:70]}") for v in vragen
        ]
        for kolom in kolommen:
            self.fields[f"kolom_{kolom.index}"] = forms.ChoiceField(
                label=kolom.kop or _("(kolom zonder kop)"), choices=keuzes, required=False
            )

    def koppelingen(self) -> dict[str, Vraag | None]:
        """The chosen links per heading (headings left on 'Kies' are left out)."""
        uitkomst = {}
        for kolom in self.kolommen:
            keuze = self.cleaned_data.get(f"kolom_{kolom.index}")
            if keuze == NEGEREN:
                uitkomst[kolom.kop] = None
            elif keuze:
                uitkomst[kolom.kop] = self.vragen[keuze]
        return uitkomst
