"""Views of the verbanden: the list, a verband with its PDCA step plan, steps and cycles."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView
from django_tables2 import SingleTableView

from ..models import (
    PdcaStap,
    Samenwerkingsverband,
)
from ..overleggen.selectors import overleg_list
from . import selectors, services
from .forms import (
    CyclusForm,
    StapForm,
)
from .tables import VerbandTable


def verband_voor_wijziging(request, pk: int) -> Samenwerkingsverband:
    """A verband the user may see (404 otherwise) and change (403 otherwise)."""
    verband = get_object_or_404(Samenwerkingsverband.objects.zichtbaar_voor(request.user), pk=pk)
    if not request.user.has_perm("samenwerking.change_samenwerkingsverband", verband):
        raise PermissionDenied
    return verband


class VerbandListView(SingleTableView):
    """The verbanden in the user's scope with their PDCA step."""

    template_name = "samenwerking/verband_list.html"
    table_class = VerbandTable
    # Only the table pages (django-tables2): a ListView paginate_by would count the rows again.
    table_pagination = {"per_page": 15}

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
            wijzigingen=selectors.verband_stap_wijzigingen(
                verband=verband, stappen=[item["stap"] for item in stappen]
            ),
        )
        if verband.is_wsv:  # the latest meetings of a WSV
            context["recente_overleggen"] = list(overleg_list(verband=verband)[:6])
        return context


class StapView(View):
    """POST: record a step of the current cycle as started or done, with a note."""

    def post(self, request, pk: int, stap_pk: int):
        verband = verband_voor_wijziging(request, pk)
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
        verband = verband_voor_wijziging(request, pk)
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
