"""Reading passphrases: from the terminal without echo, or the first lines of stdin for scripts."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import N_, _


class Input:
    """Hands out secrets and text. Not a terminal: line 1, line 2… are the secrets, the rest is text."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stdin
        self.interactive = self._stream.isatty()

    def secret(self, prompt: str, *, confirm: str | None = None) -> str:
        """A passphrase or recovery key; asked twice on a terminal when `confirm` is given."""
        if self.interactive:
            first = getpass.getpass(prompt)
            if confirm is not None and getpass.getpass(confirm) != first:
                raise InvalidInput(_("The two passphrases weren't the same. Nothing has been changed."))
            value = first
        else:
            line = self._read(self._stream.readline)
            if not line:
                raise InvalidInput(
                    _("{what} was expected on the first line of the input, but it was empty.").format(
                        what=prompt.rstrip(": ")
                    )
                )
            value = line.rstrip("\r\n")
        if not value:
            raise InvalidInput(_("{what} can't be empty.").format(what=prompt.rstrip(": ")))
        if confirm is not None and not _is_text(value):
            # A new passphrase in bytes that aren't text (a Latin-1 terminal's "café"): only those exact bytes
            # would open the journal, and the window can never type them. Refused before anything changes.
            raise InvalidInput(
                _(
                    "That passphrase has letters this app can't read as text (the terminal may use another "
                    "encoding than UTF-8), so the window could never type it. Choose one in plain letters, or set "
                    "the terminal to UTF-8. Nothing has been changed."
                )
            )
        return value

    def rest(self) -> str:
        """Everything left on stdin (the text of a new entry)."""
        if self.interactive:
            print(_("Type your entry. Finish with Ctrl+D on a line of its own."), file=sys.stderr)
        return self._read(self._stream.read)

    @staticmethod
    def _read(read: Callable[[], str]) -> str:
        try:
            return read()
        except UnicodeDecodeError:
            raise InvalidInput(
                _(
                    "The input couldn't be read as text (it isn't UTF-8). Save it as UTF-8 text and try again. "
                    "Nothing has been changed."
                )
            ) from None


def _is_text(value: str) -> bool:
    """True when `value` is text (no bytes that were undecodable, kept as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


#: Said in --help wherever private words can be typed on the command line.
SEEN_BY_OTHERS = N_(
    "Words typed as options can be seen by other people using this computer (in its list of running "
    "programs). For private words, use the -file options, the input, or --options-file FILE (any options, one "
    "per line)."
)


def read_words_file(path: str | None) -> str | None:
    """The text of a --text-file / --note-file / --redact-file (UTF-8), or None when none was given."""
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise InvalidInput(
            _("{path} couldn't be read as text (it isn't UTF-8). Nothing has been changed.").format(path=path)
        ) from None
    except OSError as exc:
        raise InvalidInput(
            _("{path} couldn't be read ({why}). Nothing has been changed.").format(
                path=path, why=(exc.strerror or str(exc)).lower()
            )
        ) from None
