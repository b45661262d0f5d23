import io
import json
from pathlib import Path

import pytest

from fracas.errors import InputError
from fracas.ingest import read_inputs, read_text
from fracas.model import Dispatch, PublicationDate, Rejection

FRENCH = "Des frappes aériennes russes ont tué 12 civils mercredi dans la province de Hama, selon l'OSDH."
FRENCH_2 = "Au moins cinq soldats ont été tués dans une embuscade près de Gao, a indiqué l'armée malienne."
ENGLISH = "Russian air strikes killed 12 civilians on Wednesday in the province of Hama, the monitor said."


def read(*paths: Path | str, **kwargs) -> list[Dispatch | Rejection]:  # type: ignore[no-untyped-def]
    return list(read_inputs([str(p) for p in paths], **kwargs))


def test_plain_text_is_one_dispatch(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(FRENCH + "\r\n", encoding="utf-8")
    assert read(path) == [Dispatch(Dispatch.make_id(FRENCH), FRENCH, None, None, None, str(path))]


def test_plain_text_takes_the_given_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(FRENCH, encoding="utf-8")
    date = PublicationDate.parse("2015-10-07")
    assert read(path, published=date) == [Dispatch(Dispatch.make_id(FRENCH), FRENCH, date, None, None, str(path))]


def test_line_format_keeps_month_precision(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(f" date 2015-10 {FRENCH}\n\n date 2016-02-03 {FRENCH_2}\n", encoding="utf-8")
    assert read(path) == [
        Dispatch(Dispatch.make_id(FRENCH), FRENCH, PublicationDate.parse("2015-10"), None, None, f"{path}:1"),
        Dispatch(Dispatch.make_id(FRENCH_2), FRENCH_2, PublicationDate.parse("2016-02-03"), None, None, f"{path}:3"),
    ]
    assert PublicationDate.parse("2015-10").precision == "month"


def test_line_format_date_is_overridden_and_bad_dates_rejected(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(f" date 2015-10 {FRENCH}\n date 2015-13 {FRENCH_2}\n", encoding="utf-8")
    override = PublicationDate.parse("2020-01-01")
    assert read(path, published=override) == [
        Dispatch(Dispatch.make_id(FRENCH), FRENCH, override, None, None, f"{path}:1"),
        Dispatch(Dispatch.make_id(FRENCH_2), FRENCH_2, override, None, None, f"{path}:2"),
    ]
    assert read(path)[1] == Rejection(
        str(path), f"{path} line 2: publication date '2015-13' is not a real date (month must be in 1..12)", 2
    )


def test_a_dated_dispatch_goes_on_over_the_lines_after_it(tmp_path: Path) -> None:
    # A hard-wrapped line is one sentence; a blank line inside a dispatch is a paragraph boundary; the next
    # ' date ' line starts the next dispatch.
    first, rest = FRENCH.split(" mercredi ")
    path = tmp_path / "wire.txt"
    path.write_text(f" date 2015-10 {first}\r\nmercredi  {rest}\n\n{FRENCH_2}\n\n date 2016-02\n{FRENCH_2}\n",
                    encoding="utf-8")
    two_paragraphs = f"{FRENCH}\n\n{FRENCH_2}"
    assert read(path) == [
        Dispatch(Dispatch.make_id(two_paragraphs), two_paragraphs, PublicationDate.parse("2015-10"), None, None,
                 f"{path}:1"),
        Dispatch(Dispatch.make_id(FRENCH_2), FRENCH_2, PublicationDate.parse("2016-02"), None, None, f"{path}:6"),
    ]


def test_line_breaks_are_read_alike_in_every_input(tmp_path: Path) -> None:
    wrapped = FRENCH.replace(" mercredi ", "\n mercredi\t").replace(", selon", ",\r\nselon")
    (tmp_path / "story.txt").write_text(wrapped, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": wrapped}) + "\n", encoding="utf-8")
    stdin = io.BytesIO(wrapped.encode("utf-8"))
    texts = [item.text for item in read(tmp_path / "story.txt", tmp_path / "feed.jsonl", "-", stdin=stdin)]
    assert texts + [read_text(wrapped).text] == [FRENCH] * 4


def test_jsonl_malformed_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": FRENCH, "published": "2015-10-07", "outlet": "AFP", "url": "https://x.fr/1", "id": "a1"}),
        '{"text": "tronqué',
        json.dumps({"text": FRENCH_2}),
        json.dumps({"text": FRENCH_2, "published": "7 octobre"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read(path) == [
        Dispatch("a1", FRENCH, PublicationDate.parse("2015-10-07"), "AFP", "https://x.fr/1", f"{path}:1"),
        Rejection(str(path), f"{path} line 2 is not valid JSON (Unterminated string starting at, column 10); "
                             "each line must be one JSON object", 2),
        Dispatch(Dispatch.make_id(FRENCH_2), FRENCH_2, None, None, None, f"{path}:3"),
        Rejection(str(path), f"{path} line 4: publication date '7 octobre' is not YYYY, YYYY-MM or YYYY-MM-DD; "
                             "give it as e.g. 2015-10-07", 4),
    ]


def test_jsonl_is_detected_by_content_and_needs_text(tmp_path: Path) -> None:
    path = tmp_path / "feed"
    path.write_text('{"texte": "oups"}\n[1, 2]\n', encoding="utf-8")
    assert read(path) == [
        Rejection(str(path), f'{path} line 1 has no "text" string; give the dispatch text in "text"', 1),
        Rejection(str(path), f'{path} line 2 is a JSON list, not an object with a "text"', 2),
    ]


def test_stdin(tmp_path: Path) -> None:
    stream = io.StringIO(f" date 2015-10-07 {FRENCH}\n")
    assert read("-", stdin=stream) == [
        Dispatch(Dispatch.make_id(FRENCH), FRENCH, PublicationDate.parse("2015-10-07"), None, None, "<stdin>:1")
    ]


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert read(path) == [Rejection(str(path), f"{path} is empty: give a file with the dispatch text")]


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n")
    assert read(path) == [Rejection(str(path), f"{path} is empty: give a file with the dispatch text")]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert read(path) == [
        Rejection(str(path), f"{path} is a binary file (NUL byte at offset 8); give a UTF-8 text file")
    ]


def test_latin1_french_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    assert read(path) == [Dispatch(Dispatch.make_id(FRENCH), FRENCH, None, None, None, str(path))]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    assert read(path) == [Dispatch(Dispatch.make_id(FRENCH), FRENCH, None, None, None, str(path))]


def test_undecodable_non_french_bytes(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"abc \xff\xfe\xfa xyz " * 3)
    assert read(path) == [
        Rejection(str(path), f"{path} is not UTF-8 (undecodable byte 0xff at offset 4) and does not read as "
                             "French in cp1252/latin-1 either; convert it to UTF-8")
    ]


def test_english_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert read(path) == [
        Rejection(str(path), f"{path} does not look like French (detected: mostly English words); "
                             "fracas reads French dispatches")
    ]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert read(path) == [Rejection(str(path), f"{path} does not exist: give the path of a dispatch file")]


def test_six_megabyte_plain_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.txt"
    path.write_text((FRENCH + "\n") * (6 * 1024 * 1024 // len(FRENCH)), encoding="utf-8")
    assert read(path) == [
        Rejection(str(path), f"{path} is too long to be one dispatch (over 400,000 bytes; the limit is 100,000 "
                             "characters): split it into one dispatch per story")
    ]


def test_a_rejection_does_not_stop_the_next_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(FRENCH, encoding="utf-8")
    assert [type(item).__name__ for item in read(tmp_path / "missing.txt", good)] == ["Rejection", "Dispatch"]


def test_read_text() -> None:
    date = PublicationDate.parse("2015-10")
    assert read_text(FRENCH, origin="<api>", published=date) == Dispatch(
        Dispatch.make_id(FRENCH), FRENCH, date, None, None, "<api>"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  ", "<api> is empty: give the dispatch text"),
        (ENGLISH, r"<api> does not look like French \(detected: mostly English words\)"),
    ],
)
def test_read_text_refuses(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_text(text, origin="<api>")


def test_read_inputs_refuses_a_bare_string() -> None:
    with pytest.raises(InputError, match="wrap it"):
        list(read_inputs("story.txt"))  # type: ignore[arg-type]
