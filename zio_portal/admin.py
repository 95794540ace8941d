from django.contrib import admin

from .models import VerzondenHerinnering


@admin.register(VerzondenHerinnering)
class VerzondenHerinneringAdmin(admin.ModelAdmin):
    list_display = ["soort", "sleutel", "ontvanger", "verzonden_op"]
    list_filter = ["soort"]
    search_fields = ["sleutel", "ontvanger__username"]
    list_select_related = ["ontvanger"]
