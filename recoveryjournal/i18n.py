"""Words and dates in the person's language: one gettext catalogue for the window, the command line, the
services' messages and the exported pages, and Babel for dates and numbers as the locale writes them.

`_()` translates now; `N_()` only marks words kept in module constants, which are translated where they are
shown (`Texts` does that for the `_TEXT` dictionaries each screen keeps). The language is chosen once at
start (`choose_language`), before any window is built; changing it in Settings takes effect at the next start.
Below every layer: imports nothing from the rest of the package.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import locale as _locale
import os
import sys
from pathlib import Path
from typing import Any

DOMAIN = "recoveryjournal"
#: The languages the app speaks, each in its own words; English is the source.
LANGUAGES = {"en": "English", "es": "Español"}
#: Where a language's dates come from when this computer's own locale speaks another language.
_DEFAULT_REGION = {"en": "en_GB", "es": "es_ES"}
#: Speaks instead of this computer's language, unless Settings holds a choice (tests, the command line).
LANGUAGE_ENV = "RECOVERYJOURNAL_LANGUAGE"

_state: dict[str, Any] = {"language": "en", "locale": "en_GB", "translations": _gettext.NullTranslations()}


def translations_dir() -> Path | None:
    """`resources/translations` in a source checkout or a PyInstaller bundle."""
    candidates = [Path(getattr(sys, "_MEIPASS", "")), Path(__file__).resolve().parents[1]]
    return next(
        (p / "resources" / "translations" for p in candidates if (p / "resources" / "translations").is_dir()), None
    )


def _(message: str) -> str:
    """The message in the chosen language (the English words when there is no translation). Words the
    catalogue doesn't hold, such as the person's own, come back as they are; "" stays "" (gettext would
    give the catalogue's header)."""
    return str(_state["translations"].gettext(message)) if message else message


def N_(message: str) -> str:
    """Mark words for the catalogue without translating them yet (module constants)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The right form for a count, in the chosen language."""
    return str(_state["translations"].ngettext(singular, plural, n))


def pgettext(context: str, message: str) -> str:
    """Words that need a different translation in one place ("From" a person, not "from" a date)."""
    return str(_state["translations"].pgettext(context, message))


class Texts(dict[str, Any]):
    """A screen's words by key (a text, or a list or dictionary of texts), translated each time one is used, so they
    follow the chosen language."""

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, str):
            return _(value)
        if isinstance(value, dict):
            return {k: _(v) for k, v in value.items()}
        return [_(v) for v in value]


def system_locale() -> str:
    """This computer's locale as `ll_CC` (from the usual environment variables, then the C library)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0].split(".")[0]
        if value and value not in ("C", "POSIX"):
            return value
    try:
        return _locale.getlocale()[0] or "en_GB"
    except ValueError:
        return "en_GB"


def spoken_language(locale: str) -> str:
    """The language the app speaks for a locale such as "es_MX" or "de_DE" (English when it has none)."""
    language = locale.replace("-", "_").split(".")[0].split("_")[0].lower()
    return language if language in LANGUAGES else "en"


def choose_language(choice: str = "", system: str | None = None) -> str:
    """Speak `choice` ("en", "es", or a locale such as "es_MX", as chosen in Settings); "" follows
    `LANGUAGE_ENV`, then this computer's locale (`system`, e.g. Qt's, or the environment's). Unknown languages
    fall back to English. Returns the language now spoken."""
    wanted = choice or os.environ.get(LANGUAGE_ENV, "") or system or system_locale()
    code = wanted.replace("-", "_").split(".")[0]
    language = spoken_language(code)
    if not code.lower().startswith(language):
        code = ""
    if "_" not in code:  # no region given: this computer's, when it speaks this language
        here = (system or system_locale()).replace("-", "_").split(".")[0]
        code = here if here.split("_")[0].lower() == language and "_" in here else _DEFAULT_REGION[language]
    folder = translations_dir()
    translations: _gettext.NullTranslations = _gettext.NullTranslations()
    if language != "en" and folder is not None:
        translations = _gettext.translation(DOMAIN, folder, languages=[language], fallback=True)
    _state.update(language=language, locale=code, translations=translations)
    return language


def language() -> str:
    """The language spoken now ("en", "es")."""
    return str(_state["language"])


def locale_name() -> str:
    """The locale dates and numbers follow now, e.g. "en_GB" or "es_ES"."""
    return str(_state["locale"])


# Dates, times and numbers -------------------------------------------------------------------------------
# Babel is imported at first use (about 30 ms), not at start; `warm_up` does that early on a worker.


def warm_up() -> None:
    """Load Babel and this locale's data now (called off the GUI thread while a journal unlocks)."""
    day(dt.date(2000, 1, 1))
    clock(dt.time(0, 0))


def day(date: dt.date, style: str = "long") -> str:
    """A day as people write it here. Styles: "full" (Saturday, 7 November 2026), "long" (7 November 2026),
    "short" (7 Nov 2026), "short_weekday" (Sat, 7 Nov 2026), "weekday" (Saturday), "weekday_letter" (S),
    "month" (November 2026), "day_month" (7 November), "day_month_short" (7 Nov)."""
    from babel.dates import format_date, format_skeleton

    where = locale_name()
    if style in ("full", "long"):
        return str(format_date(date, style, locale=where))
    if style == "weekday":
        return str(format_date(date, "EEEE", locale=where))
    if style == "weekday_letter":  # M, T, W… (L, M, X… in Spanish)
        return str(format_date(date, "EEEEE", locale=where))
    skeleton = {
        "short": "yMMMd",
        "short_weekday": "yMMMEd",
        "month": "yMMMM",
        "day_month": "MMMMd",
        "day_month_short": "MMMd",
    }[style]
    return str(format_skeleton(skeleton, date, locale=where))


def calendar_words() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """This language's month names (January first) and weekday names (Monday first), each as (short, long),
    for reading dates people type."""
    from babel.dates import get_day_names, get_month_names

    where = locale_name()
    months = [
        (
            str(get_month_names("abbreviated", locale=where)[m]).rstrip("."),
            str(get_month_names("wide", locale=where)[m]),
        )
        for m in range(1, 13)
    ]
    days = [
        (str(get_day_names("abbreviated", locale=where)[d]).rstrip("."), str(get_day_names("wide", locale=where)[d]))
        for d in range(7)
    ]
    return months, days


def clock(time: dt.time) -> str:
    """A time of day as this locale writes it (14:05, or 2:05 PM)."""
    from babel.dates import format_time

    return str(format_time(time, "short", locale=locale_name()))


def moment(when: dt.datetime) -> str:
    """A day and a time: 7 November 2026, 14:05."""
    return _("{day}, {time}").format(day=day(when.date()), time=clock(when.time()))


def number(value: float, decimals: int = 1, *, fixed: bool = True) -> str:
    """A number as this locale writes it: 6.0 or 6,0 (`fixed=False`: 7.5 but 7, no trailing zeros)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=locale_name()))
