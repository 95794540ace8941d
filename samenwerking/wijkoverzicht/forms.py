"""Forms of the partner inventory; they shape input and leave the writes to the service."""

from collections import Counter

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import SamenwerkingMate


class InventarisatieRegelForm(forms.Form):
    """One partner in a practice's inventory."""

    partner = forms.IntegerField(widget=forms.HiddenInput)
    mate = forms.ChoiceField(
        label=_("Samenwerking"),
        required=False,
        choices=[("", _("— nog niet ingevuld —")), *SamenwerkingMate.choices],
    )
    knelpunten = forms.CharField(
        label=_("Knelpunten"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    goede_voorbeelden = forms.CharField(
        label=_("Goede voorbeelden"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if not data.get("mate") and (
            data.get("knelpunten", "").strip() or data.get("goede_voorbeelden", "").strip()
        ):
            self.add_error(
                "mate",
                _("Geef aan of u met deze partner samenwerkt; anders worden de notities niet bewaard."),
            )
        return data


class BaseInventarisatieFormSet(forms.BaseFormSet):
    """One form per partner on the wijk's sociale kaart, each partner exactly once.

    The number of forms is fixed by the partners (``min_num`` = ``max_num`` = ``absolute_max``), so a
    tampered management form cannot add or drop rows; a partner id that is not on the kaart, or one
    sent twice, makes the formset invalid with a message above the form."""

    def __init__(self, *args, partners, **kwargs):
        self.partners = list(partners)
        super().__init__(*args, **kwargs)

    def clean(self) -> None:
        ids = Counter(getattr(form, "cleaned_data", {}).get("partner") for form in self.forms)
        if ids != Counter(p.pk for p in self.partners):
            raise forms.ValidationError(
                _("De lijst met partners is intussen gewijzigd. Controleer de regels en bewaar opnieuw."),
                code="partners_gewijzigd",
            )

    def regels(self) -> list[tuple]:
        """(partner, form) per row, in the order of the page; a row the post lacks gets no form."""
        return list(zip(self.partners, self.forms, strict=False))


def inventarisatie_formset(*, partners, data=None, initial=None) -> BaseInventarisatieFormSet:
    """The inventory formset for these partners (bound when ``data`` is given)."""
    aantal = len(partners)
    klasse = forms.formset_factory(
        InventarisatieRegelForm,
        formset=BaseInventarisatieFormSet,
        extra=0,
        min_num=aantal,
        max_num=aantal,
        absolute_max=aantal,
        validate_min=True,
        validate_max=True,
    )
    return klasse(data, initial=initial, partners=partners)


class WijkToewijzingForm(forms.Form):
    """A practice's wijk from a date on; the reason is required for a border practice (the service
    checks it too)."""

    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=None)
    ingangsdatum = forms.DateField(
        label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    grenspraktijk = forms.BooleanField(
        label=_("Grenspraktijk (ligt op de grens van twee wijken)"), required=False
    )
    reden = forms.CharField(
        label=_("Reden en afspraak"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij een grenspraktijk: waarom de praktijk bij deze wijk hoort."),
    )

    def __init__(self, *args, wijken, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken
        self.fields["wijk"].label_from_instance = lambda w: f"{w.naam} ({w.gebied.naam})"

    def clean(self):
        data = super().clean()
        if data.get("grenspraktijk") and not (data.get("reden") or "").strip():
            self.add_error("reden", _("Vul bij een grenspraktijk de reden en de gemaakte afspraak in."))
        return data
