"""'Check this PC', for support workers: the policy in force, where it came from, and whether anything
this user account can read names a journal or an export (the app's settings, Qt's file-dialog history,
recent-documents lists). Reads only; changes nothing. No Qt: the CLI runs it without a screen."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import platformdirs

from recoveryjournal.i18n import N_, _, ngettext
from recoveryjournal.services.policy import Policy, load_policy
from recoveryjournal.storage import system
from recoveryjournal.storage.fsutil import write_file

#: Names that give a journal, a backup or an export away.
_TRACE = re.compile(r"[^\s\"'=<>]*\.(?:rjournal|rjbackup)\b|[^\s\"'=<>]*[/\\][^/\\\s\"'=<>]+\.(?:pdf|csv|json)\b",
                    re.IGNORECASE)  # fmt: skip


_INI = "Recovery Journal.ini"
_EMPTY_VALUES = ("", "@Invalid()")


@dataclass(slots=True)
class PcReport:
    """What was found; `clean` is the exit status's meaning."""

    policy: Policy
    places_checked: list[str] = field(default_factory=list)
    #: What the app itself can clear now (its own and its file dialog's memory of places and journals).
    remembered: list[str] = field(default_factory=list)
    #: Files someone saved here (shares, backups, journals, leftovers), and other places that name one: a person
    #: decides about these (move them to their stick, or delete them).
    saved: list[str] = field(default_factory=list)

    @property
    def traces(self) -> list[str]:
        """Everything found, what can be cleared first."""
        return self.remembered + self.saved

    @property
    def clean(self) -> bool:
        """Nothing names a journal or an export, and the policy file (if any) was read without problems."""
        return not self.traces and not self.policy.problems

    def policy_lines(self) -> list[str]:
        """The policy in force, in plain words."""
        p = self.policy
        source = _("read from {file}").format(file=p.source) if p.source else _("none (a personal computer)")
        out = [_("Policy: {value}").format(value=source)]
        if p.source:
            rule = {
                "off": _("anywhere"),
                "warn": _("anywhere, with a warning off USB sticks"),
                "refuse": _("USB sticks only"),
            }
            minutes = p.auto_lock_minutes
            out += [
                _("  shared PC mode: {value}").format(value=_("on") if p.shared_pc else _("off")),
                _("  locks itself after at most: {value}").format(
                    value=ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
                    if minutes
                    else _("the person chooses")
                ),
                _("  journals on this PC's own disk: {value}").format(
                    value=_("allowed") if p.journals_on_this_pc else _("not allowed")
                ),
                _("  exports and backups go to: {place}").format(
                    place=rule.get(p.exports_to_removable_only, p.exports_to_removable_only)
                ),
                _("  centre name: {centre}; support line: {line}").format(
                    centre=p.centre_name or _("(none)"), line=p.support_line or _("(none)")
                ),
            ]
        out += [_("  problem in the policy file: {problem}").format(problem=problem) for problem in p.problems]
        return out

    def verdict(self) -> str:
        """The report in a sentence, with its counts: first thing a support worker reads."""
        if self.clean:
            return _("Clean: nothing on this account names a journal or an export.")
        if not self.traces:
            return _("Nothing names a journal here, but the policy file has a problem (see below).")
        parts = []
        if self.remembered:
            parts.append(ngettext("{n} thing the app can clear now", "{n} things the app can clear now",
                                  len(self.remembered)).format(n=len(self.remembered)))  # fmt: skip
        if self.saved:
            parts.append(ngettext("{n} file or place for you to look at", "{n} files or places for you to look at",
                                  len(self.saved)).format(n=len(self.saved)))  # fmt: skip
        found = _("{first} and {second}").format(first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]
        return _("Found {found} that could tell the next person about someone's journal.").format(found=found)

    def lines(self) -> list[str]:
        """The whole report: the verdict, what was found in its two groups, then the policy and where we looked."""
        out = [self.verdict()]
        if self.remembered:
            out += ["", _("The app can clear these now (Clear these now):")]
            out += [f"  {trace}" for trace in self.remembered]
        if self.saved:
            out += ["", _("Files someone saved, and other places that name one (move them to their stick, or delete "
                          "them):")]  # fmt: skip
            out += [f"  {trace}" for trace in self.saved]
        out += ["", *self.policy_lines()]
        out.append(_("Looked in: {places}").format(places="; ".join(self.places_checked) or _("nothing readable")))
        return out


def _places() -> list[tuple[str, Path]]:
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    places = [
        (
            _("the app's settings"),
            Path(platformdirs.user_config_dir("RecoveryJournal", appauthor=False)) / "Recovery Journal.ini",
        ),
        (_("the app's settings"), config / "RecoveryJournal" / _INI),
        (_("Qt's file-dialog history"), config / "QtProject.conf"),
        (_("the desktop's recent documents"), data / "recently-used.xbel"),
        (_("the desktop's recent documents"), home / ".recently-used.xbel"),
    ]
    if sys.platform == "win32":  # pragma: no cover - Windows only
        appdata = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
        places.append((_("Windows' recent documents"), appdata / "Microsoft" / "Windows" / "Recent"))
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        places.append((_("macOS recent items"), home / "Library" / "Application Support" / "com.apple.sharedfilelist"))
    return places


#: How each kind of file the app writes starts (read from its first few KB: never its words).
_PDF_CREATOR = b"/Creator (\xfe\xff" + "Recovery Journal".encode("utf-16-be")
_HEADERS: tuple[tuple[str, Callable[[str, bytes], bool]], ...] = (
    (N_("a journal's backup"), lambda name, head: name.endswith(".rjbackup") and head.startswith(b"PK")),
    (N_("everything from a journal, not encrypted (export-all)"),
     lambda name, head: name.endswith(".json") and b'"format": "recovery-journal-export"' in head),
    (N_("a share from a journal (JSON)"), lambda name, head: name.endswith(".json") and b'"shared_on":' in head),
    (N_("a share from a journal (CSV)"),
     lambda name, head: name.endswith(".csv") and head.startswith(b"\xef\xbb\xbfkind,date,title,text,details")),
    (N_("a PDF made by Recovery Journal"), lambda name, head: name.endswith(".pdf") and _PDF_CREATOR in head),
    (N_("a picture of a mood chart"), lambda name, head: name == "mood.png" and head.startswith(b"\x89PNG")),
)  # fmt: skip
#: Old and new temporaries of the app's writers, left by a copy that was stopped mid-way.
_LEFTOVER = re.compile(r"(\.rjtmp|\.(part|restoring|creating)(-[0-9a-f]+-[0-9a-f]+)?|\.(json|pdf|csv)\.new)$")
_SCAN_LIMIT = 20_000


def _save_places() -> list[tuple[str, Path]]:
    """Where the app's own saves start: Documents, Downloads, the desktop, the temporary folder, the data folder."""
    found = [
        (_("Documents"), Path(platformdirs.user_documents_dir())),
        (_("Downloads"), Path(platformdirs.user_downloads_dir())),
        (_("the desktop"), Path(platformdirs.user_desktop_dir())),
        (_("the temporary folder"), Path(os.environ.get("TMPDIR") or tempfile.gettempdir())),
        (_("the app's data folder"), Path(platformdirs.user_data_dir("RecoveryJournal", appauthor=False))),
    ]
    return [(label, path) for label, path in found if path.is_dir() and path != Path.home()]


def _app_files(label: str, folder: Path) -> list[str]:
    """Files and folders the app writes, found by name and by how they start (never by what they say)."""
    found: list[str] = []
    stack, seen = [(folder, 0)], 0
    while stack and seen < _SCAN_LIMIT:
        here, depth = stack.pop()
        try:
            children = list(here.iterdir())
        except OSError:
            continue
        for child in children:
            seen += 1
            name = child.name.lower()
            try:
                if child.is_dir() and not child.is_symlink():
                    if name.endswith(".rjournal") or (child / "keys.json").is_file():
                        found.append(_("{label}: a journal: {name}").format(label=label, name=child))
                    elif depth < 2:
                        stack.append((child, depth + 1))
                    continue
                if _LEFTOVER.search(name):
                    found.append(_("{label}: a temporary file left by the app: {name}").format(label=label, name=child))
                    continue
                if not name.endswith((".rjbackup", ".json", ".csv", ".pdf", ".png")):
                    continue
                with child.open("rb") as fh:
                    head = fh.read(8192)
                    tail = _tail(fh) if name.endswith(".pdf") else b""
            except OSError:
                continue
            for words, matches in _HEADERS:
                if matches(name, head):
                    found.append(_("{label}: {what}: {name}").format(label=label, what=_(words), name=child))
                    break
            else:
                # A protected PDF's words (its maker too) are encrypted: one protected with a password, as the
                # app's are (AES-256), is listed as one that may be a share, for a person to decide about.
                if head.startswith(b"%PDF-") and b"/Encrypt" in tail and b"/V 5" in head + tail:
                    found.append(_("{label}: a PDF protected with a password (it may be a share from a journal): "
                                   "{name}").format(label=label, name=child))  # fmt: skip
    return found


def _tail(fh: BinaryIO) -> bytes:
    """The last 16 KB of a file (a PDF's trailer and, for the app's protected PDFs, its encryption settings)."""
    fh.seek(0, os.SEEK_END)
    fh.seek(max(0, fh.tell() - 16384))
    return fh.read()


def _dialog_places(text: str) -> list[str]:
    """The folders Qt's file dialog remembers (history, last visited), without the bare home folder (every
    dialog starts there, so it says nothing about anyone)."""
    home = {str(Path.home()).rstrip("/"), Path.home().as_uri().rstrip("/")}
    places = []
    for value in re.findall(r"^(?:history|lastVisited)=(.*)$", text, re.MULTILINE):
        for place in (p.strip().strip('"') for p in value.split(", ")):
            if place not in _EMPTY_VALUES and place.rstrip("/") not in home and place not in places:
                places.append(place)
    return places


#: Said beside "Clear these now": what it clears, and what it leaves for a person to decide.
CLEARS = N_(
    "Clears what the app and its file dialog remember (the last journal, the folders of saves and opens). "
    "Files someone saved are left alone: they may be theirs, so move them to their stick or delete them yourself."
)


#: The settings keys "Clear these now" empties: Qt's file dialog's folders and the app's last journal.
_CLEARED_KEYS = re.compile(r"^(history|lastVisited|last_path)=.*$", re.MULTILINE)


#: Where Windows' file dialogs and Explorer list files and folders a person opened or saved (per user).
_WINDOWS_LISTS = (
    (N_("Windows' list of files saved or opened in a file dialog"),
     r"Software\Microsoft\Windows\CurrentVersion\Explorer\ComDlg32\OpenSavePidlMRU"),
    (N_("Windows' list of folders each program last used in a file dialog"),
     r"Software\Microsoft\Windows\CurrentVersion\Explorer\ComDlg32\LastVisitedPidlMRU"),
    (N_("Windows' recent documents"), r"Software\Microsoft\Windows\CurrentVersion\Explorer\RecentDocs"),
)  # fmt: skip


#: A name the app gives what it saves: a journal, a backup, or a share or chart with the day in its name.
_APP_FILE = re.compile(r"\.(?:rjournal|rjbackup)$|\d{4}-\d{2}-\d{2}(?: \(\d+\))?\.(?:pdf|csv|json|html|png)$",
                       re.IGNORECASE)  # fmt: skip


def _registry_items(data: object) -> list[str]:
    """The names inside a registry list's value (UTF-16 names within Windows' item ids, at either alignment)."""
    if not isinstance(data, bytes):
        return [str(data)]
    items: list[str] = []
    for start in (0, 1):
        text = data[start:].decode("utf-16-le", "replace")
        items += [part.strip() for part in re.split(r"[\x00-\x1f\ufffd]+", text) if len(part.strip()) > 2]
    return items


def _windows_lists(report: PcReport) -> None:
    """What Windows' own lists (in the registry) say of journals and exports. Read only: these lists belong to
    Windows, so a person clears them (Settings ▸ Privacy, or File Explorer's "Clear" of recent files)."""
    thumbnails = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "Microsoft" / "Windows"
    if sys.platform == "win32" and any((thumbnails / "Explorer").glob("thumbcache_*.db")):  # not shown: a folder
        said = _(
            "Windows' thumbnail cache (it can keep small pictures of files shown in a folder, such as a saved "
            "chart; Disk Cleanup's Thumbnails empties it)"
        )
        report.places_checked.append(said)
    for label, key in _WINDOWS_LISTS:
        values = system.registry_values(key)
        if not values:
            continue
        report.places_checked.append(_(label))
        for _subkey, _name, data in values:
            items = _registry_items(data)
            names = sorted({item for item in items if _APP_FILE.search(item)})
            if "LastVisited" in key and any("recoveryjournal" in item.casefold() for item in items):
                names = names or [_("the folder where Recovery Journal last saved or opened a file")]
            said = _("{label}: it names a journal or a saved file: {name}")
            report.saved += [said.format(label=_(label), name=name[:200]) for name in names]


def clear_remembered_places() -> int:
    """Clear Qt's file-dialog history and the app's "last journal" on this account; returns how many files
    changed. Files people saved are never touched (see CLEARS)."""
    changed = 0
    for _label, path in _places():
        if not path.is_file() or path.suffix not in (".conf", ".ini"):
            continue
        try:
            text = path.read_text("utf-8", "replace")
        except OSError:
            continue
        cleared = _CLEARED_KEYS.sub(r"\1=", text)
        if cleared != text:
            write_file(path, cleared.encode("utf-8"), overwrite=True)
            changed += 1
    return changed


def check_this_pc(policy: Policy | None = None) -> PcReport:
    """Look at what this user account keeps, for names of journals and exports."""
    report = PcReport(policy or load_policy())
    seen: set[Path] = set()
    for label, path in _places():
        if path in seen or not path.exists():
            continue
        seen.add(path)
        report.places_checked.append(f"{label} ({path})")
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()][:5000]
        for f in files:
            if path.is_dir() and re.search(r"\.(rjournal|rjbackup|pdf|csv|json)", f.name, re.IGNORECASE):
                report.saved.append(f"{label}: {f.name}")
                continue
            try:
                text = f.read_bytes()[:2_000_000].decode("utf-8", "replace")
            except OSError:
                continue
            clears = f.suffix in (".conf", ".ini")  # what clear_remembered_places rewrites
            if "[FileDialog]" in text:
                report.remembered += [
                    _("{label}: it remembers the folder {place}, where someone saved or opened a file").format(
                        label=label, place=place[:200])
                    for place in _dialog_places(text)
                ]  # fmt: skip
            if re.search(r"^last_path=.+", text, re.MULTILINE):
                report.remembered.append(_("{label}: it remembers the last journal opened").format(label=label))
            # Names in the keys Clear empties are told above; any other (recent files, other keys): a person decides.
            rest = _CLEARED_KEYS.sub("", text) if clears else text
            names = sorted(set(_TRACE.findall(rest)))
            said = _("{label}: it names a journal or a saved file: {name}")
            report.saved += [said.format(label=label, name=name[:200]) for name in names]
    for label, folder in _save_places():
        report.places_checked.append(f"{label} ({folder})")
        report.saved += _app_files(label, folder)
    _windows_lists(report)
    report.remembered = list(dict.fromkeys(report.remembered))
    report.saved = list(dict.fromkeys(report.saved))
    return report
