"""Views of the samenwerking app: thin, the reads in selectors.py and the writes in services.py.

Objects outside ``zichtbaar_voor(user)`` give 404; visible objects the user may not change give 403.
"""

from __future__ import annotations

import csv
import datetime
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_tables2 import SingleTableView

from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from wijken.models import Gebied
from zio_portal.export import xlsx_response
from zio_portal.forms import ServiceFoutenMixin

from . import selectors, services
from .constants import AfspraakStatus, VerbandSoort
from .forms import (
    AfgevaardigdeBeeindigenForm,
    AfgevaardigdeBenoemenForm,
    AfgevaardigdeVervangenForm,
    AfspraakForm,
    CyclusForm,
    EvaluatieForm,
    ResvForm,
    StapForm,
    TerugkoppelingOpstellenForm,
    TerugkoppelingRegelForm,
    TerugkoppelingRegelToevoegenForm,
    TerugkoppelingSamenvattingForm,
    UitvoeringForm,
)
from .models import (
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    GebiedTerugkoppeling,
    PdcaStap,
    Samenwerkingsverband,
    TerugkoppelingRegel,
)
from .tables import AfspraakTable, VerbandTable

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


def _verband_voor_wijziging(request, pk: int) -> Samenwerkingsverband:
    verband = get_object_or_404(Samenwerkingsverband.objects.zichtbaar_voor(request.user), pk=pk)
    if not request.user.has_perm("samenwerking.change_samenwerkingsverband", verband):
        raise PermissionDenied
    return verband


def _afspraak_voor_wijziging(request, pk: int) -> Afspraak:
    afspraak = get_object_or_404(
        Afspraak.objects.zichtbaar_voor(request.user).select_related("verband__wijk__gebied", "thema"), pk=pk
    )
    if not request.user.has_perm("samenwerking.change_afspraak", afspraak):
        raise PermissionDenied
    return afspraak


# --- verbanden ----------------------------------------------------------------------------------


class VerbandListView(SingleTableView):
    """The verbanden in the user's scope with their PDCA step."""

    template_name = "samenwerking/verband_list.html"
    table_class = VerbandTable
    paginate_by = 25

    def get_queryset(self):
        return selectors.verband_list(user=self.request.user)


class VerbandDetailView(DetailView):
    """A verband: vision, members, meeting agreements, the PDCA step plan, agreements by thema."""

    template_name = "samenwerking/verband_detail.html"
    context_object_name = "verband"

    def get_object(self, queryset=None):
        return selectors.verband_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        verband = self.object
        cyclus, stappen = selectors.verband_stappenplan(verband=verband)
        per_thema = defaultdict(list)
        for afspraak in verband.afspraken.all():
            per_thema[afspraak.thema].append(afspraak)
        mag_wijzigen = self.request.user.has_perm("samenwerking.change_samenwerkingsverband", verband)
        laatste_klaar = bool(stappen) and bool(
            stappen[-1]["voortgang"] and stappen[-1]["voortgang"].status == "afgerond"
        )
        context.update(
            cyclus=cyclus,
            stappen=stappen,
            afspraken_per_thema=sorted(per_thema.items(), key=lambda kv: kv[0].naam),
            mag_wijzigen=mag_wijzigen,
            kan_nieuwe_cyclus=mag_wijzigen and (cyclus is None or laatste_klaar),
            cyclus_form=CyclusForm(),
            stap_form=StapForm(),
        )
        if verband.is_wsv:  # --- Overleggen (issue 4): the latest meetings of a WSV ---
            from .overleggen.selectors import overleg_list

            context["recente_overleggen"] = list(overleg_list(verband=verband)[:6])
        return context


class StapView(View):
    """POST: record a step of the current cycle as started or done, with a note."""

    def post(self, request, pk: int, stap_pk: int):
        verband = _verband_voor_wijziging(request, pk)
        stap = get_object_or_404(PdcaStap, pk=stap_pk, soort=verband.soort)
        form = StapForm(request.POST)
        if form.is_valid():
            services.stap_bijwerken(verband=verband, stap=stap, door=request.user, **form.cleaned_data)
            messages.success(request, _("Stap %(nummer)s is bijgewerkt.") % {"nummer": stap.nummer})
        else:
            messages.error(request, _("Kies een geldige status voor de stap."))
        return HttpResponseRedirect(
            reverse("samenwerking:verband-detail", args=[verband.pk]) + "#stappenplan"
        )


class CyclusStartenView(View):
    """POST: after borging, start a new PDCA cycle with new themes."""

    def post(self, request, pk: int):
        verband = _verband_voor_wijziging(request, pk)
        form = CyclusForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["themas"][0])
        else:
            try:
                cyclus = services.cyclus_starten(
                    verband=verband, themas=form.cleaned_data["themas"], door=request.user
                )
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(request, _("Cyclus %(nummer)s is gestart.") % {"nummer": cyclus.nummer})
        return HttpResponseRedirect(
            reverse("samenwerking:verband-detail", args=[verband.pk]) + "#stappenplan"
        )


# --- afspraken ----------------------------------------------------------------------------------


class AfspraakListView(SingleTableView):
    """All visible agreements, filterable, sortable and paginated; export of the filtered list."""

    template_name = "samenwerking/afspraak_list.html"
    table_class = AfspraakTable
    paginate_by = 25

    def get_queryset(self):
        self.filterset, qs = selectors.afspraak_list(user=self.request.user, filters=self.request.GET)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        params = self.request.GET.copy()
        for sleutel in ("page", "sort"):
            params.pop(sleutel, None)
        context["export_query"] = params.urlencode()
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
            return _csv_response(rijen, naam)
        return _xlsx_response(rijen, naam)


def _veilig(waarde):
    """Neutralise spreadsheet formulas: a text cell starting with = + - @ gets a leading quote."""
    if isinstance(waarde, str) and waarde[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + waarde
    return waarde


def _csv_response(rijen: list[list], naam: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    response.write("\ufeff")  # the BOM makes Excel read UTF-8 (é, ë, ï)
    writer = csv.writer(response, delimiter=";")
    writer.writerow(EXPORT_KOPPEN)
    for rij in rijen:
        writer.writerow(
            [
                _veilig(w.strftime("%d-%m-%Y") if hasattr(w, "strftime") else ("" if w is None else w))
                for w in rij
            ]
        )
    return response


def _xlsx_response(rijen: list[list], naam: str) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    blad = boek.active
    blad.title = _("Afspraken")
    blad.append([str(k) for k in EXPORT_KOPPEN])
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        blad.append([_veilig(w) for w in rij])
    for kolom in ("L", "M"):
        for cel in blad[kolom][1:]:
            cel.number_format = "DD-MM-YYYY"
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = blad.dimensions
    response = HttpResponse(content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    boek.save(response)
    return response


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
        eigen_praktijken = set(
            user.praktijkrollen.filter(functie__in=_bewerkende_functies()).values_list(
                "praktijk_id", flat=True
            )
        )
        uitvoering = list(afspraak.uitvoering.all())
        for rij in uitvoering:
            rij.mag_wijzigen = user.is_beheerder or rij.praktijk_id in eigen_praktijken
        context.update(
            uitvoering=uitvoering,
            mag_wijzigen=user.has_perm("samenwerking.change_afspraak", afspraak),
            vandaag=timezone.localdate(),
            **selectors.afspraak_geschiedenis(afspraak=afspraak),
        )
        return context


def _bewerkende_functies():
    from zio_portal.permissions import BEWERKENDE_FUNCTIES

    return BEWERKENDE_FUNCTIES


class AfspraakCreateView(ServiceFoutenMixin, FormView):
    """A new SMART-afspraak in a verband the user's practice belongs to."""

    template_name = "samenwerking/afspraak_form.html"
    form_class = AfspraakForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.verband = _verband_voor_wijziging(request, kwargs["pk"])
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
        if request.user.is_authenticated:
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
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict.afspraak))
        messages.success(self.request, _("De wijzigingen zijn opgeslagen."))
        return HttpResponseRedirect(reverse("samenwerking:afspraak-detail", args=[self.afspraak.pk]))


class UitvoeringUpdateView(ServiceFoutenMixin, FormView):
    """A practice records its own implementation of an agreement."""

    template_name = "samenwerking/uitvoering_form.html"
    form_class = UitvoeringForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
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
        if request.user.is_authenticated:
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


# --- Samenstelling (WSV) ---------------------------------------------------------------------------
def _wsv_get(request, pk: int) -> Samenwerkingsverband:
    """A WSV the user may see (404 otherwise, also for a huisartsen-verband)."""
    return get_object_or_404(
        Samenwerkingsverband.objects.zichtbaar_voor(request.user).select_related("wijk__gebied"),
        pk=pk,
        soort=VerbandSoort.MULTIDISCIPLINAIR,
    )


def _wsv_voor_wijziging(request, pk: int) -> Samenwerkingsverband:
    verband = _wsv_get(request, pk)
    if not request.user.has_perm("samenwerking.change_samenwerkingsverband", verband):
        raise PermissionDenied
    return verband


def _afgevaardigde_voor_wijziging(request, pk: int) -> Afgevaardigde:
    afgevaardigde = selectors.afgevaardigde_get(user=request.user, pk=pk)
    if not request.user.has_perm("samenwerking.change_samenwerkingsverband", afgevaardigde.verband):
        raise PermissionDenied
    return afgevaardigde


def _samenstelling_url(verband_id: int) -> str:
    return reverse("samenwerking:samenstelling", args=[verband_id])


class SamenstellingView(TemplateView):
    """The composition of a WSV: the mandated delegate per beroepsgroep, vacancies and the history."""

    template_name = "samenwerking/samenstelling.html"

    def get_context_data(self, **kwargs):
        verband = _wsv_get(self.request, self.kwargs["pk"])
        regels = selectors.samenstelling(verband=verband)
        bezet = {r.groep for r in regels if r.actief}
        return super().get_context_data(
            verband=verband,
            regels=regels,
            mag_wijzigen=self.request.user.has_perm("samenwerking.change_samenwerkingsverband", verband),
            andere_groepen=[
                (g, label)
                for g, label in Beroepsgroep.choices
                if g not in bezet and g not in KERN_BEROEPSGROEPEN
            ],
            sociaal_domein_vacant=Beroepsgroep.SOCIAAL_DOMEIN not in bezet,
            **kwargs,
        )


class AfgevaardigdeBenoemenView(ServiceFoutenMixin, FormView):
    """Appoint the delegate of a (vacant) beroepsgroep: ``?beroepsgroep=`` preselects it."""

    template_name = "samenwerking/afgevaardigde_form.html"
    form_class = AfgevaardigdeBenoemenForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.verband = _wsv_voor_wijziging(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        groep = self.request.GET.get("beroepsgroep")
        return {
            "beroepsgroep": groep if groep in Beroepsgroep.values else "",
            "mandaat_op": timezone.localdate(),
        }

    def _vaste_groep(self) -> str | None:
        """The beroepsgroep chosen on the composition page (kept as a hidden field when posting)."""
        groep = (self.request.POST if self.request.method == "POST" else self.request.GET).get("beroepsgroep")
        return groep if groep in Beroepsgroep.values else None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["kandidaten"] = selectors.kandidaten_per_beroepsgroep(verband=self.verband)
        kwargs["vaste_groep"] = self._vaste_groep()
        return kwargs

    def get_context_data(self, **kwargs):
        groep = self._vaste_groep()
        titel = _("Afgevaardigde benoemen")
        if groep:
            titel = _("Afgevaardigde benoemen: %(groep)s") % {"groep": Beroepsgroep(groep).label}
        return super().get_context_data(
            verband=self.verband,
            titel=titel,
            knop=_("Benoemen"),
            beroepsgroep_label=Beroepsgroep(groep).label if groep else "",
            **kwargs,
        )

    def uitvoeren(self, form):
        afgevaardigde = services.afgevaardigde_benoemen(
            verband=self.verband, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("%(naam)s is gemandateerd afgevaardigde voor %(groep)s.")
            % {"naam": afgevaardigde.contactpersoon.naam, "groep": afgevaardigde.get_beroepsgroep_display()},
        )
        return HttpResponseRedirect(_samenstelling_url(self.verband.pk))


class _LopendMandaatMixin:
    """A view on the active mandate ``pk`` that the user may change; an ended one goes back to the
    composition page with ``al_beeindigd``."""

    template_name = "samenwerking/afgevaardigde_form.html"
    al_beeindigd = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.afgevaardigde = _afgevaardigde_voor_wijziging(request, kwargs["pk"])
            if self.afgevaardigde.einde_op:
                messages.warning(request, self.al_beeindigd)
                return HttpResponseRedirect(_samenstelling_url(self.afgevaardigde.verband_id))
        return super().dispatch(request, *args, **kwargs)


class AfgevaardigdeVervangenView(ServiceFoutenMixin, _LopendMandaatMixin, FormView):
    """Replace the active delegate: the current mandate ends on the date and the new one starts."""

    form_class = AfgevaardigdeVervangenForm
    al_beeindigd = gettext_lazy("Dit mandaat is al beëindigd; benoem een nieuwe afgevaardigde.")

    def get_initial(self):
        return {"per": timezone.localdate()}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["kandidaten"] = [
            c
            for c in selectors.afgevaardigde_kandidaten(
                verband=self.afgevaardigde.verband, beroepsgroep=self.afgevaardigde.beroepsgroep
            )
            if c.pk != self.afgevaardigde.contactpersoon_id
        ]
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verband=self.afgevaardigde.verband,
            afgevaardigde=self.afgevaardigde,
            titel=_("Afgevaardigde vervangen"),
            knop=_("Vervangen"),
            **kwargs,
        )

    def uitvoeren(self, form):
        nieuw = services.afgevaardigde_vervangen(
            afgevaardigde=self.afgevaardigde, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("%(oud)s is vervangen door %(nieuw)s.")
            % {"oud": self.afgevaardigde.contactpersoon.naam, "nieuw": nieuw.contactpersoon.naam},
        )
        return HttpResponseRedirect(_samenstelling_url(nieuw.verband_id))


class AfgevaardigdeBeeindigenView(ServiceFoutenMixin, _LopendMandaatMixin, FormView):
    """End a mandate without a successor."""

    form_class = AfgevaardigdeBeeindigenForm
    al_beeindigd = gettext_lazy("Dit mandaat is al beëindigd.")

    def get_initial(self):
        return {"einde_op": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verband=self.afgevaardigde.verband,
            afgevaardigde=self.afgevaardigde,
            titel=_("Mandaat beëindigen"),
            knop=_("Mandaat beëindigen"),
            gevaar=True,
            **kwargs,
        )

    def uitvoeren(self, form):
        services.afgevaardigde_beeindigen(
            afgevaardigde=self.afgevaardigde, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("Het mandaat van %(naam)s is beëindigd; %(groep)s is nu vacant.")
            % {
                "naam": self.afgevaardigde.contactpersoon.naam,
                "groep": self.afgevaardigde.get_beroepsgroep_display(),
            },
        )
        return HttpResponseRedirect(_samenstelling_url(self.afgevaardigde.verband_id))


# --- Terugkoppeling (Check/Act) --------------------------------------------------------------------
def _terugkoppeling_met_recht(request, pk: int, perm: str) -> GebiedTerugkoppeling:
    """Visible (404 otherwise) and the user holds ``perm`` on it (403 otherwise)."""
    terugkoppeling = selectors.terugkoppeling_get(user=request.user, pk=pk)
    if not request.user.has_perm(perm, terugkoppeling):
        raise PermissionDenied
    return terugkoppeling


def _regel_met_recht(request, pk: int, perm: str) -> TerugkoppelingRegel:
    regel = get_object_or_404(
        TerugkoppelingRegel.objects.filter(
            terugkoppeling__in=GebiedTerugkoppeling.objects.zichtbaar_voor(request.user).values("pk")
        ).select_related("terugkoppeling__gebied", "verband__wijk"),
        pk=pk,
    )
    if not request.user.has_perm(perm, regel.terugkoppeling):
        raise PermissionDenied
    return regel


def _detail_url(terugkoppeling_id: int) -> str:
    return reverse("samenwerking:terugkoppeling-detail", args=[terugkoppeling_id])


def _periode_uit(request) -> tuple[datetime.date, datetime.date] | None:
    """``?periode=2026-07-01_2026-09-30``; None when missing or malformed."""
    try:
        van, tot = request.GET.get("periode", "").split("_")
        return datetime.date.fromisoformat(van), datetime.date.fromisoformat(tot)
    except ValueError:
        return None


def _periode_param(van: datetime.date, tot: datetime.date) -> str:
    return f"{van.isoformat()}_{tot.isoformat()}"


class TerugkoppelingListView(ListView):
    """The terugkoppelingen the user may see: a gebiedsmanager their own, the region what was sent."""

    template_name = "samenwerking/terugkoppeling_list.html"
    context_object_name = "terugkoppelingen"
    paginate_by = 25

    def get_queryset(self):
        return selectors.terugkoppeling_list(user=self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            mag_opstellen=user.has_perm("samenwerking.add_gebiedterugkoppeling"),
            mag_overzicht=user.has_perm("samenwerking.view_terugkoppeling_overzicht"),
            **kwargs,
        )


class TerugkoppelingCreateView(ServiceFoutenMixin, FormView):
    """The gebiedsmanager chooses gebied and period; the portal drafts the lines per WSV."""

    template_name = "samenwerking/terugkoppeling_form.html"
    form_class = TerugkoppelingOpstellenForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
            "samenwerking.add_gebiedterugkoppeling"
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        gebieden = Gebied.objects.order_by("naam")
        kwargs["gebieden"] = gebieden if user.is_beheerder else gebieden.filter(gebiedsmanagers=user)
        return kwargs

    def uitvoeren(self, form):
        terugkoppeling = services.terugkoppeling_opstellen(door=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _(
                "De terugkoppeling is opgesteld uit de overleggen en knelpunten. "
                "Controleer en vul aan voordat u verzendt."
            ),
        )
        return HttpResponseRedirect(_detail_url(terugkoppeling.pk))


class TerugkoppelingDetailView(TemplateView):
    """A terugkoppeling with a line per WSV: editable as concept, read-only after sending; the
    projectleider marks lines for the RESV."""

    template_name = "samenwerking/terugkoppeling_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        terugkoppeling = selectors.terugkoppeling_get(user=user, pk=self.kwargs["pk"])
        regels = list(terugkoppeling.regels.all())
        mag_wijzigen = user.has_perm("samenwerking.change_gebiedterugkoppeling", terugkoppeling)
        ontbrekend = []
        if mag_wijzigen:
            ontbrekend = list(
                Samenwerkingsverband.objects.filter(
                    wijk__gebied=terugkoppeling.gebied, soort=VerbandSoort.MULTIDISCIPLINAIR
                ).exclude(pk__in=[r.verband_id for r in regels])
            )
        return super().get_context_data(
            terugkoppeling=terugkoppeling,
            regels=regels,
            mag_wijzigen=mag_wijzigen,
            mag_resv=user.has_perm("samenwerking.resv_gebiedterugkoppeling", terugkoppeling),
            ontbrekend=ontbrekend,
            **kwargs,
        )


class TerugkoppelingSamenvattingView(ServiceFoutenMixin, FormView):
    """Edit the summary of a concept."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingSamenvattingForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.terugkoppeling = _terugkoppeling_met_recht(
                request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling"
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.terugkoppeling}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.terugkoppeling, titel=_("Samenvatting wijzigen"), **kwargs
        )

    def uitvoeren(self, form):
        services.terugkoppeling_wijzigen(
            terugkoppeling=self.terugkoppeling,
            samenvatting=form.cleaned_data["samenvatting"],
            door=self.request.user,
        )
        messages.success(self.request, _("De samenvatting is opgeslagen."))
        return HttpResponseRedirect(_detail_url(self.terugkoppeling.pk))


class TerugkoppelingRegelToevoegenView(ServiceFoutenMixin, FormView):
    """Add the line of a WSV of the gebied that has none."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingRegelToevoegenForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.terugkoppeling = _terugkoppeling_met_recht(
                request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling"
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["verbanden"] = (
            Samenwerkingsverband.objects.filter(
                wijk__gebied=self.terugkoppeling.gebied, soort=VerbandSoort.MULTIDISCIPLINAIR
            )
            .exclude(pk__in=self.terugkoppeling.regels.values("verband"))
            .order_by("naam")
        )
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.terugkoppeling, titel=_("Regel toevoegen"), **kwargs
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_toevoegen(
            terugkoppeling=self.terugkoppeling, door=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, _("De regel is toegevoegd."))
        return HttpResponseRedirect(_detail_url(self.terugkoppeling.pk))


class TerugkoppelingRegelUpdateView(ServiceFoutenMixin, FormView):
    """Edit the findings and actions of one WSV before sending."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = TerugkoppelingRegelForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.regel = _regel_met_recht(request, kwargs["pk"], "samenwerking.change_gebiedterugkoppeling")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.regel}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.regel.terugkoppeling,
            regel=self.regel,
            titel=_("%(verband)s wijzigen") % {"verband": self.regel.verband.naam},
            **kwargs,
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_wijzigen(regel=self.regel, door=self.request.user, **form.cleaned_data)
        messages.success(
            self.request, _("De regel van %(verband)s is opgeslagen.") % {"verband": self.regel.verband.naam}
        )
        return HttpResponseRedirect(_detail_url(self.regel.terugkoppeling_id) + f"#regel-{self.regel.pk}")


def _bevestigen(request, *, titel: str, tekst: str, knop: str, gevaar: bool, terug: str):
    """The page that asks "are you sure?" before a step that cannot be undone; its form POSTs to the
    same URL (works without JavaScript)."""
    return render(
        request,
        "samenwerking/bevestigen.html",
        {"titel": titel, "tekst": tekst, "knop": knop, "gevaar": gevaar, "terug": terug},
    )


class TerugkoppelingRegelVerwijderenView(View):
    """GET: ask for confirmation; POST: remove a line from a concept."""

    def get(self, request, pk: int):
        regel = _regel_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        return _bevestigen(
            request,
            titel=_("Regel van %(verband)s verwijderen?") % {"verband": regel.verband.naam},
            tekst=_(
                "De bevindingen en acties van %(verband)s verdwijnen uit deze terugkoppeling. "
                "U kunt de regel daarna opnieuw toevoegen, maar wat u erin schreef is dan weg."
            )
            % {"verband": regel.verband.naam},
            knop=_("Regel verwijderen"),
            gevaar=True,
            terug=_detail_url(regel.terugkoppeling_id) + f"#regel-{regel.pk}",
        )

    def post(self, request, pk: int):
        regel = _regel_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        try:
            services.terugkoppelingregel_verwijderen(regel=regel, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("De regel van %(verband)s is verwijderd.") % {"verband": regel.verband.naam}
            )
        return HttpResponseRedirect(_detail_url(regel.terugkoppeling_id))


class TerugkoppelingVerzendenView(View):
    """GET: ask for confirmation; POST: send the concept to the projectleider (read-only afterwards)."""

    def get(self, request, pk: int):
        terugkoppeling = _terugkoppeling_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        aantal = terugkoppeling.regels.count()
        return _bevestigen(
            request,
            titel=_("Terugkoppeling %(gebied)s verzenden?") % {"gebied": terugkoppeling.gebied.naam},
            tekst=ngettext(
                "De projectleider krijgt een e-mail en ziet de terugkoppeling met %(n)d regel. "
                "Daarna kunt u de terugkoppeling niet meer wijzigen.",
                "De projectleider krijgt een e-mail en ziet de terugkoppeling met %(n)d regels. "
                "Daarna kunt u de terugkoppeling niet meer wijzigen.",
                aantal,
            )
            % {"n": aantal},
            knop=_("Verzenden naar de projectleider"),
            gevaar=False,
            terug=_detail_url(terugkoppeling.pk),
        )

    def post(self, request, pk: int):
        terugkoppeling = _terugkoppeling_met_recht(request, pk, "samenwerking.change_gebiedterugkoppeling")
        try:
            services.terugkoppeling_verzenden(terugkoppeling=terugkoppeling, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(
                request, _("De terugkoppeling is verzonden; de projectleider krijgt een e-mail.")
            )
        return HttpResponseRedirect(_detail_url(terugkoppeling.pk))


class TerugkoppelingResvView(ServiceFoutenMixin, FormView):
    """The projectleider marks a line for the RESV and records the RESV date and outcome."""

    template_name = "samenwerking/terugkoppeling_regel_form.html"
    form_class = ResvForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.regel = _regel_met_recht(request, kwargs["pk"], "samenwerking.resv_gebiedterugkoppeling")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.regel}

    def _terug(self) -> str:
        volgende = self.request.POST.get("volgende") or self.request.GET.get("volgende") or ""
        if url_has_allowed_host_and_scheme(volgende, allowed_hosts={self.request.get_host()}):
            return volgende
        return _detail_url(self.regel.terugkoppeling_id) + f"#regel-{self.regel.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            terugkoppeling=self.regel.terugkoppeling,
            regel=self.regel,
            titel=_("RESV: %(verband)s") % {"verband": self.regel.verband.naam},
            volgende=self._terug(),
            **kwargs,
        )

    def uitvoeren(self, form):
        services.terugkoppelingregel_resv_bijwerken(
            regel=self.regel, door=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            _("De RESV-keuze voor %(verband)s is opgeslagen.") % {"verband": self.regel.verband.naam},
        )
        return HttpResponseRedirect(self._terug())


class TerugkoppelingOverzichtView(TemplateView):
    """All gebieden's terugkoppelingen over one period side by side, for the projectleider's RESV."""

    template_name = "samenwerking/terugkoppeling_overzicht.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        if not user.has_perm("samenwerking.view_terugkoppeling_overzicht"):
            raise PermissionDenied
        perioden = selectors.terugkoppeling_perioden(user=user)
        periode = _periode_uit(self.request)
        if periode is None or periode not in perioden:
            periode = perioden[0] if perioden else None
        kolommen = selectors.terugkoppelingen_naast_elkaar(user=user, periode=periode) if periode else []
        ontvangen = [k for k in kolommen if k.terugkoppeling]
        return super().get_context_data(
            perioden=[(_periode_param(van, tot), van, tot) for van, tot in perioden],
            periode=periode,
            periode_param=_periode_param(*periode) if periode else "",
            kolommen=kolommen,
            aantal_ontvangen=len(ontvangen),
            aantal_resv=sum(r.naar_resv for k in ontvangen for r in k.terugkoppeling.regels.all()),
            nog_niet_ontvangen=[k for k in kolommen if not k.terugkoppeling],
            mag_resv=user.is_beheerder or user.rol == "projectleider",
            **kwargs,
        )


class ResvExportView(View):
    """The lines marked for the RESV over a period, as an Excel file."""

    def get(self, request):
        if not request.user.has_perm("samenwerking.view_terugkoppeling_overzicht"):
            raise PermissionDenied
        periode = _periode_uit(request)
        if periode is None:
            perioden = selectors.terugkoppeling_perioden(user=request.user)
            periode = perioden[0] if perioden else None
        regels = selectors.resv_selectie(user=request.user, periode=periode) if periode else []
        return xlsx_response(
            koppen=[
                _("Gebied"),
                _("Wijksamenwerkingsverband"),
                _("Wijk"),
                _("Bevindingen"),
                _("Acties"),
                _("Besproken in RESV op"),
                _("Uitkomst RESV"),
            ],
            rijen=[
                [
                    r.terugkoppeling.gebied.naam,
                    r.verband.naam,
                    r.verband.wijk.naam,
                    r.bevindingen,
                    r.acties,
                    r.resv_besproken_op,
                    r.resv_uitkomst,
                ]
                for r in regels
            ],
            naam=f"resv-selectie-{periode[0]:%Y-%m-%d}-{periode[1]:%Y-%m-%d}" if periode else "resv-selectie",
            blad=_("RESV-selectie"),
        )
