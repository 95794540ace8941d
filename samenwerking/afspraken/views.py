"""Views of the SMART-afspraken: list, export, detail, create, edit, implementation, evaluation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView
from django_tables2 import SingleTableView

from zio_portal.export import csv_response, xlsx_response
from zio_portal.forms import ServiceFoutenMixin

from ..constants import AfspraakStatus
from ..models import (
    Afspraak,
    AfspraakPraktijk,
)
from ..verbanden.views import verband_voor_wijziging
from . import selectors, services
from .forms import (
    AfspraakForm,
    EvaluatieForm,
    UitvoeringForm,
)
from .tables import AfspraakTable

EXPORT_KOPPEN = [
    _("Afspraak"),
    _("Versie"),
    _("Verband"),
    _("Wijk"),
    _("Thema"),
    _("Status"),
    _("Eigenaar"),
    _("Specifiek"),
    _("Meetbaar"),
    _("Indicator"),
    _("Streefwaarde"),
    _("Tijdgebonden"),
    _("Volgende evaluatie"),
]


def _afspraak_voor_wijziging(request, pk: int) -> Afspraak:
    afspraak = get_object_or_404(
        Afspraak.objects.zichtbaar_voor(request.user).select_related("verband__wijk__gebied", "thema"), pk=pk
    )
    if not request.user.has_perm("samenwerking.change_afspraak", afspraak):
        raise PermissionDenied
    return afspraak


class AfspraakListView(SingleTableView):
    """All visible agreements, filterable, sortable and paginated; export of the filtered list."""

    template_name = "samenwerking/afspraak_list.html"
    table_class = AfspraakTable
    # Only the table pages (django-tables2); a ListView paginate_by would page the queryset as well and
    # count the rows a second time.
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        self.filterset, qs = selectors.afspraak_list(user=self.request.user, filters=self.request.GET)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["vandaag"] = timezone.localdate()  # the rows mark an overdue evaluation
        params = self.request.GET.copy()
        for sleutel in ("page", "sort"):
            params.pop(sleutel, None)
        context["export_query"] = params.urlencode()
        context["filterbalk_sleutel"] = selectors.filterbalk_sleutel(user=self.request.user, filters=params)
        context["filterbalk_bewaartijd"] = selectors.FILTERBALK_BEWAARTIJD
        return context


class AfspraakExportView(View):
    """The filtered agreement list as .xlsx or as CSV that Excel opens correctly."""

    formaat = "xlsx"

    def get(self, request):
        _filterset, qs = selectors.afspraak_list(user=request.user, filters=request.GET)
        rijen = [
            [
                a.titel,
                a.versie,
                a.verband.naam,
                a.verband.wijk.naam,
                a.thema.naam,
                a.get_status_display(),
                str(a.eigenaar),
                a.specifiek,
                a.meetbaar,
                a.indicator,
                a.streefwaarde,
                a.tijdgebonden,
                a.evaluatie_op,
            ]
            for a in qs.order_by("verband__wijk__naam", "verband__naam", "thema__naam", "titel")
        ]
        naam = f"afspraken-{timezone.localdate():%Y-%m-%d}"
        if self.formaat == "csv":
            return csv_response(koppen=EXPORT_KOPPEN, rijen=rijen, naam=naam)
        return xlsx_response(koppen=EXPORT_KOPPEN, rijen=rijen, naam=naam, blad=_("Afspraken"))


class AfspraakDetailView(DetailView):
    """An agreement with its SMART parts, implementation per practice and whole history."""

    template_name = "samenwerking/afspraak_detail.html"
    context_object_name = "afspraak"

    def get_object(self, queryset=None):
        return selectors.afspraak_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        afspraak = self.object
        uitvoering = selectors.afspraak_uitvoering(user=user, afspraak=afspraak)
        context.update(
            uitvoering=uitvoering,
            mag_wijzigen=user.has_perm("samenwerking.change_afspraak", afspraak),
            vandaag=timezone.localdate(),
            **selectors.afspraak_geschiedenis(afspraak=afspraak),
        )
        return context


class AfspraakCreateView(ServiceFoutenMixin, FormView):
    """A new SMART-afspraak in a verband the user's practice belongs to."""

    template_name = "samenwerking/afspraak_form.html"
    form_class = AfspraakForm

    def dispatch(self, request, *args, **kwargs):
        self.verband = verband_voor_wijziging(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["verband"] = self.verband
        kwargs["initial"] = {"eigenaar": self.request.user.pk}
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(verband=self.verband, **kwargs)

    def uitvoeren(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("praktijken", "revisie")}
        afspraak = services.afspraak_create(
            verband=self.verband,
            data=data,
            praktijken=form.cleaned_data["praktijken"],
            door=self.request.user,
        )
        messages.success(self.request, _("De afspraak is opgeslagen."))
        return HttpResponseRedirect(reverse("samenwerking:afspraak-detail", args=[afspraak.pk]))


class AfspraakUpdateView(ServiceFoutenMixin, FormView):
    """Edit the SMART parts; refused (input kept) when someone else saved in between."""

    template_name = "samenwerking/afspraak_form.html"
    form_class = AfspraakForm

    def dispatch(self, request, *args, **kwargs):
        self.afspraak = _afspraak_voor_wijziging(request, kwargs["pk"])
        if self.afspraak.status in (AfspraakStatus.VERVANGEN, AfspraakStatus.BEEINDIGD):
            # History is never overwritten: a replaced or ended agreement stays as it was.
            messages.warning(
                request,
                _("Deze afspraak is %(status)s en kan niet meer worden gewijzigd.")
                % {"status": self.afspraak.get_status_display().lower()},
            )
            return HttpResponseRedirect(reverse("samenwerking:afspraak-detail", args=[self.afspraak.pk]))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(verband=self.afspraak.verband, instance=self.afspraak)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(verband=self.afspraak.verband, afspraak=self.afspraak, **kwargs)

    def uitvoeren(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("praktijken", "revisie")}
        try:
            services.afspraak_update(
                afspraak=self.afspraak,
                revisie=form.cleaned_data["revisie"] or 0,
                data=data,
                praktijken=form.cleaned_data["praktijken"],
                door=self.request.user,
            )
        except services.GelijktijdigeWijziging as conflict:
            return self.render_to_response(
                self.get_context_data(
                    form=form,
                    conflict=conflict.afspraak,
                    conflict_door=selectors.afspraak_laatst_gewijzigd_door(afspraak=conflict.afspraak),
                )
            )
        messages.success(self.request, _("De wijzigingen zijn opgeslagen."))
        return HttpResponseRedirect(reverse("samenwerking:afspraak-detail", args=[self.afspraak.pk]))


class UitvoeringUpdateView(ServiceFoutenMixin, FormView):
    """A practice records its own implementation of an agreement."""

    template_name = "samenwerking/uitvoering_form.html"
    form_class = UitvoeringForm

    def dispatch(self, request, *args, **kwargs):
        self.uitvoering = get_object_or_404(
            AfspraakPraktijk.objects.filter(
                afspraak__in=Afspraak.objects.zichtbaar_voor(request.user)
            ).select_related("praktijk", "afspraak__verband", "afspraak__thema"),
            pk=kwargs["pk"],
        )
        if not request.user.has_perm("samenwerking.change_afspraakpraktijk", self.uitvoering):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.uitvoering
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            uitvoering=self.uitvoering, afspraak=self.uitvoering.afspraak, **kwargs
        )

    def uitvoeren(self, form):
        services.afspraakpraktijk_update(
            uitvoering=self.uitvoering, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("De invoering in %(praktijk)s is bijgewerkt.") % {"praktijk": self.uitvoering.praktijk.naam},
        )
        return HttpResponseRedirect(
            reverse("samenwerking:afspraak-detail", args=[self.uitvoering.afspraak_id])
        )


class EvaluatieCreateView(ServiceFoutenMixin, FormView):
    """Record an evaluation and its decision (continue, sharpen, extend, end, embed)."""

    template_name = "samenwerking/evaluatie_form.html"
    form_class = EvaluatieForm

    def dispatch(self, request, *args, **kwargs):
        self.afspraak = _afspraak_voor_wijziging(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(afspraak=self.afspraak, **kwargs)

    def uitvoeren(self, form):
        _evaluatie, huidig = services.evaluatie_create(
            afspraak=self.afspraak, door=self.request.user, **form.cleaned_data
        )
        if huidig.pk != self.afspraak.pk:
            messages.success(
                self.request,
                _("Versie %(versie)s is aangemaakt. Pas hieronder de SMART-onderdelen aan.")
                % {"versie": huidig.versie},
            )
            return HttpResponseRedirect(reverse("samenwerking:afspraak-update", args=[huidig.pk]))
        messages.success(self.request, _("De evaluatie is vastgelegd."))
        return HttpResponseRedirect(reverse("samenwerking:afspraak-detail", args=[huidig.pk]))
