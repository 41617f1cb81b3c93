"""Shows a matplotlib Figure inside the window. matplotlib's Qt canvas is imported on first use only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class FigureView(QWidget):
    """Holds one figure at a time; emits `day_clicked(date)` when a point of the mood line is clicked."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._canvas: Any = None
        self._days: list[dt.date] = []
        self._min_height = 220
        self.figure: Figure | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def show_figure(self, figure: Figure, days: list[dt.date] | None = None, description: str = "") -> None:
        """Replace what is drawn; `days` maps points of the mood line to dates.

        `description` is the chart in words (the summary shown beside it): a screen reader reads it, since it
        can't read the picture.
        """
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self.clear()
        self.figure, self._days = figure, list(days or [])
        self._canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]  # matplotlib has no hints here
        self._canvas.setParent(self)  # never a window of its own, not even for a moment (it took the focus)
        self._canvas.setMinimumHeight(self._min_height)
        self._canvas.setAccessibleName(self.accessibleName())
        self._canvas.setAccessibleDescription(description)
        self.setAccessibleDescription(description)
        self._canvas.mpl_connect("pick_event", self._on_pick)
        self._layout.addWidget(self._canvas)
        self._canvas.draw_idle()

    def canvas_min_height(self, pixels: int) -> None:
        """How tall the chart may shrink (small charts, such as a goal's progress)."""
        self._min_height = pixels
        if self._canvas is not None:
            self._canvas.setMinimumHeight(pixels)

    def clear(self) -> None:
        """Remove the figure (locking, or no data)."""
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.setParent(None)
            self._canvas.deleteLater()
        self._canvas, self.figure, self._days = None, None, []

    def _on_pick(self, event: Any) -> None:
        artist = getattr(event, "artist", None)
        indices = getattr(event, "ind", None)
        if artist is None or artist.get_gid() != "mood" or indices is None or len(indices) == 0:
            return
        index = int(indices[0])
        if 0 <= index < len(self._days):
            self.day_clicked.emit(self._days[index])
