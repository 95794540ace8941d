from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Bouwsteen,
    Praktijkbezoek,
    Rapportage,
    RapportagePlanning,
    Respons,
    Ronde,
    Sectie,
    Vraag,
    Vragenlijst,
)


@admin.register(Bouwsteen)
class BouwsteenAdmin(admin.ModelAdmin):
    list_display = ["nummer", "naam"]


class SectieInline(admin.TabularInline):
    model = Sectie
    extra = 0


class VraagInline(admin.TabularInline):
    model = Vraag
    extra = 0
    fields = ["sectie", "code", "tekst", "type", "samenwerking", "verplicht", "volgorde"]


@admin.register(Vragenlijst)
class VragenlijstAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "jaar", "gebaseerd_op"]
    inlines = [SectieInline, VraagInline]


@admin.register(Ronde)
class RondeAdmin(SimpleHistoryAdmin):
    list_display = ["vragenlijst", "opent_op", "sluit_op"]


@admin.register(Respons)
class ResponsAdmin(SimpleHistoryAdmin):
    list_display = ["praktijk", "ronde", "status", "bron", "ingediend_op"]
    list_filter = ["status", "bron", "ronde"]
    search_fields = ["praktijk__naam", "praktijk__agb_code"]
    list_select_related = ["praktijk", "ronde__vragenlijst"]


@admin.register(Praktijkbezoek)
class PraktijkbezoekAdmin(SimpleHistoryAdmin):
    list_display = ["praktijk", "gepland_op", "status", "gedeeld_op", "gezien_op"]
    list_filter = ["status"]
    search_fields = ["praktijk__naam"]
    list_select_related = ["praktijk"]
    filter_horizontal = ["bouwstenen", "themas", "bezoekers"]


@admin.register(Rapportage)
class RapportageAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "aangevraagd_door", "aangevraagd_op"]
    list_filter = ["status", "scope"]
    readonly_fields = ["snapshot", "claim", "foutmelding", "gepland"]


@admin.register(RapportagePlanning)
class RapportagePlanningAdmin(SimpleHistoryAdmin):
    """One row: the list goes straight to it; it cannot be added twice or deleted."""

    fieldsets = [
        (
            _("Jaarrapport (over het vorige kalenderjaar)"),
            {"fields": ["jaar_actief", "jaar_dag", "jaar_maand"]},
        ),
        (_("Kwartaalrapport (over het vorige kwartaal)"), {"fields": ["kwartaal_actief", "kwartaal_dag"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        planning = RapportagePlanning.laden()
        return redirect(reverse("admin:monitoring_rapportageplanning_change", args=[planning.pk]))

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
