"""The `bonemet assess` command against the independent contract cases (see test_contract_cases.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculator import assess

from .test_contract_cases import CASES_DIR


# The `bonemet assess` command is part of the same contract: exit 0 with the assessment as JSON,
# or exit 2 with one "dotted.field: reason" line per problem on stderr and nothing on stdout.
def _case(name: str) -> dict:
    return json.loads((CASES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _bonemet(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from desktop.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_prints_the_same_assessment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    patient = _case("sex_female_umol_l_crcl_45")["patient"]
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(patient), encoding="utf-8")
    code, out, err = _bonemet(["assess", str(path)], capsys)
    assert (code, err) == (0, "")
    printed = json.loads(out)
    expected = assess(patient)
    for key in ("derived", "bone_agent", "systemic_therapy", "warnings"):
        assert printed[key] == expected[key], key


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_command_text_note(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Chart note: inputs with units, derived values, recommendations, content version, disclaimer."""
    patient = _case("sex_female_umol_l_crcl_45")["patient"]
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(patient), encoding="utf-8")
    code, out, _ = _bonemet(["assess", str(path), "--format", "text", "--lang", lang], capsys)
    assert code == 0
    assessment = assess(patient)
    for shown in ("75.14", "45.0", "3.3", assessment["content_version"], assessment["disclaimer"][lang]):
        assert shown in out, shown


@pytest.mark.slow
def test_command_reads_stdin() -> None:
    patient = _case("sex_female_umol_l_crcl_45")["patient"]
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main(sys.argv[1:]))",
            "assess",
            "-",
        ],
        input=json.dumps(patient).encode("utf-8"),
        capture_output=True,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert json.loads(run.stdout.decode("utf-8"))["derived"]["crcl_ml_min"] == 45.0


@pytest.mark.parametrize(
    "name", ["invalid_creatinine_unit_mmol", "invalid_two_problems_both_listed", "invalid_empty_object"]
)
def test_command_bad_input_names_fields(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _case(name)
    path = tmp_path / "patient.json"
    path.write_text(json.dumps(case["patient"]), encoding="utf-8")
    code, out, err = _bonemet(["assess", str(path)], capsys)
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    starts = [line.split(":", 1)[0] for line in err.splitlines()]
    for wanted in case["expect"]["error_fields_include"]:
        alternatives = wanted if isinstance(wanted, list) else [wanted]
        assert any(alt in starts for alt in alternatives), (case["title"], alternatives, err)


@pytest.mark.parametrize(
    "raw", ["", "{", "[1]", '{"age_years": NaN}', '{"x": "' + "a" * (1024 * 1024) + '"}']
)
def test_command_rejects_malformed_input(
    raw: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "patient.json"
    path.write_text(raw, encoding="utf-8")
    code, out, err = _bonemet(["assess", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err.strip() and "Traceback" not in err
