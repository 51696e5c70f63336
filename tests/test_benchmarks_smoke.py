"""``benchmarks/run.py --quick`` runs end to end and writes its report (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from observatoire.paths import ROOT, data_dir

HDF = data_dir() / "demo-hauts-de-france.duckdb"


@pytest.mark.skipif(not HDF.exists(), reason="demo-hauts-de-france.duckdb not built")
def test_quick_bench_writes_a_report(tmp_path, reference_path):
    out = tmp_path / "BENCHMARKS.md"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--runs", "1", "--out", str(out),
         "--skip", "pages,concurrency,load"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert "Mode rapide" in report
    assert "| mesure | budget | médiane | max | verdict | remarque |" in report
    assert "`observatoire kpis --month 2024-06`" in report
    assert "`observatoire kpis --from 2020-01-01 --to 2025-12-31`" in report
    assert "réseaux côte à côte : 4 espaces" in report  # 20 outside --quick
    # The baseline's 8 KPI, recomputed in pandas, equal the catalogue's on the demo.
    assert "Les KPI de la référence naïve sont égaux à ceux du catalogue." in report
    assert "rapport naïf / nous" in report
    assert "Section « pages » non mesurée" in report
    assert "demo-hauts-de-france.duckdb" in report
