#!/usr/bin/env bash
# Installs the project's Python tools (moto[server], cfn-lint, boto3, awscli; exact versions in
# requirements.txt) into the project-local virtual environment .venv/ — never into the machine's
# Python. Idempotent: when .venv/ already holds exactly requirements.txt (a stamp of its hash) and
# the tools import, it only says so (well under a second). Called by `npm run demo`, the
# integration tests (`npx projen test:integ`) and CI. Needs python3 (3.9+) with the venv module.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
req="$root/tools/python/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
check() { "$venv/bin/python" -c 'import moto, moto.server, boto3, werkzeug, cfnlint' 2>/dev/null && "$venv/bin/aws" --version >/dev/null 2>&1; }

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && check; then
  echo "python tools: .venv/ is current ($(cd "$root" && .venv/bin/python -c 'import moto; print("moto", moto.__version__)'), $("$venv/bin/cfn-lint" --version 2>/dev/null | tr -d '\n'))"
  exit 0
fi
command -v python3 >/dev/null || { echo "python tools: python3 is not installed (Debian: apt-get install python3 python3-venv)"; exit 1; }
SECONDS=0
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { echo "python tools: 'python3 -m venv' failed (Debian: apt-get install python3-venv)"; exit 1; }
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --quiet -r "$req"
check || { echo "python tools: installed, but moto/boto3/cfn-lint/aws do not run from .venv/"; exit 1; }
echo "$want" >"$stamp"
echo "python tools: installed requirements.txt into .venv/ in ${SECONDS} s"
