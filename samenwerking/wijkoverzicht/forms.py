"""Forms of the partner inventory; they shape input and leave the writes to the service."""

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


InventarisatieFormSet = forms.formset_factory(InventarisatieRegelForm, extra=0)


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
