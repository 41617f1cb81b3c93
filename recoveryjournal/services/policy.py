"""Machine policy, set by whoever looks after the computer (e.g. a drop-in centre's support worker).

A JSON file in the system-wide config folder (Linux: /etc/xdg/RecoveryJournal/policy.json; Windows:
C:\\ProgramData\\RecoveryJournal\\policy.json; macOS: /Library/Application Support/RecoveryJournal/
policy.json), or the file named by RECOVERYJOURNAL_POLICY. People without admin rights can't change it,
and nothing in the app writes it. Every key is optional (docs/support-workers.md):

    {"shared_pc": true, "auto_lock_minutes": 2, "journals_on_this_pc": false,
     "centre_name": "Riverside Drop-in", "support_line": "Ask at the desk, or call 0300 123 4567",
     "exports_to_removable_only": "refuse"}

A damaged file errs on the safe side: the strictest shared-PC settings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from recoveryjournal.i18n import _
from recoveryjournal.services.locations import APP_DIR_NAME

POLICY_ENV = "RECOVERYJOURNAL_POLICY"
#: How exports and backups are kept off the PC's own disk: not at all, a warning, or a refusal.
REMOVABLE_RULES = ("off", "warn", "refuse")


@dataclass(frozen=True, slots=True)
class Policy:
    """What this machine allows."""

    shared_pc: bool = False
    #: The longest idle time before the journal locks itself (None: the person chooses).
    auto_lock_minutes: int | None = None
    #: May a journal be created on the PC's own disk (not a USB stick)?
    journals_on_this_pc: bool = True
    centre_name: str = ""
    support_line: str = ""
    #: "off", "warn" or "refuse": exports and backups on the PC's own disk.
    exports_to_removable_only: str = "off"
    #: Where this policy was read from ("" when there is no policy file), and what was wrong with it.
    source: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def may_remember_passphrase(self) -> bool:
        """Never on a shared PC: nobody may find a remembered passphrase there."""
        return not self.shared_pc

    @property
    def may_turn_off_auto_lock(self) -> bool:
        """On a shared PC the journal always locks by itself."""
        return not self.shared_pc and self.auto_lock_minutes is None

    @property
    def may_remember_last_journal(self) -> bool:
        """On a shared PC no journal's name or place is remembered."""
        return not self.shared_pc

    @property
    def leaves_no_traces(self) -> bool:
        """File dialogs keep no history, the clipboard is always cleared, locking forgets the journal."""
        return self.shared_pc

    def idle_minutes(self, chosen: int) -> int:
        """The idle time actually used: the person's choice, never longer than the policy allows."""
        if self.auto_lock_minutes is None:
            return chosen
        return min(chosen, self.auto_lock_minutes) if chosen > 0 else self.auto_lock_minutes


#: What a damaged or unreadable policy file means: the strictest shared-PC settings.
def _strict(source: str, problem: str) -> Policy:
    return Policy(shared_pc=True, auto_lock_minutes=2, journals_on_this_pc=False,
                  exports_to_removable_only="refuse", source=source, problems=(problem,))  # fmt: skip


def policy_path() -> Path:
    """Where the machine policy is read from."""
    override = os.environ.get(POLICY_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP_DIR_NAME, appauthor=False)) / "policy.json"


def load_policy() -> Policy:
    """Read the policy; a missing file means a personal computer, a damaged one errs on the safe side."""
    path = policy_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Policy()
    except (OSError, UnicodeDecodeError):
        return _strict(str(path), _("the policy file can't be read"))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return _strict(str(path), _("the policy file isn't valid JSON"))
    if not isinstance(data, dict):
        return _strict(str(path), _("the policy file isn't a JSON object"))
    problems: list[str] = []
    minutes = data.get("auto_lock_minutes")
    if minutes is not None and not (isinstance(minutes, int) and 1 <= minutes <= 240):
        problems.append(_("auto_lock_minutes should be a whole number from 1 to 240; 2 is used"))
        minutes = 2
    rule = data.get("exports_to_removable_only", "off")
    if rule is True:
        rule = "refuse"
    if rule not in REMOVABLE_RULES:
        problems.append(_("exports_to_removable_only should be off, warn or refuse; refuse is used"))
        rule = "refuse"
    known = {"shared_pc", "auto_lock_minutes", "journals_on_this_pc", "centre_name", "support_line",
             "exports_to_removable_only"}  # fmt: skip
    problems += [_("unknown setting “{setting}” is ignored").format(setting=k) for k in sorted(set(data) - known)]
    return Policy(
        shared_pc=bool(data.get("shared_pc", False)),
        auto_lock_minutes=minutes,
        journals_on_this_pc=bool(data.get("journals_on_this_pc", True)),
        centre_name=str(data.get("centre_name", ""))[:80],
        support_line=str(data.get("support_line", ""))[:160],
        exports_to_removable_only=str(rule),
        source=str(path),
        problems=tuple(problems),
    )
