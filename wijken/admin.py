from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Contactpersoon, Gebied, Gemeente, Partner, Praktijk, Regio, Wijk, WijkToewijzing


@admin.register(Regio)
class RegioAdmin(SimpleHistoryAdmin):
    list_display = ["naam"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "cbs_code", "regio"]
    search_fields = ["naam"]


@admin.register(Gebied)
class GebiedAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gemeente"]
    list_filter = ["gemeente"]
    search_fields = ["naam"]
    filter_horizontal = ["gebiedsmanagers"]


@admin.register(Wijk)
class WijkAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "gebied", "inwoners"]
    list_filter = ["gebied__gemeente", "gebied"]
    search_fields = ["naam"]
    list_select_related = ["gebied"]


class WijkToewijzingInline(admin.TabularInline):
    model = WijkToewijzing
    extra = 0
    fields = ["wijk", "ingangsdatum", "grenspraktijk", "reden", "vastgelegd_door"]
    autocomplete_fields = ["wijk"]


class ContactpersoonInline(admin.TabularInline):
    model = Contactpersoon
    extra = 0
    fields = ["naam", "functie", "email", "telefoon"]


@admin.register(Praktijk)
class PraktijkAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "agb_code", "wijk", "postcode", "plaats", "actief"]
    list_filter = ["actief", "wijk__gebied", "wijk"]
    search_fields = ["naam", "agb_code", "postcode", "plaats"]
    list_select_related = ["wijk"]
    inlines = [WijkToewijzingInline, ContactpersoonInline]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "beroepsgroep", "plaats", "telefoon"]
    list_filter = ["beroepsgroep", "wijken"]
    search_fields = ["naam", "plaats"]
    filter_horizontal = ["wijken"]
    inlines = [ContactpersoonInline]


@admin.register(WijkToewijzing)
class WijkToewijzingAdmin(SimpleHistoryAdmin):
    list_display = ["praktijk", "wijk", "ingangsdatum", "grenspraktijk"]
    list_filter = ["grenspraktijk", "wijk"]
    search_fields = ["praktijk__naam", "reden"]
    list_select_related = ["praktijk", "wijk"]


@admin.register(Contactpersoon)
class ContactpersoonAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "functie", "organisatie", "email"]
    search_fields = ["naam", "email", "praktijk__naam", "partner__naam"]
    list_select_related = ["praktijk", "partner"]
