"""The gazetteer on a real index built from the installed packages (built once per test session)."""

from __future__ import annotations

import pickle
import re
from dataclasses import replace
from pathlib import Path

import pytest

from fracas.errors import ResourceError
from fracas.model import Place
from fracas.resolve.gazetteer import Gazetteer, build_gazetteer
from fracas.resolve.geo_build import DB_FILENAME, SupplementPlace, _check_inside
from fracas.resolve.geo_names import name_key, skeleton
from fracas.resolve.geo_supplement import load_supplement

SYRIA_BOX = (32.3, 37.4, 35.7, 42.4)  # lat min, lat max, lon min, lon max


@pytest.fixture(scope="session")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = build_gazetteer(tmp_path_factory.mktemp("gazetteer") / DB_FILENAME)
    return Gazetteer.load(path)


def test_french_exonym_resolves_to_the_city(gaz: Gazetteer) -> None:
    assert gaz.find_place("Alep") == Place(
        name="Aleppo", admin1="Aleppo", admin2=None, country="SY", lat=36.20124, lon=37.16117,
        geonames_id=170063, precision="place", text="Alep",
    )
    assert gaz.find_place("Tombouctou") == Place(
        name="Timbuktu", admin1="Timbuktu", admin2=None, country="ML", lat=16.77348, lon=-3.00742,
        geonames_id=2449067, precision="place", text="Tombouctou",
    )


def test_province_is_a_centroid_with_the_acled_name(gaz: Gazetteer) -> None:
    hama = gaz.find_admin1("province de Hama")
    assert hama is not None
    assert hama == Place(name="Hama", admin1="Hama", admin2=None, country="SY", lat=hama.lat, lon=hama.lon,
                         geonames_id=170015, precision="admin1", text="province de Hama")
    assert hama.lat is not None and hama.lon is not None
    assert SYRIA_BOX[0] < hama.lat < SYRIA_BOX[1] and SYRIA_BOX[2] < hama.lon < SYRIA_BOX[3]


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Hama", None, ("Hama", "SY")), ("Idleb", None, ("Idleb", "SY")), ("Idlib", None, ("Idleb", "SY")),
    ("Alep", None, ("Aleppo", "SY")), ("Deir Ezzor", None, ("Deir-ez-Zor", "SY")),
    ("Deir ez-Zor", None, ("Deir-ez-Zor", "SY")), ("Ninive", None, ("Ninewa", "IQ")),
    ("Anbar", None, ("Al-Anbar", "IQ")), ("Tillabéri", None, ("Tillaberi", "NE")),
    ("Nord-Kivu", None, ("Nord-Kivu", "CD")), ("Ituri", None, ("Ituri", "CD")), ("Borno", None, ("Borno", "NG")),
    ("Ouest", "HT", ("Ouest", "HT")), ("gouvernorat de Raqa", None, ("Ar-Raqqa", "SY")),
])
def test_find_admin1(gaz: Gazetteer, text: str, country: str | None, expected: tuple[str, str]) -> None:
    place = gaz.find_admin1(text, country=country)
    assert place is not None
    assert (place.name, place.admin1, place.country, place.precision, place.text) == (
        expected[0], expected[0], expected[1], "admin1", text)


def test_admin1_restriction_rejects_a_namesake_elsewhere(gaz: Gazetteer) -> None:
    mansoura = gaz.find_place("Mansoura", admin1="Aleppo")
    assert mansoura is None or (mansoura.admin1, mansoura.country) == ("Aleppo", "SY")
    assert gaz.find_place("Latamné", admin1="Idleb") is None  # Latamné is in Hama


def test_transliteration_tolerance_inside_a_province(gaz: Gazetteer) -> None:
    assert gaz.find_place("Daret Ezza", admin1="Aleppo") == Place(
        name="Darat Izzah", admin1="Aleppo", admin2=None, country="SY", lat=36.28247, lon=36.85216,
        geonames_id=170857, precision="place", text="Daret Ezza",
    )
    assert gaz.find_place("Daret Ezza") is None  # the tolerant key is only used inside a country


def test_curated_supplement_places(gaz: Gazetteer) -> None:
    assert gaz.find_place("Latamné", country="SY") == Place(
        name="Latamne", admin1="Hama", admin2=None, country="SY", lat=35.32083, lon=36.6225,
        geonames_id=None, precision="place", text="Latamné",
    )
    deir = gaz.find_place("Deir Ezzor")
    assert deir is not None and (deir.name, deir.admin1, deir.geonames_id) == ("Deir ez-Zor", "Deir-ez-Zor", 170794)


def test_province_and_country_names_are_not_villages(gaz: Gazetteer) -> None:
    assert [gaz.find_place(n) for n in ("Nord", "Sahel", "Mali", "Niger")] == [None, None, None, None]
    hama = gaz.find_place("Hama")  # the namesake seat is fine
    assert hama is not None and (hama.admin1, hama.country, hama.precision) == ("Hama", "SY", "place")


def test_a_given_country_excludes_namesakes_across_the_world(gaz: Gazetteer) -> None:
    assert gaz.find_place("Paris", country="SY") is None
    mosul = gaz.find_place("Mossoul", country="SY")  # a neighbour's town is accepted
    assert mosul is not None and (mosul.name, mosul.country, mosul.admin1) == ("Mosul", "IQ", "Ninewa")


@pytest.mark.parametrize(("text", "alpha2"), [
    ("la Syrie", "SY"), ("Syrie", "SY"), ("l'Irak", "IQ"), ("Irak", "IQ"), ("le Mali", "ML"), ("Burkina", "BF"),
    ("RDC", "CD"), ("République démocratique du Congo", "CD"), ("Centrafrique", "CF"), ("RCA", "CF"),
    ("Nigeria", "NG"), ("Haïti", "HT"), ("en Syrie", "SY"), ("Syria", "SY"), ("Atlantide", None),
])
def test_find_country(gaz: Gazetteer, text: str, alpha2: str | None) -> None:
    assert gaz.find_country(text) == alpha2


def test_country_place_and_alpha3(gaz: Gazetteer) -> None:
    syria = gaz.country_place("SY", text="la Syrie")
    assert syria == replace(syria, name="Syria", admin1=None, admin2=None, country="SY", geonames_id=163843,
                            precision="country", text="la Syrie")
    assert syria.lat is not None and syria.lon is not None
    assert SYRIA_BOX[0] < syria.lat < SYRIA_BOX[1] and SYRIA_BOX[2] < syria.lon < SYRIA_BOX[3]
    assert (gaz.alpha3("SY"), gaz.alpha3("cd"), gaz.alpha3("ZZ")) == ("SYR", "COD", None)


def test_unknown_names(gaz: Gazetteer) -> None:
    assert (gaz.find_place("Xyzzyqq"), gaz.find_admin1("Xyzzyqq"), gaz.find_country("Xyzzyqq")) == (None, None, None)
    assert gaz.find_place("") is None


def test_admin1_of_and_pickling(gaz: Gazetteer) -> None:
    alep = gaz.find_place("Alep")
    assert alep is not None
    assert gaz.admin1_of(replace(alep, admin1=None)) == "Aleppo"
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.find_place("Alep") == alep


def test_name_keys() -> None:
    assert name_key("Al-Mansoura") == name_key("al Mansoura") == "mansoura"
    assert skeleton("Daret Ezza") == skeleton("Dārat ‘Izzah")
    assert skeleton("Kafr Nabudah") == skeleton("Kafr Nabouda")
    assert skeleton("Jisr al-Choughour") == skeleton("Jisr ash Shughur")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "supplement.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "message"), [
    ("places:\n  - name: Kafr Foo\n    country: SY\n    admin1: Hama\n    lat: 35.1\n", "'Kafr Foo'"),
    ("places:\n  - name: Kafr Foo\n    country: Syria\n    admin1: Hama\n    lat: 35.1\n    lon: 36.5\n",
     "('Kafr Foo'): country 'Syria'"),
    ("places:\n  - name: Kafr Foo\n    country: SY\n    admin1: Hama\n    lat: 135.1\n    lon: 36.5\n",
     "('Kafr Foo'): lat 135.1"),
    ("places:\n  - name: Kafr Foo\n    country: SY\n    kind: town\n", "('Kafr Foo'): kind 'town'"),
    ("countries:\n  SY: Syrie\n", "countries.SY"),
])
def test_supplement_errors_name_the_entry(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ResourceError, match=re.escape(message)):
        load_supplement(_write(tmp_path, body))


def test_supplement_coordinates_outside_the_province_are_rejected() -> None:
    entry = SupplementPlace("Kafr Foo", (), "SY", "Hama", None, 36.5, 35.1, "place", 0)  # lat/lon swapped
    with pytest.raises(ResourceError, match="'Kafr Foo': lat 36.5, lon 35.1 lies outside Hama"):
        _check_inside(entry, [(35.13, 36.75), (35.37, 36.60)])


def test_a_district_is_the_mean_of_its_towns_inside_its_province(gaz: Gazetteer) -> None:
    soum = gaz.find_admin2("Soum", country="BF")
    assert soum is not None
    assert (soum.name, soum.admin1, soum.admin2, soum.country, soum.precision) == ("Soum", "Sahel", "Soum", "BF", "admin2")
    assert 13.5 < soum.lat < 14.8 and -2.2 < soum.lon < -0.9  # northern Burkina, around Djibo
    assert gaz.find_admin2("Soum", country="SN") is None  # a Senegalese village named Soum is not a district
    assert gaz.find_admin2("Nowhere-at-all") is None


def test_consonant_skeletons_only_where_names_are_transliterated(gaz: Gazetteer) -> None:
    # "Hajine" is Hajin (Arabic names have many Latin spellings); "Boungou" is not Burkina's "Bingo".
    hajin = gaz.find_place("Hajine", country="SY")
    assert hajin is not None and (hajin.name, hajin.admin1) == ("Hajin", "Deir-ez-Zor")
    assert gaz.find_place("Boungou", country="BF") is None


def test_a_province_skeleton_is_only_read_where_names_are_transliterated(gaz: Gazetteer) -> None:
    # "Boy-Ngou", a Central African village, shares Bangui's consonants; it is not the capital's province.
    assert (gaz.find_admin1("Boy-Ngou", country="CF"), gaz.find_admin1("Deir Ezzour", country="SY").name) == (
        None, "Deir-ez-Zor")


def test_a_curated_village_may_bear_a_foreign_countrys_alias(gaz: Gazetteer) -> None:
    mann = gaz.find_place("Mann", country="CF")
    assert (mann.name, mann.admin1, mann.country) == ("Mann", "Ouham-Pende", "CF")
