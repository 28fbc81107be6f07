#!/usr/bin/env bash
# Python consumer: a fresh virtual environment outside the repo gets the locally built wheel
# (dist/python, `npx projen package:python`) plus aws-cdk-lib and constructs from PyPI at the
# versions the library is built against; README's ```python example is written as app.py and
# synthesized with the repo's cdk CLI; its template must equal the TypeScript consumer's.
# pip's cache (~/.cache/pip) makes a second run faster; nothing depends on it.
set -euo pipefail
source "$(dirname "$0")/consumer-lib.sh"
wheel=$(ls "$repo"/dist/python/*.whl 2>/dev/null | head -1)
[ -n "$wheel" ] || { echo "consumer-python: no wheel in dist/python; run 'npx projen package:python' first"; exit 1; }
consumer_workdir python
t=$(now)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --disable-pip-version-check --no-input --quiet "$wheel" "aws-cdk-lib==$cdklib" "constructs==$constructs" \
  || { echo "FAIL: pip install of $(basename "$wheel") with aws-cdk-lib==$cdklib constructs==$constructs"; exit 1; }
install_s=$(took "$t")
echo "pip install $(basename "$wheel"), aws-cdk-lib==$cdklib, constructs==$constructs: $install_s s"
mkdir -p "$work/app"
readme_block python "$work/app/app.py"
synth_and_compare python "$work/app" "$work/venv/bin/python app.py" "$install_s"
