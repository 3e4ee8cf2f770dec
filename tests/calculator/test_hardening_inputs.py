"""Issue 16, inputs: every way a patient file can be odd is one ``field: reason`` line and exit 2
through the one reader (calculator.read_patient_file), never a traceback, a hang or a guess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import number_from_text
from desktop.cli import main

from .conftest import make_patient
from .test_cli import _write as _file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "renal-crcl-45.json"


def _assess(capsysbinary, path: str) -> tuple[int, str, list[str]]:
    code = main(["assess", path, "--lang", "en"])
    captured = capsysbinary.readouterr()
    err = captured.err.decode("utf-8")
    assert "Traceback" not in err
    return code, captured.out.decode("utf-8"), err.splitlines()


def _patient_text(**changes) -> str:
    return json.dumps(make_patient(**changes))


def _with_lone_surrogate(where: str) -> dict:
    patient = make_patient()
    if where == "value":
        patient["sex"] = "\ud800"
    elif where == "key":
        patient["\udfff"] = 1
    else:
        patient["labs"]["creatinine"]["unit"] = "\ud800"
    return patient


@pytest.mark.parametrize(
    ("where", "field", "shown"),
    [
        ("value", "sex", "'\\ud800'"),
        ("key", "\\udfff", "unknown field"),
        ("unit", "labs.creatinine.unit", "\\ud800"),
    ],
)
def test_lone_surrogate_is_exit_2_with_the_character_escaped(capsysbinary, tmp_path, where, field, shown):
    text = json.dumps(_with_lone_surrogate(where))  # ASCII JSON: the surrogate as \ud800
    code, out, lines = _assess(capsysbinary, _file(tmp_path, text))
    assert code == 2 and out == ""
    assert any(line.startswith(f"{field}: ") and shown in line for line in lines), lines


def test_a_newline_in_a_key_cannot_forge_a_second_line(capsysbinary, tmp_path):
    text = '{"x\\nweight_kg: OK": 1, ' + _patient_text()[1:]
    code, _, lines = _assess(capsysbinary, _file(tmp_path, text))
    assert code == 2
    assert lines == ["x\\x0aweight_kg: OK: unknown field; did you mean 'weight_kg'?"]


def test_control_characters_in_a_value_are_escaped(capsysbinary, tmp_path):
    code, _, lines = _assess(capsysbinary, _file(tmp_path, _patient_text(sex="fe\rmale\u202e")))
    assert code == 2 and len(lines) == 1
    assert "fe\\x0dmale\\u202e" in lines[0]


def test_utf8_bom_is_accepted(capsysbinary, tmp_path):
    code, out, lines = _assess(capsysbinary, _file(tmp_path, b"\xef\xbb\xbf" + _patient_text().encode()))
    assert (code, lines) == (0, []) and json.loads(out)["derived"]


def test_duplicate_labs_are_a_problem_not_a_silent_drop(capsysbinary, tmp_path):
    text = _patient_text()[:-1] + ', "labs": {"creatinine": {"value": 1.0, "unit": "mg/dL"}}}'
    code, _, lines = _assess(capsysbinary, _file(tmp_path, text))
    assert code == 2 and lines == ["labs: given more than once"]


def test_unknown_key_inside_a_lab_and_a_broken_unit_are_reported(capsysbinary, tmp_path):
    patient = make_patient()
    patient["labs"]["creatinine"] = {"value": 1.0, "unit": "mg/dl ", "note": "x"}
    patient["labs"]["calcium"] = {"value": 2.35, "unit": "mmol"}
    code, _, lines = _assess(capsysbinary, _file(tmp_path, json.dumps(patient)))
    assert code == 2
    assert any(line.startswith("labs.creatinine.note: unknown field") for line in lines)
    assert any(line.startswith("labs.calcium.unit: unit 'mmol' is not allowed") for line in lines)


@pytest.mark.parametrize(("value", "message"), [("80", "without quotes"), ("6²", "digits 0–9")])
def test_numbers_written_as_text_are_refused(capsysbinary, tmp_path, value, message):
    code, _, lines = _assess(capsysbinary, _file(tmp_path, _patient_text(weight_kg=value)))
    assert code == 2 and len(lines) == 1
    assert lines[0].startswith("weight_kg: ") and message in lines[0]


@pytest.mark.parametrize("text", ["6²", "⑫", "٣٥", "1,5", "1e3", "1.2.3", "12 kg", "", "."])
def test_what_is_not_a_number(text):
    assert number_from_text(text) is None


@pytest.mark.parametrize(
    ("text", "number"), [("12", "12"), (" 0.85 ", "0.85"), ("１２．５", "12.5"), ("-3", "-3")]
)
def test_what_is_a_number(text, number):
    assert str(number_from_text(text)) == number


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_opening_it(capsysbinary, tmp_path):
    fifo = tmp_path / "patient.json"
    os.mkfifo(fifo)  # opening it for reading would block forever: no writer
    code, _, lines = _assess(capsysbinary, str(fifo))
    assert code == 2 and lines == ["input: cannot read the file (not a regular file)"]


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom", "DIR"])
def test_devices_and_folders_are_refused(capsysbinary, tmp_path, path):
    if path == "DIR":
        path = str(tmp_path)
    elif not Path(path).exists():
        pytest.skip("no such device here")
    code, _, lines = _assess(capsysbinary, path)
    assert code == 2 and len(lines) == 1 and lines[0].startswith("input: cannot read the file")


def test_thousands_of_unknown_keys_report_twenty_and_a_count(capsysbinary, tmp_path):
    patient = make_patient()
    patient.update({f"key_{n}": n for n in range(29_000)})
    code, _, lines = _assess(capsysbinary, _file(tmp_path, json.dumps(patient)))
    assert code == 2 and len(lines) == 21
    assert lines[-1] == "… and 28,980 more problems"


def test_thousands_of_bad_codes_report_twenty_and_a_count(capsysbinary, tmp_path):
    code, _, lines = _assess(capsysbinary, _file(tmp_path, _patient_text(prior_therapies=["x"] * 5000)))
    assert code == 2 and len(lines) == 21 and lines[-1] == "… and 4,980 more problems"


# -- output failures ------------------------------------------------------------------------------


def _bonemet(*args: str, stdout: str) -> subprocess.CompletedProcess[str]:
    command = f'"{sys.executable}" -m desktop.cli {" ".join(args)} {stdout}'
    return subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.slow  # runs bonemet as a separate process
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("stdout", ["> /dev/full", ">&-"])
@pytest.mark.parametrize("command", [("assess", str(EXAMPLE)), ("library", "check")])
def test_output_failure_is_one_line_and_non_zero(command, stdout):
    result = _bonemet(*command, stdout=stdout)
    assert result.returncode != 0
    assert result.stderr.startswith("bonemet: cannot write the output: ")
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_a_broken_pipe_is_one_line_and_non_zero(monkeypatch, capsys):
    class Broken:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(os, "dup2", lambda fd, fd2: None)  # keep pytest's own stdout
    monkeypatch.setattr(sys, "stdout", Broken())
    assert main(["assess", str(EXAMPLE)]) == 1
    assert capsys.readouterr().err == "bonemet: cannot write the output: Broken pipe\n"
