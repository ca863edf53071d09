"""Build and start the in-process Neo4j of this Maven project (used by tests/conftest.py and benchmarks).

>>> server = start_server()          # doctest: +SKIP
>>> server.config.uri                # 'bolt://127.0.0.1:PORT'
>>> server.stop()

The build (``mvn -q -B package``) runs only when the jar or its classpath file
is missing or older than ``pom.xml`` / the Java sources; after the first build
the Maven dependencies come from the local repository, so it works offline.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg.sinks.neo4j import Neo4jConfig

HARNESS_DIR = Path(__file__).resolve().parent
JAR = HARNESS_DIR / "target" / "kg-neo4j-harness.jar"
CLASSPATH = HARNESS_DIR / "target" / "classpath.txt"
MAIN_CLASS = "kg.harness.Main"
PASSWORD = "kg-test-password"


class HarnessError(RuntimeError):
    """The test server could not be built or started (one line)."""


def missing_tools() -> list[str]:
    """The tools among java and mvn that are not on PATH."""
    return [t for t in ("java", "mvn") if shutil.which(t) is None]


def _sources() -> list[Path]:
    return [HARNESS_DIR / "pom.xml", *sorted((HARNESS_DIR / "src").rglob("*.java"))]


def is_built() -> bool:
    """True when the jar and classpath file exist and are newer than every source."""
    if not (JAR.exists() and CLASSPATH.exists()):
        return False
    built = min(JAR.stat().st_mtime, CLASSPATH.stat().st_mtime)
    return all(p.stat().st_mtime <= built for p in _sources())


def build(timeout: float = 900) -> None:
    """Run ``mvn -q -B package`` unless the build is up to date."""
    if is_built():
        return
    proc = subprocess.run(
        ["mvn", "-q", "-B", "-f", str(HARNESS_DIR / "pom.xml"), "package", "-DskipTests"],
        capture_output=True, text=True, timeout=timeout,
    )
    if proc.returncode == 0 and JAR.exists() and CLASSPATH.exists():
        JAR.touch()  # maven leaves unchanged outputs alone; mark them as built now
        CLASSPATH.touch()
    if proc.returncode != 0 or not is_built():
        tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-5:])
        raise HarnessError(f"mvn package of {HARNESS_DIR} failed (exit {proc.returncode}): {tail}")


def admin_command() -> list[str]:
    """``neo4j-admin`` (Neo4j 5.26) run from the harness's jars: build first, then append its arguments.

    Set ``NEO4J_HOME`` (and ``NEO4J_CONF``, a folder with a ``neo4j.conf``) in its environment:
    ``database import`` writes into ``$NEO4J_HOME/data``.
    """
    build()
    return ["java", "-Xmx1g", "-cp", f"{JAR}{os.pathsep}{CLASSPATH.read_text().strip()}",
            "org.neo4j.server.startup.Neo4jAdminCommand"]


@dataclass
class Server:
    """A running harness process and the config to reach it."""

    process: subprocess.Popen
    config: Neo4jConfig
    folder: Path
    output: list[str] = field(default_factory=list)

    def stop(self, timeout: float = 30, graceful: bool = True) -> None:
        """Close stdin (the harness shuts Neo4j down), kill it if it does not; delete the database folder.

        ``graceful=False`` kills at once: quicker, for a database nobody will open again.
        """
        if not graceful and self.process.poll() is None:
            self.kill()
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=timeout)
            except (subprocess.TimeoutExpired, OSError):
                self.process.kill()
                self.process.wait(timeout=timeout)
        shutil.rmtree(self.folder, ignore_errors=True)

    def kill(self) -> None:
        """Kill the server at once (to test a server that goes away); :meth:`stop` still cleans up."""
        self.process.kill()
        self.process.wait(timeout=30)


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def start_server(heap: str = "1g", timeout: float = 180, password: str = PASSWORD, data: Path | None = None) -> Server:
    """Build if needed, start the harness on a free port and wait until Bolt answers.

    Parameters
    ----------
    heap : str
        The JVM's ``-Xmx``.
    timeout : float
        Seconds to wait for the server to be ready.
    password : str
        The password the harness sets for user ``neo4j``.
    data : Path, optional
        A data folder that ``neo4j-admin database import`` wrote (``databases/neo4j``): the
        server starts with a copy of its database.
    """
    build()
    cp = f"{JAR}{os.pathsep}{CLASSPATH.read_text().strip()}"
    folder = Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
    proc = subprocess.Popen(
        ["java", f"-Xmx{heap}", "-cp", cp, MAIN_CLASS, password, "0", str(folder), *([str(data)] if data else [])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    output: list[str] = []
    uri = None
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(left, 0.01))
        except queue.Empty:
            line = None
            left = 0
        if line is None:
            if left > 0 and proc.poll() is None:
                continue
            proc.kill()
            proc.wait(timeout=30)
            shutil.rmtree(folder, ignore_errors=True)
            raise HarnessError(f"the Neo4j harness did not become ready in {timeout:.0f}s "
                               f"(exit {proc.poll()}): {' | '.join(output[-5:])}")
        output.append(line)
        if line.startswith("NEO4J_URI="):
            uri = line.split("=", 1)[1].strip()
        if line == "READY" and uri:
            break
    server = Server(proc, Neo4jConfig(uri=uri, user="neo4j", password=password), folder, output)
    try:
        wait_for_bolt(server.config, deadline - time.monotonic())
    except HarnessError:
        server.stop()
        raise
    return server


def wait_for_bolt(config: Neo4jConfig, timeout: float = 60) -> None:
    """Wait until the server at ``config`` accepts the user, else :class:`HarnessError`."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    deadline = time.monotonic() + max(timeout, 1)
    while True:
        try:
            with GraphDatabase.driver(config.uri, auth=(config.user, config.password)) as d:
                d.verify_connectivity()
            return
        except AuthError:
            raise HarnessError(f"Neo4j at {config.uri} rejected user {config.user!r}: wrong user or password") from None
        except (DriverError, Neo4jError, OSError) as exc:
            if time.monotonic() > deadline:
                raise HarnessError(f"Bolt at {config.uri} does not answer: {exc}") from None
            time.sleep(0.5)
