"""Issue 31: what the Linux bundle carries and leaves to the host (packaging/bundle_rules.py), and the audit that
fails a build breaking those rules (packaging/audit_bundle.py), checked on real ELF files of this machine."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rules = _load("bundle_rules")


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("libgtk-3.so.0", False),
        ("libstdc++.so.6", False),
        ("libcups.so.2", False),
        ("libglib-2.0.so.0", False),
        ("libX11.so.6", False),
        ("libxcb.so.1", False),
        ("libfontconfig.so.1", False),
        ("libexpat.so.1", False),
        ("libxcb-cursor.so.0", True),  # Qt needs it; a stock Ubuntu 22.04 lacks it
        ("libxcb-icccm.so.4", True),
        ("pillow.libs/libXau-154567c4.so.6.0.0", True),  # a wheel's own copy: never taken out
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/translations/qtbase_es.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtmultimedia_es.qm", False),
        ("babel/locale-data/es_AR.dat", True),
        ("babel/locale-data/fr.dat", False),
        ("resources/translations/es/LC_MESSAGES/recoveryjournal.mo", True),
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf", True),  # the charts' font
        ("matplotlib/mpl-data/fonts/ttf/DejaVuSansMono.ttf", False),
        ("matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf", False),
    ],
)
def test_what_the_bundle_keeps(name: str, kept: bool) -> None:
    assert rules.keep(name) is kept


def _system_library(name: str) -> Path:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"):
        if (Path(folder) / name).is_file():
            return (Path(folder) / name).resolve()
    pytest.skip(f"{name} isn't on this machine")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle audit reads Linux ELF files")
def test_the_audit_names_what_breaks_the_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audit = _load("audit_bundle")
    bundle = tmp_path / "RecoveryJournal"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(_system_library("libz.so.1"), bundle / "_internal" / "libz.so.1")
    clean = audit.audit(bundle, (2, 35))
    assert clean.problems == [] and clean.elf_files == 1 and clean.host_libraries_inside == []
    assert audit.version(clean.newest_glibc) <= (2, 35)

    shutil.copy(_system_library("libstdc++.so.6"), bundle / "_internal" / "libstdc++.so.6")
    newest = audit.glibc_needed(bundle / "_internal" / "libstdc++.so.6")
    assert newest is not None and newest >= (2, 14)
    found = audit.audit(bundle, (2, 2))  # a floor every real library is above
    assert found.host_libraries_inside == ["_internal/libstdc++.so.6"]
    assert any(line.startswith("_internal/libstdc++.so.6 asks for GLIBC_") for line in found.too_new)
    assert audit.main([str(bundle), "--floor", "2.2"]) == 1
    said = capsys.readouterr()
    assert "libstdc++.so.6 is left to the host" in said.err and "asks for GLIBC_" in said.err


def test_the_mac_app_says_what_it_is() -> None:
    """Issue 32, 5: the .app's Info.plist words (name, version, languages, the minimum macOS, Retina)."""
    spec = (ROOT / "packaging" / "recoveryjournal.spec").read_text(encoding="utf-8")
    wanted = ('"CFBundleDisplayName": "Recovery Journal"', '"CFBundleLocalizations": ["en", "es"]',
              '"LSMinimumSystemVersion"', '"NSHighResolutionCapable": True', "CFBundleShortVersionString")  # fmt: skip
    for key in wanted:
        assert key in spec, key


@pytest.mark.skipif(sys.platform == "win32", reason="a symbolic link needs an administrator on Windows")
def test_a_macs_own_disk_under_volumes_is_not_a_stick(tmp_path, monkeypatch) -> None:
    """Issue 32, 5: sticks appear under /Volumes on a Mac, and so does the Mac's own disk (a link to /)."""
    from recoveryjournal.services import destinations

    volumes = tmp_path / "Volumes"
    (volumes / "STICK").mkdir(parents=True)
    (volumes / "Macintosh HD").symlink_to("/")
    monkeypatch.setenv(destinations.REMOVABLE_ENV, str(volumes))
    monkeypatch.setattr(destinations.sys, "platform", "darwin")
    assert destinations.is_removable(volumes / "STICK" / "journal.rjournal")
    assert not destinations.is_removable(volumes / "Macintosh HD" / "Users" / "alex")
