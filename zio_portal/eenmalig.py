"""Every state-changing form is handled once.

``EenmaligVerzendenMiddleware`` puts a fresh token into every POST form of an HTML response (one per
form, per render: no template has to remember it) and records each token the first time it comes
back, under a unique constraint. A second POST with a used token does not run the view again: it is
sent where the first one went (303 to the stored redirect) or, when the first answer was a page, told
in Dutch that the form was already sent. ``static/js/formulieren.js`` disables the submit button while
the request runs, for ordinary and htmx requests alike.

A POST without a token (an API client, a test, an old page) is handled as before.
"""

from __future__ import annotations

import random
import re
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TOKEN_VELD = "_formulier"  # noqa: S105  (a field name, not a secret)
_TOKEN_PATROON = re.compile(r"[A-Za-z0-9_-]{16,64}")
_FORM_TAG = re.compile(rb"<form\b[^>]*>", re.IGNORECASE)
_POST_FORM = re.compile(rb"""\bmethod\s*=\s*["']?post\b|\bhx-post\s*=""", re.IGNORECASE)


class FormulierVerzending(models.Model):
    """One submission of a rendered form: its token, who sent it, and where the answer pointed.

    The unique token is the claim: the first POST that inserts it runs the view, every later POST
    with the same token gets the first one's outcome. Rows older than a day are removed on the way.
    """

    token = models.CharField(max_length=64, unique=True, help_text=gettext_lazy("Token uit het formulier."))
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pad = models.CharField(max_length=500, help_text=gettext_lazy("Het pad waarheen het formulier ging."))
    status_code = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=gettext_lazy("Leeg zolang het eerste verzoek loopt.")
    )
    locatie = models.CharField(max_length=2000, blank=True, help_text=gettext_lazy("Doorverwijzing."))
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = gettext_lazy("formulierverzending")
        verbose_name_plural = gettext_lazy("formulierverzendingen")

    def __str__(self) -> str:
        return f"{self.pad} ({self.status_code or 'bezig'})"


def nieuw_token() -> str:
    """A random, URL-safe form token (144 bits)."""
    return secrets.token_urlsafe(18)


def tokens_invoegen(html: bytes) -> bytes:
    """Put a hidden token field, a fresh one each, right after the opening tag of every POST form."""

    def invoegen(match: re.Match) -> bytes:
        tag = match.group(0)
        if not _POST_FORM.search(tag):
            return tag
        return tag + b'<input type="hidden" name="%s" value="%s">' % (
            TOKEN_VELD.encode(),
            nieuw_token().encode(),
        )

    return _FORM_TAG.sub(invoegen, html)


def verzending_claimen(*, token: str, gebruiker_id: int | None, pad: str) -> FormulierVerzending | None:
    """Record ``token`` as sent; None when it was recorded before (by this or a concurrent request)."""
    if random.random() < 0.01:
        verzendingen_opruimen()
    try:
        with transaction.atomic():
            return FormulierVerzending.objects.create(token=token, gebruiker_id=gebruiker_id, pad=pad[:500])
    except IntegrityError:
        return None


def verzending_afronden(*, verzending: FormulierVerzending, response: HttpResponse) -> None:
    """Store the outcome of the first request; an error answer frees the token for another try."""
    if response.status_code >= 400:
        FormulierVerzending.objects.filter(pk=verzending.pk).delete()
        return
    locatie = response.get("Location", "") if 300 <= response.status_code < 400 else ""
    FormulierVerzending.objects.filter(pk=verzending.pk).update(
        status_code=response.status_code, locatie=locatie[:2000]
    )


def verzendingen_opruimen(*, ouder_dan: timedelta = timedelta(days=1)) -> int:
    """Remove the records of forms sent longer ago than ``ouder_dan``; returns how many went."""
    aantal, _per_model = FormulierVerzending.objects.filter(
        aangemaakt_op__lt=timezone.now() - ouder_dan
    ).delete()
    return aantal


def _eerste_verzending(token: str) -> FormulierVerzending | None:
    """The first submission of ``token`` once it has an outcome, waiting a while for a running one."""
    deadline = time.monotonic() + getattr(settings, "FORMULIER_WACHTTIJD", 10)
    while True:
        eerste = FormulierVerzending.objects.filter(token=token).first()
        if eerste is None or eerste.status_code is not None or time.monotonic() > deadline:
            return eerste
        time.sleep(0.1)


def _al_verzonden(request: HttpRequest, eerste: FormulierVerzending | None, *, bezig: bool) -> HttpResponse:
    gebruiker_id = request.user.pk if request.user.is_authenticated else None
    if eerste is not None and eerste.gebruiker_id == gebruiker_id and eerste.locatie and not bezig:
        messages.info(request, _("Dit formulier is al verzonden; u ziet het resultaat van de eerste keer."))
        return HttpResponseRedirect(eerste.locatie, status=303)
    if getattr(request, "htmx", False) and eerste is not None and not bezig:
        return HttpResponse(status=204)  # the first answer has already been swapped in
    terug = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(terug, {request.get_host()}, require_https=request.is_secure()):
        terug = ""
    html = render_to_string(
        "portaal/formulier_al_verzonden.html", {"terug": terug, "bezig": bezig}, request=request
    )
    return HttpResponse(html, status=409)


class EenmaligVerzendenMiddleware:
    """Hands out a token per POST form and lets each token through to a view once (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        verzending = getattr(request, "_formulier_verzending", None)
        if verzending is not None:
            verzending_afronden(verzending=verzending, response=response)
        if (
            not response.streaming
            and "html" in response.get("Content-Type", "")
            and not response.has_header("Content-Encoding")
            and b"<form" in response.content
        ):
            response.content = tokens_invoegen(response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.method != "POST" or TOKEN_VELD not in request.POST:
            return None
        # The view sees exactly the fields it saw before the token existed.
        post = request.POST.copy()
        token = post.pop(TOKEN_VELD)[-1]
        request.POST = post
        if not _TOKEN_PATROON.fullmatch(token):
            return None
        gebruiker_id = request.user.pk if request.user.is_authenticated else None
        while True:
            verzending = verzending_claimen(token=token, gebruiker_id=gebruiker_id, pad=request.path)
            if verzending is not None:
                request._formulier_verzending = verzending
                return None
            eerste = _eerste_verzending(token)
            if eerste is not None:
                return _al_verzonden(request, eerste, bezig=eerste.status_code is None)
            # The first request failed and freed the token in the meantime: this one may try.
