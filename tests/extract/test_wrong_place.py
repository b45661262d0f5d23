"""An act coded at the wrong place: a park no gazetteer had, a foreign country that outvotes or stands in
for the theatre, a stock photo's caption, a province spelt another way."""

import pytest

import fracas
from fracas.resolve.gazetteer import default_gazetteer
from fracas.text import in_illustration_caption

pytestmark = pytest.mark.model


def _places(text, published):
    return [(e.sub_event_type, e.location.name, e.location.admin1, e.location.country, e.location.precision)
            for e in fracas.extract(text, published=published)]


@pytest.mark.parametrize("name, country, expected", [
    ("parc national du W", "BJ", ("W National Park", "Alibori", "BJ")),
    ("parc W", "NE", ("W National Park", "Tillaberi", "NE")),
    ("parc de la Pendjari", "BJ", ("Pendjari National Park", "Atacora", "BJ")),
    ("forêt de Sambisa", "NG", ("Sambisa Forest", "Borno", "NG")),
])
def test_a_park_is_a_place_of_its_country_under_its_french_names(name, country, expected):
    place = default_gazetteer().find_place(name, country=country)
    assert place is not None and (place.name, place.admin1, place.country) == expected


def test_an_attack_in_a_national_park_is_placed_in_the_park():
    text = ("Des jihadistes ont attaqué jeudi une patrouille de l'armée béninoise dans le parc national du W, "
            "tuant douze soldats, selon une source sécuritaire.")
    assert _places(text, "2025-04-18") == [("Armed clash", "W National Park", "Alibori", "BJ", "place")]


def test_the_area_named_after_a_town_votes_for_the_towns_country():
    # Kamzila is in no gazetteer; "la région d'Ouallam" is the area of a Nigerien town, and outweighs the
    # neighbouring country the groups are said to come from.
    text = ("Des hommes armés ont attaqué mardi un poste militaire à Kamzila, dans la région d'Ouallam, tuant "
            "trois soldats, a-t-on appris à Niamey. Les assaillants seraient des groupes actifs au Mali.")
    assert _places(text, "2023-05-10") == [("Armed clash", "Ouallam", "Tillaberi", "NE", "place")]


def test_a_foreign_country_the_act_sentence_names_yields_to_the_dispatchs_province():
    # The villagers fled to Cameroon; the killing was in the Central African province the dispatch names.
    text = ("La préfecture de l'Ouham-Pendé vit dans la peur depuis un mois. Le sous-préfet a appelé au calme. "
            "Les habitants ont fui vers le Cameroun après que des rebelles ont tué quatre civils lundi, selon un "
            "responsable local.")
    assert _places(text, "2021-03-02") == [("Attack", "Ouham-Pende", "Ouham-Pende", "CF", "admin1")]


def test_the_place_of_a_stock_photo_does_not_place_the_act():
    text = ("Des éleveurs et leurs troupeaux dans la région du Ouaddaï. (Photo d'illustration)\n\n"
            "Au Tchad, des affrontements entre agriculteurs et éleveurs ont fait dix morts ce week-end. Le "
            "conflit opposait deux communautés dans la province du Batha, selon les autorités.")
    assert _places(text, "2021-08-10") == [("Armed clash", "Batha", "Batha", "TD", "admin1")]


def test_an_illustration_caption_is_a_short_line_labelled_so():
    text = "Un marché de la ville. (Photo d'illustration) AFP\nLe marché a brûlé dans la nuit."
    assert [in_illustration_caption(text, 3), in_illustration_caption(text, len(text) - 5)] == [True, False]


def test_a_province_spelt_with_an_i_for_its_dj_is_that_province():
    place = default_gazetteer().find_admin1("Hadier Lamis", country="TD")
    assert place is not None and place.name == "Hadjer Lamis"


def test_a_march_through_the_streets_of_a_town_is_there():
    text = ("Plus d'un millier de manifestants ont marché vendredi dans les rues de Kindia avant d'être "
            "dispersés par la police à coups de gaz lacrymogène.")
    assert _places(text, "2022-09-10") == [("Protest with intervention", "Kindia", "Kindia", "GN", "place")]


def test_the_short_form_of_an_actor_in_brackets_is_never_a_place():
    # "FSR" is also an airport's code in the gazetteer; here it only repeats the Rapid Support Forces.
    text = ("Les Forces de soutien rapide (FSR) ont attaqué jeudi un convoi de l'armée dans le Kordofan-Nord, "
            "tuant sept soldats, selon l'armée soudanaise.")
    assert [(e.location.name, e.location.admin1, e.location.country, e.location.precision) for e in
            fracas.extract(text, published="2025-11-14")] == [("North Kordofan", "North Kordofan", "SD", "admin1")]


def test_a_town_written_with_a_lower_case_arabic_article_is_a_place():
    text = "Une frappe de drone a tué douze civils samedi à el-Facher, dans l'ouest du Soudan, selon une organisation locale."
    assert _places(text, "2025-10-12") == [("Air/drone strike", "El Fasher", "North Darfur", "SD", "place")]
