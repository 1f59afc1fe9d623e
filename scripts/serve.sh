#!/usr/bin/env bash
# Install into .venv, build dist/ when missing, and serve it on 127.0.0.1:8000 (pass serve.py flags through).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e .
exec .venv/bin/python serve.py "$@"
