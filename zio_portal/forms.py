"""Form helpers shared by the apps."""

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpResponse


def fouten_naar_formulier(form: BaseForm, fout: ValidationError) -> None:
    """Show a service's ValidationError next to the field it names, or above the form.

    A service validates the model (``full_clean``), so its errors may name fields the form does not
    have; those go above the form instead of making ``add_error`` raise.
    """
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


class ServiceFoutenMixin:
    """For a FormView whose valid form goes to a service: ``uitvoeren(form)`` calls the service and
    returns the response; a ValidationError from the service is shown next to the fields it names
    (``fouten_naar_formulier``) and the form comes back with the user's input kept. Services are
    atomic, so nothing is half-saved."""

    def uitvoeren(self, form: BaseForm) -> HttpResponse:
        raise NotImplementedError

    def form_valid(self, form: BaseForm) -> HttpResponse:
        try:
            return self.uitvoeren(form)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
            return self.form_invalid(form)
