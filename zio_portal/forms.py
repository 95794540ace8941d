"""Form helpers shared by the apps."""

from django.core.exceptions import ValidationError
from django.forms import BaseForm


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
