"""Windows that fit the screen they open on: a preferred size, never more than the screen has room for.

Every window and dialog sizes itself through `fit_to_screen` instead of `resize`, so a 1024×600 netbook, a
1080p laptop at 150 % (1280×720) and a big monitor all show the whole of it; what is longer scrolls inside.
`scrolling` wraps a page's content in a scroll area, for the pages whose action row stays pinned below it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: Room kept for a window manager's title bar and borders before the window has its frame.
FRAME_ALLOWANCE = QSize(16, 40)


def _screen_for(window: QWidget) -> QScreen | None:
    """The screen the window opens on: its parent's, where it stands, or the primary one."""
    parent = window.parentWidget()
    for widget in (window, parent.window() if parent is not None else None):
        if widget is not None and widget.isVisible() and widget.screen() is not None:
            return widget.screen()
    at = QGuiApplication.screenAt(window.geometry().center())
    return at or QGuiApplication.primaryScreen()


def room_on_screen(window: QWidget) -> QRect:
    """The part of the window's screen a window may use (less the task bar and a frame's allowance)."""
    screen = _screen_for(window)
    if screen is None:  # no screen at all (shouldn't happen): nothing to limit by
        return QRect(0, 0, 1 << 15, 1 << 15)
    area = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    has_frame = window.isVisible() and (frame.width() > 0 or frame.height() > 0)
    allowance = frame if has_frame else FRAME_ALLOWANCE
    return QRect(area.topLeft(), QSize(area.width() - allowance.width(), area.height() - allowance.height()))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Size `window` to `width`×`height` (its present size when not given), shrunk to the screen's room, and move
    it so all of it is on that screen (a size saved on a big monitor, restored on a laptop)."""
    room = room_on_screen(window)
    wanted = QSize(width or window.width(), height or window.height())
    size = wanted.boundedTo(room.size()).expandedTo(window.minimumSizeHint().boundedTo(room.size()))
    window.resize(size)
    if window.isWindow():
        place = window.pos()
        x = min(max(place.x(), room.left()), room.left() + room.width() - size.width())
        y = min(max(place.y(), room.top()), room.top() + room.height() - size.height())
        if QPoint(x, y) != place:
            window.move(x, y)


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a scroll area that scrolls only up and down (text wraps rather than widening the page)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area
