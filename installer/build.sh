#!/usr/bin/env bash
# Builds a self-contained Atlas du Bassin Minier with the JDK's jpackage: an app image
# (target/installer/Atlas-du-Bassin-Minier/) and, where dpkg-deb/fakeroot exist, a .deb that
# bundles its own Java runtime, so users without Java can install it. The .deb puts the program
# in the desktop menu (with its icon), an `atlas` command on the PATH (no argument: the default
# map) and registers *.atlas.json projects so that they open with it.
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
MODULES=java.base,java.desktop,java.logging,java.sql,java.xml,java.naming,java.management,java.net.http,java.prefs,jdk.unsupported,jdk.jsobject,java.scripting,jdk.crypto.ec,jdk.zipfs,jdk.localedata
# --generate-cds-archive: the runtime's own classes shared between starts (its default CDS archive).
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
      --output target/jpackage-runtime 2>/dev/null || { rm -rf target/jpackage-runtime; \
      jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --output target/jpackage-runtime; }

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "Atlas du Bassin Minier"
        --description "Visualiseur SIG du bassin minier du Nord-Pas-de-Calais"
        --input target/jpackage-input --main-jar atlas.jar --main-class fr.bassinminier.atlas.Main
        --runtime-image target/jpackage-runtime
        --icon installer/linux/atlas-bassin-minier.png
        --java-options "-Datlas.demo=\$APPDIR/maps/bassin-minier.atlas.json"
        # The program's classes from a class-data-sharing archive that the .deb's postinst writes
        # where the program is installed (an archive names the jar's path); absent, Java starts
        # without it. JVM warnings to stderr, CDS's notes off.
        --java-options "-XX:SharedArchiveFile=\$APPDIR/atlas.jsa"
        --java-options "-Xlog:disable" --java-options "-Xlog:all=warning:stderr" --java-options "-Xlog:cds*=off:stderr")

jpackage --type app-image --dest "$OUT" "${COMMON[@]}"
echo "Image : $OUT/$NAME/bin/$NAME"

# The .deb is assembled from the app image with dpkg-deb (jpackage's own cannot add a command on
# the PATH or a MIME type for a double extension). Desktop, icon and MIME databases are refreshed
# by the dpkg triggers of desktop-file-utils, hicolor-icon-theme and shared-mime-info.
if [ "${1:-}" != "--image" ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  PKG=atlas-bassin-minier
  ROOT=target/deb-root
  rm -rf "$ROOT" && mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
    "$ROOT/usr/share/icons/hicolor/scalable/apps" "$ROOT/usr/share/icons/hicolor/256x256/apps" "$ROOT/usr/share/mime/packages"
  cp -a "$OUT/$NAME" "$ROOT/opt/$PKG"
  # `atlas` runs the bundled Java itself: jpackage's launcher asks rpm and dpkg which package owns
  # it at every start (≈ 0.5 s, seen with strace). The window (no argument, or one project file, as
  # Main decides) runs with C1 only; a command with C1 only (one compiler thread) and the serial
  # collector with a 16 MB young generation; both with the heap on transparent huge pages where the
  # kernel gives them on request (see the checkout's ./atlas). The options are the app image's (Atlas-du-Bassin-Minier.cfg).
  cat > "$ROOT/usr/bin/atlas" <<ATLAS
#!/bin/sh
app=/opt/$PKG/lib/app
jsa="\$app/atlas.jsa"
case "\$#:\${1:-}" in
  0:*|1:*.[Aa][Tt][Ll][Aa][Ss].[Jj][Ss][Oo][Nn]) jvm="-XX:TieredStopAtLevel=1" ;;
  *) jvm="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -Xmn16m"
     case "\$1" in render|print) [ -f "\$app/atlas-\$1.jsa" ] && jsa="\$app/atlas-\$1.jsa" ;; esac ;;
esac
thp=
[ -r /sys/kernel/mm/transparent_hugepage/enabled ] && read -r thp < /sys/kernel/mm/transparent_hugepage/enabled
case "\$thp" in *"[madvise]"*) jvm="\$jvm -XX:+UseTransparentHugePages" ;; esac
exec /opt/$PKG/lib/runtime/bin/java \$jvm -Datlas.demo="\$app/maps/bassin-minier.atlas.json" \\
  -XX:SharedArchiveFile="\$jsa" -Xlog:disable -Xlog:all=warning:stderr "-Xlog:cds*=off:stderr" \\
  -cp "\$app/atlas.jar" fr.bassinminier.atlas.Main "\$@"
ATLAS
  chmod 755 "$ROOT/usr/bin/atlas"
  install -m 644 installer/linux/$PKG.desktop "$ROOT/usr/share/applications/$PKG.desktop"
  install -m 644 installer/linux/$PKG.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
  install -m 644 installer/linux/$PKG.png "$ROOT/usr/share/icons/hicolor/256x256/apps/$PKG.png"
  install -m 644 installer/linux/$PKG-mime.xml "$ROOT/usr/share/mime/packages/$PKG.xml"
  cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $VERSION
Section: science
Priority: optional
Architecture: $(dpkg --print-architecture)
Depends: libgtk-3-0, libgl1
Maintainer: Atlas du Bassin Minier <atlas@bassinminier.invalid>
Installed-Size: $(du -sk "$ROOT" | cut -f1)
Description: Visualiseur SIG du bassin minier du Nord-Pas-de-Calais
 Cartes, fiches des cités, vérification patrimoniale et impression, avec
 sa propre machine Java. Commande : atlas (sans argument : la carte par défaut).
CONTROL
  # After unpacking: runs of the installed program (`warm-up`: the everyday commands once on the
  # default map, no display needed) record the classes they load: all of them into
  # lib/app/atlas.jsa (the window and the other commands), render's and print's alone into
  # atlas-render.jsa and atlas-print.jsa (a smaller archive starts sooner, see ./atlas; checked
  # installed: postinst ≈ 4.5 s per archive, 27 + 17 + 21 MB). Removed with the package.
  cat > "$ROOT/DEBIAN/postinst" <<POSTINST
#!/bin/sh
set -e
if [ "\$1" = configure ]; then
  app=/opt/$PKG/lib/app
  rm -f "\$app"/atlas*.jsa
  for kind in all render print; do
    jsa="\$app/atlas-\$kind.jsa"; only="\$kind"
    [ "\$kind" = all ] && { jsa="\$app/atlas.jsa"; only=; }
    /opt/$PKG/lib/runtime/bin/java -Xlog:disable -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="\$jsa" -Djava.awt.headless=true \\
        -Datlas.demo="\$app/maps/bassin-minier.atlas.json" -cp "\$app/atlas.jar" fr.bassinminier.atlas.Main warm-up \$only \\
        >/dev/null 2>&1 || rm -f "\$jsa"
  done
fi
POSTINST
  cat > "$ROOT/DEBIAN/prerm" <<PRERM
#!/bin/sh
rm -f /opt/$PKG/lib/app/atlas*.jsa
PRERM
  chmod 755 "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/prerm"
  fakeroot dpkg-deb --root-owner-group --build -Zxz "$ROOT" "$OUT/${PKG}_${VERSION}_$(dpkg --print-architecture).deb" >/dev/null
  rm -rf "$ROOT"
  ls -la "$OUT"/*.deb
fi
rm -rf target/jpackage-input target/jpackage-runtime
