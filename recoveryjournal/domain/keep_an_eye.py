"""What I keep an eye on in my check-ins: some of my own early signs and triggers, and some things that help,
chosen from my crisis plan (or added in a check-in). None are chosen until the person chooses them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoveryjournal.domain.crisis_plan import PlanSection

#: 'sign': an early sign or trigger ("I noticed …"); 'helps': something that helps ("What helped …").
KINDS = ("sign", "helps")
#: Which of the plan's template sections hold each kind, in the order they are offered.
SECTIONS = {
    "sign": ("early_signs", "set_me_off"),
    "helps": ("keeps_me_well", "cope_alone", "distractions", "after"),
}
#: How a check-in stores each kind.
MARKS = {"sign": "noticed", "helps": "helped"}
LONGEST = 80
#: Kept short, so a check-in stays a check-in: at most this many of each kind.
MOST = 12
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class WatchItem:
    """One thing to keep an eye on, in the person's words."""

    kind: str
    name: str
    section_key: str = ""


def _parts(sentence: str) -> list[str]:
    """A sentence that is a list ("Tea, a warm shower, my playlist") as its items; otherwise the sentence."""
    if len(re.findall(r"[;,]", sentence)) < 2:
        return [sentence]
    items = [p.strip() for p in re.split(r"[;,]\s*", sentence) if p.strip()]
    if all(len(p) <= 40 for p in items):
        return [p[:1].upper() + p[1:] for p in items]
    return [sentence]


def plan_lines(sections: list[PlanSection], kind: str) -> list[tuple[str, str]]:
    """(section key, words) for each short sentence of the plan's sections of this kind, to choose from (a
    sentence that is a list gives its items)."""
    keys = SECTIONS[kind]
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for s in sorted((s for s in sections if s.key in keys and not s.skipped), key=lambda s: keys.index(s.key)):
        for line in s.text.splitlines():
            for sentence in _SENTENCE_END.split(_BULLET.sub("", line)):
                for part in _parts(" ".join(sentence.split()).rstrip(".!")):
                    if part and len(part) <= LONGEST and part.casefold() not in seen:
                        seen.add(part.casefold())
                        found.append((s.key, part))
    return found


def plan_is_filled(sections: list[PlanSection]) -> bool:
    """Some of the plan's signs and some of what helps are written: the moment to suggest keeping an eye."""
    return all(plan_lines(sections, kind) for kind in KINDS)
