from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from ..widgets import ZoekKeuze
from .constants import Gebeurtenis
from .models import Toegangsregel


class CodeForm(forms.Form):
    """The six digits of the authenticator app, or one recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("De 6 cijfers uit uw authenticator-app, of een van uw herstelcodes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class WachtwoordVergetenForm(PasswordResetForm):
    """Queues the reset mail in the worker for each active account with this address; says nothing."""

    def save(self, **kwargs) -> None:
        from .tasks import wachtwoord_reset_mail_task

        for user in self.get_users(self.cleaned_data["email"]):
            user_id = user.pk
            transaction.on_commit(lambda user_id=user_id: wachtwoord_reset_mail_task.delay(user_id))


class ToegangslogFilterForm(forms.Form):
    """Filters of the access-log page; the practices are those that occur in the log itself."""

    gebruiker = forms.ModelChoiceField(
        label=_("Gebruiker"),
        queryset=get_user_model().objects.order_by("username"),
        required=False,
        empty_label=_("Alle gebruikers"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["gebruikers"])),
    )
    praktijk = forms.TypedChoiceField(
        label=_("Praktijk"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["praktijken"])),
    )
    gebeurtenis = forms.ChoiceField(
        label=_("Gebeurtenis"), choices=[("", _("Alle gebeurtenissen")), *Gebeurtenis.choices], required=False
    )
    van = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        praktijken = (
            Toegangsregel.objects.exclude(praktijk_id=None)
            .order_by("praktijk_naam", "praktijk_id")
            .values_list("praktijk_id", "praktijk_naam")
            .distinct()
        )
        alle = ("", _("Alle praktijken"))
        self.fields["praktijk"].choices = [alle, *((pk, naam or pk) for pk, naam in praktijken)]

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return cleaned
