"""Forms of the PDCA step plan."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import StapStatus
from ..models import (
    Thema,
)


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
