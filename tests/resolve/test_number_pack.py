"""data/fr/numbers.yaml drives the quantity patterns: one whole value per kind of entry."""

from __future__ import annotations

from fracas.resolve.numbers import Quantity, QuantityMention, find_quantities, words_value


def test_pack_words_give_whole_quantities() -> None:
    # units, score ("quatre-vingt"), at_least.
    assert find_quantities("au moins quatre-vingt-dix-sept soldats") == [
        QuantityMention(0, 30, "au moins quatre-vingt-dix-sept", Quantity(97, 97, None)),
    ]
    # range_openers and range_joins: "entre ... et".
    assert find_quantities("entre 10 et 15 morts") == [QuantityMention(0, 14, "entre 10 et 15", Quantity(10, 10, 15))]
    # approx_plural, approx_of and approx_units_of.
    assert find_quantities("des dizaines de milliers de déplacés") == [
        QuantityMention(0, 24, "des dizaines de milliers", Quantity(20000, 20000, 99999)),
    ]
    # about, and multipliers_after_digits after a decimal comma.
    assert find_quantities("près de 2,5 millions") == [
        QuantityMention(0, 20, "près de 2,5 millions", Quantity(None, 2500000, None)),
    ]
    # not_a_count after an article; calendar months after a day; year_before before a year.
    assert find_quantities("une même famille, le 5 octobre 2015, 12 morts") == [
        QuantityMention(37, 39, "12", Quantity(12, 12, 12)),
    ]
    assert words_value("soixante et onze") == 71
