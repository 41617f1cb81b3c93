"""A tiny plain-Python signal, so services can announce changes without knowing about Qt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Signal:
    """Call `connect(fn)` to listen and `emit(...)` to tell every listener, in the order they joined."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        """Add a listener (once)."""
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        """Remove a listener; quietly does nothing if it wasn't listening."""
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        """Call every listener with `args`."""
        for slot in list(self._slots):
            slot(*args)
