"""The CLI against a live Neo4j: build --neo4j, load (only what changed), query --neo4j, the neo4j-admin hint, failures."""

import json
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

import kg.sinks.neo4j
from kg.cli import app
from kg.pipeline.outputs import CacheRows

pytestmark = pytest.mark.neo4j
KG = [sys.executable, "-m", "kg.cli"]


def conn(cfg) -> list[str]:
    return ["--uri", cfg.uri, "--user", cfg.user, "--password", cfg.password]


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(KG + args, capture_output=True, text=True, timeout=300)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_build_load_and_query_on_neo4j(neo4j_clean, tmp_path):
    out = tmp_path / "out"
    built = run(["build", "data/corpus", "-o", str(out), "--no-views", "--neo4j", *conn(neo4j_clean)])
    assert built.returncode == 0, built.stderr
    line = [x for x in built.stdout.splitlines() if x.startswith("Neo4j ")][0]
    assert "5 added; created " in line and "MENTIONED_IN" in line and "deleted" not in line
    again = run(["load", str(out), "--neo4j", *conn(neo4j_clean), "--batch-size", "50"])
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"Neo4j {neo4j_clean.uri}: 5 unchanged; nothing changed (")
    on_neo4j = run(["query", "agencies_by_campaigns", "--neo4j", *conn(neo4j_clean), "--format", "json"])
    embedded = run(["query", "agencies_by_campaigns", "-o", str(out), "--format", "json"])
    assert on_neo4j.returncode == 0 and embedded.returncode == 0, on_neo4j.stderr + embedded.stderr
    assert json.loads(on_neo4j.stdout) == json.loads(embedded.stdout) != []


def test_a_big_first_load_names_the_neo4j_admin_route(neo4j_clean, sample_build, monkeypatch):
    out = sample_build.out
    rows = CacheRows.of_build(out)
    n = sum(t.num_rows for t in rows.node_tables()) + sum(t.num_rows for t in rows.edge_tables())
    monkeypatch.setattr(kg.sinks.neo4j, "ADMIN_IMPORT_ROWS", n - 1)
    first = CliRunner().invoke(app, ["load", str(out), "--neo4j", *conn(neo4j_clean)])
    assert first.exit_code == 0, first.output
    assert f"is empty and the build has {n:,} rows: neo4j-admin import" in first.stderr
    assert f"kg export {out} --format neo4j-csv" in first.stderr and "import.sh import" in first.stderr
    second = CliRunner().invoke(app, ["load", str(out), "--neo4j", *conn(neo4j_clean)])
    assert second.exit_code == 0 and "neo4j-admin" not in second.stderr  # not empty any more


def test_wrong_password_is_one_line_and_non_zero(neo4j_server, tmp_path):
    out = tmp_path / "out"
    assert run(["build", "data/corpus", "-o", str(out), "--no-views"]).returncode == 0
    bad = run(["load", str(out), "--neo4j", "--uri", neo4j_server.uri, "--user", neo4j_server.user,
               "--password", neo4j_server.password + "-wrong"])
    assert bad.returncode != 0
    assert len(bad.stderr.strip().splitlines()) == 1 and neo4j_server.uri in bad.stderr


def test_load_without_a_build_is_one_line(tmp_path):
    bad = run(["load", str(tmp_path), "--neo4j", "--uri", f"bolt://127.0.0.1:{closed_port()}"])
    assert bad.returncode != 0
    assert len(bad.stderr.strip().splitlines()) == 1 and "kg build" in bad.stderr


def test_closed_port_is_one_line_and_non_zero_and_the_files_stay(tmp_path):
    out = tmp_path / "out"
    bad = run(["build", "data/corpus", "-o", str(out), "--no-views", "--neo4j",
               "--uri", f"bolt://127.0.0.1:{closed_port()}", "--password", "x"])
    assert bad.returncode != 0
    assert len(bad.stderr.strip().splitlines()) == 1
    assert (out / "extractions.jsonl").stat().st_size > 0 and (out / "store").exists()
