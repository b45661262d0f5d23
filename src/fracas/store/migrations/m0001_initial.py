"""The first schema: dispatches, events, the links between them, rejected input, search indexes.

Tables (the same in both backends; types differ where the backends do):

dispatches        one row per distinct text (content_hash = sha256 of the text, unique), its
                  publication date and precision, outlet, url, origin (file:line), MinHash signature
                  (JSON list of ints), near_duplicate_of (the stored dispatch it republishes), ingested_at.
dispatch_bands    MinHash LSH bands of each signature (band number, 64-bit bucket hash), so that
                  near-duplicate candidates are found through an index instead of a scan.
events            the contract JSON (`record`) plus indexed copies of the fields queries filter on.
                  event_date_end is the last day the event's date can mean (its date precision),
                  so dedupe candidates can be found by an index range.
event_dispatches  which dispatch reports which event: the evidence spans from that dispatch, the merge
                  reasons ([] for the first report) and the distance between the reports' places.
rejections        input that could not be read: origin, line, reason, first time seen.

Text search: SQLite FTS5 tables with `unicode61 remove_diacritics 2` (accents and case folded, no
stemming); PostgreSQL tsvector columns over `fracas_fold(text)`: the French configuration for
dispatch text (stemmed), `simple` for the English notes. fracas_fold lowercases and strips French
accents with translate(): unlike the unaccent extension it is IMMUTABLE (usable in a generated
column), needs no extension or superuser, and folds the same on every server.
"""

VERSION = 1
NAME = "initial"

_SQLITE_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_FTS_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"

SQLITE: tuple[str, ...] = (
    f"""CREATE TABLE dispatches (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        published TEXT,
        published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
        outlet TEXT,
        url TEXT,
        origin TEXT NOT NULL,
        signature TEXT,
        near_duplicate_of TEXT REFERENCES dispatches (id),
        ingested_at TEXT NOT NULL DEFAULT {_SQLITE_NOW}
    )""",
    "CREATE INDEX dispatches_near_duplicate_of ON dispatches (near_duplicate_of)",
    """CREATE TABLE dispatch_bands (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        PRIMARY KEY (band, bucket, dispatch_id)
    )""",
    "CREATE INDEX dispatch_bands_dispatch ON dispatch_bands (dispatch_id)",
    f"""CREATE VIRTUAL TABLE dispatch_fts USING fts5(
        text, content = 'dispatches', content_rowid = 'seq', {_FTS_TOKENIZER}
    )""",
    f"""CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        record TEXT NOT NULL,
        event_date TEXT NOT NULL,
        event_date_end TEXT NOT NULL,
        date_precision TEXT NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT NOT NULL,
        actor2 TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        location TEXT,
        latitude REAL,
        longitude REAL,
        fatalities INTEGER,
        confidence TEXT NOT NULL,
        notes TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT {_SQLITE_NOW},
        updated_at TEXT NOT NULL DEFAULT {_SQLITE_NOW}
    )""",
    "CREATE INDEX events_candidates ON events (sub_event_type, country, event_date, event_date_end)",
    "CREATE INDEX events_date ON events (event_date, event_id)",
    "CREATE INDEX events_place ON events (country, admin1)",
    "CREATE INDEX events_type ON events (event_type)",
    f"CREATE VIRTUAL TABLE event_fts USING fts5(notes, {_FTS_TOKENIZER})",
    f"""CREATE TABLE event_dispatches (
        event_id TEXT NOT NULL REFERENCES events (event_id),
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        evidence TEXT NOT NULL,
        reasons TEXT NOT NULL,
        distance_km REAL,
        linked_at TEXT NOT NULL DEFAULT {_SQLITE_NOW},
        PRIMARY KEY (event_id, dispatch_id)
    )""",
    "CREATE INDEX event_dispatches_dispatch ON event_dispatches (dispatch_id)",
    f"""CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT {_SQLITE_NOW}
    )""",
    "CREATE UNIQUE INDEX rejections_unique ON rejections (origin, coalesce(line, -1), reason)",
)

_ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ"
_PLAIN = "aaaaaaceeeeiiiinooooouuuuyy"
assert len(_ACCENTED) == len(_PLAIN)

POSTGRES: tuple[str, ...] = (
    f"""CREATE FUNCTION fracas_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT replace(replace(translate(lower(value), '{_ACCENTED}', '{_PLAIN}'), 'œ', 'oe'), 'æ', 'ae') $$""",
    """CREATE TABLE dispatches (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        published DATE,
        published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
        outlet TEXT,
        url TEXT,
        origin TEXT NOT NULL,
        signature JSONB,
        near_duplicate_of TEXT REFERENCES dispatches (id),
        ingested_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        search TSVECTOR GENERATED ALWAYS AS (to_tsvector('french'::regconfig, fracas_fold(text))) STORED
    )""",
    "CREATE INDEX dispatches_near_duplicate_of ON dispatches (near_duplicate_of)",
    "CREATE INDEX dispatches_search ON dispatches USING gin (search)",
    """CREATE TABLE dispatch_bands (
        band INTEGER NOT NULL,
        bucket BIGINT NOT NULL,
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        PRIMARY KEY (band, bucket, dispatch_id)
    )""",
    "CREATE INDEX dispatch_bands_dispatch ON dispatch_bands (dispatch_id)",
    """CREATE TABLE events (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        record JSONB NOT NULL,
        event_date DATE NOT NULL,
        event_date_end DATE NOT NULL,
        date_precision TEXT NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1 TEXT NOT NULL,
        actor2 TEXT,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        location TEXT,
        latitude DOUBLE PRECISION,
        longitude DOUBLE PRECISION,
        fatalities INTEGER,
        confidence TEXT NOT NULL,
        notes TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        notes_search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, fracas_fold(notes))) STORED
    )""",
    "CREATE INDEX events_candidates ON events (sub_event_type, country, event_date, event_date_end)",
    "CREATE INDEX events_date ON events (event_date, event_id)",
    "CREATE INDEX events_place ON events (country, admin1)",
    "CREATE INDEX events_type ON events (event_type)",
    "CREATE INDEX events_notes_search ON events USING gin (notes_search)",
    """CREATE TABLE event_dispatches (
        event_id TEXT NOT NULL REFERENCES events (event_id),
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        evidence JSONB NOT NULL,
        reasons JSONB NOT NULL,
        distance_km DOUBLE PRECISION,
        linked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (event_id, dispatch_id)
    )""",
    "CREATE INDEX event_dispatches_dispatch ON event_dispatches (dispatch_id)",
    """CREATE TABLE rejections (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        origin TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
    )""",
    "CREATE UNIQUE INDEX rejections_unique ON rejections (origin, coalesce(line, -1), reason)",
)
