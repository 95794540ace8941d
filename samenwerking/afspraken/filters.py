"""FilterSets of the afspraken list; the selector applies them."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijken.models import Praktijk, Wijk
from zio_portal.models import User
from zio_portal.widgets import ZoekKeuze

from ..constants import AfspraakStatus
from ..models import Afspraak, Samenwerkingsverband, Thema

EVALUATIE_BINNEN_DAGEN = 14


class AfspraakFilterSet(django_filters.FilterSet):
    """Filter agreements by wijk, verband, thema, status, owner, practice and evaluation due."""

    zoek = django_filters.CharFilter(label=_("Zoeken"), method="filter_zoek")
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="verband__wijk",
        queryset=Wijk.objects.none(),
        empty_label=_("Alle wijken"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["wijken"])),
    )
    verband = django_filters.ModelChoiceFilter(
        label=_("Verband"),
        queryset=Samenwerkingsverband.objects.none(),
        empty_label=_("Alle verbanden"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["verbanden"])),
    )
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"), queryset=Thema.objects.all(), empty_label=_("Alle thema's")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AfspraakStatus.choices, empty_label=_("Alle statussen")
    )
    eigenaar = django_filters.ModelChoiceFilter(
        label=_("Eigenaar"),
        queryset=User.objects.none(),
        empty_label=_("Alle eigenaren"),
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["eigenaren"])),
    )
    praktijk = django_filters.ModelChoiceFilter(
        label=_("Praktijk"),
        field_name="uitvoering__praktijk",
        queryset=Praktijk.objects.none(),
        empty_label=_("Alle praktijken"),
        distinct=True,
        widget=ZoekKeuze(reverse_lazy("zoeken", args=["praktijken"])),
    )
    evaluatie = django_filters.ChoiceFilter(
        label=_("Evaluatie"),
        choices=[
            ("binnenkort", _("Verloopt binnen 14 dagen")),
            ("verlopen", _("Verlopen")),
        ],
        empty_label=_("Alle"),
        method="filter_evaluatie",
    )

    class Meta:
        model = Afspraak
        fields = ["zoek", "wijk", "verband", "thema", "status", "eigenaar", "praktijk", "evaluatie"]

    def __init__(self, data=None, queryset=None, *, user: User, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["wijk"].queryset = Wijk.objects.zichtbaar_voor(user).order_by("naam")
        self.filters["verband"].queryset = Samenwerkingsverband.objects.zichtbaar_voor(user).order_by("naam")
        self.filters["praktijk"].queryset = Praktijk.objects.zichtbaar_voor(user).order_by("naam")
        self.filters["eigenaar"].queryset = User.objects.filter(
            Exists(Afspraak.objects.zichtbaar_voor(user).filter(eigenaar=OuterRef("pk")))
        ).order_by("first_name", "last_name", "username")
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if is_select else "form-control form-control-sm"
            )

    def filter_zoek(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(titel__icontains=value) | Q(specifiek__icontains=value))

    def filter_evaluatie(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        vandaag = timezone.localdate()
        lopend = queryset.filter(status__in=[AfspraakStatus.ACTIEF, AfspraakStatus.CONCEPT])
        if value == "verlopen":
            return lopend.filter(evaluatie_op__lt=vandaag)
        if value == "binnenkort":
            grens = vandaag + datetime.timedelta(days=EVALUATIE_BINNEN_DAGEN)
            return lopend.filter(evaluatie_op__gte=vandaag, evaluatie_op__lte=grens)
        return queryset
