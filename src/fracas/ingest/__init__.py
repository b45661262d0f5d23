"""Reading dispatches: plain text, " date YYYY-MM[-DD] TEXT" lines and JSON Lines, from files or stdin."""

from fracas.ingest.readers import MAX_PLAIN_BYTES, MAX_TEXT_CHARS, read_inputs, read_text

__all__ = ["MAX_PLAIN_BYTES", "MAX_TEXT_CHARS", "read_inputs", "read_text"]
