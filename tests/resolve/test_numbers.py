"""French quantities: whole Quantity values for each documented choice."""

from __future__ import annotations

import pytest

from fracas.resolve.numbers import Quantity, QuantityMention, find_quantities, parse_quantity, words_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Quantity(12, 12, 12)),
        ("240.000", Quantity(240000, 240000, 240000)),
        ("240 000", Quantity(240000, 240000, 240000)),
        ("240\u202f000", Quantity(240000, 240000, 240000)),
        ("240,000", Quantity(240000, 240000, 240000)),
        ("2,5 millions", Quantity(2500000, 2500000, 2500000)),
        ("deux millions", Quantity(2000000, 2000000, 2000000)),
        ("deux", Quantity(2, 2, 2)),
        ("vingt-trois", Quantity(23, 23, 23)),
        ("vingt et un", Quantity(21, 21, 21)),
        ("soixante-dix", Quantity(70, 70, 70)),
        ("soixante et onze", Quantity(71, 71, 71)),
        ("quatre-vingts", Quantity(80, 80, 80)),
        ("quatre-vingt-dix-sept", Quantity(97, 97, 97)),
        ("cent", Quantity(100, 100, 100)),
        ("trois cents", Quantity(300, 300, 300)),
        ("mille", Quantity(1000, 1000, 1000)),
        ("deux mille trois cents", Quantity(2300, 2300, 2300)),
        ("une", Quantity(1, 1, 1)),
        ("un", Quantity(1, 1, 1)),
        ("aucun", Quantity(0, 0, 0)),
        ("une dizaine", Quantity(10, 10, 19)),
        ("une vingtaine", Quantity(20, 20, 29)),
        ("une douzaine", Quantity(12, 12, None)),
        ("une centaine", Quantity(100, 100, 199)),
        ("un millier", Quantity(1000, 1000, 1999)),
        ("des dizaines", Quantity(20, 20, 99)),
        ("plusieurs dizaines", Quantity(20, 20, 99)),
        ("quelques dizaines", Quantity(20, 20, 99)),
        ("des centaines", Quantity(200, 200, 999)),
        ("des milliers", Quantity(2000, 2000, 9999)),
        ("des dizaines de milliers", Quantity(20000, 20000, 99999)),
        ("au moins 12", Quantity(12, 12, None)),
        ("au moins douze", Quantity(12, 12, None)),
        ("pas moins de 12", Quantity(12, 12, None)),
        ("plus de 30", Quantity(30, 30, None)),
        ("plus d'une dizaine", Quantity(10, 10, None)),
        ("un peu plus de 30", Quantity(30, 30, None)),
        ("près de 50", Quantity(None, 50, None)),
        ("environ 50", Quantity(None, 50, None)),
        ("quelque 50", Quantity(None, 50, None)),
        ("environ une dizaine", Quantity(10, 10, 19)),
        ("entre 10 et 15", Quantity(10, 10, 15)),
        ("de 10 à 15", Quantity(10, 10, 15)),
        ("deux ou trois", Quantity(2, 2, 3)),
        ("jusqu'à 20", Quantity(None, None, 20)),
        ("moins de 20", Quantity(None, None, 20)),
    ],
)
def test_parse_quantity(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    "text", ["plusieurs", "des", "quelques", "de nombreux", "le 5 octobre", "en 2015", "10h30", "le 1er", "5,4"]
)
def test_not_a_figure(text: str) -> None:
    assert parse_quantity(text) is None


def test_find_quantities_offsets_and_qualifiers() -> None:
    text = "Au moins 12 soldats et une dizaine de civils, selon un bilan du 5 octobre 2015."
    assert find_quantities(text) == [
        QuantityMention(0, 11, "Au moins 12", Quantity(12, 12, None)),
        QuantityMention(23, 34, "une dizaine", Quantity(10, 10, 19)),
        QuantityMention(52, 54, "un", Quantity(1, 1, 1)),
    ]


def test_find_quantities_context_toll_with_year() -> None:
    text = "Le conflit a fait plus de 240.000 morts depuis mars 2011."
    assert find_quantities(text) == [QuantityMention(18, 33, "plus de 240.000", Quantity(240000, 240000, None))]


def test_article_before_meme_is_not_a_count() -> None:
    assert find_quantities("des membres d'une même famille") == []


def test_words_value() -> None:
    assert [words_value(w) for w in ("quatre-vingt-dix-sept", "trois cent mille", "deux millions", "soldats")] == [
        97, 300000, 2000000, None,
    ]
