"""Views of the regionale rapportage: thin; rules in monitoring/rules.py, reads in the selectors."""

from __future__ import annotations

import html
import re

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from monitoring.constants import RapportageStatus
from monitoring.models import Rapportage
from zio_portal.achtergrond import bestand_response

from . import selectors, services
from .charts import met_eigen_ids
from .forms import RapportageAanvraagForm


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
        context = {
            "rapportage": rapportage,
            "lopend": rapportage.status in services.LOPEND,
            "mag_beoordelen": request.user.has_perm("monitoring.review_rapportage"),
        }
        template = "monitoring/rapportage/detail.html"
        if request.headers.get("HX-Request"):
            template += "#status"
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
                services.rapportage_beoordelen(
                    rapportage=rapportage, commentaar=request.POST.get("commentaar", "")
                )
                messages.success(request, _("Het commentaar is opgeslagen; de PDF wordt opnieuw gemaakt."))
            elif self.actie == "definitief":
                services.rapportage_definitief_maken(rapportage=rapportage)
                messages.success(request, _("Het rapport is definitief."))
            elif self.actie == "delen":
                services.rapportage_delen(rapportage=rapportage)
                messages.success(
                    request, _("Het rapport is gedeeld met de projectleider en de gebiedsmanagers.")
                )
        except ValueError as fout:
            messages.error(request, str(fout))
        return redirect("rapportage:detail", rapportage.pk)


class DashboardView(TemplateView):
    """The live region dashboard: the report's key figures, charts and overview per wijk, filtered by
    period, gebied and wijk within the user's scope (a gebiedsmanager: their own gebieden)."""

    template_name = "monitoring/rapportage/dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("monitoring.view_dashboard"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        filterset, r = selectors.dashboard(user=self.request.user, filters=self.request.GET)
        grafieken = []
        if r is not None:
            for sleutel in ("overleggen", "bezoeken", "nageleefd", "vragen"):
                svg = getattr(r, f"svg_{sleutel}")
                if svg:
                    # The chart's own <title> as a visible caption: the SVG itself shows no heading.
                    titel = re.search(r"<title>(.*?)</title>", svg, re.S)
                    grafieken.append(
                        {
                            "svg": met_eigen_ids(svg, f"grafiek-{sleutel}"),
                            "titel": html.unescape(titel.group(1)) if titel else "",
                        }
                    )
        return super().get_context_data(
            filter=filterset,
            r=r,
            grafieken=grafieken,
            mag_aanvragen=self.request.user.has_perm("monitoring.add_rapportage"),
            **kwargs,
        )
