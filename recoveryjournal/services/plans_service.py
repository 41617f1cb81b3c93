"""Goals, my crisis plan and my support: what the screens and the CLI use."""

from __future__ import annotations

import datetime as dt
import difflib
import uuid
from dataclasses import replace

from recoveryjournal.domain.checkin import clean_feelings
from recoveryjournal.domain.crisis_plan import TEMPLATE, PlanSection, template_sections
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal, Step, check_goal_title, check_status, check_step
from recoveryjournal.domain.keep_an_eye import KINDS, LONGEST, MOST, SECTIONS, WatchItem, plan_is_filled, plan_lines
from recoveryjournal.domain.signals import Signal
from recoveryjournal.domain.support import SupportItem, check_support
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.goals import GoalRepository
from recoveryjournal.storage.meta import PreferenceRepository
from recoveryjournal.storage.plan import PlanRepository, WatchRepository
from recoveryjournal.storage.support import SupportRepository


class GoalService:
    """Recovery goals; `changed` fires after every write."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = GoalRepository(conn)
        self.changed = Signal()

    def save(self, goal: Goal) -> Goal:
        """Check and save a goal with its steps and positive risk; returns it as stored."""
        valid = Goal(goal.id, check_goal_title(goal.title), goal.why.strip(), check_status(goal.status),
                     goal.review_next_appointment, tuple(check_step(s) for s in goal.steps), goal.risk)  # fmt: skip
        goal_id = self._repo.save(valid)
        self.changed.emit()
        return self._repo.get(goal_id)

    def add_step(self, goal_id: int, step: Step) -> Goal:
        """Add one step to a goal."""
        self._repo.get(goal_id)
        self._repo.add_step(goal_id, check_step(step))
        self.changed.emit()
        return self._repo.get(goal_id)

    def add_note(self, goal_id: int, text: str, date: dt.date | None = None) -> Goal:
        """A progress note in your own words."""
        if not text.strip():
            raise InvalidInput(_("Write a few words about how it's going first."))
        self._repo.add_note(goal_id, date or dt.date.today(), text.strip())
        self.changed.emit()
        return self._repo.get(goal_id)

    def delete(self, goal_id: int) -> None:
        """Remove a goal for good (pausing keeps it; this doesn't)."""
        self._repo.delete(goal_id)
        self.changed.emit()

    def get(self, goal_id: int) -> Goal:
        """One goal."""
        return self._repo.get(goal_id)

    def all(self, status: str | None = None) -> list[Goal]:
        """Every goal, or those with one status."""
        return self._repo.all(status)

    def for_review(self) -> list[Goal]:
        """Goals marked 'to talk about at my next appointment'."""
        return [g for g in self._repo.all() if g.review_next_appointment]


class PlanService:
    """My crisis plan, kept in every version; starts from our template the first time."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = PlanRepository(conn)
        self._watch = WatchRepository(conn)
        self._prefs = PreferenceRepository(conn)
        self.changed = Signal()

    # Keep an eye on this --------------------------------------------------------------------
    def watched(self, kind: str) -> list[WatchItem]:
        """What I chose to keep an eye on in my check-ins: 'sign' (early signs, triggers) or 'helps'."""
        return [w for w in self._watch.all() if w.kind == kind]

    def set_watched(self, kind: str, names: list[str] | tuple[str, ...]) -> None:
        """Keep an eye on exactly these (in this order); where each comes from in the plan is remembered."""
        if kind not in KINDS:
            raise InvalidInput(_("There's nothing called “{kind}” to keep an eye on.").format(kind=kind))
        names = clean_feelings(names, LONGEST)
        if len(names) > MOST:
            raise InvalidInput(_("Please choose up to {most} of each, so a check-in stays quick.").format(most=MOST))
        origin = {line.casefold(): key for key, line in plan_lines(self.sections(), kind)}
        self._watch.replace(kind, [WatchItem(kind, n, origin.get(n.casefold(), "")) for n in names])
        self.changed.emit()

    def offer_keeping_an_eye(self) -> bool:
        """The gentle suggestion: the plan has signs and what helps, nothing is watched yet, and the person
        hasn't said "not now"."""
        return (not self._watch.all() and self._prefs.get("keep_an_eye_offer") != "no"
                and plan_is_filled(self._repo.sections()))  # fmt: skip

    def no_offer(self) -> None:
        """ "Not now": the suggestion isn't shown again (the choice stays in the plan's page)."""
        self._prefs.set("keep_an_eye_offer", "no")

    def not_yet_watched(self, noticed: tuple[str, ...], helped: tuple[str, ...]) -> list[tuple[str, str]]:
        """Of a check-in's signs and helps, those the plan doesn't keep an eye on yet, as (kind, name): what the
        check-in offers to keep in the plan (the same words in other letters are the same word)."""
        out: list[tuple[str, str]] = []
        for kind, names in (("sign", noticed), ("helps", helped)):
            known = {w.name.casefold() for w in self.watched(kind)}
            out += [(kind, n) for n in names if n.casefold() not in known]
        return out

    def add_to_plan(self, kind: str, name: str) -> None:
        """A sign or thing that helped, added in a check-in, written into my plan too (a new version is kept) and
        kept an eye on from now."""
        wanted = " ".join(name.split())
        if not wanted:
            return
        sections = self.sections()
        if wanted.casefold() not in {line.casefold() for _k, line in plan_lines(sections, kind)}:
            # The first of this kind's sections the person uses ("Things I can do on my own to cope" for what
            # helped); a skipped one only when they skipped them all.
            keys = SECTIONS[kind] if kind == "sign" else ("cope_alone", *SECTIONS[kind])
            here = [i for key in keys for i, s in enumerate(sections) if s.key == key]
            used = [i for i in here if not sections[i].skipped]
            if used or here:
                i = (used or here)[0]
                s = sections[i]
                sections[i] = replace(s, text=(s.text.rstrip() + "\n" if s.text.strip() else "") + wanted)
                self.save(sections)
        self.set_watched(kind, [*(w.name for w in self.watched(kind)), wanted])

    def sections(self) -> list[PlanSection]:
        """The plan as saved, or the template when nothing has been saved yet."""
        return self._repo.sections() or template_sections()

    def save(self, sections: list[PlanSection]) -> int:
        """Save the plan (a new version is kept); returns the version id."""
        keys = [s.key for s in sections]
        if len(set(keys)) != len(keys):
            raise InvalidInput(_("Two sections have the same name inside the plan. Please rename one."))
        for s in sections:
            if not s.title.strip():
                raise InvalidInput(_("Every section needs a title. Rename it, or skip it if you'd rather not use it."))
        revision = self._repo.save(sections)
        self.changed.emit()
        return revision

    @staticmethod
    def own_section(title: str) -> PlanSection:
        """A section of the person's own, with a key that will never clash with a template section."""
        return PlanSection(f"own-{uuid.uuid4().hex[:12]}", title.strip() or _("My own section"))

    @staticmethod
    def missing_template_sections(sections: list[PlanSection]) -> list[PlanSection]:
        """Template sections that aren't in the plan (for 'add a section back')."""
        have = {s.key for s in sections}
        return [PlanSection(key, _(title)) for key, title, _p, _c in TEMPLATE if key not in have]

    def versions(self) -> list[tuple[int, dt.datetime]]:
        """Every saved version, newest first."""
        return self._repo.revisions()

    def version(self, revision_id: int) -> list[PlanSection]:
        """The plan as it was in one version."""
        return self._repo.revision(revision_id)

    def changes(self, older: int, newer: int) -> list[str]:
        """What changed between two versions, as readable lines ('+ added', '- removed')."""
        diff = difflib.unified_diff(_as_lines(self.version(older)), _as_lines(self.version(newer)), lineterm="", n=0)
        return [f"{line[0]} {line[1:]}" for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _as_lines(sections: list[PlanSection]) -> list[str]:
    lines = []
    for s in sections:
        lines.append(f"[{s.title}]" + (" (skipped)" if s.skipped else ""))
        lines += [f"  {line}" for line in s.text.splitlines() if line.strip()]
        lines += [f"  {c.name} · {c.reach} · {c.when}".rstrip(" ·") for c in s.contacts]
    return lines


class SupportService:
    """My support list."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = SupportRepository(conn)
        self.changed = Signal()

    def save(self, item: SupportItem) -> int:
        """Add or change one item."""
        item_id = self._repo.save(check_support(item))
        self.changed.emit()
        return item_id

    def delete(self, item_id: int) -> None:
        """Remove one item."""
        self._repo.delete(item_id)
        self.changed.emit()

    def all(self) -> list[SupportItem]:
        """Every item."""
        return self._repo.all()

    def to_change(self) -> list[SupportItem]:
        """Items where you wrote what you'd like to change (they go on the appointment agenda)."""
        return [i for i in self._repo.all() if i.change_wanted.strip()]
