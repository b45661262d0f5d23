"""The relevance decision: does a dispatch report political violence, a demonstration or a development?

Decided first on the raw text, with no parser (most of a real news flow is decided here):
  - no trigger word at all, or no conflict frame (armed or state actors, weapons, victims of violence,
    places at war, crowds) -> irrelevant;
  - a clear conflict frame that outweighs every other frame (sport, markets, weather ...) -> relevant;
  - otherwise the parsed sentences decide: a trigger counts only in a sentence with a conflict frame
    (`sentence_sense`), and the dispatch is relevant when an event is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fracas.model import Relevance
from fracas.relevance.cues import CuePack, Frame, cue_pack
from fracas.text import fold

Screening = Literal["relevant", "irrelevant", "undecided"]
MAX_CUES = 8  # words shown for a verdict: enough to see why
CLEAR_MARGIN = 4  # a conflict frame is clear from the text when it scores 4 times the strongest other frame
OTHER_FRAME_IN_CONFLICT_TEXT = 2
TEXT_FRAME_BIAS = 2  # every 2 words of the text's other frame count one in each of its sentences  # words of another frame that give a sentence of a conflict text that frame


@dataclass(frozen=True)
class FrameScores:
    """The cue words found in some text, by frame, and what they add up to."""

    conflict: dict[str, dict[str, str]]  # frame -> folded word -> as written
    other: dict[str, dict[str, str]]
    conflict_score: int
    other_scores: dict[str, int]

    @classmethod
    def of(cls, pack: CuePack, folded: str, text: str, start: int = 0, end: int | None = None) -> FrameScores:
        conflict_spans = _spans(pack.conflict, folded, start, end)
        other_spans = _spans(pack.nonconflict, folded, start, end)
        # The longer phrase gives the sense: "guerre" in "seconde guerre mondiale" or "guerre des prix" is
        # no war, "chasse" in "avions de chasse" no hunt.
        conflict = _found(_outside(conflict_spans, other_spans), text)
        other = _found(_outside(other_spans, conflict_spans), text)
        weights = {f.name: f.weight for f in pack.conflict + pack.nonconflict}
        return cls(conflict, other, sum(weights[n] * len(w) for n, w in conflict.items()),
                   {n: weights[n] * len(w) for n, w in other.items()})

    @property
    def top_other(self) -> tuple[str | None, int]:
        if not self.other_scores:
            return None, 0
        name = max(self.other_scores, key=lambda n: (self.other_scores[n], n))
        return name, self.other_scores[name]

    def conflict_words(self) -> tuple[str, ...]:
        return tuple(w for words in self.conflict.values() for w in words.values())[:MAX_CUES]

    def other_words(self, frame: str) -> tuple[str, ...]:
        return tuple(self.other.get(frame, {}).values())[:MAX_CUES]


Match = tuple[str, str, tuple[int, int]]  # frame, folded word, where


def _spans(frames: tuple[Frame, ...], folded: str, start: int, end: int | None) -> list[Match]:
    return [(frame.name, key, span) for frame in frames for key, span in frame.spans(folded, start, end)]


def _outside(matches: list[Match], others: list[Match]) -> list[Match]:
    """The matches that are not part of a longer match of the other side."""
    def inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
        return other[0] <= span[0] and span[1] <= other[1] and other[1] - other[0] > span[1] - span[0]
    return [m for m in matches if not any(inside(m[2], o[2]) for o in others)]


def _found(matches: list[Match], text: str) -> dict[str, dict[str, str]]:
    """The words of each frame found; a word listed in two frames counts in the first only."""
    found: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    for frame, key, (s, e) in matches:
        if owner.setdefault(key, frame) == frame:
            found.setdefault(frame, {}).setdefault(key, text[s:e])
    return found


@dataclass(frozen=True)
class TextScreening:
    """The verdict of the text stage; `undecided` leaves it to the parsed sentences."""

    screening: Screening
    relevance: Relevance  # for `undecided`: what the text stage saw (the sentences finish the verdict)
    other_score: int = 0  # the score of the strongest non-conflict frame over the whole text


def screen_text(text: str, pack: CuePack | None = None) -> TextScreening:
    """The text-stage verdict of a dispatch, from its raw text alone."""
    pack = pack or cue_pack()
    folded = fold(text)
    triggers = list(dict.fromkeys(text[m.start():m.end()] for m in pack.triggers.finditer(folded)))
    if not triggers:
        return TextScreening("irrelevant", Relevance("irrelevant", "text", "no word that can report an act"))
    scores = FrameScores.of(pack, folded, text)
    frame, other = scores.top_other
    if scores.conflict_score < 2:
        reason = (f"no conflict frame; the trigger words are in a {frame} frame" if frame
                  else "no conflict frame around the trigger words")
        cues = tuple(triggers[:MAX_CUES // 2]) + (scores.other_words(frame) if frame else ()) + scores.conflict_words()
        return TextScreening("irrelevant", Relevance("irrelevant", "text", reason, tuple(dict.fromkeys(cues))[:MAX_CUES]))
    # Clear only when the other frames are slight beside it: a war film's review names weapons too.
    if scores.conflict_score >= pack.relevant_threshold and other * CLEAR_MARGIN < scores.conflict_score:
        frames = ", ".join(sorted(scores.conflict))
        return TextScreening("relevant", Relevance("relevant", "text", f"conflict frame ({frames})",
                                                   scores.conflict_words()))
    against = f"against {frame} {other}" if frame else f"below {pack.relevant_threshold}"
    reason = f"conflict frame {scores.conflict_score} {against}: decided by the sentences"
    return TextScreening("undecided", Relevance("relevant", "sentences", reason,
                                                scores.conflict_words() + (scores.other_words(frame) if frame else ())),
                         other)


def after_sentences(screened: TextScreening, n_events: int, dropped: tuple[str, ...]) -> Relevance:
    """The final verdict once the parsed sentences were read (for `undecided` texts)."""
    seen = screened.relevance
    if screened.screening != "undecided":
        return Relevance(seen.verdict, seen.decided_by, seen.reason, seen.cues, dropped)
    if n_events:
        return Relevance("relevant", "sentences", "a trigger in a sentence with a conflict frame", seen.cues, dropped)
    return Relevance("irrelevant", "sentences", "no act in a conflict frame left after the sense and coherence checks",
                     seen.cues, dropped)


def sentence_sense(trigger_words: tuple[str, str], sentence_text: str, *, strict: bool, text_other: int = 0,
                   pack: CuePack | None = None) -> str | None:
    """Why a trigger does not report an act in its sentence, or None when it does.

    `trigger_words` are the trigger's first word and lemma (folded). Only a word whose sense depends on
    the frame (frappe, tir, abattre ...) can be dropped. When the text stage left the verdict to the
    sentences (`strict`), its sentence's conflict words must outnumber its other words, the text's own
    other frame (`text_other`, its score) counting in every sentence; in a text whose conflict frame is
    clear, it is dropped only in a sentence clearly in another frame.
    """
    pack = pack or cue_pack()
    folded = fold(sentence_text)
    if set(trigger_words) & pack.death_words:
        cause = accidental_cause(folded, pack)
        if cause is not None:
            return f"{trigger_words[0]!r} with a cause that is no one's act ({cause})"
    sense_dependent = bool(set(trigger_words) & pack.sense_words)
    if not sense_dependent or _in_an_act_phrase(trigger_words[0], folded, pack):
        return None  # "attentat-suicide", "embuscade", "un attentat suicide": acts of war in any frame
    scores = FrameScores.of(pack, folded, sentence_text)
    frame, other = scores.top_other
    if strict:
        # Unclear text: the sentence's conflict words must outnumber its other words (a conflict word
        # weighs 2), with the text's own frame (a review, a trial) counting in every sentence.
        bias = text_other // TEXT_FRAME_BIAS
        return None if scores.conflict_score > 2 * (other + bias) else _not_in_frame(trigger_words, scores)
    if scores.conflict_score > other:
        return None
    # In a text whose conflict frame is clear, one stray word of another frame does not change the sense.
    if other < OTHER_FRAME_IN_CONFLICT_TEXT:
        return None
    return _not_in_frame(trigger_words, scores)


def _in_an_act_phrase(word: str, folded_sentence: str, pack: CuePack) -> bool:
    """Whether the sentence has a phrase that reports an act in any frame with `word` in it ("attentat suicide")."""
    return any(word in match.group().split() for match in pack.always_acts.finditer(folded_sentence))


def accidental_cause(folded_sentence: str, pack: CuePack | None = None) -> str | None:
    """The accidental cause of death a sentence gives ("dans le crash"), unless it names violence too."""
    pack = pack or cue_pack()
    cause = pack.accidental_causes.search(folded_sentence)
    if cause is None or pack.hostile_causes.search(folded_sentence):
        return None
    return cause.group()


def names_no_act(folded_text: str, start: int, end: int, pack: CuePack | None = None) -> str | None:
    """The phrase around folded_text[start:end] in which a trigger names a thing, not an act ("avion de
    combat", "exécuter son mandat"), or None."""
    pack = pack or cue_pack()
    window = 80  # a phrase of the list is short: look this far either side of the trigger
    position, stop = max(0, start - window), min(len(folded_text), end + window)
    # Phrases may overlap ("remis les clefs de quatre hélicoptères de combat"): try every start, not
    # only the end of the last match.
    while (match := pack.not_acts.search(folded_text, position, stop)) is not None and match.start() <= start:
        if end <= match.end():
            return match.group()
        position = match.start() + 1
    return None


def _not_in_frame(trigger_words: tuple[str, str], scores: FrameScores) -> str:
    frame = scores.top_other[0]
    where = f"a {frame} frame ({', '.join(scores.other_words(frame))})" if frame else "no conflict frame"
    return f"{trigger_words[0]!r} in {where}"


# Words that name or describe an armed or state actor.
ACTOR_FRAMES = ("armed_actors", "armed_groups", "state_forces")


def describes_armed_actor(text: str, pack: CuePack | None = None) -> bool:
    """Whether the words name or describe an armed or state actor ("des hommes armés", "l'armée malienne")."""
    pack = pack or cue_pack()
    folded = fold(text)
    return any(frame.pattern.search(folded) for frame in pack.conflict if frame.name in ACTOR_FRAMES)
