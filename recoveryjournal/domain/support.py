"""My support: what support I get or want, from whom, what I think of it and what I'd change."""

from __future__ import annotations

from dataclasses import dataclass

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _


@dataclass(frozen=True, slots=True)
class SupportItem:
    """One kind of support, in the person's words; cost only for people who manage a personal budget."""

    id: int | None
    what: str
    provider: str = ""
    how_often: str = ""
    my_view: str = ""
    change_wanted: str = ""
    cost: float | None = None
    cost_period: str = ""
    wanted_not_yet: bool = False


def check_support(item: SupportItem) -> SupportItem:
    """Support needs a few words saying what it is; a cost, if given, can't be negative."""
    if not item.what.strip():
        raise InvalidInput(_("Say in a few words what the support is, for example “Weekly peer group”."))
    if item.cost is not None and item.cost < 0:
        raise InvalidInput(_("A cost can't be below zero."))
    return item
