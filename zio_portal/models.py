from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import REGIO_ROLLEN, Rol


class User(AbstractUser):
    """A person who logs in to the portal, with one role.

    The role decides the kind of work; the scope comes from elsewhere: a gebiedsmanager's gebieden
    (``wijken.Gebied.gebiedsmanagers``) and a praktijkmedewerker's practices
    (``wijken.Praktijkmedewerker``). Permissions live in ``zio_portal.permissions``.
    """

    rol = models.CharField(
        _("rol"),
        max_length=32,
        choices=Rol.choices,
        default=Rol.PRAKTIJKMEDEWERKER,
        help_text=_("Bepaalt wat deze gebruiker in het portaal mag zien en doen."),
    )
    telefoon = models.CharField(_("telefoon"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def heeft_regio_rol(self) -> bool:
        return self.rol in REGIO_ROLLEN

    @property
    def is_beheerder(self) -> bool:
        return self.rol == Rol.BEHEERDER or self.is_superuser


class VerzondenHerinnering(models.Model):
    """A reminder that was sent, so a beat job that runs twice never mails the same thing twice.

    ``sleutel`` names what the reminder is about and for which period (e.g. ``afspraken:2026-11-23``);
    the unique constraint is the claim: the job inserts first and only mails when the insert succeeded.
    """

    ontvanger = models.ForeignKey(
        "zio_portal.User", on_delete=models.CASCADE, related_name="herinneringen", verbose_name=_("ontvanger")
    )
    soort = models.CharField(_("soort"), max_length=64)
    sleutel = models.CharField(_("sleutel"), max_length=200)
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verzonden herinnering")
        verbose_name_plural = _("verzonden herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "soort", "sleutel"], name="herinnering_een_keer"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.sleutel} → {self.ontvanger}"


class BerichtQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "BerichtQuerySet":
        """The beheerder sees every message; anyone else those sent to them or on their behalf."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.rol == Rol.BEHEERDER:
            return self.all()
        return self.filter(models.Q(ontvangers=user) | models.Q(namens=user)).distinct()


class Bericht(models.Model):
    """A mail the portal sent (a reminder, an invitation, the notulen, a report): what, when, to whom and
    on whose behalf, with the link into the portal it was about. Written where the mail is sent
    (``zio_portal.services.bericht_vastleggen``), so that users can see what the portal did for them."""

    soort = models.CharField(_("soort"), max_length=64)
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    aan = models.JSONField(_("aan"), default=list, help_text=_("De e-mailadressen."))
    ontvangers = models.ManyToManyField(
        "zio_portal.User", blank=True, related_name="ontvangen_berichten", verbose_name=_("ontvangers")
    )
    namens = models.ForeignKey(
        "zio_portal.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verstuurde_berichten",
        verbose_name=_("namens"),
    )
    link = models.CharField(_("link"), max_length=500, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True, db_index=True)

    objects = BerichtQuerySet.as_manager()

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-verzonden_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.onderwerp} ({self.verzonden_op:%d-%m-%Y %H:%M})"


from .eenmalig import FormulierVerzending  # noqa: E402,F401  (the model lives beside its middleware)
