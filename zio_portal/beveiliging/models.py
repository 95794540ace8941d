from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import Gebeurtenis


class AlleenToevoegen(Exception):
    """Raised when the application tries to change or delete an access-log entry."""


class ToegangsregelQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AlleenToevoegen(_("Het toegangslog kan niet worden gewijzigd."))

    def delete(self):
        raise AlleenToevoegen(
            _("Het toegangslog kan niet worden verwijderd (alleen de bewaartermijn ruimt op).")
        )


class Toegangsregel(models.Model):
    """One entry of the NEN 7513 access log: who did or saw what, when, for which role and from where.

    Append-only: the model refuses updates and deletes, the admin is read-only and in PostgreSQL a
    trigger refuses UPDATE and DELETE (only the retention task may remove entries past the
    bewaartermijn). The user is kept as id and name, without a database constraint, so an entry
    outlives the account. ``praktijk_id`` names the practice whose data was read, without a foreign key
    so the kernel stays free of the apps.
    """

    tijdstip = models.DateTimeField(_("tijdstip (UTC)"), default=timezone.now, db_index=True, editable=False)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    gebruikersnaam = models.CharField(
        _("gebruikersnaam"),
        max_length=150,
        blank=True,
        help_text=_("Zoals ingevoerd of bekend op dat moment."),
    )
    rol = models.CharField(_("rol"), max_length=32, blank=True)
    organisatie = models.CharField(
        _("namens"), max_length=300, blank=True, help_text=_("Praktijk(en), gebied(en) of ZIO-regio.")
    )
    gebeurtenis = models.CharField(_("gebeurtenis"), max_length=32, choices=Gebeurtenis.choices)
    omschrijving = models.CharField(_("wat"), max_length=300, blank=True)
    objecttype = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    praktijk_id = models.BigIntegerField(_("praktijk"), null=True, blank=True, db_index=True)
    praktijk_naam = models.CharField(_("praktijknaam"), max_length=200, blank=True)
    pad = models.CharField(_("adres in het portaal"), max_length=500, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    objects = ToegangsregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("toegangslogregel")
        verbose_name_plural = _("toegangslog")
        ordering = ["tijdstip", "id"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["gebruiker", "tijdstip"], name="toegangslog_gebruiker_tijd")]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M:%S} {self.gebruikersnaam} {self.get_gebeurtenis_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AlleenToevoegen(_("Het toegangslog kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AlleenToevoegen(_("Het toegangslog kan niet worden verwijderd."))


class Sessiekoppeling(models.Model):
    """A session that a user opened, so all of them can be ended (deactivation, new password)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("gebruiker")
    )
    sessiesleutel = models.CharField(_("sessiesleutel"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    def __str__(self) -> str:
        return f"{self.gebruiker_id}: {self.aangemaakt_op:%Y-%m-%d %H:%M}"
