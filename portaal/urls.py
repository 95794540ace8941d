from django.contrib import admin
from django.urls import include, path

from samenwerking.wijkoverzicht import urls as wijkoverzicht_urls
from wijken import urls as wijken_urls

from . import views, zoeken

admin.site.site_header = "ZIO wijksamenwerking – beheer"
admin.site.site_title = "ZIO beheer"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("zio_portal.beveiliging.urls")),  # login, logout, account, MFA, beheer-portaal
    path("gezond/", views.health, name="health"),
    path("hallo/", views.hallo, name="hallo"),
    path("zoeken/<slug:soort>/", zoeken.zoeken, name="zoeken"),
    path("berichten/", views.BerichtenView.as_view(), name="berichten"),
    path("", include(([*wijken_urls.urlpatterns, *wijkoverzicht_urls.urlpatterns], "wijken"))),
    path("", include("samenwerking.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("rapportages/", include("monitoring.rapportage.urls")),
    path("beheer/", admin.site.urls),
]
