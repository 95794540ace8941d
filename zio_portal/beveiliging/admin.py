from django.contrib import admin

from .models import Toegangsregel


@admin.register(Toegangsregel)
class ToegangsregelAdmin(admin.ModelAdmin):
    """Read-only: the access log is append-only, also for the beheerder."""

    list_display = [
        "tijdstip",
        "gebruikersnaam",
        "rol",
        "gebeurtenis",
        "omschrijving",
        "praktijk_naam",
        "ip_adres",
    ]
    list_filter = ["gebeurtenis", "rol"]
    search_fields = ["gebruikersnaam", "omschrijving", "praktijk_naam"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
