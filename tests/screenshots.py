"""Take screenshots of the real window for people to look at: `xvfb-run -a python -m tests.screenshots OUTDIR`.

Not a test: it drives the same widgets a person sees (welcome, wizard, journal, locked) and saves PNGs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("RECOVERYJOURNAL_INSECURE_FAST_KDF", "1")


def main(out: Path) -> None:
    """Save one PNG per screen into `out`."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from recoveryjournal.ui.app import main as _unused  # noqa: F401 - same imports as the real app
    from recoveryjournal.ui.main_window import MainWindow
    from recoveryjournal.ui.resources import resource_text
    from recoveryjournal.ui.settings import AppSettings
    from recoveryjournal.ui.workers import background_tasks_running

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(resource_text("styles/app.qss"))
    window = MainWindow(AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1100, 720)
    window.show()

    def settle() -> None:
        for _ in range(50):
            app.processEvents()
        while background_tasks_running():
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.start()
    shot(window, "1-welcome")
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    wizard.where_page.folder_edit.setText(str(work / "journals"))
    shot(wizard, "2-wizard-where")
    wizard.next()
    wizard.passphrase_page.first.setText("kettle river purple")
    shot(wizard, "3-wizard-passphrase")
    wizard.passphrase_page.second.setText("kettle river purple")
    wizard.next()
    shot(wizard, "4-wizard-recovery-key")
    wizard.key_page.kept.setChecked(True)
    wizard.accept()
    window.open_demo()
    settle()
    shot(window, "5-journal-unlocked")
    window.journal_page.prompt_button.click()
    prompts = window.journal_page.prompts_dialog
    prompts.list.setCurrentRow(1)
    shot(prompts, "5m-new-entry-from-a-prompt")
    prompts.start_button.click()
    shot(window, "5n-entry-from-a-prompt")
    window.journal_page.editor.set_values(window.journal_page.editor.values()[0], "", "", can_delete=False)
    window.dialogs.open_tags()
    shot(window.dialogs.tags_dialog, "5o-my-tags")
    window.dialogs.tags_dialog.reject()
    view = window.unlocked_view
    view.show_today()
    shot(window, "5b-calendar")
    view.show_search()
    view.search_page.query.setText("plan")
    view.search_page.run_search()
    shot(window, "5c-search")
    view.show_checkin()
    view.checkin_page.mood_buttons[5].click()
    view.checkin_page.feelings.item(0).setCheckState(view.checkin_page.feelings.item(0).checkState().Checked)
    shot(window, "5e-checkin")
    view.tabs.setCurrentWidget(view.mood_page)
    view.mood_page.sleep_box.setChecked(True)
    shot(window, "5f-mood")
    for page, name in ((view.goals_page, "5g-goals"), (view.plan_page, "5h-plan"), (view.support_page, "5i-support"),
                       (view.appointments_page, "5j-appointments")):  # fmt: skip
        view.tabs.setCurrentWidget(page)
        shot(window, name)
    view.tabs.setCurrentWidget(view.plan_page)
    view.plan_page.list.setCurrentRow(5)
    shot(window, "5k-plan-people")
    view.show_plan_at_a_glance()
    settle()
    from recoveryjournal.ui.dialogs.plan_dialogs import PlanAtAGlance

    shot(view.findChild(PlanAtAGlance), "5l-plan-at-a-glance")
    view.findChild(PlanAtAGlance).reject()
    window.open_share({"entry": {window.journal_page.model.entry_at(0).id}})
    dialog = window.dialogs.share_dialog
    dialog.resize(900, 720)
    dialog.picker.mood_box.setChecked(True)
    plan = dialog.picker.groups["plan"]
    for i in range(plan.childCount()):
        if "People" in plan.child(i).text(0):
            plan.child(i).setCheckState(0, plan.child(i).checkState(0).Checked)
    shot(dialog, "6a-share-choose")
    dialog.next_button.click()
    dialog.phrase_edit.setText("Sam")
    dialog._on_phrase_entered()
    dialog._on_suggest_clicked()
    shot(dialog, "6b-share-leave-out")
    dialog.next_button.click()
    shot(dialog, "6c-share-preview")
    dialog.format_group.button(3).click()
    shot(dialog, "6d-share-preview-web-page")
    dialog.format_group.button(0).click()
    dialog.save_to(out / "share-from-window.pdf")
    dialog.reject()
    _backup_screens(window, work, shot, settle)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        shot(window, f"5d-tab-{index}")
    window.lock()
    shot(window, "6-locked")
    window.unlock_page.secret_field.setText("not the one")
    window.unlock_page.unlock_button.click()
    shot(window, "7-wrong-passphrase")
    window.lock()
    _faults(window, work, shot)


def _backup_screens(window, work: Path, shot, settle) -> None:  # type: ignore[no-untyped-def]
    """Back up, the reminder, restore (checked, before restoring) and bring in."""
    import datetime as dt

    from recoveryjournal.services import backup_service
    from recoveryjournal.services.demo import DEMO_PASSPHRASE
    from recoveryjournal.storage.meta import MetaRepository

    folder = work / "backups"
    folder.mkdir()
    long_ago = (dt.datetime.now() - dt.timedelta(days=40)).astimezone().isoformat(timespec="seconds")
    MetaRepository(window.session._conn).set(backup_service.LAST_BACKUP_KEY, long_ago)
    window.journal.show_backup_note()
    window.unlocked_view.tabs.setCurrentWidget(window.journal_page)
    shot(window, "10a-backup-reminder")
    window.dialogs.open_backup()
    dialog = window.dialogs.backup_dialog
    dialog.where.setText(str(folder))
    dialog.back_up_now()
    settle()
    shot(dialog, "10b-backup-done")
    dialog.reject()
    window.dialogs.open_import()
    window.dialogs.import_dialog.set_file(Path(__file__).parent / "data" / "daylio_export.csv")
    settle()
    shot(window.dialogs.import_dialog, "10c-import-preview")
    window.dialogs.import_dialog.reject()
    window.dialogs.open_restore()
    restore = window.dialogs.restore_dialog
    restore.file_edit.setText(str(next(folder.glob("*.rjbackup"))))
    restore.folder_edit.setText(str(work))
    restore.secret.setText(DEMO_PASSPHRASE)
    restore.check_backup()
    settle()
    shot(restore, "10d-restore-checked")
    restore.reject()


def _faults(window, work: Path, shot) -> None:  # type: ignore[no-untyped-def]
    """A read-only journal and a pulled-out stick (needs root on Linux for chattr and mount; skipped otherwise)."""
    import shutil
    import subprocess

    from recoveryjournal.services.demo import DEMO_PASSPHRASE
    from recoveryjournal.services.locations import demo_journal_path

    if os.name != "posix" or os.geteuid() != 0:
        return
    read_only = work / "On a stick.rjournal"
    shutil.copytree(demo_journal_path(), read_only)
    subprocess.run(["chattr", "+i", str(read_only)], check=False)
    try:
        window.show_unlock(read_only)
        window.unlock_page.secret_field.setText(DEMO_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        shot(window, "8-read-only")
        window.lock()
    finally:
        subprocess.run(["chattr", "-i", str(read_only)], check=False)
    stick, contents = work / "stick", work / "stick-contents"
    stick.mkdir()
    shutil.copytree(demo_journal_path(), contents / "j.rjournal")
    if subprocess.run(["mount", "--bind", str(contents), str(stick)]).returncode != 0:
        return
    window.show_unlock(stick / "j.rjournal")
    window.unlock_page.secret_field.setText(DEMO_PASSPHRASE)
    window.unlock_page.unlock_button.click()
    shot(window, "9a-on-stick")
    subprocess.run(["umount", "-l", str(stick)], check=False)
    import time

    time.sleep(1.5)
    shot(window, "9b-stick-pulled-out")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
