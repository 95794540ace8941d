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
