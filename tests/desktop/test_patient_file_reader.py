"""Issue 16: the app's "Open patient file…" uses the engine's one reader and validator, so a file
is accepted or refused exactly as ``bonemet assess`` would, with the same lines; the form takes
only ASCII digits and one decimal point as a number and says so beside the field otherwise."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.calculator_view.calculator_page import CalculatorPage
from desktop.cli import main

from .calculator_helpers import fill_crcl_46, type_into

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "renal-crcl-45.json"
BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def page(english_calculator_page):
    return english_calculator_page


def _write(tmp_path: Path, data: str | bytes) -> str:
    path = tmp_path / "patient.json"
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return str(path)


def _refused_with(page: CalculatorPage, path: str) -> list[str]:
    assert not page.load_patient_file(path)
    return page.notice.text().splitlines()[1:]


def test_duplicate_labs_are_refused_not_half_loaded(page, tmp_path):
    text = (
        EXAMPLE.read_text(encoding="utf-8").rstrip()[:-1]
        + ', "labs": {"creatinine": {"value": 90, "unit": "umol/L"}}}'
    )
    assert _refused_with(page, _write(tmp_path, text)) == ["labs: given more than once"]


def test_a_bom_is_accepted_as_on_the_command_line(page, tmp_path):
    assert page.load_patient_file(_write(tmp_path, b"\xef\xbb\xbf" + EXAMPLE.read_bytes()))
    assert page.assessment() is not None


@pytest.mark.parametrize(
    ("lab", "line"),
    [
        (
            {"value": 90, "unit": "umol/L", "note": "x"},
            "labs.creatinine.note: unknown field; allowed here: unit, value",
        ),
        ({"value": 90, "unit": "mmol"}, "labs.creatinine.unit: unit 'mmol' is not allowed for this test"),
        ({"value": "90", "unit": "umol/L"}, "labs.creatinine.value: must be a number, not text in quotes"),
    ],
)
def test_lab_flaws_are_refused_with_the_command_line_message(page, tmp_path, lab, line):
    patient = json.loads(json.dumps(BASE))
    patient["labs"]["creatinine"] = lab
    lines = _refused_with(page, _write(tmp_path, json.dumps(patient)))
    assert len(lines) == 1 and lines[0].startswith(line)


def test_a_number_written_as_text_is_refused(page, tmp_path):
    lines = _refused_with(page, _write(tmp_path, json.dumps({**BASE, "weight_kg": "64"})))
    assert lines == ["weight_kg: must be a number, not text in quotes: write 64 without quotes"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_hanging(page, tmp_path):
    fifo = tmp_path / "patient.json"
    os.mkfifo(fifo)
    assert _refused_with(page, str(fifo)) == ["input: cannot read the file (not a regular file)"]


def test_an_oversized_file_is_refused(page, tmp_path):
    text = json.dumps({**BASE, "padding": " " * (1024 * 1024)})
    assert _refused_with(page, _write(tmp_path, text)) == ["input: the input is larger than 1048576 bytes"]


@pytest.mark.parametrize("typed", ["6²", "⑫", "٣٥", "64,5"])
def test_the_form_takes_only_ascii_digits_and_one_decimal_point(qtbot, page, typed):
    fill_crcl_46(qtbot, page)
    page.form.fields["weight_kg"].edit.setText(typed)
    assert page.assessment() is None
    assert "digits 0–9 and at most one decimal point" in page.form.fields["weight_kg"].message()


def test_full_width_digits_from_a_chinese_ime_are_a_number(qtbot, page):
    fill_crcl_46(qtbot, page)
    page.form.fields["weight_kg"].edit.setText("６１")
    type_into(qtbot, page, "labs.creatinine", "95")
    assert page.assessment() is not None and page.form.fields["weight_kg"].message() == ""


# -- one reader, two doors: the same generated files give the same outcome ---------------------

_ODD_NUMBERS = st.sampled_from(
    [64, 64.5, "64", "6²", "⑫", "٣٥", 1e400, "__HUGE__", -3, 0, 301, None, True, "NaN"]
)
_ODD_TEXT = st.sampled_from(["female", "male", "\ud800", "fe\nmale", "", "weird", "\u202e"])


@st.composite
def patient_texts(draw: st.DrawFn) -> bytes:
    """A JSON text around the example patient: odd numbers, odd strings (lone surrogates,
    control characters), duplicated keys, unknown keys, a BOM."""
    patient = json.loads(json.dumps(BASE))
    patient["weight_kg"] = draw(_ODD_NUMBERS)
    patient["sex"] = draw(_ODD_TEXT)
    patient["labs"]["creatinine"]["value"] = draw(_ODD_NUMBERS)
    patient["labs"]["creatinine"]["unit"] = draw(st.sampled_from(["umol/L", "mg/dL", "mmol", "\udfff"]))
    if draw(st.booleans()):
        patient[draw(_ODD_TEXT) + "x"] = 1
    text = json.dumps(patient, allow_nan=True)  # ASCII: a lone surrogate is written as \ud800
    text = text.replace('"__HUGE__"', "9" * 5000)  # an integer literal Python's int() refuses
    if draw(st.booleans()):
        text = text[:-1] + ', "sex": "female"}'  # a duplicate key
    data = text.encode("ascii")
    return b"\xef\xbb\xbf" + data if draw(st.booleans()) else data


def _cli_outcome(capsysbinary, path: str) -> tuple[bool, list[str]]:
    """``bonemet assess PATH --lang en``: accepted?, and the problem lines it printed."""
    code = main(["assess", path, "--lang", "en"])
    err = capsysbinary.readouterr().err.decode("utf-8")
    assert code in (0, 2) and "Traceback" not in err
    return code == 0, err.splitlines()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=patient_texts())
def test_the_app_and_the_command_line_agree_on_every_file(page, tmp_path, capsysbinary, data):
    """Same accept/reject and the same lines, with one designed difference: the form opens a
    draft, so a missing required input (which the command line refuses) is shown beside its
    field instead of refusing the file."""
    path = _write(tmp_path, data)
    accepted, cli_lines = _cli_outcome(capsysbinary, path)
    loaded = page.load_patient_file(path)
    app_lines = [] if loaded else page.notice.text().splitlines()[1:]
    assert loaded == (not app_lines)
    if accepted:
        assert loaded and page.assessment() is not None
    # Every line the app shows is the command line's; the command line adds only missing inputs.
    assert [line for line in cli_lines if line in app_lines] == app_lines
    extra = [line for line in cli_lines if line not in app_lines]
    assert all(line.endswith(": required; it is missing") for line in extra), extra
