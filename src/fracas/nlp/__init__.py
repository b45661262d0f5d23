"""Loading the French model and the fracas spaCy components."""

from fracas.nlp.loading import MODEL_NAME, load_language

__all__ = ["MODEL_NAME", "load_language"]
