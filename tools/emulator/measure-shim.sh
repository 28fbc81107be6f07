#!/usr/bin/env bash
# Measures which fixes of the emulator shim (moto_server.py, moto_missing_resources.py, moto_service_discovery.py) a moto
# version still needs: runs the emulator integration test and the demo once with every fix,
# then once per fix with only that fix left out (FARGATE_KIT_MOTO_SKIP_FIXES=N). A fix whose
# absence fails neither is no longer needed by that moto version.
# Usage: tools/emulator/measure-shim.sh [VENV]   (default .venv/; e.g. a venv with a newer moto)
# Needs the example app synthesizable (npm ci) and the venv's tools (tools/python/setup.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
export FARGATE_KIT_VENV="$(cd "${1:-.venv}" && pwd)"
moto=$("$FARGATE_KIT_VENV/bin/python" -c 'import moto; print(moto.__version__)')
fixes="${FIXES:-$( (grep -oE "^# --- Fix [0-9]+" tools/emulator/moto_server.py | awk "{print \$4}"; echo 9; echo 14) | sort -n | tr "\n" " ")}"
run() {
  FARGATE_KIT_MOTO_SKIP_FIXES="$1" npx jest --ci --coverage=false --testPathIgnorePatterns=/node_modules/ -- test/integ/emulator-deploy.test.ts >/tmp/measure-shim-jest.log 2>&1
  local jest=$?
  FARGATE_KIT_MOTO_SKIP_FIXES="$1" npx tsx tools/demo.ts >/tmp/measure-shim-demo.log 2>&1
  local demo=$?
  echo "$([ $jest -eq 0 ] && echo pass || echo FAIL) $([ $demo -eq 0 ] && echo pass || echo FAIL)"
}
echo "moto $moto: fixes in the shim: $fixes"
echo "| left out | emulator test | demo | still needed |"
echo "|---|---|---|---|"
read -r j d < <(run "")
echo "| none | $j | $d | |"
for n in $fixes; do
  read -r j d < <(run "$n")
  needed=$([ "$j $d" = "pass pass" ] && echo no || echo yes)
  echo "| fix $n | $j | $d | $needed |"
done
