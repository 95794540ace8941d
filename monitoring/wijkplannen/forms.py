"""Forms of the wijkplan workflow: they shape input; the rules live in the services and models."""

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenwerking.constants import OverlegSoort, VerbandSoort
from samenwerking.models import Actiepunt, Afspraak, Besluitvorming
from wijken.models import Contactpersoon, Praktijk, Wijk
from zio_portal.widgets import ZoekKeuze

from ..models import Actie, Afstemming, Doel, DoelEvaluatie, Prioriteit, ScanItem, WijkplanOpmerking
from .constants import ActieStatus


class CbsImportForm(forms.Form):
    jaar = forms.IntegerField(
        label=_("Jaar van de cijfers"),
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Het jaar van de CBS-tabel, bijvoorbeeld 2024 voor 'Kerncijfers wijken en buurten 2024'."
        ),
    )
    bestand = forms.FileField(
        label=_("CBS-bestand"),
        help_text=_("De download van CBS StatLine als CSV (gescheiden door ;)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].initial = timezone.localdate().year - 1

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if not bestand.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload het CSV-bestand van CBS StatLine (.csv)."))
        if bestand.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."))
        return bestand


class _DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class WijkplanStartForm(forms.Form):
    """The one 'Wijkplan starten' form of the list: the year and a wijk among those the user may start a
    plan for (``selectors.wijken_om_te_starten``; a search choice when there are more than twenty,
    zio_portal/widgets.py)."""

    jaar = forms.IntegerField(label=_("Jaar"), min_value=2020, max_value=2100)
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.none(),
        empty_label=_("— kies een wijk —"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["wijkplanwijken"])),
        error_messages={"invalid_choice": _("Kies een wijk waarvoor u een wijkplan mag starten.")},
    )

    def __init__(self, *args, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken
        self.fields["wijk"].widget.attrs["class"] = "form-select form-select-sm"


class ScanItemForm(forms.ModelForm):
    class Meta:
        model = ScanItem
        fields = ["soort", "titel", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}


class PrioriteitForm(forms.ModelForm):
    class Meta:
        model = Prioriteit
        fields = ["scanitem", "titel", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, wijkplan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scanitem"].queryset = wijkplan.scanitems.all() if wijkplan else ScanItem.objects.none()
        self.fields["titel"].required = False
        self.fields["titel"].help_text = _("Leeg laten om de titel uit de wijkscan over te nemen.")

    def clean(self):
        data = super().clean()
        if not data.get("titel") and not data.get("scanitem"):
            self.add_error("titel", _("Kies een onderdeel uit de wijkscan of vul een prioriteit in."))
        return data


class DoelForm(forms.ModelForm):
    class Meta:
        model = Doel
        fields = ["prioriteit", "titel", "specifiek", "meetbaar", "acceptabel", "realistisch", "tijdgebonden"]
        widgets = {
            "tijdgebonden": _DatumInvoer(),
            **{
                veld: forms.Textarea(attrs={"rows": 2})
                for veld in ("specifiek", "meetbaar", "acceptabel", "realistisch")
            },
        }

    def __init__(self, *args, wijkplan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prioriteit"].queryset = (
            wijkplan.prioriteiten.all() if wijkplan else Prioriteit.objects.none()
        )


class ActieForm(forms.ModelForm):
    class Meta:
        model = Actie
        fields = [
            "doel",
            "omschrijving",
            "eigenaar_contact",
            "eigenaar_praktijk",
            "deadline",
            "actiepunt",
            "afspraak",
        ]
        widgets = {"deadline": _DatumInvoer(), "omschrijving": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, wijkplan=None, **kwargs):
        super().__init__(*args, **kwargs)
        wijk = wijkplan.wijk
        self.fields["doel"].queryset = Doel.objects.filter(prioriteit__wijkplan=wijkplan)
        self.fields["eigenaar_contact"].queryset = Contactpersoon.objects.filter(
            Q(partner__wijken=wijk) | Q(praktijk__wijk=wijk)
        ).distinct()
        self.fields["eigenaar_praktijk"].queryset = Praktijk.objects.filter(wijk=wijk, actief=True)
        self.fields["actiepunt"].queryset = Actiepunt.objects.filter(verband__wijk=wijk).select_related(
            "verband"
        )
        self.fields["afspraak"].queryset = Afspraak.objects.filter(verband__wijk=wijk)
        self.fields["eigenaar_contact"].help_text = _(
            "Een persoon van de sociale kaart, óf kies hieronder een praktijk."
        )


class ActieStatusForm(forms.Form):
    actie = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ActieStatus.choices)


class AfstemmingForm(forms.ModelForm):
    class Meta:
        model = Afstemming
        fields = ["met", "wie", "andere_wijk", "datum", "uitkomst"]
        widgets = {"datum": _DatumInvoer(), "uitkomst": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, wijkplan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["andere_wijk"].queryset = Wijk.objects.exclude(pk=wijkplan.wijk_id)


class OpmerkingForm(forms.ModelForm):
    class Meta:
        model = WijkplanOpmerking
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}


class VaststellenForm(forms.Form):
    besluit = forms.ModelChoiceField(
        label=_("Besluit in het WSV-overleg"),
        queryset=Besluitvorming.objects.none(),
        help_text=_(
            "Het besluit waarmee de WSV het wijkplan vaststelt. Leg het besluit eerst vast bij het overleg."
        ),
    )

    def __init__(self, *args, wijkplan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].queryset = (
            Besluitvorming.objects.filter(
                overleg__verband__wijk=wijkplan.wijk,
                overleg__verband__soort=VerbandSoort.MULTIDISCIPLINAIR,
                overleg__soort=OverlegSoort.WSV,
            )
            .select_related("overleg")
            .order_by("-overleg__datum")
        )
        self.fields["besluit"].label_from_instance = lambda b: f"{b.overleg.datum:%d-%m-%Y}: {b.tekst[:80]}"


class EvaluatieForm(forms.ModelForm):
    class Meta:
        model = DoelEvaluatie
        fields = ["behaald", "wat_gaat_goed", "wat_kan_beter"]
        widgets = {
            "wat_gaat_goed": forms.Textarea(attrs={"rows": 2}),
            "wat_kan_beter": forms.Textarea(attrs={"rows": 2}),
        }
