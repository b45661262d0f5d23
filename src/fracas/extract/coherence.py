"""Coherence checks: whether an assembled event holds together before it is emitted.

Which checks apply to a sub-type is a column of the policy table (`checks` in data/subtypes.yaml); the
checks themselves are named here, and each one that drops an event says why (shown by --explain).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from fracas.extract.rulepack import policy_of
from fracas.extract.triggers import TriggerLexicon
from fracas.model import Actor, Event
from fracas.relevance import describes_armed_actor
from fracas.resolve.actors import UNIDENTIFIED
from fracas.text import fold

AIRCRAFT_KINDS = ("state_forces", "external_other")  # who flies aircraft, unless the text says drones or planes


@dataclass(frozen=True)
class CheckContext:
    """What a check reads: the event, the sentence of its trigger, and how the relevance stage saw the text."""

    event: Event
    sentence: Span
    lexicon: TriggerLexicon
    strict: bool  # the text stage could not tell the conflict frame: acts need a named or described actor


def _perpetrator(c: CheckContext) -> str | None:
    # "des hommes armés", "un groupe armé" describe the unidentified group; nothing at all describes none.
    if not c.strict or not _unnamed(c.event.actor1) or c.event.actor1.text is not None:
        return None
    if describes_armed_actor(c.sentence.text):
        return None
    return "no perpetrator named or described, in a text whose conflict frame is not clear"


def _aircraft(c: CheckContext) -> str | None:
    if c.event.actor1.kind in AIRCRAFT_KINDS or c.lexicon.has_cue("air", fold(c.sentence.text)):
        return None
    # An unnamed striker in a clear conflict text may well have aircraft; a named group without them may not.
    if _unnamed(c.event.actor1) and not c.strict:
        return None
    return f"an air strike needs an actor with aircraft ({c.event.actor1.name} has none named)"


def _unnamed(actor: Actor) -> bool:
    # "Unidentified Armed Group (Mali)": the catch-all takes the country of the event's place.
    return actor.name.startswith(UNIDENTIFIED)


# The checks by the name the policy table gives them.
CHECKS: dict[str, Callable[[CheckContext], str | None]] = {
    "perpetrator": _perpetrator,
    "aircraft": _aircraft,
}


def why_incoherent(context: CheckContext) -> str | None:
    """The first failed check of the event's sub-type, as a readable line, or None when it holds together."""
    for name in policy_of(context.event.sub_event_type).checks:
        why = CHECKS[name](context)
        if why is not None:
            return f"coherence ({name}): {context.event.sub_event_type} dropped: {why}"
    return None


def coherent_events(events: list[Event], sentences: list[Span], lexicon: TriggerLexicon, *,
                    strict: bool) -> tuple[list[Event], list[str]]:
    """The events that pass their sub-type's checks, and a line for each one dropped."""
    kept: list[Event] = []
    dropped: list[str] = []
    for event in events:
        why = why_incoherent(CheckContext(event, _trigger_sentence(event, sentences), lexicon, strict))
        if why is None:
            kept.append(event)
        else:
            dropped.append(why)
    return kept, dropped


def _trigger_sentence(event: Event, sentences: list[Span]) -> Span:
    start = next((e.start for e in event.evidence if e.field == "event_type"), 0)
    return next((s for s in sentences if s.start_char <= start < s.end_char), sentences[0])
