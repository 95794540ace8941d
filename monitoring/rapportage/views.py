"""Views of the regionale rapportage: thin; rules in monitoring/rules.py, reads in the selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage, RapportagePlanning
from monitoring.rules import rapportage_zichtbaar_voor
from zio_portal.achtergrond import bestand_response
from zio_portal.forms import fouten_naar_formulier

from . import selectors, services
from .forms import RapportageAanvraagForm, RapportageCommentaarForm, RapportagePlanningForm


class RapportageToegangMixin(PermissionRequiredMixin):
    """Only roles that can have reports in their list (region roles and gebiedsmanagers)."""

    permission_required = "monitoring.list_rapportage"

    def get_rapportage(self) -> Rapportage:
        return get_object_or_404(selectors.rapportage_list(user=self.request.user), pk=self.kwargs["pk"])


class RapportageListView(RapportageToegangMixin, TemplateView):
    template_name = "monitoring/rapportage/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rapportages=selectors.rapportage_list(user=self.request.user)[:200],
            mag_aanvragen=self.request.user.has_perm("monitoring.add_rapportage"),
            mag_plannen=self.request.user.has_perm("monitoring.change_rapportageplanning"),
            **kwargs,
        )


class RapportageAanvragenView(FormView):
    template_name = "monitoring/rapportage/aanvragen.html"
    form_class = RapportageAanvraagForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.add_rapportage"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        d = form.cleaned_data
        rapportage = services.rapportage_aanvragen(
            door=self.request.user,
            periode_van=d["periode_van"],
            periode_tot=d["periode_tot"],
            scope=d["scope"],
            gebied=d.get("gebied"),
            wijk=d.get("wijk"),
        )
        messages.success(
            self.request, _("De rapportage is aangevraagd; u krijgt een e-mail zodra hij klaar is.")
        )
        return redirect("rapportage:detail", rapportage.pk)


class RapportageDetailView(RapportageToegangMixin, View):
    """The report and its state; with htmx only the status partial (polled every second while running)."""

    def get(self, request, pk: int) -> HttpResponse:
        rapportage = self.get_rapportage()
        return _detail(request, rapportage, deel="status" if request.headers.get("HX-Request") else "")


def _detail(request, rapportage: Rapportage, commentaar_form=None, deel: str = "") -> HttpResponse:
    """The report page (or one partial of it); a bound commentary form with errors can be passed in."""
    lopend = rapportage.status in services.LOPEND
    context = {
        "rapportage": rapportage,
        "lopend": lopend,
        # A new PDF after a comment: the review form stays, with a word why the download is away.
        "opnieuw_maken": lopend and rapportage.gereed_op is not None,
        "mag_beoordelen": request.user.has_perm("monitoring.review_rapportage"),
        "zichtbaar_voor": rapportage_zichtbaar_voor(rapportage),
        "commentaar_form": commentaar_form
        or RapportageCommentaarForm(initial={"commentaar": rapportage.commentaar}),
    }
    template = "monitoring/rapportage/detail.html" + (f"#{deel}" if deel else "")
    return render(request, template, context)


class RapportageDownloadView(RapportageToegangMixin, View):
    """Stream the private PDF after the permission check; never a public URL."""

    def get(self, request, pk: int) -> HttpResponse:
        rapportage = self.get_rapportage()
        if not request.user.has_perm("monitoring.view_rapportage", rapportage):
            raise PermissionDenied
        if rapportage.status != RapportageStatus.GEREED or not rapportage.bestand:
            raise Http404(_("Het rapport is nog niet klaar."))
        naam = f"regionale-rapportage-{rapportage.periode_van:%Y%m%d}-{rapportage.periode_tot:%Y%m%d}.pdf"
        mag_opnieuw = request.user.has_perm("monitoring.add_rapportage")
        return bestand_response(
            request,
            rapportage,
            bestandsnaam=naam,
            opnieuw_url=reverse("rapportage:opnieuw", args=[rapportage.pk]) if mag_opnieuw else None,
            terug_url=reverse("rapportage:detail", args=[rapportage.pk]),
        )


class RapportageOpnieuwView(RapportageToegangMixin, View):
    """POST: make the PDF of a report again from its stored data (e.g. when its file is gone)."""

    def post(self, request, pk: int) -> HttpResponse:
        rapportage = self.get_rapportage()
        if not request.user.has_perm("monitoring.add_rapportage"):
            raise PermissionDenied
        try:
            services.rapportage_opnieuw_maken(rapportage=rapportage)
            messages.success(request, _("Het rapport wordt opnieuw gemaakt. Deze pagina werkt zichzelf bij."))
        except ValueError as fout:
            messages.error(request, str(fout))
        return redirect("rapportage:detail", rapportage.pk)


class RapportageActieView(RapportageToegangMixin, View):
    """POST-only review actions of the beleidsadviseur: commentary, final, share."""

    actie = ""

    def post(self, request, pk: int) -> HttpResponse:
        rapportage = self.get_rapportage()
        if not request.user.has_perm("monitoring.review_rapportage"):
            raise PermissionDenied
        try:
            if self.actie == "beoordelen":
                form = RapportageCommentaarForm(request.POST)
                if not form.is_valid():
                    messages.error(request, _("Niet opgeslagen: controleer het commentaar."))
                    return _detail(request, rapportage, commentaar_form=form)
                try:
                    services.rapportage_beoordelen(
                        rapportage=rapportage, commentaar=form.cleaned_data["commentaar"]
                    )
                except ValidationError as fout:
                    fouten_naar_formulier(form, fout)
                    return _detail(request, rapportage, commentaar_form=form)
                messages.success(request, _("Het commentaar is opgeslagen; de PDF wordt opnieuw gemaakt."))
            elif self.actie == "definitief":
                services.rapportage_definitief_maken(rapportage=rapportage)
                messages.success(request, _("Het rapport is definitief."))
            elif self.actie == "delen":
                services.rapportage_delen(
                    rapportage=rapportage, praktijkmanagers=request.POST.get("praktijkmanagers") == "1"
                )
                messages.success(
                    request,
                    _("Het rapport is gedeeld; zichtbaar voor: %(wie)s. De nieuwe lezers krijgen een e-mail.")
                    % {"wie": ", ".join(rapportage_zichtbaar_voor(rapportage))},
                )
        except ValueError as fout:
            messages.error(request, str(fout))
        return redirect("rapportage:detail", rapportage.pk)


class DashboardView(TemplateView):
    """The live region dashboard: the report's key figures, charts and overview per wijk, filtered by
    period, gebied and wijk within the user's scope (a gebiedsmanager: their own gebieden)."""

    template_name = "monitoring/rapportage/dashboard.html"
    eerste = 10
    wijken_per_pagina = 20

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.view_dashboard"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        filterset, r, grafieken = selectors.dashboard(user=self.request.user, filters=self.request.GET)
        # Lists that grow with the region: the first few with their count and a link to the full page
        # (continuïteit, wijkplannen), and the table per wijk a page at a time.
        eerste = {}
        if r is not None and r.continuiteit:
            alle = [p for deel in r.continuiteit.zonder_afspraak for p in deel]
            eerste["zonder_afspraak"] = alle[: self.eerste]
        if r is not None and r.wijkplannen:
            for kolom in ("vastgesteld", "concept", "geen"):
                eerste[kolom] = getattr(r.wijkplannen, kolom)[: self.eerste]
        wijken = Paginator(r.overzicht_rijen if r is not None else [], self.wijken_per_pagina).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            filter=filterset,
            r=r,
            eerste=eerste,
            wijken=wijken,
            grafieken=grafieken or [],
            mag_aanvragen=self.request.user.has_perm("monitoring.add_rapportage"),
            mag_continuiteit=self.request.user.has_perm("samenwerking.view_opvangoverzicht"),
            mag_wijkplannen=self.request.user.has_perm("monitoring.view_wijkplan_regio"),
            **kwargs,
        )


class RapportagePlanningView(View):
    """The schedule of the yearly and quarterly region report (made by Celery beat), edited in the
    portal by the beleidsadviseur (and the beheerder)."""

    template_name = "monitoring/rapportage/planning.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.change_rapportageplanning"):
            raise PermissionDenied
        self.planning = RapportagePlanning.laden()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": RapportagePlanningForm(instance=self.planning)})

    def post(self, request):
        # A copy for the form: a refused change must not leave the loaded row half-changed.
        form = RapportagePlanningForm(request.POST, instance=RapportagePlanning.laden())
        if form.is_valid():
            try:
                services.rapportageplanning_wijzigen(planning=self.planning, **form.cleaned_data)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("De planning van de regionale rapportage is opgeslagen."))
                return redirect("rapportage:planning")
        return render(request, self.template_name, {"form": form})
