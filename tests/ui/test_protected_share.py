"""Protecting a share with a password, in the window (issue 23)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import PASSPHRASE


def test_protect_in_the_share_dialog(qtbot, window, created_journal, tmp_path: Path) -> None:
    """Tick "Protect it with a password": five words appear to write down; the saved PDF opens only with them;
    the password stays in view until "I have the password", then is gone from the window; JSON and CSV can't
    be ticked."""
    from tests.ui.conftest import unlock

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    window.open_share({"entry": {window.journal_page.model.entry_at(0).id}})
    dialog = window.dialogs.share_dialog
    dialog.go_next()
    dialog.go_next()
    assert not dialog.password_edit.isVisible()
    dialog.protect_box.click()
    password = dialog.password_edit.text()
    assert len(password.split()) == 5 and dialog.password_edit.isVisible() and dialog.password_row.hint.isVisible()
    message = dialog.save_to(tmp_path / "for-alex.pdf")
    assert "not in the same e-mail" in message, message
    assert PdfReader(tmp_path / "for-alex.pdf").decrypt(password)
    assert dialog.protect_box.isChecked() and dialog.password_edit.text() == password  # until I say I have it
    dialog.have_it_button.click()
    assert not dialog.protect_box.isChecked() and dialog.password_edit.text() == ""
    dialog.format_group.button(1).click()  # JSON
    assert not dialog.protect_box.isEnabled()
    dialog.reject()
