from django.db import models
from django.utils.translation import gettext_lazy as _


class Gebeurtenis(models.TextChoices):
    """What an access-log entry records."""

    INLOGGEN = "inloggen", _("ingelogd")
    INLOGGEN_MISLUKT = "inloggen_mislukt", _("inloggen mislukt")
    GEBLOKKEERD = "geblokkeerd", _("account geblokkeerd na te veel pogingen")
    ONTGRENDELD = "ontgrendeld", _("account ontgrendeld")
    UITLOGGEN = "uitloggen", _("uitgelogd")
    SESSIE_VERLOPEN = "sessie_verlopen", _("sessie verlopen")
    MFA_INGESTELD = "mfa_ingesteld", _("tweede factor ingesteld")
    MFA_GELUKT = "mfa_gelukt", _("tweede factor gecontroleerd")
    MFA_HERSTELCODE = "mfa_herstelcode", _("herstelcode gebruikt")
    MFA_MISLUKT = "mfa_mislukt", _("tweede factor onjuist")
    MFA_UITGESCHAKELD = "mfa_uitgeschakeld", _("tweede factor uitgeschakeld")
    MFA_GERESET = "mfa_gereset", _("tweede factor gereset door beheerder")
    WACHTWOORD_GEWIJZIGD = "wachtwoord_gewijzigd", _("wachtwoord gewijzigd")
    WACHTWOORD_RESET_AANGEVRAAGD = "wachtwoord_reset_aangevraagd", _("wachtwoordherstel aangevraagd")
    WACHTWOORD_HERSTELD = "wachtwoord_hersteld", _("wachtwoord hersteld via e-mail")
    GEWEIGERD = "geweigerd", _("toegang geweigerd")
    GELEZEN = "gelezen", _("gegevens ingezien")
    EXPORT = "export", _("export of download")


# Session keys of this package.
SESSIE_INGELOGD_OP = "zio_ingelogd_op"
SESSIE_LAATST_ACTIEF = "zio_laatst_actief"
SESSIE_ORGANISATIE = "zio_organisatie"
SESSIE_MFA_NODIG = "zio_mfa_nodig"
