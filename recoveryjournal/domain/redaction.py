"""Leaving words out of what is shared, for every way a word can be typed.

A name can reach the journal precomposed ("Zoë") or decomposed ("Zoe" + a combining diaeresis, as macOS
and some keyboards write it), in capitals, in fullwidth letters ("Ｓａｍ"), with a curly apostrophe, or
split by an invisible zero-width space from a paste. Matching happens on a folded copy of the text
(compatibility-decomposed, accents, invisible marks and case folded away, every quote one quote), mapped
back character by character to the original, so whatever form was typed, it is found.

A match inside a longer word takes the whole word ("Sam" in "Samuel" leaves "Samuel" out whole): cutting
it would show the rest of the name and that something was hidden.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: What a removed passage becomes: always the same, so its length gives nothing away.
REDACTED = "█████"

#: Characters that print as nothing: a paste can hide them inside a name.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f")
#: Every apostrophe and quote folds to one of two.
_QUOTES = str.maketrans({c: "'" for c in "’‘‚‛ʼʹʻ`´′＇"} | {c: '"' for c in "“”„‟«»″＂"})


def fold(text: str) -> str:
    """The matching form of `text`: case folded, compatibility-decomposed, without accents or invisible marks."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (c for c in decomposed if c not in _INVISIBLE and unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFKC", "".join(kept)).casefold().translate(_QUOTES)


def _folded_with_owners(text: str) -> tuple[str, list[int]]:
    """`text` folded one character at a time, and for each folded character the original's index."""
    if text.isascii():  # the common case, a hundred times quicker: nothing to decompose
        return text.lower().replace("`", "'"), list(range(len(text)))
    chars: list[str] = []
    owners: list[int] = []
    for index, ch in enumerate(text):
        for f in fold(ch):
            chars.append(f)
            owners.append(index)
    return "".join(chars), owners


def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = fold(phrase).split()
    return re.compile(r"\s+".join(re.escape(w) for w in words)) if words else None


def _spans(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    folded, owners = _folded_with_owners(text)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(folded):
            start, end = m.start(), m.end()
            if start == end:
                continue
            while start > 0 and folded[start - 1].isalnum():  # the whole word, never a cut one
                start -= 1
            while end < len(folded) and folded[end].isalnum():
                end += 1
            first, last = owners[start], owners[end - 1] + 1
            while last < len(text) and not fold(text[last]):  # a combining mark or invisible one that follows
                last += 1
            spans.append((first, last))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def redact(text: str, phrases: Iterable[str]) -> str:
    """`text` with every chosen phrase left out, however it was typed (see the module's note)."""
    patterns = [p for p in (_pattern(phrase) for phrase in set(phrases)) if p is not None]
    if not text or not patterns:
        return text
    out: list[str] = []
    at = 0
    for first, last in _spans(text, patterns):
        out += [text[at:first], REDACTED]
        at = last
    out.append(text[at:])
    return "".join(out)
