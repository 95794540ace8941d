"""The client's address, for the lockout (django-axes) and the access log alike."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or with ``ZIO_PROXY_AANTAL`` trusted proxies in front the address they saw.

    X-Forwarded-For is only believed as far as our own proxies wrote it: the n-th entry from the right.
    """
    aantal = getattr(settings, "ZIO_PROXY_AANTAL", 0)
    if aantal > 0:
        doorgestuurd = [
            d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()
        ]
        if len(doorgestuurd) >= aantal:
            return doorgestuurd[-aantal]
    return request.META.get("REMOTE_ADDR") or None
