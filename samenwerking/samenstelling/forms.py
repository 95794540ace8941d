"""Forms of the composition of a WSV."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijken.constants import Beroepsgroep
from wijken.models import Contactpersoon

from ..widgets import DatumInput


class ContactpersoonKeuze(forms.ModelChoiceField):
    """A contact person shown with their organisation."""

    def label_from_instance(self, obj):
        return f"{obj.naam} – {obj.organisatie.naam}" + (f" ({obj.functie})" if obj.functie else "")


def _gegroepeerde_keuzes(kandidaten: dict[str, list]) -> list:
    """Choices grouped by beroepsgroep (optgroups), so the list stays readable."""
    keuzes: list = [("", _("Kies een contactpersoon"))]
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
