"""The relevance stage in the pipeline: irrelevant texts are never parsed and keep their verdict."""

from __future__ import annotations

import spacy

from fracas.evaluate.baseline import check_report, floors_from
from fracas.evaluate.scoring import aggregate, score_dispatch
from fracas.evaluate.gold import read_gold_record
from fracas.interfaces.cli_extract import explain_relevance
from fracas.model import Dispatch, Relevance
from fracas.pipeline import Pipeline
from sample_records import strike


class RecordingLanguage:
    """A stand-in for the French model: a blank tokenizer that records which texts were parsed."""

    def __init__(self) -> None:
        self.blank = spacy.blank("fr")
        self.parsed: list[str] = []

    def make_doc(self, text: str):
        return self.blank.make_doc(text)

    def pipe(self, docs, n_process: int = 1, batch_size: int = 32):
        for doc in docs:
            self.parsed.append(doc.text)
            doc._.fracas_events = []
            yield doc


def test_irrelevant_dispatches_are_not_parsed_and_come_back_in_order_with_their_verdict():
    texts = [
        "Le PSG a massacré Ajaccio 5-0, avec un doublé de son attaquant et des tirs cadrés.",
        "Des jihadistes ont attaqué mardi un poste de l'armée près de Djibo, tuant cinq soldats.",
        "Un séisme de magnitude 6,8 a frappé le Maroc, selon les sauveteurs.",
    ]
    language = RecordingLanguage()
    dispatches = [Dispatch(id=f"d{i}", text=text) for i, text in enumerate(texts)]
    results = list(Pipeline(language).run_iter(dispatches))  # type: ignore[arg-type]
    assert language.parsed == [texts[1]]
    assert [(d.id, d.relevance.verdict if d.relevance else None, d.relevance.decided_by if d.relevance else None)
            for d, _ in results] == [("d0", "irrelevant", "text"), ("d1", "relevant", "text"),
                                     ("d2", "irrelevant", "text")]


def test_explain_shows_the_verdict_its_words_and_the_drops():
    relevance = Relevance("irrelevant", "sentences", "no trigger word in a sentence with a conflict frame",
                          ("soldats", "film"), ("sense: Armed clash on 'combats' dropped: 'combats' in a reviews frame",))
    assert explain_relevance(Dispatch(id="d1", text="...", relevance=relevance)) == (
        "d1: irrelevant (from the parsed sentences): no trigger word in a sentence with a conflict frame\n"
        "  words: 'soldats', 'film'\n"
        "  sense: Armed clash on 'combats' dropped: 'combats' in a reviews frame")


def test_a_gold_file_of_negatives_is_pinned_at_zero_false_events():
    gold = read_gold_record({"id": "n1", "text": "Le PSG a frappé fort à Talbisseh.", "events": []}, "neg:1")
    clean = aggregate("negatives.jsonl", [score_dispatch(gold, [])], [gold])
    assert floors_from(clean) == {"accuracy": {}, "forbidden_outputs_max": 0, "false_events_max": 0}
    event = strike("e1")
    dirty = aggregate("negatives.jsonl", [score_dispatch(gold, [event])], [gold])
    assert check_report(dirty, floors_from(clean), label="negatives") == [
        "negatives: 1 false event(s), at most 0 allowed:",
        f"  n1 {event.event_id} {event.sub_event_type} at {event.location.name}",
    ]
