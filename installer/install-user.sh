#!/usr/bin/env bash
# Installs the checkout for the current user, without root: an `atlas` command in ~/.local/bin
# (the checkout's launcher: no argument opens the default map), a desktop menu entry with its
# icon, and *.atlas.json projects opening with the program.
#   bash installer/install-user.sh            # install
#   bash installer/install-user.sh --remove   # undo
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
PKG=atlas-bassin-minier
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
files=("$bin/atlas" "$data/applications/$PKG.desktop" "$data/icons/hicolor/scalable/apps/$PKG.svg"
       "$data/icons/hicolor/256x256/apps/$PKG.png" "$data/mime/packages/$PKG.xml")
if [ "${1:-}" = "--remove" ]; then
  rm -f "${files[@]}"
else
  mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps" \
           "$data/mime/packages"
  ln -sfn "$here/atlas" "$bin/atlas"
  # The menu entry names the command by its full path: ~/.local/bin is not on every session's PATH.
  sed "s|^Exec=atlas |Exec=$bin/atlas |" "$here/installer/linux/$PKG.desktop" > "$data/applications/$PKG.desktop"
  install -m 644 "$here/installer/linux/$PKG.svg" "$data/icons/hicolor/scalable/apps/$PKG.svg"
  install -m 644 "$here/installer/linux/$PKG.png" "$data/icons/hicolor/256x256/apps/$PKG.png"
  install -m 644 "$here/installer/linux/$PKG-mime.xml" "$data/mime/packages/$PKG.xml"
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ "${1:-}" != "--remove" ]; then
  echo "Installé : commande $bin/atlas, entrée de menu « Atlas du Bassin Minier », projets *.atlas.json."
  case ":$PATH:" in *":$bin:"*) ;; *) echo "Ajoutez $bin au PATH pour taper simplement « atlas »." ;; esac
fi
