"""The real-text index: gold events for real articles whose texts live outside the repository.

`tests/real/index.jsonl` holds one JSON object per article: where the text was found (url, the query
and rank that retrieved it from the search tool's pages corpus), the sha256 and length of the text, its
publication date, its split and the gold events, but never the text. The texts live in a cache folder
as `<id>.txt` (default `.cache/real` at the repository root, git-ignored; `FRACAS_REAL_TEXTS` or
`--texts` elsewhere). Joining an index with its cache checks each text against its sha256 and gives
gold dispatches that are scored like any gold file. A text that is missing or changed is a
`TextProblem` that says how to retrieve it again; it is never silently left out.

The split is decided by the text's hash (`heldout` when int(sha256[:8], 16) % 4 == 0), never chosen.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fracas.errors import GoldFileError, UsageError
from fracas.evaluate.gold import GoldDispatch, read_gold_record
from fracas.evaluate.scoring import Detection, EvalReport

Split = Literal["dev", "heldout"]
SPLITS: tuple[str, ...] = ("dev", "heldout", "all")
KINDS = ("conflict", "nonconflict")
TEXTS_ENV = "FRACAS_REAL_TEXTS"
MAX_STRING = 400  # no field may be long enough to hold an article's text
INDEX_KEYS = (
    "id", "split", "kind", "url", "query", "rank", "sha256", "chars", "published", "outlet",
    "country", "events", "context_tolls", "notes",
)  # fmt: skip
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_ISO2_RE = re.compile(r"^[A-Z]{2}$")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_of(sha256: str) -> Split:
    """The split an article belongs to, decided by its text's hash."""
    return "heldout" if int(sha256[:8], 16) % 4 == 0 else "dev"


@dataclass(frozen=True)
class RealEntry:
    """One line of a real-text index (everything but the text)."""

    id: str
    split: Split
    kind: str
    url: str
    query: str
    rank: int
    sha256: str
    chars: int
    published: str
    outlet: str | None
    country: str | None
    record: dict[str, Any]  # the gold part: events, context_tolls (checked when joined)
    origin: str

    def how_to_retrieve(self) -> str:
        return (
            f"search the pages corpus for {self.query!r} and take rank {self.rank} ({self.url}); save "
            "the excerpt verbatim (UTF-8, no added newline) and check it in with "
            f"`fracas real add {self.id} FILE`"
        )


@dataclass(frozen=True)
class TextProblem:
    """A cached text that is missing or is not the one the index was coded on."""

    entry: RealEntry
    reason: str

    def message(self) -> str:
        return f"{self.entry.id}: {self.reason}; to restore it, {self.entry.how_to_retrieve()}"


@dataclass(frozen=True)
class RealGold:
    """An index joined with its texts: the dispatches to score, and the texts that could not be used."""

    index_path: str
    texts_dir: Path
    split: str
    dispatches: tuple[GoldDispatch, ...]
    nonconflict_ids: frozenset[str]
    problems: tuple[TextProblem, ...]
    n_selected: int  # index lines in the split, with or without a usable text


def is_real_index(path: str | Path) -> bool:
    """Whether `path` is a real-text index (lines with a sha256 and no text) rather than a gold file."""
    try:
        with Path(path).open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        data = json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False  # read_gold reports what is wrong with the file
    return isinstance(data, dict) and "sha256" in data and "text" not in data


def default_texts_dir(index_path: str | Path) -> Path:
    """`$FRACAS_REAL_TEXTS`, else `.cache/real` at the root of the repository holding the index."""
    if os.environ.get(TEXTS_ENV):
        return Path(os.environ[TEXTS_ENV])
    start = Path(index_path).resolve().parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists() or (folder / "pyproject.toml").exists():
            return folder / ".cache" / "real"
    return Path.cwd() / ".cache" / "real"


def read_index(path: str | Path) -> tuple[RealEntry, ...]:
    """Read and check a whole index; raise GoldFileError at the first problem."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise GoldFileError(f"{path}: no such index; give the path of tests/real/index.jsonl") from err
    entries: list[RealEntry] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldFileError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from err
        entry = _read_entry(data, where)
        for key, value in (("id", entry.id), ("sha256", entry.sha256), ("url", entry.url)):
            if f"{key}={value}" in seen:
                raise GoldFileError(
                    f"{where}: {key} {value!r} is already used at {seen[f'{key}={value}']}; "
                    "each article appears once"
                )
            seen[f"{key}={value}"] = where
        entries.append(entry)
    if not entries:
        raise GoldFileError(f"{path}: the index holds no article; write one JSON object per line")
    return tuple(entries)


def _read_entry(data: Any, where: str) -> RealEntry:
    if not isinstance(data, dict):
        raise GoldFileError(f"{where}: an index line must be a JSON object")
    missing = [key for key in INDEX_KEYS if key not in data]
    unknown = sorted(set(data) - set(INDEX_KEYS))
    if missing or unknown:
        raise GoldFileError(
            f"{where}: missing key(s) {missing} / unknown key(s) {unknown}; an index line has exactly: "
            + ", ".join(INDEX_KEYS)
        )
    _check_strings(data, where)
    _check_hash_and_split(data, where)
    _check_kind_and_counts(data, where)
    sha = data["sha256"]
    country = data["country"]
    return RealEntry(
        id=data["id"],
        split=data["split"],
        kind=data["kind"],
        url=data["url"],
        query=data["query"],
        rank=data["rank"],
        sha256=sha,
        chars=data["chars"],
        published=data["published"],
        outlet=data["outlet"],
        country=country,
        record={key: data[key] for key in ("id", "published", "outlet", "url", "events", "context_tolls")},
        origin=where,
    )


def _check_hash_and_split(data: dict[str, Any], where: str) -> None:
    sha = data["sha256"]
    if not isinstance(sha, str) or not _SHA_RE.match(sha):
        raise GoldFileError(f"{where}: sha256 must be 64 lower-case hex digits")
    if data["split"] != split_of(sha):
        raise GoldFileError(
            f"{where}: split {data['split']!r} but the text's hash puts it in {split_of(sha)!r}; "
            "the split is decided by the hash, never chosen"
        )


def _check_kind_and_counts(data: dict[str, Any], where: str) -> None:
    if data["kind"] not in KINDS:
        raise GoldFileError(f"{where}: kind must be one of {', '.join(KINDS)}, not {data['kind']!r}")
    if data["kind"] == "nonconflict" and data["events"] != []:
        raise GoldFileError(f'{where}: a nonconflict article has "events": []')
    for key in ("rank", "chars"):
        if not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 1:
            raise GoldFileError(f"{where}: {key} must be a positive integer")
    country = data["country"]
    if country is not None and not (isinstance(country, str) and _ISO2_RE.match(country)):
        raise GoldFileError(f'{where}: country must be an ISO2 code like "ML", or null')


def _check_strings(data: dict[str, Any], where: str) -> None:
    for key in ("id", "url", "query", "published"):
        if not isinstance(data[key], str) or not data[key]:
            raise GoldFileError(f"{where}: {key} must be a non-empty string")
    for key, value in _strings(data):
        if len(value) > MAX_STRING:
            raise GoldFileError(
                f"{where}: {key} is {len(value)} characters long (at most {MAX_STRING}); "
                "the index keeps no article text"
            )


def _strings(value: Any, key: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(item, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{key}[{i}]")


def cached_text(entry: RealEntry, texts_dir: Path) -> tuple[str | None, str | None]:
    """(text, None) when the cache holds the very text the entry was coded on, else (None, why not)."""
    path = texts_dir / f"{entry.id}.txt"
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, f"no text at {path}"
    except UnicodeDecodeError:
        return None, f"{path} is not UTF-8"
    if text_sha256(text) != entry.sha256:
        return None, (
            f"{path} has sha256 {text_sha256(text)[:12]}... ({len(text)} chars), "
            f"not the coded text's {entry.sha256[:12]}... ({entry.chars} chars)"
        )
    return text, None


def select(entries: Sequence[RealEntry], split: str) -> tuple[RealEntry, ...]:
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}; use one of: {', '.join(SPLITS)}")
    return tuple(e for e in entries if split == "all" or e.split == split)


def join_texts(entries: Sequence[RealEntry], texts_dir: Path) -> tuple[list[GoldDispatch], list[TextProblem]]:
    """Gold dispatches for the entries whose text is in the cache, and a problem for each other one."""
    dispatches: list[GoldDispatch] = []
    problems: list[TextProblem] = []
    for entry in entries:
        text, why_not = cached_text(entry, texts_dir)
        if text is None:
            problems.append(TextProblem(entry, why_not or "unreadable"))
            continue
        dispatches.append(read_gold_record({**entry.record, "text": text}, entry.origin))
    return dispatches, problems


def load_real_gold(index_path: str | Path, *, texts_dir: Path | None = None, split: str = "dev") -> RealGold:
    """Read an index, keep one split and join it with its texts (GoldFileError on a malformed index)."""
    texts = texts_dir if texts_dir is not None else default_texts_dir(index_path)
    chosen = select(read_index(index_path), split)
    dispatches, problems = join_texts(chosen, texts)
    return RealGold(
        index_path=str(index_path),
        texts_dir=texts,
        split=split,
        dispatches=tuple(dispatches),
        nonconflict_ids=frozenset(e.id for e in chosen if e.kind == "nonconflict"),
        problems=tuple(problems),
        n_selected=len(chosen),
    )


def add_text(index_path: str | Path, article_id: str, source: Path, *, texts_dir: Path | None = None) -> Path:
    """Check a re-retrieved text against the index and copy it into the cache; return where it went."""
    entries = {e.id: e for e in read_index(index_path)}
    if article_id not in entries:
        raise UsageError(f"{article_id!r} is not in {index_path}; give an id of the index")
    entry = entries[article_id]
    try:
        text = source.read_bytes().decode("utf-8")
    except FileNotFoundError as err:
        raise UsageError(f"{source}: no such file; give the file holding the re-retrieved text") from err
    except UnicodeDecodeError as err:
        raise UsageError(f"{source}: not UTF-8; save the text as UTF-8") from err
    if text_sha256(text) != entry.sha256:
        raise UsageError(
            f"{source} has sha256 {text_sha256(text)[:12]}... ({len(text)} chars), not the coded text's "
            f"{entry.sha256[:12]}... ({entry.chars} chars); save the excerpt exactly as the search "
            "returned it (same quotes and spaces, no added newline)"
        )
    target_dir = texts_dir if texts_dir is not None else default_texts_dir(index_path)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{article_id}.txt"
    if source.resolve() != target.resolve():
        shutil.copyfile(source, target)
    return target


@dataclass(frozen=True)
class RealReport:
    """The scores of a real-text split, with the texts it could not score and the non-conflict figure."""

    report: EvalReport
    gold: RealGold

    @property
    def n_nonconflict(self) -> int:
        return sum(1 for d in self.report.dispatches if d.dispatch_id in self.gold.nonconflict_ids)

    @property
    def false_events_per_100_nonconflict(self) -> float | None:
        """Events predicted in articles that report no conflict at all, per 100 such articles."""
        results = [d for d in self.report.dispatches if d.dispatch_id in self.gold.nonconflict_ids]
        return 100 * sum(d.n_predicted for d in results) / len(results) if results else None

    @property
    def conflict_detection(self) -> Detection:
        """Detection over the conflict articles alone: how much of what they report is found, and how
        much of what fracas reads in them is right."""
        results = [d for d in self.report.dispatches if d.dispatch_id not in self.gold.nonconflict_ids]
        return Detection(n_gold=sum(d.n_gold for d in results), n_predicted=sum(d.n_predicted for d in results),
                         n_matched=sum(len(d.pairs) for d in results))

    def to_dict(self, *, by_field: bool = False) -> dict[str, Any]:
        return {
            **self.report.to_dict(by_field=by_field),
            "conflict_detection": self.conflict_detection.to_dict(),
            "split": self.gold.split,
            "texts": str(self.gold.texts_dir),
            "articles": self.gold.n_selected,
            "articles_scored": len(self.gold.dispatches),
            "nonconflict_articles": self.n_nonconflict,
            "false_events_per_100_nonconflict": self.false_events_per_100_nonconflict,
            "text_problems": [
                {"id": p.entry.id, "reason": p.reason, "url": p.entry.url, "query": p.entry.query,
                 "rank": p.entry.rank}
                for p in self.gold.problems
            ],
        }  # fmt: skip
