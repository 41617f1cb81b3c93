"""About Recovery Journal: the version, what it is, and the licences of everything it is built from."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal import APP_NAME, __version__
from recoveryjournal.i18n import N_, Texts
from recoveryjournal.ui.resources import resource_path
from recoveryjournal.ui.widgets.common import heading, paragraph
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

_TEXT = Texts(
    {
        "window": N_("About Recovery Journal"),
        "what": (
            N_(
                "Recovery Journal keeps your journal encrypted on this computer or your USB stick. Nothing leaves it "
                "unless you choose to share it. Lock at any time with Ctrl+L."
            )
        ),
        "version": N_("Version {version}"),
        "built": N_("Built with these components, each under its own licence:"),
        "columns": [N_("Component"), N_("Version"), N_("Licence")],
        "close": N_("Close"),
    }
)

#: (distribution name, what people call it, licence) for everything a bundle carries.
COMPONENTS = (
    ("PySide6_Essentials", "Qt for Python (PySide6) and Qt 6", "LGPL-3.0 (Qt and PySide6)"),
    (
        "sqlcipher3",
        "sqlcipher3, with SQLCipher 4 and SQLite",
        "zlib (sqlcipher3); BSD-style (SQLCipher); public domain (SQLite)",
    ),
    ("argon2-cffi", "argon2-cffi (Argon2)", "MIT; Argon2 reference code CC0 / Apache-2.0"),
    ("cryptography", "cryptography (OpenSSL inside)", "Apache-2.0 or BSD-3-Clause; OpenSSL Apache-2.0"),
    ("matplotlib", "Matplotlib", "Matplotlib licence (PSF-based)"),
    ("numpy", "NumPy", "BSD-3-Clause"),
    ("pillow", "Pillow", "MIT-CMU (HPND)"),
    ("keyring", "keyring", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("python-dateutil", "python-dateutil", "Apache-2.0 or BSD-3-Clause"),
    ("babel", "Babel", "BSD-3-Clause"),
    ("", "Python", "PSF License"),
)


def component_rows() -> list[tuple[str, str, str]]:
    """Name, installed version ('' when unknown) and licence of each component."""
    import sys

    rows = []
    for dist, name, licence in COMPONENTS:
        if not dist:
            rows.append((name, sys.version.split()[0], licence))
            continue
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = ""
        rows.append((name, version, licence))
    return rows


class AboutDialog(QDialog):
    """Version, a sentence about the app, and the licences table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 720, 520)
        icon = QLabel(self)
        path = resource_path("icons/recoveryjournal-64.png")
        if path is not None:
            icon.setPixmap(QPixmap(str(path)))
        icon.setAccessibleName(APP_NAME)
        title = heading(APP_NAME, self)
        self.version_label = QLabel(_TEXT["version"].format(version=__version__), self)
        top = QHBoxLayout()
        top.addWidget(icon)
        names = QVBoxLayout()
        names.addWidget(title)
        names.addWidget(self.version_label)
        top.addLayout(names, 1)
        rows = component_rows()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(_TEXT["columns"])
        self.table.setAccessibleName(_TEXT["built"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Never sideways: the columns share the width, and a long licence name wraps.
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_TEXT["close"])
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(paragraph(_TEXT["what"], self))
        layout.addWidget(paragraph(_TEXT["built"], self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
