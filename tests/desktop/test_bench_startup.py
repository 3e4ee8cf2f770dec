"""`bonemet bench startup` compares each app run with the bare window measured just before it, so a
machine whose speed drifts during the runs does not compare a fast moment with a slow one."""

import re

import pytest

from desktop.shell.bench_startup import ratios


def test_ratios_are_taken_run_by_run():
    bare = [{"shown_ms": 100.0}, {"shown_ms": 200.0}, {"shown_ms": 100.0}]
    runs = [
        {"shown_ms": 140.0, "ready_ms": 190.0},
        {"shown_ms": 280.0, "ready_ms": 380.0},  # the machine was twice as slow for this pair
        {"shown_ms": 150.0, "ready_ms": 200.0},
    ]
    window, ready = ratios(bare, runs)
    assert window == 1.4 and ready == 1.9  # medians of 1.4/1.4/1.5 and 1.9/1.9/2.0


@pytest.mark.slow
def test_bench_cli_prints_each_command_against_its_work(capsys):
    from desktop.bench_cli import main

    assert main(["--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert 'python -c "import calculator":' in out
    for name, target in (("search", "2.0"), ("assess", "1.5")):
        assert re.search(
            rf"bonemet {name}: \d+ ms; the work alone \d+ ms in process; [\d.]+x .*<= {target}x", out
        )
