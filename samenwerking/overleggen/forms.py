"""Forms of the WSV-overleggen; they validate input and leave the writes to services.py."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon
from zio_portal.models import User

from ..constants import Aanwezig, KnelpuntSoort, OverlegSoort
from ..models import Aanwezigheid, Agendapunt, Overleg
from ..models.overleggen import NOTULEN_MAX_TEKENS
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
        fields = ["soort", "doelgroep", "datum", "starttijd", "eindtijd", "overlegvorm", "locatie", "link"]
        widgets = {"datum": DatumInput(), "starttijd": TijdInput(), "eindtijd": TijdInput()}
        labels = {"soort": _("Soort overleg"), "doelgroep": _("Doelgroep van het MDO")}
        help_texts = {
            "soort": _("WSV-overleg, of een MDO, FTO, DTO of intervisie in de wijk."),
            "doelgroep": _("Alleen bij een MDO, bijvoorbeeld kwetsbare ouderen of mensen met dementie."),
            "locatie": _("Verplicht bij een fysiek of hybride overleg."),
            "link": _("Verplicht bij een online of hybride overleg, bijvoorbeeld een Teams-link."),
        }
        error_messages = {
            "datum": {"required": _("Vul de datum van het overleg in.")},
            "soort": {"required": _("Kies de soort overleg.")},
            "doelgroep": {"max_length": _("Houd de doelgroep kort: ten hoogste 200 tekens.")},
            "overlegvorm": {"required": _("Kies de overlegvorm: fysiek, online of hybride.")},
            "link": {"invalid": _("Vul een volledige link in, beginnend met https://.")},
        }

    def __init__(self, *args, verband=None, met_uitnodiging=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.verband = verband or getattr(self.instance, "verband", None)
        # Left out of a post (an older page, a script): a WSV-overleg, the default.
        self.fields["soort"].required = False
        self.fields["soort"].choices = OverlegSoort.choices
        self.fields["starttijd"].required = True
        self.fields["eindtijd"].required = True
        self.fields["starttijd"].error_messages["required"] = _("Vul de starttijd in.")
        self.fields["eindtijd"].error_messages["required"] = _("Vul de eindtijd in.")
        if not met_uitnodiging:
            del self.fields["uitnodigen"]

    def clean(self):
        """The doelgroep field is hidden for other kinds: text left in it is not meant for them."""
        data = super().clean()
        data["soort"] = data.get("soort") or OverlegSoort.WSV  # not sent: the default kind
        if data["soort"] != OverlegSoort.MDO:
            data["doelgroep"] = ""
            self.instance.doelgroep = ""
        return data


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


class AgendaActieForm(forms.Form):
    """Move or remove one item of the agenda; the item must belong to this meeting."""

    wat = forms.ChoiceField(
        choices=[("omhoog", _("Omhoog")), ("omlaag", _("Omlaag")), ("verwijderen", _("Verwijderen"))]
    )
    agendapunt = forms.ModelChoiceField(
        queryset=Agendapunt.objects.none(),
        error_messages={"invalid_choice": _("Dit agendapunt staat niet (meer) op de agenda.")},
    )

    def __init__(self, *args, overleg, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].queryset = overleg.agendapunten.all()


class DeelnemerVerwijderenForm(forms.Form):
    """Remove a participant who is not a delegate; the row must belong to this meeting."""

    verwijderen = forms.ModelChoiceField(
        queryset=Aanwezigheid.objects.none(),
        error_messages={"invalid_choice": _("Deze deelnemer staat niet (meer) bij dit overleg.")},
    )

    def __init__(self, *args, overleg, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwijderen"].queryset = overleg.aanwezigheid.filter(afgevaardigde__isnull=True)


class AanwezigheidForm(forms.Form):
    """The attendance of the delegates of the meeting date: one choice per delegate (may stay empty)."""

    def __init__(self, *args, afgevaardigden, **kwargs):
        super().__init__(*args, **kwargs)
        for afgevaardigde in afgevaardigden:
            self.fields[f"aanwezig-{afgevaardigde.pk}"] = forms.ChoiceField(
                label=str(afgevaardigde), choices=Aanwezig.choices, required=False
            )

    def statussen(self) -> dict[int, str]:
        """Delegate pk -> status, for the delegates that got one."""
        gekozen = {naam: waarde for naam, waarde in self.cleaned_data.items() if waarde}
        return {int(naam.removeprefix("aanwezig-")): waarde for naam, waarde in gekozen.items()}


class NotulenForm(forms.Form):
    """The notulen per agenda item and the general notulen. Text over the maximum is refused with a
    message next to the field (never cut); a field that is not sent keeps what is stored."""

    algemeen = forms.CharField(
        label=_("Algemene notulen en rondvraag"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[MaxLengthValidator(NOTULEN_MAX_TEKENS)],
    )

    def __init__(self, *args, overleg, **kwargs):
        kwargs.setdefault("auto_id", "%s")  # ids as the page had them: notulen-<pk>, algemeen
        super().__init__(*args, **kwargs)
        self.punten = list(overleg.agendapunten.all())
        self.fields["algemeen"].initial = overleg.notulen
        for n, punt in enumerate(self.punten, start=1):
            self.fields[f"notulen-{punt.pk}"] = forms.CharField(
                label=f"{n}. {punt.titel}",
                required=False,
                strip=False,
                initial=punt.notulen,
                widget=forms.Textarea(attrs={"rows": 3}),
                validators=[MaxLengthValidator(NOTULEN_MAX_TEKENS)],
            )

    def regels(self):
        """(agenda item, bound field) in agenda order, for the template."""
        return [(punt, self[f"notulen-{punt.pk}"]) for punt in self.punten]

    def per_agendapunt(self) -> dict[int, str]:
        """Agenda item pk -> notulen, for the items whose field was sent."""
        return {
            punt.pk: self.cleaned_data[f"notulen-{punt.pk}"]
            for punt in self.punten
            if f"notulen-{punt.pk}" in self.data
        }

    def algemene_notulen(self, overleg: Overleg) -> str:
        """The general notulen, or what is stored when the field was not sent."""
        return self.cleaned_data["algemeen"] if "algemeen" in self.data else overleg.notulen


class TerugForm(forms.Form):
    """Where to go back to after marking an action done: a meeting id (anything else is ignored)."""

    terug = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
