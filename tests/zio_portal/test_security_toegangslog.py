"""The NEN 7513 access log: each event once with its fields, append-only, read logging, retention."""

import datetime

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse
from django.utils import timezone

from tests.monitoring.url_cases import monitoring_world
from tests.zio_portal.inloggen import inloggen
from zio_portal.beveiliging.constants import Gebeurtenis
from zio_portal.beveiliging.models import AlleenToevoegen, Toegangsregel
from zio_portal.beveiliging.tasks import toegangslog_opruimen_task
from zio_portal.beveiliging.toegangslog import toegangsregel_create

pytestmark = pytest.mark.django_db


def _regels(**filters):
    return list(Toegangsregel.objects.filter(**filters))


def test_login_failed_login_and_logout_once_each_with_the_fields(users, client):
    inloggen(client, "gebiedsmanager", "fout", ip="192.0.2.10")
    inloggen(client, "onbekende-naam", "fout", ip="192.0.2.10")
    inloggen(client, "gebiedsmanager", ip="192.0.2.10")
    client.post(reverse("logout"), REMOTE_ADDR="192.0.2.10")

    mislukt = _regels(gebeurtenis=Gebeurtenis.INLOGGEN_MISLUKT)
    assert [(r.gebruikersnaam, r.gebruiker_id) for r in mislukt] == [
        ("gebiedsmanager", users["gebiedsmanager"].pk),
        ("onbekende-naam", None),
    ]
    [ingelogd] = _regels(gebeurtenis=Gebeurtenis.INLOGGEN)
    assert ingelogd.gebruiker == users["gebiedsmanager"]
    assert ingelogd.rol == "gebiedsmanager"
    assert "Maastricht-Noordoost" in ingelogd.organisatie  # on behalf of the gebied
    assert ingelogd.ip_adres == "192.0.2.10"
    assert ingelogd.tijdstip.utcoffset() == datetime.timedelta(0)
    assert ingelogd.pad == reverse("login")
    [uit] = _regels(gebeurtenis=Gebeurtenis.UITLOGGEN)
    assert uit.gebruiker == users["gebiedsmanager"] and uit.organisatie == ingelogd.organisatie


def test_a_permission_denial_is_logged_with_the_user(world, client):
    client.force_login(world.users["gebiedsmanager"])
    response = client.get(reverse("beveiliging:toegangslog"))
    assert response.status_code == 403
    [regel] = _regels(gebeurtenis=Gebeurtenis.GEWEIGERD)
    assert regel.gebruiker == world.users["gebiedsmanager"]
    assert regel.omschrijving == "beveiliging:toegangslog"


def test_reading_a_practices_answers_is_logged_once_with_the_practice(world, client):
    w = monitoring_world(world)
    client.force_login(w.users["beleidsadviseur"])
    voor = Toegangsregel.objects.count()
    assert client.get(reverse("monitoring:respons-detail", args=[w.respons_a1.pk])).status_code == 200
    assert Toegangsregel.objects.count() == voor + 1
    [regel] = _regels(gebeurtenis=Gebeurtenis.GELEZEN)
    assert (regel.praktijk_id, regel.praktijk_naam) == (w.praktijk_a1.pk, w.praktijk_a1.naam)
    assert (regel.objecttype, regel.object_id) == ("monitoring.Respons", str(w.respons_a1.pk))
    assert regel.omschrijving == "vragenlijstantwoorden"
    assert regel.rol == "beleidsadviseur" and regel.gebruiker == w.users["beleidsadviseur"]


def test_visit_report_and_uitvoering_reads_are_logged(world, client):
    w = monitoring_world(world)
    client.force_login(w.users["praktijkmedewerker"])
    uitvoering = w.afspraak_a1.uitvoering.get(praktijk=w.praktijk_a1)
    assert client.get(reverse("monitoring:bezoek-detail", args=[w.bezoek_a1.pk])).status_code == 200
    assert client.get(reverse("samenwerking:uitvoering-update", args=[uitvoering.pk])).status_code == 200
    regels = _regels(gebeurtenis=Gebeurtenis.GELEZEN)
    assert [(r.omschrijving, r.praktijk_id) for r in regels] == [
        ("praktijkbezoek en terugkoppeling", w.praktijk_a1.pk),
        ("invoering afspraak door praktijk", w.praktijk_a1.pk),
    ]
    assert regels[0].organisatie == w.praktijk_a1.naam  # on behalf of the practice


def test_a_denied_read_is_not_logged_as_a_read(world, client):
    w = monitoring_world(world)
    client.force_login(w.users["praktijkmedewerker_andere_wijk"])
    assert client.get(reverse("monitoring:respons-detail", args=[w.respons_a1.pk])).status_code == 404
    assert not _regels(gebeurtenis=Gebeurtenis.GELEZEN)


def test_an_export_is_logged_with_file_and_scope(world, client):
    client.force_login(world.users["projectleider"])
    response = client.get(reverse("samenwerking:afspraak-export-csv") + "?zoek=opvang")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    [regel] = _regels(gebeurtenis=Gebeurtenis.EXPORT)
    assert regel.omschrijving == "afspraken.csv (selectie: zoek=opvang)"


def test_the_log_cannot_be_changed_or_deleted(world):
    regel = toegangsregel_create(gebeurtenis=Gebeurtenis.INLOGGEN, user=world.users["beheerder"])
    regel.omschrijving = "anders"
    with pytest.raises(AlleenToevoegen):
        regel.save()
    with pytest.raises(AlleenToevoegen):
        regel.delete()
    with pytest.raises(AlleenToevoegen):
        Toegangsregel.objects.filter(pk=regel.pk).update(omschrijving="anders")
    with pytest.raises(AlleenToevoegen):
        Toegangsregel.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_updates_and_deletes(world):
    regel = toegangsregel_create(gebeurtenis=Gebeurtenis.INLOGGEN, user=world.users["beheerder"])
    for sql in (
        "UPDATE beveiliging_toegangsregel SET omschrijving = 'x' WHERE id = %s",
        "DELETE FROM beveiliging_toegangsregel WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="alleen-toevoegen"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [regel.pk])
    assert Toegangsregel.objects.filter(pk=regel.pk, omschrijving="").exists()


def test_the_admin_is_read_only(world, client):
    toegangsregel_create(gebeurtenis=Gebeurtenis.INLOGGEN, user=world.users["beheerder"])
    client.force_login(world.users["beheerder"])
    regel = Toegangsregel.objects.first()
    assert client.get(reverse("admin:beveiliging_toegangsregel_changelist")).status_code == 200
    assert client.get(reverse("admin:beveiliging_toegangsregel_add")).status_code == 403
    assert client.post(reverse("admin:beveiliging_toegangsregel_delete", args=[regel.pk])).status_code == 403


def test_the_beheerder_reads_the_log_per_user_and_practice_and_reading_is_logged(world, client):
    w = monitoring_world(world)
    lezer = type(client)()
    lezer.force_login(w.users["beleidsadviseur"])
    lezer.get(reverse("monitoring:respons-detail", args=[w.respons_a1.pk]))
    lezer.get(reverse("wijken:praktijk-inventarisatie", args=[w.praktijk_b1.pk]))

    client.force_login(w.users["beheerder"])
    per_praktijk = client.get(reverse("beveiliging:toegangslog"), {"praktijk": w.praktijk_a1.pk})
    inhoud = per_praktijk.content.decode()
    assert per_praktijk.status_code == 200
    assert "vragenlijstantwoorden" in inhoud and "partnerinventarisatie" not in inhoud
    per_gebruiker = client.get(
        reverse("beveiliging:toegangslog"), {"gebruiker": w.users["beleidsadviseur"].pk}
    )
    inhoud = per_gebruiker.content.decode()
    assert inhoud.index("vragenlijstantwoorden") < inhoud.index("partnerinventarisatie")  # chronological

    gelezen = _regels(gebruiker=w.users["beheerder"], objecttype="beveiliging.Toegangsregel")
    assert [r.gebeurtenis for r in gelezen] == [Gebeurtenis.GELEZEN, Gebeurtenis.GELEZEN]
    assert f"praktijk={w.praktijk_a1.pk}" in gelezen[0].omschrijving

    export = client.get(
        reverse("beveiliging:toegangslog-export"), {"gebruiker": w.users["beleidsadviseur"].pk}
    )
    regels = export.content.decode("utf-8-sig").splitlines()
    assert regels[0].startswith("tijdstip;gebruikersnaam;rol")
    assert len(regels) == 1 + 3  # login of the beleidsadviseur (force_login) and the two reads
    assert export["Cache-Control"] == "private, no-store"
    assert _regels(gebeurtenis=Gebeurtenis.EXPORT, gebruiker=w.users["beheerder"])


def test_the_log_page_costs_no_query_per_row(world, client, django_assert_max_num_queries):
    for i in range(150):
        toegangsregel_create(
            gebeurtenis=Gebeurtenis.GELEZEN, user=world.users["projectleider"], omschrijving=f"{i}"
        )
    client.force_login(world.users["beheerder"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("beveiliging:toegangslog")).status_code == 200


def test_retention_removes_only_entries_past_the_term(world, settings):
    settings.TOEGANGSLOG_BEWAARTERMIJN_DAGEN = 5 * 365 + 1
    oud = Toegangsregel(
        gebeurtenis=Gebeurtenis.INLOGGEN, tijdstip=timezone.now() - datetime.timedelta(days=5 * 365 + 2)
    )
    oud.save()
    recent = Toegangsregel(
        gebeurtenis=Gebeurtenis.INLOGGEN, tijdstip=timezone.now() - datetime.timedelta(days=5 * 365)
    )
    recent.save()
    assert toegangslog_opruimen_task.apply().get() == 1
    assert not Toegangsregel.objects.filter(pk=oud.pk).exists()
    assert Toegangsregel.objects.filter(pk=recent.pk).exists()
    assert toegangslog_opruimen_task.apply().get() == 0
