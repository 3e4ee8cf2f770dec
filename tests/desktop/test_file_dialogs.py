"""The open/save dialogs leave no trace of the patient folder in the user's config."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.file_dialogs import ask_open_path, ask_save_path

PATIENT_FOLDER = "王小明 MRN-558812"


def _answer_with(path: str, attempts: int = 250) -> None:
    """Answer the next file dialog with `path`; after `attempts` x 20 ms, cancel it so a test fails, never hangs."""

    def answer(left: int) -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        shown = [dialog for dialog in dialogs if dialog.isVisible()]
        if shown:
            shown[0].selectFile(path)
            shown[0].accept()
        elif left:
            QTimer.singleShot(20, lambda: answer(left - 1))
        else:  # never shown: cancel whatever exists so exec() returns and the assertion fails
            for dialog in dialogs:
                dialog.reject()

    QTimer.singleShot(20, lambda: answer(attempts))


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
