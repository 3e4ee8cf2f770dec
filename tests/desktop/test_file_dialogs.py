"""The open/save dialogs leave no trace of the patient folder in the user's config."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from desktop.file_dialogs import ask_open_path, ask_save_path

PATIENT_FOLDER = "王小明 MRN-558812"


def _answer_with(path: str) -> None:
    # Type the path into the file-name box and accept, as a user would. (selectFile() leaves that box
    # alone while it has keyboard focus, so whether it worked depended on how fast the dialog was
    # activated: the test hung in exec() on an idle machine.) The dialog is looked up among the visible
    # windows, not as the active modal widget, which may be a window an earlier test in this process
    # left open (the order differs under pytest-xdist). After ~10 s without the dialog, give up.
    attempts = iter(range(500))

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if dialogs:
            dialogs[-1].findChild(QLineEdit, "fileNameEdit").setText(path)
            dialogs[-1].accept()
        elif next(attempts, None) is not None:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def _config_text(folder) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


def test_opening_and_saving_a_patient_file_leaves_no_folder_in_the_config(qtbot, tmp_path):
    config = tmp_path / "config"
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(config))
    folder = tmp_path / PATIENT_FOLDER
    folder.mkdir()
    patient = folder / "patient.json"
    patient.write_text("{}", encoding="utf-8")

    _answer_with(str(patient))
    assert ask_open_path(None, "Load patient", "Patient files (*.json)") == str(patient)
    _answer_with(str(folder / "report.pdf"))
    assert ask_save_path(None, "Save as PDF", "report.pdf", "PDF files (*.pdf)") == str(folder / "report.pdf")

    assert "MRN-558812" not in _config_text(config)
    assert QSettings(QSettings.Scope.UserScope, "QtProject").childGroups() == []
