from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Actiepunt,
    Afgevaardigde,
    Afspraak,
    AfspraakPraktijk,
    Deelname,
    Evaluatie,
    GebiedTerugkoppeling,
    Knelpunt,
    Overleg,
    PdcaCyclus,
    PdcaStap,
    Samenwerkingsverband,
    Thema,
)


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam"]


@admin.register(PdcaStap)
class PdcaStapAdmin(admin.ModelAdmin):
    list_display = ["soort", "nummer", "fase", "titel", "wie"]
    list_filter = ["soort", "fase"]


class DeelnameInline(admin.TabularInline):
    model = Deelname
    extra = 0
    autocomplete_fields = ["praktijk"]


class AfgevaardigdeInline(admin.TabularInline):
    model = Afgevaardigde
    extra = 0
    autocomplete_fields = ["contactpersoon"]


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "soort", "wijk", "actief"]
    list_filter = ["soort", "actief", "wijk__gebied"]
    search_fields = ["naam", "wijk__naam"]
    list_select_related = ["wijk"]
    inlines = [DeelnameInline, AfgevaardigdeInline]


@admin.register(PdcaCyclus)
class PdcaCyclusAdmin(SimpleHistoryAdmin):
    list_display = ["verband", "nummer", "gestart_op", "afgerond_op"]
    list_select_related = ["verband"]


class AfspraakPraktijkInline(admin.TabularInline):
    model = AfspraakPraktijk
    extra = 0
    autocomplete_fields = ["praktijk"]


@admin.register(Afspraak)
class AfspraakAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "versie", "verband", "thema", "status", "tijdgebonden", "evaluatie_op"]
    list_filter = ["status", "thema", "verband__wijk__gebied"]
    search_fields = ["titel", "specifiek"]
    list_select_related = ["verband", "thema"]
    raw_id_fields = ["vorige_versie", "eigenaar"]
    inlines = [AfspraakPraktijkInline]


@admin.register(Evaluatie)
class EvaluatieAdmin(SimpleHistoryAdmin):
    list_display = ["afspraak", "datum", "nageleefd", "besluit"]
    list_filter = ["nageleefd", "besluit"]
    list_select_related = ["afspraak"]


@admin.register(Overleg)
class OverlegAdmin(SimpleHistoryAdmin):
    list_display = ["verband", "datum", "overlegvorm", "status"]
    list_filter = ["status", "overlegvorm"]
    list_select_related = ["verband"]


@admin.register(Actiepunt)
class ActiepuntAdmin(SimpleHistoryAdmin):
    list_display = ["omschrijving", "verband", "deadline", "status"]
    list_filter = ["status"]
    list_select_related = ["verband"]


@admin.register(Knelpunt)
class KnelpuntAdmin(SimpleHistoryAdmin):
    list_display = ["omschrijving", "verband", "soort", "status", "gemeld_op"]
    list_filter = ["soort", "status"]
    list_select_related = ["verband"]


@admin.register(GebiedTerugkoppeling)
class GebiedTerugkoppelingAdmin(SimpleHistoryAdmin):
    list_display = ["gebied", "periode_van", "periode_tot", "status"]
    list_filter = ["status", "gebied"]
