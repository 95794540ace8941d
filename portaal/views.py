from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from zio_portal.permissions import is_gebiedsmanager, is_praktijkmedewerker

from .selectors import berichten_list, home_context


class HomeView(TemplateView):
    """The home page: each role sees its own real data (its practice, gebied or the region)."""

    def get_template_names(self) -> list[str]:
        user = self.request.user
        if is_praktijkmedewerker(user):
            return ["home/praktijk.html"]
        if is_gebiedsmanager(user):
            return ["home/gebied.html"]
        return ["home/regio.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(home_context(user=self.request.user))
        return context


def hallo(request: HttpRequest) -> HttpResponse:
    """A trivial page for a signed-in user: the baseline of scripts/benchmark_paginas.py.

    It passes the whole middleware stack (session, user, second factor, access log) but renders no
    template and reads no domain data, so the other pages are measured against what the stack costs.
    """
    return HttpResponse("Hallo", content_type="text/plain; charset=utf-8")


@never_cache
@login_not_required
def health(request: HttpRequest) -> JsonResponse:
    """Liveness for the load balancer and docker-compose: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


class BerichtenView(TemplateView):
    """ "Berichten": the mails the portal sent to the user or on their behalf (what, when, to whom, the
    link); the beheerder sees all. Filtered by kind (``?soort=``)."""

    template_name = "portaal/berichten.html"

    def get_context_data(self, **kwargs):
        soort = self.request.GET.get("soort", "")
        berichten, soorten = berichten_list(user=self.request.user, soort=soort)
        return super().get_context_data(berichten=berichten, soorten=soorten, soort=soort, **kwargs)
