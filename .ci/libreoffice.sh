#!/bin/sh
# LibreOffice Writer without its GUI, for reading .doc/.wps files (tests/test_ingest_formats.py).
set -eu
if ! command -v soffice >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui
fi
soffice --version
