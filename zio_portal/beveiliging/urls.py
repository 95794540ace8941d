from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

beveiliging_patterns = [
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/wachtwoord/", views.WachtwoordWijzigenView.as_view(), name="wachtwoord-wijzigen"),
    path("account/tweede-factor/", views.MfaInstellenView.as_view(), name="mfa-instellen"),
    path("account/tweede-factor/herstelcodes/", views.HerstelcodesView.as_view(), name="mfa-herstelcodes"),
    path("account/tweede-factor/uitschakelen/", views.MfaUitschakelenView.as_view(), name="mfa-uitschakelen"),
    path("inloggen/code/", views.MfaVerifierenView.as_view(), name="mfa-verifieren"),
    path("wachtwoord-vergeten/", views.WachtwoordVergetenView.as_view(), name="wachtwoord-vergeten"),
    path(
        "wachtwoord-vergeten/verzonden/",
        views.WachtwoordVergetenVerzondenView.as_view(),
        name="wachtwoord-vergeten-verzonden",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.WachtwoordHerstellenView.as_view(),
        name="wachtwoord-herstellen",
    ),
    path("wachtwoord-herstellen/klaar/", views.WachtwoordHersteldView.as_view(), name="wachtwoord-hersteld"),
    path("beheer-portaal/toegangslog/", views.ToegangslogView.as_view(), name="toegangslog"),
    path("beheer-portaal/toegangslog.csv", views.ToegangslogExportView.as_view(), name="toegangslog-export"),
    path("beheer-portaal/gebruikers/", views.GebruikerListView.as_view(), name="gebruiker-list"),
    path("beheer-portaal/gebruikers/<int:pk>/", views.GebruikerDetailView.as_view(), name="gebruiker-detail"),
    path(
        "beheer-portaal/gebruikers/<int:pk>/ontgrendelen/",
        views.GebruikerOntgrendelenView.as_view(),
        name="gebruiker-ontgrendelen",
    ),
    path(
        "beheer-portaal/gebruikers/<int:pk>/tweede-factor-resetten/",
        views.GebruikerMfaResettenView.as_view(),
        name="gebruiker-mfa-resetten",
    ),
]

# The login and logout keep their names outside the namespace (LOGIN_URL = "login").
urlpatterns = [
    path("inloggen/", views.InloggenView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include((beveiliging_patterns, "beveiliging"))),
]
