"""spaCy components of fracas, registered as factories so `nlp.pipe(n_process=...)` runs them in workers.

Results travel on the Doc as plain data (`doc._.fracas_events`: contract dicts; `doc._.fracas_rejection`:
a message), because worker processes send Docs back serialised.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from fracas.errors import InputError
from fracas.extract.events import EventExtractor
from fracas.model import Dispatch, PublicationDate
from fracas.nlp.doctext import doc_text
from fracas.resources import load_resource

for _name in ("fracas_dispatch", "fracas_events", "fracas_rejection", "fracas_dropped"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def dispatch_to_user_data(dispatch: Dispatch, *, strict_sense: bool = False, text_other: int = 0) -> dict[str, Any]:
    """What the component needs to know of a dispatch; `strict_sense` when the relevance stage left the
    verdict to the sentences (each trigger then needs a conflict frame in its sentence), `text_other` the
    score of the text's strongest non-conflict frame."""
    return {"id": dispatch.id, "published": str(dispatch.published) if dispatch.published else None,
            "outlet": dispatch.outlet, "url": dispatch.url, "origin": dispatch.origin, "strict_sense": strict_sense,
            "text_other": text_other}


def dispatch_from_doc(doc: Doc) -> Dispatch:
    text = doc_text(doc)
    data = doc._.fracas_dispatch or {"id": Dispatch.make_id(text)}
    published = data.get("published")
    return Dispatch(id=data["id"], text=text, published=PublicationDate.parse(published) if published else None,
                    outlet=data.get("outlet"), url=data.get("url"), origin=data.get("origin") or "<text>")


class EventComponent:
    """Reads the events of a parsed dispatch (needs the parser, lemmas and morphology; not the NER)."""

    def __init__(self, nlp: Language, name: str, actors_file: str | None = None) -> None:
        self.name = name
        self.actors_file = actors_file
        self._extractor: EventExtractor | None = None

    @property
    def extractor(self) -> EventExtractor:
        # Loaded on first use so a forked worker opens its own gazetteer handle.
        if self._extractor is None:
            self._extractor = EventExtractor.load(actors_file=Path(self.actors_file) if self.actors_file else None)
        return self._extractor

    def __call__(self, doc: Doc) -> Doc:
        dispatch = dispatch_from_doc(doc)
        data = doc._.fracas_dispatch or {}
        try:
            events, dropped = self.extractor.extract_explained(doc, dispatch, strict_sense=bool(data.get("strict_sense")),
                                                               text_other=int(data.get("text_other") or 0))
            doc._.fracas_events = [event.to_dict() for event in events]
            doc._.fracas_dropped = dropped
        except InputError as err:
            doc._.fracas_events = []
            doc._.fracas_rejection = str(err)
        except Exception as err:  # one dispatch's failure must not cost the batch: it becomes its rejection
            if debugging():
                raise
            doc._.fracas_events = []
            doc._.fracas_rejection = (f"{dispatch.origin}: fracas failed on this dispatch ({type(err).__name__}: "
                                      f"{str(err)[:200]}); the rest was processed. Rerun with --debug for the "
                                      "traceback and report it")
        return doc


def debugging() -> bool:
    """--debug (FRACAS_DEBUG=1): let errors propagate with their traceback instead of becoming rejections."""
    return os.environ.get("FRACAS_DEBUG", "") not in ("", "0")


SENTENCE_END = {".", "!", "?", "…"}
CLOSING = {"»", '"', "”", ")", "'"}


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    return frozenset(load_resource("fr_names")["honorifics"])


@Language.component("fracas_sentences", assigns=["token.is_sent_start"])
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence boundaries from punctuation, fixed before the parser runs.

    The parser alone splits wire sentences at hyphenated names ("Canapé-Vert"), which cuts an act from
    its place; a new sentence starts only after ., ! or ? (and closing quotes) before a capital or a quote,
    and after a blank line (a paragraph boundary). White space never starts a sentence.
    """
    honorifics = _honorifics()  # "Gén. Tchiani": that full stop ends no sentence
    starts: list[int] = []  # 1 a sentence starts at the token, -1 not; set at once (a token at a time is quadratic)
    last: list[str] = []  # the two tokens before this one, white space left out
    paragraph = True  # the text's start, or a blank line ("\n\n", see fracas.text.plain_whitespace), was just passed
    for token in doc:
        if token.is_space:
            starts.append(1 if token.i == 0 else -1)
            paragraph = paragraph or "\n" in token.text
            continue
        start = paragraph or (_ends_sentence(last, honorifics) and (token.text[:1].isupper() or token.text[:1] in "«\"“("))
        starts.append(1 if start or token.i == 0 else -1)
        paragraph = False
        last = [*last[-1:], token.text]
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _ends_sentence(last: list[str], honorifics: frozenset[str]) -> bool:
    """Whether the last two tokens (white space left out) end a sentence: ., ! or ?, maybe then a closing
    quote or bracket, but not the full stop of an honorific."""
    if not last:
        return False
    if last[-1] == "." and len(last) > 1 and last[-2] in honorifics:
        return False
    return last[-1] in SENTENCE_END or (last[-1] in CLOSING and len(last) > 1 and last[-2] in SENTENCE_END)


@Language.factory(
    "fracas_events",
    default_config={"actors_file": None},
    requires=["token.lemma", "token.dep", "token.morph", "token.pos", "doc.sents"],
    assigns=["doc._.fracas_events", "doc._.fracas_rejection", "doc._.fracas_dropped"],
)
def make_event_component(nlp: Language, name: str, actors_file: str | None) -> EventComponent:
    return EventComponent(nlp, name, actors_file)
