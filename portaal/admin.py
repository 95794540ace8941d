"""The admin of the portal's users: their role and the practices they work for (wijken)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from wijken.models import Praktijkmedewerker
from zio_portal.models import User


class PraktijkmedewerkerInline(admin.TabularInline):
    model = Praktijkmedewerker
    extra = 0
    autocomplete_fields = ["praktijk"]
    verbose_name = _("werkt bij praktijk")
    verbose_name_plural = _("werkt bij praktijken")


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Users with their role; the scope is set here too (practices) or on the gebied (gebiedsmanagers)."""

    list_display = ["username", "first_name", "last_name", "email", "rol", "is_active"]
    list_filter = ["rol", "is_active", "is_staff"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Rol in het portaal"), {"fields": ["rol", "telefoon"]}),
    ]
    add_fieldsets = [
        *UserAdmin.add_fieldsets,
        (_("Rol in het portaal"), {"fields": ["rol", "first_name", "last_name", "email"]}),
    ]
    inlines = [PraktijkmedewerkerInline]
