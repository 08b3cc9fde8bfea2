#!/usr/bin/env bash
# Build the one-folder bundle (dist/annotator/: `annotator` and `annotator-gui`) with
# PyInstaller in a venv of its own, smoke-test it, and validate the Linux desktop files.
# Usage: packaging/build.sh   (from a checkout; needs python3 with venv and PyPI access)
# Environment: PYTHON (default python3), SKIP_BUILD=1 to only re-run the smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
bundle=dist/annotator

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  [[ -d .venv-build ]] || "${PYTHON:-python3}" -m venv .venv-build
  .venv-build/bin/pip install -q . "pyinstaller>=6.10,<7"
  .venv-build/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build \
    packaging/annotator.spec
  # The desktop files travel with the bundle: dist/annotator/install-desktop.sh installs them.
  cp -r packaging/linux packaging/install-desktop.sh "$bundle/"
  echo "built $bundle/ in $((SECONDS - started)) s ($(du -sh "$bundle" | cut -f1))"
fi

# Smoke test: the frozen executables, as a new user would run them, away from the checkout.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { echo "+ $*"; "$@"; }
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
run "$bundle/annotator" --version
run "$bundle/annotator-gui" --version
"$bundle/annotator-gui" --version | grep -q "Qt 6" || { echo "no Qt version" >&2; exit 1; }
if "$bundle/annotator-gui" init "$work/x.db" 2>/dev/null || [[ -e $work/x.db ]]; then
  echo "annotator-gui took a command it does not know" >&2
  exit 1
fi
run "$bundle/annotator" init "$work/p.db"
run "$bundle/annotator" import "$work/p.db" seeds/*.txt
run "$bundle/annotator" export "$work/p.db" --format jsonl --out "$work/out.jsonl"
[[ -s $work/out.jsonl ]] || { echo "the export is empty" >&2; exit 1; }
run "$bundle/annotator" stats "$work/p.db"
# The window opens the project offscreen and closes itself as File > Quit does.
QT_QPA_PLATFORM=offscreen run "$bundle/annotator-gui" "$work/p.db" --annotator smoke --quit-after 1
[[ ! -e $work/p.db-lock ]] || { echo "the window left its lock behind" >&2; exit 1; }
run "$bundle/install-desktop.sh"
[[ -s $XDG_DATA_HOME/applications/org.annotator.Annotator.desktop ]] || exit 1

# The desktop files, where the validators are installed (.ci/run installs them).
if command -v desktop-file-validate >/dev/null; then
  run desktop-file-validate packaging/linux/org.annotator.Annotator.desktop \
    "$XDG_DATA_HOME/applications/org.annotator.Annotator.desktop"
else
  echo "desktop-file-validate not installed (apt-get install desktop-file-utils): skipped"
fi
if command -v appstreamcli >/dev/null; then
  run appstreamcli validate --no-net packaging/linux/org.annotator.Annotator.metainfo.xml
else
  echo "appstreamcli not installed (apt-get install appstream): skipped"
fi
echo "bundle $bundle/ passed its smoke test ($((SECONDS - started)) s in all)"
