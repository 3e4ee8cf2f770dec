"""`bonemet assess` through the real command dispatcher: exit codes, stdout and stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

from .conftest import make_patient

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))


def _run(capsysbinary, *args: str) -> tuple[int, str, str]:
    code = main(["assess", *args])
    captured = capsysbinary.readouterr()
    return code, captured.out.decode("utf-8"), captured.err.decode("utf-8")


def _write(tmp_path: Path, content: str | bytes) -> str:
    path = tmp_path / "patient.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def _bad(capsysbinary, tmp_path, content, *fields: str) -> list[str]:
    code, out, err = _run(capsysbinary, _write(tmp_path, content), "--lang", "en")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    for field in fields:
        assert any(line.startswith(f"{field}: ") for line in lines), (field, lines)
    return lines


def test_json_output(capsysbinary, tmp_path):
    code, out, err = _run(capsysbinary, _write(tmp_path, json.dumps(make_patient())))
    assert (code, err) == (0, "")
    assert json.loads(out)["derived"]["crcl_ml_min"] == 80.0


def test_json_output_is_utf8_not_escaped(capsysbinary, tmp_path):
    code, out, _ = _run(capsysbinary, _write(tmp_path, json.dumps(make_patient())))
    assert code == 0
    assert "校正血钙" in out and "\\u" not in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_note(capsysbinary, tmp_path, lang):
    code, out, err = _run(
        capsysbinary,
        _write(tmp_path, json.dumps(make_patient(weight_kg=45))),
        "--format",
        "text",
        "--lang",
        lang,
    )
    assert (code, err) == (0, "")
    assert "\x1b[" not in out and "**" not in out and "##" not in out
    if lang == "en":
        for expected in (
            "Creatinine clearance (Cockcroft-Gault): 45.0 mL/min",
            "Zoledronic acid",
            "3.3 mg",
            "Content version",
            "Decision support only",
            "Before starting",
            "Monitoring",
            "References",
            "[zometa-label]",
            "Serum creatinine: 1 mg/dL",
        ):
            assert expected in out, expected
    else:
        for expected in ("肌酐清除率", "唑来膦酸", "内容版本", "决策支持", "用药前", "监测", "参考文献"):
            assert expected in out, expected


def test_stdin(capsysbinary, monkeypatch):
    data = json.dumps(make_patient()).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = _run(capsysbinary, "-")
    assert code == 0 and json.loads(out)["derived"]["crcl_ml_min"] == 80.0


def test_bom_is_accepted(capsysbinary, tmp_path):
    code, _, _ = _run(capsysbinary, _write(tmp_path, b"\xef\xbb\xbf" + json.dumps(make_patient()).encode()))
    assert code == 0


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_examples_assess(capsysbinary, example, fmt):
    code, out, err = _run(capsysbinary, str(example), "--format", fmt)
    assert (code, err) == (0, "")
    assert out.strip()


def test_there_are_enough_examples():
    names = {p.stem for p in EXAMPLES}
    assert len(names) >= 8
    assert "hr-positive-first-line" in names  # the README uses it


# --- every class of bad input: exit 2, nothing on stdout, one "field: reason" line per problem ---


def test_malformed_json(capsysbinary, tmp_path):
    lines = _bad(capsysbinary, tmp_path, '{"age_years": 60,', "input")
    assert "line 1" in lines[0]


@pytest.mark.parametrize("content", ["", "   \n"])
def test_empty(capsysbinary, tmp_path, content):
    _bad(capsysbinary, tmp_path, content, "input")


@pytest.mark.parametrize("content", ["[]", '"patient"', "42", "null"])
def test_not_an_object(capsysbinary, tmp_path, content):
    _bad(capsysbinary, tmp_path, content, "input")


def test_missing_required(capsysbinary, tmp_path):
    patient = make_patient(sex=..., labs__creatinine=...)
    _bad(capsysbinary, tmp_path, json.dumps(patient), "sex", "labs.creatinine")


def test_wrong_types_bool_is_not_a_number(capsysbinary, tmp_path):
    patient = make_patient(age_years=True, weight_kg="70", labs__calcium={"value": False, "unit": "mmol/L"})
    _bad(capsysbinary, tmp_path, json.dumps(patient), "age_years", "weight_kg", "labs.calcium.value")


def test_unknown_enum(capsysbinary, tmp_path):
    _bad(capsysbinary, tmp_path, json.dumps(make_patient(her2_status="2+")), "her2_status")


def test_unit_not_allowed(capsysbinary, tmp_path):
    patient = make_patient(labs__creatinine={"value": 1.1, "unit": "mmol/L"})
    _bad(capsysbinary, tmp_path, json.dumps(patient), "labs.creatinine.unit")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity(capsysbinary, tmp_path, literal):
    text = json.dumps(make_patient()).replace('"weight_kg": 80', f'"weight_kg": {literal}')
    assert literal in text
    lines = _bad(capsysbinary, tmp_path, text, "weight_kg")
    assert "finite" in lines[0]


def test_nan_inside_a_lab(capsysbinary, tmp_path):
    text = json.dumps(make_patient(labs__albumin={"value": 1234, "unit": "g/L"})).replace("1234", "NaN")
    _bad(capsysbinary, tmp_path, text, "labs.albumin.value")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"labs__creatinine": {"value": 5, "unit": "umol/L"}}, "labs.creatinine.value"),
        ({"labs__creatinine": {"value": 30, "unit": "mg/dL"}}, "labs.creatinine.value"),
        ({"labs__calcium": {"value": 6, "unit": "mmol/L"}}, "labs.calcium.value"),
        ({"labs__albumin": {"value": 70, "unit": "g/L"}}, "labs.albumin.value"),
        ({"labs__vitamin_d": {"value": 600, "unit": "nmol/L"}}, "labs.vitamin_d.value"),
        ({"age_years": 12}, "age_years"),
        ({"weight_kg": 400}, "weight_kg"),
        ({"expected_survival_months": 5000}, "expected_survival_months"),
        ({"line": 50}, "line"),
        ({"biomarkers__pdl1_cps": -1}, "biomarkers.pdl1_cps"),
    ],
)
def test_out_of_range(capsysbinary, tmp_path, changes, field):
    _bad(capsysbinary, tmp_path, json.dumps(make_patient(**changes)), field)


def test_unknown_key_typo(capsysbinary, tmp_path):
    patient = make_patient()
    patient["labs"]["creatinin"] = patient["labs"].pop("creatinine")
    lines = _bad(capsysbinary, tmp_path, json.dumps(patient), "labs.creatinin", "labs.creatinine")
    assert any("did you mean 'creatinine'" in line for line in lines)


def test_duplicate_key(capsysbinary, tmp_path):
    text = json.dumps(make_patient()).replace('"weight_kg": 80', '"weight_kg": 80, "weight_kg": 60')
    _bad(capsysbinary, tmp_path, text, "weight_kg")


def test_input_over_one_mebibyte(capsysbinary, tmp_path):
    text = json.dumps(make_patient()) + " " * (1024 * 1024)
    lines = _bad(capsysbinary, tmp_path, text, "input")
    assert "1048576" in lines[0]


def test_unreadable_file(capsysbinary, tmp_path):
    code, out, err = _run(capsysbinary, str(tmp_path / "missing.json"), "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("input: cannot read the file")


def test_directory_instead_of_file(capsysbinary, tmp_path):
    code, out, err = _run(capsysbinary, str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith("input: ")


def test_bad_utf8(capsysbinary, tmp_path):
    _bad(capsysbinary, tmp_path, b'{"sex": "\xff\xfe"}', "input")


def test_deeply_nested_json(capsysbinary, tmp_path):
    _bad(capsysbinary, tmp_path, "[" * 100000 + "]" * 100000, "input")


def test_problems_in_chinese_by_default(capsysbinary, tmp_path):
    code, out, err = _run(capsysbinary, _write(tmp_path, json.dumps(make_patient(sex=...))))
    assert (code, out) == (2, "")
    assert err.strip() == "sex: 必填项，缺失"


@pytest.mark.slow
def test_real_process_exit_codes(tmp_path):
    good = _write(tmp_path, json.dumps(make_patient()))
    ok = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "assess", good], capture_output=True, timeout=60
    )
    assert ok.returncode == 0 and json.loads(ok.stdout.decode("utf-8"))["content_version"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"age_years": NaN}', encoding="utf-8")
    failed = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "assess", str(bad), "--lang", "en"],
        capture_output=True,
        timeout=60,
    )
    assert failed.returncode == 2 and failed.stdout == b""
    err = failed.stderr.decode("utf-8")
    assert "Traceback" not in err and err.startswith("age_years: must be a finite number")


def test_an_integer_of_5000_digits_is_out_of_range_not_unreadable_json(capsysbinary, tmp_path):
    # json's int() refuses over 4300 digits: the whole file used to be reported as "not JSON".
    text = json.dumps(make_patient(labs__creatinine={"value": 12345, "unit": "umol/L"}))
    text = text.replace('"value": 12345', '"value": ' + "9" * 5000)
    lines = _bad(capsysbinary, tmp_path, text, "labs.creatinine.value")
    assert lines == ["labs.creatinine.value: 1e+5000 is outside the plausible range 10–2000 µmol/L"]


def test_a_path_with_a_nul_byte_is_unreadable_not_an_internal_error(capsysbinary):
    code, out, err = _run(capsysbinary, "patient\0.json", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("input: cannot read the file")


def test_version_names_app_content_and_rules(capsys):
    from calculator.versions import APP_VERSION, rules_version
    from guideline_content import content_version

    with pytest.raises(SystemExit):
        main(["--version"])
    shown = capsys.readouterr().out
    assert APP_VERSION in shown and content_version() in shown and rules_version() in shown
