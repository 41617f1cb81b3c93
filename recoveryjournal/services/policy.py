"""Machine policy, set by whoever looks after the computer (e.g. a drop-in centre's support worker).

A JSON file in the system-wide config folder (on Linux /etc/xdg/RecoveryJournal/policy.json), or the
file named by RECOVERYJOURNAL_POLICY. Today it knows one setting; later issues add to it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from recoveryjournal.services.locations import APP_DIR_NAME

POLICY_ENV = "RECOVERYJOURNAL_POLICY"


@dataclass(frozen=True, slots=True)
class Policy:
    """What this machine allows."""

    shared_pc: bool = False

    @property
    def may_remember_passphrase(self) -> bool:
        """Never on a shared PC: nobody may find a remembered passphrase there."""
        return not self.shared_pc

    @property
    def may_turn_off_auto_lock(self) -> bool:
        """On a shared PC the journal always locks by itself."""
        return not self.shared_pc

    @property
    def may_remember_last_journal(self) -> bool:
        """On a shared PC no journal's name or place is remembered."""
        return not self.shared_pc


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
    except OSError:
        return Policy(shared_pc=True)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return Policy(shared_pc=True)
    return Policy(shared_pc=bool(data.get("shared_pc", False)) if isinstance(data, dict) else True)
