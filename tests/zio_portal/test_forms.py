"""fouten_naar_formulier: a service's ValidationError lands on the form, never as a crash."""

from django import forms
from django.core.exceptions import ValidationError

from zio_portal.forms import fouten_naar_formulier


class _Formulier(forms.Form):
    datum = forms.DateField()


def _formulier() -> _Formulier:
    form = _Formulier(data={"datum": "2026-11-23"})
    assert form.is_valid()
    return form


def test_an_error_on_a_field_of_the_form_stands_next_to_that_field():
    form = _formulier()
    fouten_naar_formulier(form, ValidationError({"datum": "De datum ligt in het verleden."}))
    assert form.errors["datum"] == ["De datum ligt in het verleden."]
    assert form.non_field_errors() == []


def test_an_error_on_a_model_field_the_form_lacks_goes_above_the_form():
    form = _formulier()
    fouten_naar_formulier(form, ValidationError({"verband": "Dit verband is beëindigd."}))
    assert form.non_field_errors() == ["Dit verband is beëindigd."]


def test_an_error_without_a_field_goes_above_the_form():
    form = _formulier()
    fouten_naar_formulier(form, ValidationError("Niet opgeslagen."))
    assert form.non_field_errors() == ["Niet opgeslagen."]


def test_service_fouten_mixin_puts_the_service_error_on_the_form_and_returns_it(rf):
    from django.http import HttpResponse
    from django.views.generic import FormView

    from zio_portal.forms import ServiceFoutenMixin

    class _View(ServiceFoutenMixin, FormView):
        form_class = _Formulier

        def uitvoeren(self, form):
            if form.cleaned_data["datum"].year < 2027:
                raise ValidationError({"datum": "Kies een datum in 2027."})
            return HttpResponse("opgeslagen")

        def form_invalid(self, form):
            return HttpResponse(form.errors.as_text() + form["datum"].value(), status=200)

    fout = _View.as_view()(rf.post("/", {"datum": "2026-11-23"})).content.decode()
    assert "Kies een datum in 2027." in fout and "2026-11-23" in fout, "message next to the field, input kept"
    assert _View.as_view()(rf.post("/", {"datum": "2027-01-05"})).content == b"opgeslagen"
