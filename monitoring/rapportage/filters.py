"""The filters of the region dashboard (django-filter): period, gebied and wijk, within the user's scope."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Gebied, Wijk
from zio_portal.models import User
from zio_portal.widgets import ZoekKeuze

MAX_JAREN = 5


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DashboardFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        elif van and tot and (tot - van).days > 366 * MAX_JAREN:
            self.add_error("tot", _("Kies een periode van hoogstens %(n)s jaar.") % {"n": MAX_JAREN})
        gebied, wijk = data.get("gebied"), data.get("wijk")
        if gebied and wijk and wijk.gebied_id != gebied.pk:
            self.add_error("wijk", _("Deze wijk ligt niet in het gekozen gebied."))
        return data


def standaard_periode(vandaag: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """This year so far (from 1 January until today)."""
    vandaag = vandaag or timezone.localdate()
    return datetime.date(vandaag.year, 1, 1), vandaag


class DashboardFilterSet(django_filters.FilterSet):
    """Filters the wijken the dashboard aggregates over; the period is read by the view."""

    van = django_filters.DateFilter(label=_("Van"), method="periode", widget=DatumInvoer())
    tot = django_filters.DateFilter(label=_("Tot en met"), method="periode", widget=DatumInvoer())
    gebied = django_filters.ModelChoiceFilter(
        label=_("Gebied"), queryset=Gebied.objects.none(), empty_label=_("Alle gebieden")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="pk",
        queryset=Wijk.objects.none(),
        empty_label=_("Alle wijken"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["wijken"])),
    )

    class Meta:
        model = Wijk
        fields = ["van", "tot", "gebied", "wijk"]
        form = DashboardFilterForm

    def __init__(self, data=None, queryset=None, *, user: User, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["gebied"].queryset = Gebied.objects.zichtbaar_voor(user).order_by("naam")
        self.filters["wijk"].queryset = Wijk.objects.zichtbaar_voor(user).order_by("naam")
        van, tot = standaard_periode()
        self.form.fields["van"].initial, self.form.fields["tot"].initial = van, tot
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if is_select else "form-control form-control-sm"
            )

    def periode(self, queryset, name, value):
        return queryset  # the period does not select wijken; the view passes it to the aggregation

    @property
    def periode_waarden(self) -> tuple[datetime.date, datetime.date]:
        van, tot = standaard_periode()
        data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        return data.get("van") or van, data.get("tot") or tot
