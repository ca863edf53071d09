#!/bin/sh
# graphology's GraphML and GEXF parsers for tests/test_exports.py (an independent reader of the exports),
# installed from tests/js/package-lock.json. Called by .ci/run.
set -eu
cd "$(dirname "$0")/../tests/js"
command -v npm >/dev/null || { echo "js.sh: npm not on PATH" >&2; exit 1; }
npm ci --no-audit --no-fund --silent
echo "js.sh: graphology installed (tests/js/node_modules)"
