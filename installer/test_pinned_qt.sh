#!/bin/sh
# Run the whole test suite against an older PySide6, as a target's offline package pins it:
#   sh installer/test_pinned_qt.sh 6.9.3    # 统信 UOS 20 / Kylin V10 x86_64
#   sh installer/test_pinned_qt.sh 6.7.3    # 麒麟 Kylin V10 SP1 ARM64
# Needs network (pip) and the apt packages of scripts/apt-deps.sh --test. The venv goes to a
# temporary folder and is removed afterwards; the repository is not touched.
set -eu
version=${1:?"usage: $0 PYSIDE6_VERSION (e.g. 6.9.3)"}
here=$(cd "$(dirname "$0")/.." && pwd)
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q "PySide6-Essentials==$version"
"$venv/bin/pip" install -q -e "$here[test]"     # the pin above satisfies the app's range
"$venv/bin/python" -c "import PySide6; print('PySide6', PySide6.__version__)"
cd "$here" && "$venv/bin/python" -m pytest -q -p no:cacheprovider
