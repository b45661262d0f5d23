"""The relevance stage: which dispatches report political violence, demonstrations or developments.

Run on every dispatch before event extraction. Most texts are decided from the raw text by cue lists
(data/fr/relevance.yaml), without the parser; the rest by their parsed sentences, where a trigger word
counts only inside a conflict frame.
"""

from fracas.relevance.cues import CuePack, cue_pack
from fracas.relevance.screen import (TextScreening, after_sentences, describes_armed_actor, names_no_act, screen_text,
                                    sentence_sense)

__all__ = ["CuePack", "TextScreening", "after_sentences", "cue_pack", "describes_armed_actor", "names_no_act",
           "screen_text", "sentence_sense"]
