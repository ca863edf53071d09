#!/bin/sh
# Headless Chromium and CJK fonts for the browser tests of kg.views (tests/test_views_browser.py).
set -eu
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-noto-cjk
chromium --version
