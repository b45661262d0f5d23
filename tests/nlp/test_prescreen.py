"""An undecided text whose every act word fails its sentence's frame is decided before the parser; one with
a word the check cannot rule out without the parse ("bataille") is parsed."""

from __future__ import annotations

import pytest

from fracas.model import Dispatch, PublicationDate
from fracas.pipeline import Pipeline
from fracas.relevance import screen_text

pytestmark = pytest.mark.model

REVIEW = ("Le nouveau film de guerre frappe fort : le réalisateur filme les soldats et les chars dans une mise en "
          "scène saluée par la critique. Le box-office a été frappé par son succès.")
MATCH = ("Le match a été une bataille : l'attaquant a frappé deux fois et le gardien a été abattu par la défaite. "
         "Les supporters ont célébré les joueurs de l'armée rouge du club.")
STRIKE = "Des jihadistes ont attaqué mardi un poste de l'armée près de Djibo, tuant cinq soldats."


class CountingPipes:
    """Counts the Docs the model is asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.parsed: list[str] = []

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, docs, **kwargs):
        def counted():
            for doc in docs:
                self.parsed.append(doc.text)
                yield doc
        return self.nlp.pipe(counted(), **kwargs)


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline(CountingPipes(nlp))  # type: ignore[arg-type]


def test_the_texts_are_left_to_their_sentences_by_the_text_stage():
    assert [screen_text(t).screening for t in (REVIEW, MATCH)] == ["undecided", "undecided"]


def test_they_are_decided_irrelevant_without_the_parser(pipeline):
    pipeline.nlp.parsed.clear()
    results = list(pipeline.run_iter([Dispatch(id="r", text=REVIEW), Dispatch(id="s", text=STRIKE, published=PublicationDate.parse("2024-03-06")),
                                      Dispatch(id="m", text=MATCH)]))
    assert pipeline.nlp.parsed == [STRIKE, MATCH]
    assert [(d.id, d.relevance.verdict, d.relevance.decided_by, len(events)) for d, events in results] == [
        ("r", "irrelevant", "text", 0), ("s", "relevant", "text", 1), ("m", "irrelevant", "sentences", 0)]
    review = results[0][0].relevance
    assert review.reason == "no act word in a sentence with a conflict frame (read before parsing)"
    assert review.dropped == (
        "sense: 'frappe' (chars 26-32) dropped before parsing: 'frappe' in a reviews frame (film de guerre, réalisateur, "
        "mise en scène, critique)",
        "sense: 'frappé' (chars 153-159) dropped before parsing: 'frappe' in a reviews frame (box-office)")


def test_the_parsed_sentences_give_the_same_verdict(nlp):
    # The review through the parser, sentence checks and all: no event either.
    unscreened = Pipeline(nlp)
    unscreened.prescreen = None
    [(dispatch, events)] = list(unscreened.run_iter([Dispatch(id="r", text=REVIEW)]))
    assert (dispatch.relevance.verdict, dispatch.relevance.decided_by, events) == ("irrelevant", "sentences", [])
