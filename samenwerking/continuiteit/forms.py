"""Forms of the continuïteit workflow: they shape input; the rules are in the models and services."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wijken.models import Praktijk
from zio_portal.widgets import ZoekKeuze

from ..models import Afspraak, Opvangafspraak, OpvangEvaluatie, Samenwerkingsverband, UitvalMelding
from .constants import THEMA_OPVANG, Antwoord, Situatie, Zorgsoort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OpvangafspraakForm(forms.ModelForm):
    """An opvangafspraak of one verband; the practices come from the verband (and its wijk)."""

    situaties = forms.MultipleChoiceField(
        label=_("Situaties"), choices=Situatie.choices, widget=forms.CheckboxSelectMultiple
    )
    zorgsoorten = forms.MultipleChoiceField(
        label=_("Welke zorg wordt overgenomen"),
        choices=Zorgsoort.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    overnemers = forms.ModelMultipleChoiceField(
        label=_("Praktijken die de zorg overnemen"),
        queryset=Praktijk.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bij een rooster: de volgorde van de weken is de volgorde in deze lijst."),
    )

    class Meta:
        model = Opvangafspraak
        fields = [
            "overdragende_praktijk",
            "overnemers",
            "vorm",
            "situaties",
            "zorgsoorten",
            "zorg_anders",
            "capaciteit",
            "bereikbaarheid",
            "geldig_van",
            "geldig_tot",
            "smart_afspraak",
        ]
        widgets = {"geldig_van": DATUM, "geldig_tot": DATUM}

    def __init__(self, *args, verband, **kwargs):
        super().__init__(*args, **kwargs)
        self.verband = verband
        self.instance.verband = verband
        leden = Praktijk.objects.filter(deelnames__verband=verband, deelnames__uitgetreden_op__isnull=True)
        self.fields["overdragende_praktijk"].queryset = leden.order_by("naam")
        self.fields["overnemers"].queryset = (
            Praktijk.objects.filter(Q(pk__in=leden.values("pk")) | Q(wijk=verband.wijk, actief=True))
            .distinct()
            .order_by("naam")
        )
        self.fields["smart_afspraak"].queryset = Afspraak.objects.filter(
            verband=verband, thema__naam=THEMA_OPVANG
        )
        if self.instance.pk:
            self.initial["overnemers"] = [r.praktijk_id for r in self.instance.overnemers.all()]

    def overnemers_met_herkomst(self) -> list[tuple[Praktijk, bool]]:
        """The chosen practices with whether each comes from the wijk outside the verband."""
        leden = set(
            self.verband.deelnames.filter(uitgetreden_op__isnull=True).values_list("praktijk_id", flat=True)
        )
        return [(p, p.pk not in leden) for p in self.cleaned_data["overnemers"]]

    def _post_clean(self):
        # The model's clean() runs in the service (full_clean); here only the form's own fields.
        pass


class UitvalForm(forms.Form):
    """Uitval melden: which practice, from when until when, why and which care."""

    praktijk = forms.ModelChoiceField(
        label=_("Praktijk"),
        queryset=Praktijk.objects.none(),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["praktijken"])),
    )
    van = forms.DateField(label=_("Van"), widget=DATUM)
    tot = forms.DateField(label=_("Tot en met (verwacht)"), widget=DATUM)
    situatie = forms.ChoiceField(label=_("Situatie"), choices=Situatie.choices, widget=forms.RadioSelect)
    zorgsoorten = forms.MultipleChoiceField(
        label=_("Welke zorg kan niet (volledig) doorgaan"),
        choices=Zorgsoort.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    toelichting = forms.CharField(
        label=_("Korte toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Let op: geen patiëntgegevens. Geen namen, geboortedata of klachten van patiënten."),
    )

    def __init__(self, *args, praktijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["praktijk"].queryset = praktijken
        if praktijken.count() == 1:
            self.fields["praktijk"].initial = praktijken.first()


class VragenForm(forms.Form):
    """The practices the reporter (or at escalation, the region) asks to take over."""

    praktijken = forms.ModelMultipleChoiceField(
        label=_("Welke praktijken vraagt u?"),
        queryset=Praktijk.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één praktijk om te vragen.")},
    )

    def __init__(self, *args, keuze, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["praktijken"].queryset = keuze


class PeriodeForm(forms.ModelForm):
    """A changed period of a melding (the asked practices get an updated invitation)."""

    class Meta:
        model = UitvalMelding
        fields = ["van", "tot"]
        widgets = {"van": DATUM, "tot": DATUM}

    def _post_clean(self):
        pass


class AntwoordForm(forms.Form):
    """The asked practice's answer: confirmed (optionally part of the care or period) or cannot."""

    antwoord = forms.ChoiceField(
        label=_("Uw antwoord"),
        choices=[(Antwoord.BEVESTIGD, _("Opvang bevestigd")), (Antwoord.KAN_NIET, _("Kan niet"))],
        widget=forms.RadioSelect,
    )
    zorgsoorten = forms.MultipleChoiceField(
        label=_("Welke zorg neemt u over"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: alle gevraagde zorg."),
    )
    van = forms.DateField(label=_("Vanaf (als niet de hele periode)"), required=False, widget=DATUM)
    tot = forms.DateField(label=_("Tot en met (als niet de hele periode)"), required=False, widget=DATUM)
    reden = forms.CharField(
        label=_("Reden (bij ‘kan niet’)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, melding: UitvalMelding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zorgsoorten"].choices = [(z, Zorgsoort(z).label) for z in melding.zorgsoorten]


class EvaluatieForm(forms.ModelForm):
    """How the opvang went, for one practice involved."""

    class Meta:
        model = OpvangEvaluatie
        fields = ["oordeel", "toelichting"]
        widgets = {"oordeel": forms.RadioSelect, "toelichting": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        pass


class NieuweOpvangafspraakForm(forms.Form):
    """The one 'Nieuwe opvangafspraak' button: choose the verband first (a search choice when there are
    more than twenty, zio_portal/widgets.py), then the form of that verband."""

    verband = forms.ModelChoiceField(
        label=_("In verband"),
        queryset=Samenwerkingsverband.objects.none(),
        empty_label=_("— kies een verband —"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["opvangverbanden"])),
        error_messages={"invalid_choice": _("Kies een verband waarin u opvangafspraken mag maken.")},
    )

    def __init__(self, *args, verbanden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verband"].queryset = verbanden
        self.fields["verband"].widget.attrs["class"] = "form-select form-select-sm"
