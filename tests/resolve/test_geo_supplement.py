"""The gazetteer supplement's validation: each bad entry is refused with the problem named."""

from __future__ import annotations

import pytest
import yaml

from fracas.errors import ResourceError
from fracas.resolve.geo_supplement import SupplementPlace, load_supplement

GOOD = {"name": "Ogossagou", "country": "ML", "admin1": "Mopti", "lat": 14.2, "lon": -3.6}


def _load(tmp_path, entry):
    path = tmp_path / "supplement.yaml"
    path.write_text(yaml.safe_dump({"places": [entry]}), encoding="utf-8")
    return load_supplement(path)


def test_a_good_entry_is_read_whole(tmp_path):
    assert _load(tmp_path, GOOD).places == (SupplementPlace(
        name="Ogossagou", aliases=(), country="ML", admin1="Mopti", admin2=None, lat=14.2, lon=-3.6,
        kind="place", population=0, geonames_id=None),)


@pytest.mark.parametrize("change, problem", [
    ({"colour": "red"}, "unknown key(s) ['colour']"),
    ({"kind": "town"}, "kind 'town' must be 'place' or 'admin1'"),
    ({"country": "MLI"}, "country 'MLI' must be an ISO alpha-2 code such as SY"),
    ({"aliases": ["", "x"]}, "aliases must be a list of non-empty names"),
    ({"admin2": " "}, "admin2 must be a non-empty name"),
    ({"admin1": None}, "a place needs its admin1"),
    ({"geonames_id": 12, "admin1": None, "lat": None, "lon": None, "kind": "admin1"},
     "geonames_id 12 must be an integer GeoNames id on a kind: place entry"),
    ({"geonames_id": 12}, "an entry with geonames_id only adds names"),
    ({"lat": None}, "a place needs lat and lon"),
    ({"lon": 190}, "lon 190 must be a number between -180 and 180"),
    ({"population": -1}, "population -1 must be a non-negative integer"),
])
def test_a_bad_entry_is_refused_naming_the_entry_and_its_problem(tmp_path, change, problem):
    with pytest.raises(ResourceError) as caught:
        _load(tmp_path, {**GOOD, **change})
    assert str(caught.value).startswith(f"{tmp_path / 'supplement.yaml'}: places entry #1 ('Ogossagou'): {problem}")
