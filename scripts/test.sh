#!/usr/bin/env bash
# Install everything the test suite needs into .venv (and Debian's Chromium when missing), then lint and test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and this user cannot apt-get install it" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check gcm_graph tests bench serve.py
.venv/bin/python -m pytest -q "$@"
