import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import Beroepsgroep
from .models import Partner


class PartnerFilterSet(django_filters.FilterSet):
    """Search the sociale kaart of a wijk: by name, contact person, place, and beroepsgroep."""

    zoek = django_filters.CharFilter(label=_("Zoeken"), method="filter_zoek")
    beroepsgroep = django_filters.ChoiceFilter(
        label=_("Beroepsgroep"), choices=Beroepsgroep.choices, empty_label=_("Alle beroepsgroepen")
    )

    class Meta:
        model = Partner
        fields = ["zoek", "beroepsgroep"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["beroepsgroep"].widget.attrs["class"] = "form-select"

    def filter_zoek(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(naam__icontains=value)
            | Q(plaats__icontains=value)
            | Q(email__icontains=value)
            | Q(contactpersonen__naam__icontains=value)
            | Q(contactpersonen__functie__icontains=value)
        ).distinct()
