"""Background tasks of the security package: the password-reset mail and the log's retention."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .toegangslog import toegangslog_opruimen


@shared_task(acks_late=True)
def wachtwoord_reset_mail_task(user_id: int) -> bool:
    """Mail a single-use, short-lived reset link; the token is made here, never carried by the broker."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    link = settings.PORTAL_BASE_URL + reverse(
        "beveiliging:wachtwoord-herstellen",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "link": link, "minuten": settings.PASSWORD_RESET_TIMEOUT // 60}
    send_mail(
        subject=_("ZIO wijksamenwerking: nieuw wachtwoord instellen"),
        message=render_to_string("beveiliging/mail/wachtwoord_reset.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    return True


@shared_task(acks_late=True)
def toegangslog_opruimen_task() -> int:
    """Remove access-log entries older than TOEGANGSLOG_BEWAARTERMIJN_DAGEN; safe to run more than once."""
    return toegangslog_opruimen()
