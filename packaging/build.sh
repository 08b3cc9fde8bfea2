#!/usr/bin/env bash
# Build a one-folder desktop bundle with PyInstaller and check the Linux metadata.
# Usage: packaging/build.sh   (from a checkout; output in dist/annotator/)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/pip install -q -e . pyinstaller
.venv-build/bin/pyinstaller --noconfirm --distpath dist --workpath build packaging/annotator.spec
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate packaging/linux/org.annotator.Annotator.desktop
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net packaging/linux/org.annotator.Annotator.metainfo.xml
fi
echo "built dist/annotator/"
