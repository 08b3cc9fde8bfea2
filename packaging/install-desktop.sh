#!/usr/bin/env bash
# Install Annotator's desktop entry, icon, AppStream metainfo and project-file MIME type for
# the current user (no root), so it shows in the menu and a double click on a project opens it.
#
#   install-desktop.sh [--uninstall] [PATH/TO/annotator-gui]
#
# The executable defaults to the bundle's (beside this script, as build.sh lays it out) or
# else the annotator-gui on PATH (pipx install). Files go under ${XDG_DATA_HOME:-~/.local/share}.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
files=$here/linux
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=org.annotator.Annotator
uninstall=0
if [[ ${1:-} == --uninstall ]]; then uninstall=1; shift; fi

targets=(
  "$data/applications/$id.desktop"
  "$data/icons/hicolor/scalable/apps/$id.svg"
  "$data/metainfo/$id.metainfo.xml"
  "$data/mime/packages/$id.xml"
)

refresh() {
  # Each cache is optional: a desktop without the tool reads the files directly.
  if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data/applications"
  fi
  if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
  fi
}

if ((uninstall)); then
  rm -f "${targets[@]}"
  refresh
  echo "removed Annotator's desktop files from $data"
  exit 0
fi

gui=${1:-}
if [[ -z $gui ]]; then
  if [[ -x $here/annotator-gui ]]; then gui=$here/annotator-gui
  else gui=$(command -v annotator-gui || true)
  fi
fi
[[ -n $gui && -x $gui ]] || {
  echo "error: annotator-gui not found: give its path (install-desktop.sh PATH/TO/annotator-gui)" >&2
  exit 1
}
gui=$(cd "$(dirname "$gui")" && pwd)/$(basename "$gui")

mkdir -p "${targets[@]%/*}"
# The menu starts this very executable, wherever the bundle was unpacked.
sed -e "s|^Exec=annotator-gui|Exec=\"$gui\"|" -e "s|^TryExec=annotator-gui|TryExec=$gui|" \
  "$files/$id.desktop" >"${targets[0]}"
cp "$files/icons/hicolor/scalable/apps/$id.svg" "${targets[1]}"
cp "$files/$id.metainfo.xml" "${targets[2]}"
cp "$files/$id.mime.xml" "${targets[3]}"
refresh
echo "installed Annotator ($gui) for ${USER:-you} in $data"
