"""Schema and migrations, numbered by PRAGMA user_version. Each step commits with its version bump."""

from __future__ import annotations

from typing import Any

from recoveryjournal.domain.errors import NotAJournal
from recoveryjournal.i18n import _

#: Marks the database as ours (PRAGMA application_id); fixed forever.
APPLICATION_ID = 0x524A4E4C  # "RJNL"

#: MIGRATIONS[i] upgrades a database at version i to version i + 1.
#: Append only; never edit a step that has been released.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            entry_date TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX entries_by_date ON entries (entry_date DESC, id DESC)",
    ),
    (  # v2: mood check-ins, feelings, tags, the person's own words for scales, and full-text search
        """CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            checkin_date TEXT NOT NULL,
            checkin_time TEXT NOT NULL,
            mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10),
            sleep_hours REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
            anxiety INTEGER CHECK (anxiety IS NULL OR anxiety BETWEEN 1 AND 10),
            energy INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 10),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX checkins_by_date ON checkins (checkin_date, checkin_time)",
        "CREATE TABLE feelings (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
        """CREATE TABLE checkin_feelings (
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            feeling_id INTEGER NOT NULL REFERENCES feelings (id) ON DELETE CASCADE,
            PRIMARY KEY (checkin_id, feeling_id)
        )""",
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
        """CREATE TABLE entry_tags (
            entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
            PRIMARY KEY (entry_id, tag_id)
        )""",
        "ALTER TABLE entries ADD COLUMN entry_time TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE entries ADD COLUMN checkin_id INTEGER REFERENCES checkins (id) ON DELETE SET NULL",
        """CREATE TABLE scale_words (
            scale TEXT NOT NULL, value INTEGER NOT NULL, words TEXT NOT NULL, PRIMARY KEY (scale, value)
        )""",
        """CREATE VIRTUAL TABLE entries_fts USING fts5(
            title, body, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO entries_fts (rowid, title, body) SELECT id, title, body FROM entries",
        """CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
            INSERT INTO entries_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
        """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        END""",
        """CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body ON entries BEGIN
            INSERT INTO entries_fts (entries_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO entries_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""",
        """CREATE VIRTUAL TABLE checkins_fts USING fts5(
            note, content='checkins', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER checkins_fts_insert AFTER INSERT ON checkins BEGIN
            INSERT INTO checkins_fts (rowid, note) VALUES (new.id, new.note);
        END""",
        """CREATE TRIGGER checkins_fts_delete AFTER DELETE ON checkins BEGIN
            INSERT INTO checkins_fts (checkins_fts, rowid, note) VALUES ('delete', old.id, old.note);
        END""",
        """CREATE TRIGGER checkins_fts_update AFTER UPDATE OF note ON checkins BEGIN
            INSERT INTO checkins_fts (checkins_fts, rowid, note) VALUES ('delete', old.id, old.note);
            INSERT INTO checkins_fts (rowid, note) VALUES (new.id, new.note);
        END""",
    ),
    (  # v3: recovery goals, my crisis plan (with every saved version), my support, appointments
        """CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            why TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'done')),
            review_next_appointment INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            risk TEXT NOT NULL DEFAULT '',
            risk_why TEXT NOT NULL DEFAULT '',
            risk_could_go_wrong TEXT NOT NULL DEFAULT '',
            risk_what_helps TEXT NOT NULL DEFAULT '',
            risk_who_supports TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE goal_steps (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT 'me',
            who_name TEXT NOT NULL DEFAULT '',
            target_date TEXT,
            done INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX goal_steps_by_goal ON goal_steps (goal_id, position)",
        """CREATE TABLE goal_notes (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
            note_date TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        """CREATE TABLE plan_sections (
            position INTEGER NOT NULL,
            section_key TEXT NOT NULL PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            contacts TEXT NOT NULL DEFAULT '[]',
            skipped INTEGER NOT NULL DEFAULT 0,
            template_version INTEGER NOT NULL
        )""",
        "CREATE TABLE plan_revisions (id INTEGER PRIMARY KEY, saved_at TEXT NOT NULL, snapshot TEXT NOT NULL)",
        """CREATE TABLE support_items (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL DEFAULT 0,
            what TEXT NOT NULL,
            provider TEXT NOT NULL DEFAULT '',
            how_often TEXT NOT NULL DEFAULT '',
            my_view TEXT NOT NULL DEFAULT '',
            change_wanted TEXT NOT NULL DEFAULT '',
            cost REAL,
            cost_period TEXT NOT NULL DEFAULT '',
            wanted_not_yet INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            appt_date TEXT NOT NULL,
            appt_time TEXT NOT NULL DEFAULT '',
            with_whom TEXT NOT NULL DEFAULT '',
            talk_about TEXT NOT NULL DEFAULT '',
            support_to_change TEXT NOT NULL DEFAULT '',
            notes_after TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE appointment_goals (
            appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
            goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
            PRIMARY KEY (appointment_id, goal_id)
        )""",
        """CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            appointment_id INTEGER NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT 'me',
            who_name TEXT NOT NULL DEFAULT '',
            goal_id INTEGER REFERENCES goals (id) ON DELETE SET NULL,
            step_id INTEGER REFERENCES goal_steps (id) ON DELETE SET NULL
        )""",
    ),
    (  # v4: the share log: what was shared, when, with whom, how and where it was saved
        """CREATE TABLE share_log (
            id INTEGER PRIMARY KEY,
            shared_at TEXT NOT NULL,
            recipient TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL,
            saved_to TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE share_log_items (
            share_id INTEGER NOT NULL REFERENCES share_log (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL
        )""",
        "CREATE INDEX share_log_items_by_item ON share_log_items (kind, ref)",
    ),
    (  # v5: what was brought in from another file, so importing the same file twice adds nothing
        """CREATE TABLE imported (
            key TEXT PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL
        )""",
    ),
    (  # v6: the journal list's own order (date, time, id), so the newest 200 entries are read without sorting all
        "DROP INDEX entries_by_date",
        "CREATE INDEX entries_newest_first ON entries (entry_date DESC, entry_time DESC, id DESC)",
    ),
    (  # v7: the check-in knows my plan: signs and what helps to keep an eye on, what I noticed and what helped
        # in each check-in, my medicines (only if I turn them on) and this journal's own preferences
        """CREATE TABLE watch_items (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('sign', 'helps')),
            name TEXT NOT NULL COLLATE NOCASE,
            section_key TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (kind, name)
        )""",
        """CREATE TABLE checkin_marks (
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('noticed', 'helped')),
            name TEXT NOT NULL,
            PRIMARY KEY (checkin_id, kind, name)
        )""",
        "CREATE INDEX checkin_marks_by_name ON checkin_marks (kind, name)",
        "ALTER TABLE checkins ADD COLUMN medicines TEXT "
        "CHECK (medicines IS NULL OR medicines IN ('all', 'some', 'none'))",
        """CREATE TABLE medicines (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL DEFAULT 0,
            name TEXT NOT NULL,
            what_i_take TEXT NOT NULL DEFAULT '',
            since TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE medicine_changes (
            id INTEGER PRIMARY KEY,
            medicine_id INTEGER NOT NULL REFERENCES medicines (id) ON DELETE CASCADE,
            change_date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('change', 'stop')),
            what_i_take TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX medicine_changes_by_date ON medicine_changes (change_date)",
        "CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    (  # v8: the share log keeps each item's date and title as they left, and how many words were left out
        "ALTER TABLE share_log ADD COLUMN words_left_out INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE share_log_items ADD COLUMN item_date TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE share_log_items ADD COLUMN item_title TEXT NOT NULL DEFAULT ''",
    ),
    (  # v9: my own prompts, to start an entry from ("before an appointment", "after a hard day")
        """CREATE TABLE prompts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            body TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""",
    ),
]

LATEST = len(MIGRATIONS)
#: From this version on, a journal that can't be written (read-only stick) is read as it is rather than
#: refused: v6 only adds an index, and what v7 adds (signs, what helped, medicines) reads as empty before it
#: (see JournalConnection.version).
READABLE_WITHOUT_UPDATE = 5
#: The first version with signs, what helped and medicines.
PLAN_IN_CHECKINS = 7
#: The first version whose share log keeps each item's date and title, and the words left out.
SHARE_LOG_DETAILS = 8
#: The first version with my own prompts.
PROMPTS = 9


def current_version(db: Any) -> int:
    """The schema version stored in the database."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Any) -> int:
    """Bring the database (opened in autocommit mode) up to LATEST, one transaction per step."""
    version = current_version(db)
    if version > LATEST:
        raise NotAJournal(
            _("This journal was made by a newer version of Recovery Journal. Please update the app to open it.")
        )
    for target in range(version + 1, LATEST + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[target - 1]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {int(target)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return LATEST
