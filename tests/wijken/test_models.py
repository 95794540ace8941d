"""Validators and database constraints of the geography: AGB-code, postcode, contactpersonen, wijken."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from tests.wijken import factories as f
from wijken.validators import normalize_postcode, validate_agb_code, validate_postcode

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        f.RegioFactory,
        f.GemeenteFactory,
        f.GebiedFactory,
        f.WijkFactory,
        f.PraktijkFactory,
        f.WijkToewijzingFactory,
        f.PraktijkmedewerkerFactory,
        f.PartnerFactory,
        f.ContactpersoonFactory,
        lambda: f.ContactpersoonFactory(van_partner=True),
    ],
)
def test_factories_make_valid_objects(factory):
    obj = factory()
    obj.full_clean()


def test_gebied_factory_adds_a_gebiedsmanager():
    gebied = f.GebiedFactory()
    assert [gm.rol for gm in gebied.gebiedsmanagers.all()] == ["gebiedsmanager"]


def test_praktijk_factory_makes_unique_agb_codes_and_postcodes():
    praktijken = f.PraktijkFactory.create_batch(30)
    assert len({p.agb_code for p in praktijken}) == 30
    for praktijk in praktijken:
        validate_agb_code(praktijk.agb_code)
        validate_postcode(praktijk.postcode)


# --- AGB-code -------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["01012345", "00000000", "99999999"])
def test_validate_agb_code_accepts_eight_digits(code):
    validate_agb_code(code)


@pytest.mark.parametrize("code", ["0101234", "0101234a", "010123456", "", "0101 234", "０１０１２３４５"])
def test_validate_agb_code_rejects_anything_else(code):
    with pytest.raises(ValidationError):
        validate_agb_code(code)


@pytest.mark.parametrize("code", ["0101234", "0101234a"])
def test_praktijk_full_clean_rejects_invalid_agb_code(code):
    praktijk = f.PraktijkFactory.build(wijk=f.WijkFactory(), agb_code=code)
    with pytest.raises(ValidationError) as exc:
        praktijk.full_clean()
    assert "agb_code" in exc.value.message_dict


@pytest.mark.parametrize("code", ["0101234", "0101234a", "abcdefgh"])
def test_database_rejects_invalid_agb_code(code):
    with pytest.raises(IntegrityError, match="praktijk_agb_code_8_cijfers"), transaction.atomic():
        f.PraktijkFactory(agb_code=code)


def test_database_rejects_duplicate_agb_code():
    f.PraktijkFactory(agb_code="01099999")
    with pytest.raises(IntegrityError, match="agb_code"), transaction.atomic():
        f.PraktijkFactory(agb_code="01099999")


def test_partner_agb_code_is_optional_but_eight_digits_when_given():
    f.PartnerFactory(agb_code="").full_clean()
    f.PartnerFactory(agb_code="04012345").full_clean()
    with pytest.raises(IntegrityError, match="partner_agb_code_8_cijfers"), transaction.atomic():
        f.PartnerFactory(agb_code="0401234")


# --- Postcode -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("6211ab", "6211 AB"),
        ("6211 ab", "6211 AB"),
        (" 6211  AB ", "6211 AB"),
        ("6211 AB", "6211 AB"),
        ("", ""),
        ("62111 AB", "62111 AB"),
    ],
)
def test_normalize_postcode(raw, normalised):
    assert normalize_postcode(raw) == normalised


@pytest.mark.parametrize("postcode", ["6211 AB", "6211ab", "1000 AA", "9999 ZZ"])
def test_validate_postcode_accepts_dutch_postcodes(postcode):
    validate_postcode(postcode)


@pytest.mark.parametrize(
    "postcode", ["0211 AB", "6211 SA", "6211 SD", "6211 SS", "62111 AB", "621 AB", "6211 A1", "B-6211"]
)
def test_validate_postcode_rejects_others(postcode):
    with pytest.raises(ValidationError):
        validate_postcode(postcode)


def test_praktijk_clean_normalises_postcode():
    praktijk = f.PraktijkFactory.build(wijk=f.WijkFactory(), postcode="6211ab")
    praktijk.full_clean()
    assert praktijk.postcode == "6211 AB"
    praktijk.save()
    praktijk.refresh_from_db()
    assert praktijk.postcode == "6211 AB"


@pytest.mark.parametrize("postcode", ["0211 AB", "6211 SA", "62111 AB"])
def test_praktijk_full_clean_rejects_invalid_postcode(postcode):
    praktijk = f.PraktijkFactory.build(wijk=f.WijkFactory(), postcode=postcode)
    with pytest.raises(ValidationError) as exc:
        praktijk.full_clean()
    assert "postcode" in exc.value.message_dict


def test_postcode_is_optional():
    praktijk = f.PraktijkFactory(postcode="")
    praktijk.full_clean()


@pytest.mark.parametrize("postcode", ["6211ab", "6211 ab", "0211 AB", "6211AB"])
def test_database_rejects_unnormalised_or_invalid_postcode(postcode):
    with pytest.raises(IntegrityError, match="praktijk_postcode_formaat"), transaction.atomic():
        f.PraktijkFactory(postcode=postcode)


def test_database_rejects_too_long_postcode():
    with pytest.raises(DataError), transaction.atomic():
        f.PraktijkFactory(postcode="62111 AB")


def test_database_rejects_postcode_letters_sa_sd_ss():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.PraktijkFactory(postcode="6211 SA")


def test_partner_postcode_constraint():
    with pytest.raises(IntegrityError, match="partner_postcode_formaat"), transaction.atomic():
        f.PartnerFactory(postcode="6211ab")


# --- Contactpersoon: of a practice XOR of a partner -----------------------------------------------


def test_contactpersoon_of_praktijk_or_partner():
    assert f.ContactpersoonFactory().organisatie.__class__.__name__ == "Praktijk"
    assert f.ContactpersoonFactory(van_partner=True).organisatie.__class__.__name__ == "Partner"


@pytest.mark.parametrize("welke", ["beide", "geen"])
def test_database_rejects_contactpersoon_of_both_or_neither(welke):
    kwargs = (
        {"praktijk": f.PraktijkFactory(), "partner": f.PartnerFactory()}
        if welke == "beide"
        else {"praktijk": None, "partner": None}
    )
    with pytest.raises(IntegrityError, match="contactpersoon_van_praktijk_of_partner"), transaction.atomic():
        f.ContactpersoonFactory(**kwargs)


def test_full_clean_rejects_contactpersoon_of_both():
    contact = f.ContactpersoonFactory.build(praktijk=f.PraktijkFactory(), partner=f.PartnerFactory())
    with pytest.raises(ValidationError, match="praktijk óf bij een partner"):
        contact.full_clean()


# --- Wijktoewijzing -------------------------------------------------------------------------------


def test_grenspraktijk_needs_a_reason():
    with pytest.raises(IntegrityError, match="wijktoewijzing_grenspraktijk_met_reden"), transaction.atomic():
        f.WijkToewijzingFactory(grenspraktijk=True, reden="")


def test_grenspraktijk_with_reason_is_kept_with_its_date():
    toewijzing = f.WijkToewijzingFactory(
        grenspraktijk=True, reden="Afgesproken met beide wijken: de meeste patiënten wonen in deze wijk."
    )
    toewijzing.full_clean()
    assert str(toewijzing).endswith("(01-01-2025)")


def test_grenspraktijk_reason_of_only_whitespace_is_rejected():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.WijkToewijzingFactory(grenspraktijk=True, reden="   ")


def test_one_wijktoewijzing_per_praktijk_per_date_and_history_is_kept():
    eerste = f.WijkToewijzingFactory()
    praktijk = eerste.praktijk
    f.WijkToewijzingFactory(praktijk=praktijk, wijk=f.WijkFactory(), ingangsdatum=datetime.date(2026, 1, 1))
    assert praktijk.wijktoewijzingen.count() == 2
    with pytest.raises(IntegrityError, match="wijktoewijzing_een_per_datum"), transaction.atomic():
        f.WijkToewijzingFactory(praktijk=praktijk, ingangsdatum=eerste.ingangsdatum)


def test_praktijkmedewerker_is_unique_per_user_and_praktijk():
    medewerker = f.PraktijkmedewerkerFactory()
    with pytest.raises(IntegrityError, match="praktijkmedewerker_uniek"), transaction.atomic():
        f.PraktijkmedewerkerFactory(user=medewerker.user, praktijk=medewerker.praktijk)
    # The same user may work for a second practice.
    f.PraktijkmedewerkerFactory(user=medewerker.user)
