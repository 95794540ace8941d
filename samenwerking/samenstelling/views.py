"""Views of the composition of a WSV: the delegate per beroepsgroep, appoint, replace, end."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wijken.constants import KERN_BEROEPSGROEPEN, Beroepsgroep
from zio_portal.forms import ServiceFoutenMixin

from ..constants import VerbandSoort
from ..models import (
    Afgevaardigde,
    Samenwerkingsverband,
)
from . import selectors, services
from .forms import (
    AfgevaardigdeBeeindigenForm,
    AfgevaardigdeBenoemenForm,
    AfgevaardigdeVervangenForm,
)


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
