"""A parsed dispatch's text, read once.

`Doc.text` joins every token's text each time it is read (about 70 µs for a 100-word dispatch), and
extraction reads it for each candidate act; the text is kept in the Doc's `user_data` at the first read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

TEXT_KEY = "fracas_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc (extraction never changes a Doc's tokens)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text` (no trailing white space), cut from the Doc's text rather than joined token by token."""
    return doc_text(span.doc)[span.start_char:span.end_char]
