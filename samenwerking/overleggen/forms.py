"""Forms of the WSV-overleggen; they validate input and leave the writes to services.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon
from zio_portal.models import User

from ..constants import Aanwezig, KnelpuntSoort
from ..models import Overleg
from ..widgets import DatumInput


class TijdInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class OverlegForm(forms.ModelForm):
    """Plan or move a meeting. The model's clean() gives the Dutch messages next to the fields."""

    uitnodigen = forms.BooleanField(
        label=_("Stuur de afgevaardigden meteen de uitnodiging (met agenda-bestand voor Outlook)"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Overleg
        fields = ["datum", "starttijd", "eindtijd", "overlegvorm", "locatie", "link"]
        widgets = {"datum": DatumInput(), "starttijd": TijdInput(), "eindtijd": TijdInput()}
        help_texts = {
            "locatie": _("Verplicht bij een fysiek of hybride overleg."),
            "link": _("Verplicht bij een online of hybride overleg, bijvoorbeeld een Teams-link."),
        }
        error_messages = {
            "datum": {"required": _("Vul de datum van het overleg in.")},
            "overlegvorm": {"required": _("Kies de overlegvorm: fysiek, online of hybride.")},
            "link": {"invalid": _("Vul een volledige link in, beginnend met https://.")},
        }

    def __init__(self, *args, verband=None, met_uitnodiging=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.verband = verband or getattr(self.instance, "verband", None)
        self.fields["starttijd"].required = True
        self.fields["eindtijd"].required = True
        self.fields["starttijd"].error_messages["required"] = _("Vul de starttijd in.")
        self.fields["eindtijd"].error_messages["required"] = _("Vul de eindtijd in.")
        if not met_uitnodiging:
            del self.fields["uitnodigen"]


class UniekeIdsMixin:
    """Several of these forms share one page: their ids get a prefix, their field names do not."""

    id_voorvoegsel = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_voorvoegsel}_%s")
        super().__init__(*args, **kwargs)


class AgendapuntForm(UniekeIdsMixin, forms.Form):
    id_voorvoegsel = "agenda"
    titel = forms.CharField(
        label=_("Nieuw agendapunt"),
        max_length=200,
        error_messages={"required": _("Geef het agendapunt een titel.")},
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=500)


class DeelnemerForm(UniekeIdsMixin, forms.Form):
    id_voorvoegsel = "deelnemer"

    naam = forms.CharField(
        label=_("Naam en rol"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de deelnemer in.")},
        help_text=_("Bijvoorbeeld: de gebiedsmanager, een gast of een vervanger."),
    )
    status = forms.ChoiceField(label=_("Aanwezigheid"), choices=Aanwezig.choices, initial=Aanwezig.AANWEZIG)


class BesluitForm(UniekeIdsMixin, forms.Form):
    id_voorvoegsel = "besluit"

    tekst = forms.CharField(
        label=_("Besluit"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Beschrijf het besluit.")},
    )
    agendapunt = forms.TypedChoiceField(
        label=_("Bij agendapunt"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, overleg=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].choices = [("", _("(algemeen)"))] + [
            (p.pk, f"{p.volgorde}. {p.titel}") for p in overleg.agendapunten.all()
        ]


class ActiepuntForm(UniekeIdsMixin, forms.Form):
    id_voorvoegsel = "actie"

    omschrijving = forms.CharField(
        label=_("Actiepunt"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Beschrijf wat er moet gebeuren.")},
    )
    eigenaar = forms.ChoiceField(
        label=_("Eigenaar"), error_messages={"required": _("Kies wie het actiepunt oppakt.")}
    )
    deadline = forms.DateField(
        label=_("Deadline"), widget=DatumInput(), error_messages={"required": _("Vul de deadline in.")}
    )

    def __init__(self, *args, overleg=None, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.overleg = overleg
        self.fields["eigenaar"].choices = [("", _("— kies —"))] + list(keuzes)

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if self.overleg and deadline < self.overleg.datum:
            raise forms.ValidationError(_("De deadline ligt vóór de datum van het overleg."))
        return deadline

    def eigenaar_objecten(self) -> dict:
        """The chosen owner as the service's keyword arguments (a contactpersoon or a user)."""
        waarde = self.cleaned_data["eigenaar"]
        if waarde.startswith("c"):
            return {"eigenaar_contact": Contactpersoon.objects.get(pk=int(waarde[1:]))}
        return {"eigenaar": User.objects.get(pk=int(waarde[1:]))}


class KnelpuntForm(UniekeIdsMixin, forms.Form):
    id_voorvoegsel = "knelpunt"

    soort = forms.ChoiceField(label=_("Soort"), choices=KnelpuntSoort.choices, initial=KnelpuntSoort.KNELPUNT)
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Beschrijf het knelpunt of inzicht.")},
    )
    beroepsgroep = forms.ChoiceField(
        label=_("Beroepsgroep"),
        choices=[("", _("(niet specifiek)"))] + list(Beroepsgroep.choices),
        required=False,
    )
