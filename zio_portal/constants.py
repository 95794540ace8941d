from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    BELEIDSADVISEUR = "beleidsadviseur", _("Beleidsadviseur continuïteit")
    PROJECTLEIDER = "projectleider", _("Projectleider Versterking Eerstelijnszorg")
    GEBIEDSMANAGER = "gebiedsmanager", _("Gebiedsmanager")
    PRAKTIJKMEDEWERKER = "praktijkmedewerker", _("Praktijkmedewerker")


# Roles that read everything in the region.
REGIO_ROLLEN = frozenset({Rol.BEHEERDER, Rol.BELEIDSADVISEUR, Rol.PROJECTLEIDER})
