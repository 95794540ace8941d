"""Views of the praktijkbezoeken: thin; who may do what is in monitoring/rules.py, reads in the
selectors, writes in the services."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wijken.models import Praktijk
from zio_portal.export import ics_response
from zio_portal.forms import fouten_naar_formulier

from ..constants import BezoekStatus
from ..mixins import BeheerMixin, int_param
from . import selectors, services
from .forms import BezoekPlanForm, BezoekVerslagForm, ReactieForm
from .ics import bezoek_ics


class BezoekListView(PermissionRequiredMixin, TemplateView):
    """Managers: the planning of all practices; practice staff: their own practice's visits."""

    permission_required = "monitoring.list_praktijkbezoek"
    per_pagina = 25

    def get_template_names(self):
        if self.request.user.has_perm("monitoring.manage_monitoring"):
            return ["monitoring/bezoek_planning.html"]
        return ["monitoring/bezoek_list.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.has_perm("monitoring.manage_monitoring"):
            # Per gebied the counts; the practices themselves a page at a time, filtered by gebied, wijk
            # (searched as you type) and backlog: the page does not grow with the region.
            wijk_id = int_param(self.request.GET.get("wijk"))
            gebied_id = int_param(self.request.GET.get("gebied"))
            achter = self.request.GET.get("achter") == "1"
            per_gebied = selectors.bezoek_planning_per_gebied()
            qs = selectors.bezoek_planning(wijk_id=wijk_id, gebied_id=gebied_id, alleen_achter=achter)
            pagina = Paginator(qs, self.per_pagina).get_page(self.request.GET.get("page"))
            context.update(
                pagina=pagina,
                praktijken=pagina.object_list,
                per_gebied=per_gebied,
                gebied_id=gebied_id,
                wijk=selectors.wijk_of_none(wijk_id),
                achter=achter,
                aantal_achter=sum(g["achter_aantal"] for g in per_gebied),
            )
        else:
            context["bezoeken"] = selectors.bezoek_list(user=user)
        return context


class BezoekPlannenView(BeheerMixin, TemplateView):
    """Plan a visit to a practice."""

    template_name = "monitoring/bezoek_plannen.html"

    def _praktijk(self) -> Praktijk:
        return selectors.praktijk_get(pk=self.kwargs["praktijk"])

    def get(self, request, *args, **kwargs):
        form = BezoekPlanForm(initial={"bezoekers": [request.user.pk]})
        return self.render_to_response(self.get_context_data(praktijk=self._praktijk(), form=form))

    def post(self, request, *args, **kwargs):
        praktijk = self._praktijk()
        form = BezoekPlanForm(request.POST)
        if form.is_valid():
            try:
                bezoek = services.bezoek_plannen(
                    praktijk=praktijk,
                    gepland_op=form.cleaned_data["gepland_op"],
                    bezoekers=list(form.cleaned_data["bezoekers"]),
                    al_gehouden=form.cleaned_data["al_gehouden"],
                )
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                if form.cleaned_data["al_gehouden"]:
                    messages.success(request, _("Het gehouden bezoek is vastgelegd. Vul nu het verslag in."))
                    return redirect("monitoring:bezoek-verslag", bezoek.pk)
                messages.success(request, _("Het bezoek is gepland. Stuur de praktijk nu de uitnodiging."))
                return redirect("monitoring:bezoek-detail", bezoek.pk)
        return self.render_to_response(self.get_context_data(praktijk=praktijk, form=form))


class BezoekObjectMixin:
    """The visit if the user may see it (404 otherwise); ``perm`` must hold too (403 otherwise)."""

    perm = "monitoring.view_praktijkbezoek"

    def dispatch(self, request, *args, **kwargs):
        self.bezoek = selectors.bezoek_get(user=request.user, pk=kwargs["pk"])
        # rules.has_perm, not user.has_perm: a superuser must not acknowledge for a practice.
        if not rules.has_perm(self.perm, request.user, self.bezoek):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BezoekDetailView(BezoekObjectMixin, TemplateView):
    """One visit: its report and terugkoppeling, and the practice's acknowledgement."""

    template_name = "monitoring/bezoek_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            bezoek=self.bezoek,
            beheer=user.has_perm("monitoring.change_praktijkbezoek", self.bezoek),
            mag_reageren=rules.has_perm("monitoring.acknowledge_praktijkbezoek", user, self.bezoek),
            reactie_form=kwargs.get("reactie_form")
            or ReactieForm(initial={"reactie": self.bezoek.reactie_praktijk}),
        )
        return context


class BezoekVerslagView(BezoekObjectMixin, TemplateView):
    """The visit report, with the themes pre-filled from the practice's active SMART-afspraken."""

    perm = "monitoring.change_praktijkbezoek"
    template_name = "monitoring/bezoek_verslag.html"

    def get(self, request, *args, **kwargs):
        b = self.bezoek
        themas = [t.pk for t in b.themas.all()] or selectors.themas_met_afspraken(praktijk=b.praktijk)
        initial = {
            "gehouden_op": b.gehouden_op
            or (timezone.localtime(b.gepland_op).date() if b.gepland_op <= timezone.now() else None),
            "wat_gaat_goed": b.wat_gaat_goed,
            "uitdagingen": b.uitdagingen,
            "bouwstenen": [x.pk for x in b.bouwstenen.all()],
            "themas": themas,
            "terugkoppeling": b.terugkoppeling,
        }
        for o in b.ondersteuningsbehoeften.all():
            initial[f"ondersteuning_{o.categorie}"] = o.toelichting
        return self.render_to_response(
            self.get_context_data(bezoek=b, form=BezoekVerslagForm(initial=initial))
        )

    def post(self, request, *args, **kwargs):
        form = BezoekVerslagForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.bezoek_verslag_opslaan(
                    bezoek=self.bezoek,
                    gehouden_op=data["gehouden_op"],
                    wat_gaat_goed=data["wat_gaat_goed"],
                    uitdagingen=data["uitdagingen"],
                    bouwstenen=list(data["bouwstenen"]),
                    themas=list(data["themas"]),
                    ondersteuning=form.ondersteuning(),
                    terugkoppeling=data["terugkoppeling"],
                )
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("Het verslag is opgeslagen."))
                return redirect("monitoring:bezoek-detail", self.bezoek.pk)
        return self.render_to_response(self.get_context_data(bezoek=self.bezoek, form=form))


class BezoekDelenView(BezoekObjectMixin, View):
    """Share the terugkoppeling with the practice (POST)."""

    perm = "monitoring.change_praktijkbezoek"

    def post(self, request, pk):
        try:
            services.terugkoppeling_delen(bezoek=self.bezoek)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("De terugkoppeling is gedeeld; de praktijk heeft een e-mail gekregen.")
            )
        return redirect("monitoring:bezoek-detail", pk)


class BezoekGezienView(BezoekObjectMixin, View):
    """The practice marks the terugkoppeling as seen, optionally with a response (POST)."""

    perm = "monitoring.acknowledge_praktijkbezoek"

    def post(self, request, pk):
        form = ReactieForm(request.POST)
        if form.is_valid():
            try:
                services.terugkoppeling_gezien(
                    bezoek=self.bezoek, door=request.user, reactie=form.cleaned_data["reactie"]
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Dank u wel: de terugkoppeling is gemarkeerd als gezien."))
        return redirect("monitoring:bezoek-detail", pk)


class BezoekIcsView(BezoekObjectMixin, View):
    """The invitation as an .ics file (opens as a meeting request in Outlook)."""

    def get(self, request, pk):
        return ics_response(bezoek_ics(self.bezoek), bestandsnaam=f"praktijkbezoek-{pk}.ics")


class BezoekUitnodigenView(BezoekObjectMixin, View):
    """Mail the practice the invitation with the .ics file (POST)."""

    perm = "monitoring.change_praktijkbezoek"

    def post(self, request, pk):
        try:
            ontvangers = services.bezoek_uitnodiging_versturen(bezoek=self.bezoek, door=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("De uitnodiging gaat naar %(ontvangers)s; wie hem al kreeg, krijgt hem niet nog eens.")
                % {"ontvangers": ", ".join(ontvangers)},
            )
        return redirect("monitoring:bezoek-detail", pk)


class BezoekWijzigenView(BezoekObjectMixin, TemplateView):
    """Move a planned visit (or change who goes); a sent invitation is updated for every invitee."""

    perm = "monitoring.change_praktijkbezoek"
    template_name = "monitoring/bezoek_plannen.html"

    def _niet_gepland(self):
        messages.warning(self.request, _("Alleen een gepland bezoek kan worden verzet."))
        return redirect("monitoring:bezoek-detail", self.bezoek.pk)

    def get(self, request, *args, **kwargs):
        if self.bezoek.status != BezoekStatus.GEPLAND:
            return self._niet_gepland()
        form = BezoekPlanForm(
            initial={
                "gepland_op": timezone.localtime(self.bezoek.gepland_op),
                "bezoekers": [b.pk for b in self.bezoek.bezoekers.all()],
            }
        )
        return self.render_to_response(self.get_context_data(praktijk=self.bezoek.praktijk, form=form))

    def post(self, request, *args, **kwargs):
        if self.bezoek.status != BezoekStatus.GEPLAND:
            return self._niet_gepland()
        form = BezoekPlanForm(request.POST)
        if form.is_valid():
            try:
                services.bezoek_verzetten(
                    bezoek=self.bezoek,
                    gepland_op=form.cleaned_data["gepland_op"],
                    bezoekers=list(form.cleaned_data["bezoekers"]),
                )
            except ValidationError as exc:
                fouten_naar_formulier(form, exc)
            else:
                messages.success(request, _("Het bezoek is gewijzigd."))
                return redirect("monitoring:bezoek-detail", self.bezoek.pk)
        return self.render_to_response(self.get_context_data(praktijk=self.bezoek.praktijk, form=form))

    def get_context_data(self, **kwargs):
        return super().get_context_data(bezoek=self.bezoek, **kwargs)


class BezoekAnnulerenView(BezoekObjectMixin, TemplateView):
    """Call a planned visit off after a confirmation page; the invitees get a cancellation."""

    perm = "monitoring.change_praktijkbezoek"
    template_name = "monitoring/bezoek_annuleren.html"

    def get(self, request, *args, **kwargs):
        if self.bezoek.status != BezoekStatus.GEPLAND:
            messages.warning(request, _("Alleen een gepland bezoek kan worden geannuleerd."))
            return redirect("monitoring:bezoek-detail", self.bezoek.pk)
        uitgenodigd = self.bezoek.verzendingen.exists()
        return self.render_to_response(self.get_context_data(bezoek=self.bezoek, uitgenodigd=uitgenodigd))

    def post(self, request, pk):
        try:
            services.bezoek_annuleren(bezoek=self.bezoek)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Het bezoek is geannuleerd; wie de uitnodiging had, krijgt de annulering.")
            )
        return redirect("monitoring:bezoek-detail", pk)
