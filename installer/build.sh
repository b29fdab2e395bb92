#!/usr/bin/env bash
# Builds a self-contained Atlas du Bassin Minier with the JDK's jpackage: an app image
# (target/installer/Atlas-du-Bassin-Minier/) and, where dpkg/fakeroot exist, a .deb that bundles
# its own Java runtime, so users without Java can install it.
#   bash installer/build.sh            # app image + .deb
#   bash installer/build.sh --image    # app image only
set -euo pipefail
cd "$(dirname "$0")/.."
NAME="Atlas-du-Bassin-Minier"
OUT=target/installer
VERSION=$(sed -n 's:.*<version>\([0-9.]*\)</version>.*:\1:p' pom.xml | head -1)

[ -f target/atlas.jar ] || ./mvnw -B -q -DskipTests package
rm -rf "$OUT" target/jpackage-input && mkdir -p "$OUT" target/jpackage-input
cp target/atlas.jar target/jpackage-input/

# The demo map and its styles travel inside the app: <app>/lib/app/maps/… and …/styles/…
cp -r maps target/jpackage-input/maps
cp -r styles target/jpackage-input/styles
rm -f target/jpackage-input/maps/*.records.sqlite*

# A trimmed runtime: only the JDK modules the program uses (JavaFX comes from the jar).
MODULES=java.base,java.desktop,java.logging,java.sql,java.xml,java.naming,java.management,jdk.unsupported,jdk.jsobject,java.scripting,jdk.crypto.ec,jdk.zipfs,jdk.localedata
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output target/jpackage-runtime 2>/dev/null || { rm -rf target/jpackage-runtime; \
      jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --output target/jpackage-runtime; }

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "Atlas du Bassin Minier"
        --description "Visualiseur SIG du bassin minier du Nord-Pas-de-Calais"
        --input target/jpackage-input --main-jar atlas.jar --main-class fr.bassinminier.atlas.Main
        --runtime-image target/jpackage-runtime
        --java-options "-Datlas.demo=\$APPDIR/maps/bassin-minier.atlas.json")

jpackage --type app-image --dest "$OUT" "${COMMON[@]}"
echo "Image : $OUT/$NAME/bin/$NAME"

if [ "${1:-}" != "--image" ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  jpackage --type deb --dest "$OUT" "${COMMON[@]}" \
    --linux-package-name atlas-bassin-minier --linux-app-category science \
    --linux-package-deps "libgtk-3-0, libgl1" --linux-menu-group "Science;Geography"
  ls -la "$OUT"/*.deb
fi
rm -rf target/jpackage-input target/jpackage-runtime
