#!/bin/sh
# Fetch the Maven dependencies of the Neo4j test server and build it, so the test suite
# starts it offline. Called by .ci/run; safe to run again (Maven skips what is up to date).
set -eu
cd "$(dirname "$0")/.."
command -v java >/dev/null || { echo "neo4j.sh: java not on PATH" >&2; exit 1; }
command -v mvn >/dev/null || { echo "neo4j.sh: mvn not on PATH" >&2; exit 1; }
mvn -q -B -f tests/neo4j_harness/pom.xml package -DskipTests
test -s tests/neo4j_harness/target/kg-neo4j-harness.jar && test -s tests/neo4j_harness/target/classpath.txt
echo "neo4j.sh: test server built (tests/neo4j_harness/target)"
