"""Forms of the samenwerking app; they validate input and leave the writes to services.py."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon, Gebied, Praktijk
from zio_portal.models import User
from zio_portal.permissions import BEWERKENDE_FUNCTIES

from .constants import Besluit, Implementatiestatus, StapStatus, VerbandSoort
from .models import (
    Afspraak,
    AfspraakPraktijk,
    Evaluatie,
    GebiedTerugkoppeling,
    Samenwerkingsverband,
    TerugkoppelingRegel,
    Thema,
)

# A measurable criterion: a number or percentage, or a yes/no criterion.
_GETAL = re.compile(r"\d")
_JA_NEE = re.compile(r"\b(ja|nee|ja/nee|wel/niet)\b", re.IGNORECASE)


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


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


class StapForm(forms.Form):
    """Record a PDCA step as started or done, with a note."""

    status = forms.ChoiceField(label=_("Status"), choices=StapStatus.choices)
    notitie = forms.CharField(label=_("Notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CyclusForm(forms.Form):
    """Start a new PDCA cycle with the themes it takes up."""

    themas = forms.ModelMultipleChoiceField(
        label=_("Nieuwe thema's"),
        queryset=Thema.objects.filter(actief=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één thema voor de nieuwe cyclus.")},
    )


# --- Samenstelling (WSV) ---------------------------------------------------------------------------
class ContactpersoonKeuze(forms.ModelChoiceField):
    """A contact person shown with their organisation."""

    def label_from_instance(self, obj):
        return f"{obj.naam} – {obj.organisatie.naam}" + (f" ({obj.functie})" if obj.functie else "")


def _gegroepeerde_keuzes(kandidaten: dict[str, list]) -> list:
    """Choices grouped by beroepsgroep (optgroups), so the list stays readable."""
    keuzes: list = [("", "---------")]
    for groep, contacten in kandidaten.items():
        if contacten:
            keuzes.append(
                (
                    Beroepsgroep(groep).label,
                    [
                        (c.pk, f"{c.naam} – {c.organisatie.naam}" + (f" ({c.functie})" if c.functie else ""))
                        for c in contacten
                    ],
                )
            )
    return keuzes


class AfgevaardigdeBenoemenForm(forms.Form):
    """Appoint the mandated delegate of a beroepsgroep."""

    beroepsgroep = forms.ChoiceField(label=_("Beroepsgroep"), choices=Beroepsgroep.choices)
    contactpersoon = ContactpersoonKeuze(
        label=_("Afgevaardigde"),
        queryset=Contactpersoon.objects.none(),
        help_text=_(
            "Een contactpersoon van een partner uit deze beroepsgroep in de wijk; voor de huisartsen "
            "een contactpersoon van een huisartsenpraktijk. Ontbreekt iemand? Vraag de beheerder de "
            "sociale kaart aan te vullen."
        ),
        error_messages={"invalid_choice": _("Kies een contactpersoon uit de lijst.")},
    )
    mandaat_op = forms.DateField(label=_("Gemandateerd op"), widget=DatumInput())

    def __init__(self, *args, kandidaten: dict[str, list], vaste_groep: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if vaste_groep:
            # Chosen on the composition page: only that beroepsgroep's people, no second choice to make.
            kandidaten = {vaste_groep: kandidaten.get(vaste_groep, [])}
            self.fields["beroepsgroep"].widget = forms.HiddenInput()
            self.fields["beroepsgroep"].initial = vaste_groep
        self.vaste_groep = vaste_groep
        self.kandidaten = kandidaten
        self.geen_kandidaten = not any(kandidaten.values())
        ids = [c.pk for contacten in kandidaten.values() for c in contacten]
        self.fields["contactpersoon"].queryset = Contactpersoon.objects.filter(pk__in=ids).select_related(
            "partner", "praktijk"
        )
        keuzes = _gegroepeerde_keuzes(kandidaten)
        if vaste_groep:
            keuzes = [("", _("Kies een contactpersoon")), *(keuzes[1][1] if len(keuzes) > 1 else [])]
        self.fields["contactpersoon"].choices = keuzes

    def add_error(self, field, error):
        # A fixed beroepsgroep is a hidden field: its errors (e.g. "already has a delegate") go next to
        # the person the user chose, where they can be seen.
        if field == "beroepsgroep" and self.vaste_groep:
            field = "contactpersoon"
        super().add_error(field, error)

    def clean(self):
        data = super().clean()
        groep, contact = data.get("beroepsgroep"), data.get("contactpersoon")
        if groep and contact and contact.pk not in {c.pk for c in self.kandidaten.get(groep, [])}:
            self.add_error(
                "contactpersoon",
                _("%(naam)s hoort niet bij de beroepsgroep %(groep)s in deze wijk.")
                % {"naam": contact.naam, "groep": Beroepsgroep(groep).label},
            )
        return data


class AfgevaardigdeVervangenForm(forms.Form):
    """Replace a delegate: the current mandate ends on the date, the new one starts on it."""

    contactpersoon = ContactpersoonKeuze(
        label=_("Nieuwe afgevaardigde"),
        queryset=Contactpersoon.objects.none(),
        error_messages={"invalid_choice": _("Kies een contactpersoon uit de lijst.")},
    )
    per = forms.DateField(
        label=_("Vervangen per"),
        widget=DatumInput(),
        help_text=_("Op deze datum eindigt het huidige mandaat en gaat het nieuwe in."),
    )
    reden = forms.CharField(
        label=_("Reden"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: vertrokken naar een andere organisatie."),
    )

    def __init__(self, *args, kandidaten: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = Contactpersoon.objects.filter(
            pk__in=[c.pk for c in kandidaten]
        ).select_related("partner", "praktijk")


class AfgevaardigdeBeeindigenForm(forms.Form):
    """End a mandate without a successor; the beroepsgroep becomes vacant."""

    einde_op = forms.DateField(label=_("Mandaat beëindigd op"), widget=DatumInput())
    reden_einde = forms.CharField(
        label=_("Reden van beëindiging"),
        max_length=200,
        error_messages={"required": _("Geef de reden waarom het mandaat stopt.")},
    )


# --- Terugkoppeling (Check/Act) --------------------------------------------------------------------
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
