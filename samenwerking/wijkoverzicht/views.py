"""The pages that show the geography with its verbanden: the wijk list and detail, the praktijk detail,
the gebied overview of the WSVs, and the partner inventories. Their URLs sit in the ``wijken``
namespace (composed in the project url module); the code lives here, a floor above ``wijken``."""

from collections import defaultdict

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView, View

from wijken import selectors as wijken_selectors
from wijken import services as wijken_services
from wijken.constants import Beroepsgroep

from . import selectors, services
from .forms import WijkToewijzingForm, inventarisatie_formset


class WijkListView(ListView):
    """The wijken in the user's scope, grouped by gebied; paginated, with a search on the name. A page
    holds 15 wijken: a gebiedsmanager's gebieden (a handful of wijken each) fit on one or two pages, a
    region of hundreds of wijken is paged and searched."""

    template_name = "samenwerking/wijkoverzicht/wijk_list.html"
    context_object_name = "wijken"
    paginate_by = 15

    def get_queryset(self):
        return selectors.wijk_list(user=self.request.user, zoek=self.request.GET.get("zoek", ""))

    def get_context_data(self, **kwargs):
        return super().get_context_data(zoek=self.request.GET.get("zoek", "").strip(), **kwargs)


class WijkDetailView(DetailView):
    """A wijk: its practices, verbanden and sociale kaart."""

    template_name = "samenwerking/wijkoverzicht/wijk_detail.html"
    context_object_name = "wijk"

    def get_object(self, queryset=None):
        return selectors.wijk_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        per_groep = defaultdict(list)
        for partner in self.object.partners.all():
            per_groep[partner.beroepsgroep].append(partner)
        context["mag_inventarisatie_zien"] = self.request.user.has_perm(
            "wijken.view_wijk_inventarisatie", self.object
        )
        context["sociale_kaart"] = [
            (label, per_groep[value]) for value, label in Beroepsgroep.choices if per_groep.get(value)
        ]
        return context


class PraktijkDetailView(DetailView):
    """A practice: address, wijk (and its history), contacts, verbanden."""

    template_name = "samenwerking/wijkoverzicht/praktijk_detail.html"
    context_object_name = "praktijk"

    def get_object(self, queryset=None):
        return selectors.praktijk_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            wijzigingen=wijken_selectors.praktijk_wijzigingen(praktijk=self.object),
            mag_inventarisatie_zien=self.request.user.has_perm("wijken.view_inventarisatie", self.object),
            mag_toewijzen=rules.has_perm("wijken.add_wijktoewijzing", self.request.user),
            **kwargs,
        )


class GebiedOverzichtView(TemplateView):
    """The gebiedsmanager's overview of the WSVs of a gebied: composition, meetings against the norm,
    open actions and knelpunten."""

    template_name = "samenwerking/wijkoverzicht/gebied_overzicht.html"

    def get_template_names(self) -> list[str]:
        # htmx asks for one WSV's details (?wsv=): only its card, as a table row; without JS the link
        # shows the page.
        if self.request.htmx and "wsv" in self.request.GET:
            return ["samenwerking/wijkoverzicht/_wsv_details_rij.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        wsv = self.request.GET.get("wsv")
        if wsv is not None and not wsv.isdigit():
            raise Http404
        gebied, regels, pagina, samenvatting = selectors.gebied_overzicht(
            user=self.request.user,
            pk=self.kwargs["pk"],
            page=self.request.GET.get("page"),
            wsv=int(wsv) if wsv else None,
        )
        if not self.request.user.has_perm("wijken.view_gebied_overzicht", gebied):
            raise PermissionDenied
        if wsv and not regels:
            raise Http404
        return super().get_context_data(
            gebied=gebied,
            regels=regels,
            regel=regels[0] if wsv else None,
            pagina=pagina,
            samenvatting=samenvatting,
            mag_toewijzen=rules.has_perm("wijken.add_wijktoewijzing", self.request.user),
            **kwargs,
        )


class PraktijkInventarisatieView(View):
    """WSV Plan phase: the practice records with which partners it already, partly or not yet works,
    the knelpunten in those collaborations and good examples."""

    template_name = "samenwerking/wijkoverzicht/praktijk_inventarisatie.html"

    def dispatch(self, request, *args, **kwargs):
        self.praktijk = selectors.praktijk_get(user=request.user, pk=kwargs["pk"])
        if not request.user.has_perm("wijken.view_inventarisatie", self.praktijk):
            raise PermissionDenied
        self.mag_wijzigen = request.user.has_perm("wijken.change_inventarisatie", self.praktijk)
        self.partners, self.ingevuld = selectors.praktijk_inventarisatie(praktijk=self.praktijk)
        return super().dispatch(request, *args, **kwargs)

    def _initial(self) -> list[dict]:
        initial = []
        for partner in self.partners:
            item = self.ingevuld.get(partner.pk)
            initial.append(
                {
                    "partner": partner.pk,
                    "mate": item.mate if item else "",
                    "knelpunten": item.knelpunten if item else "",
                    "goede_voorbeelden": item.goede_voorbeelden if item else "",
                }
            )
        return initial

    def _render(self, formset, fouten=None):
        regels = formset.regels()
        return render(
            self.request,
            self.template_name,
            {
                "praktijk": self.praktijk,
                "formset": formset,
                "fouten": formset.non_form_errors() if fouten is None else fouten,
                "regels": regels,
                "mag_wijzigen": self.mag_wijzigen,
                "ingevuld": self.ingevuld,
            },
        )

    def get(self, request, pk):
        return self._render(inventarisatie_formset(partners=self.partners, initial=self._initial()))

    def post(self, request, pk):
        if not self.mag_wijzigen:
            raise PermissionDenied
        formset = inventarisatie_formset(partners=self.partners, data=request.POST, initial=self._initial())
        per_pk = {p.pk: p for p in self.partners}
        if formset.is_valid():
            regels = []
            for form in formset.forms:
                partner = per_pk[form.cleaned_data["partner"]]  # the formset checked: each partner once
                regels.append(
                    services.InventarisatieRegel(
                        partner=partner,
                        mate=form.cleaned_data["mate"],
                        knelpunten=form.cleaned_data["knelpunten"],
                        goede_voorbeelden=form.cleaned_data["goede_voorbeelden"],
                    )
                )
            aantal = services.inventarisatie_opslaan(praktijk=self.praktijk, regels=regels, door=request.user)
            messages.success(
                request, _("De inventarisatie is bewaard: %(aantal)s partners ingevuld.") % {"aantal": aantal}
            )
            return redirect("wijken:praktijk-inventarisatie", pk=self.praktijk.pk)
        messages.error(request, _("Niet bewaard: verbeter de gemarkeerde velden."))
        if len(formset.forms) != len(self.partners):
            # The management form was tampered with or is missing: show every partner again, with
            # what the post did hold for each row kept.
            data = request.POST.copy()
            data[formset.add_prefix("TOTAL_FORMS")] = str(len(self.partners))
            data[formset.add_prefix("INITIAL_FORMS")] = str(len(self.partners))
            for i, partner in enumerate(self.partners):
                data[f"{formset.add_prefix(i)}-partner"] = str(partner.pk)
            hersteld = inventarisatie_formset(partners=self.partners, data=data, initial=self._initial())
            fout = _("Het formulier was onvolledig. Controleer de regels hieronder en bewaar opnieuw.")
            return self._render(hersteld, fouten=[fout])
        return self._render(formset)


class WijkInventarisatieView(DetailView):
    """For the gebiedsmanager: the inventories of the wijk's practices side by side, per partner."""

    template_name = "samenwerking/wijkoverzicht/wijk_inventarisatie.html"
    context_object_name = "wijk"

    def get_object(self, queryset=None):
        wijk = wijken_selectors.wijk_basis_get(user=self.request.user, pk=self.kwargs["pk"])
        if not self.request.user.has_perm("wijken.view_wijk_inventarisatie", wijk):
            raise PermissionDenied
        return wijk

    def get_context_data(self, **kwargs):
        return super().get_context_data(matrix=selectors.wijk_inventarisatie(wijk=self.object), **kwargs)


class WijkToewijzenView(View):
    """Assign a practice to a wijk from a date on, with the reason (required for a border practice);
    the earlier assignments stay in the history."""

    template_name = "samenwerking/wijkoverzicht/wijk_toewijzen.html"

    def dispatch(self, request, *args, **kwargs):
        self.praktijk = selectors.praktijk_get(user=request.user, pk=kwargs["pk"])
        if not rules.has_perm("wijken.add_wijktoewijzing", request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None) -> WijkToewijzingForm:
        initial = {"wijk": self.praktijk.wijk_id, "ingangsdatum": timezone.localdate()}
        return WijkToewijzingForm(
            data, initial=initial, wijken=wijken_selectors.wijk_keuzes(user=self.request.user)
        )

    def _render(self, form):
        return render(self.request, self.template_name, {"praktijk": self.praktijk, "form": form})

    def get(self, request, pk: int):
        return self._render(self._form())

    def post(self, request, pk: int):
        form = self._form(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                wijken_services.wijktoewijzing_vastleggen(
                    praktijk=self.praktijk,
                    wijk=d["wijk"],
                    ingangsdatum=d["ingangsdatum"],
                    grenspraktijk=d["grenspraktijk"],
                    reden=d["reden"],
                    door=request.user,
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("De wijktoewijzing is vastgelegd."))
                return redirect("wijken:praktijk-detail", self.praktijk.pk)
        return self._render(form)


class GrenspraktijkenView(TemplateView):
    """The border practices of a gebied: their current wijk, the agreement, and where to change it."""

    template_name = "samenwerking/wijkoverzicht/grenspraktijken.html"

    def get_context_data(self, **kwargs):
        gebied = wijken_selectors.gebied_get(user=self.request.user, pk=self.kwargs["pk"])
        if not rules.has_perm("wijken.add_wijktoewijzing", self.request.user):
            raise PermissionDenied
        return super().get_context_data(
            gebied=gebied, praktijken=wijken_selectors.grenspraktijken(gebied=gebied), **kwargs
        )
