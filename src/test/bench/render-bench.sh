#!/usr/bin/env bash
# Whole-command timings of `render` and `print` on generated building footprints (fresh
# processes, median of RUNS, peak RSS), printed as a Markdown table. With a second jar (e.g. a
# build of an older commit), both run interleaved and the table gives their ratio; the demo map
# is also rendered by both and compared pixel by pixel.
#   bash src/test/bench/render-bench.sh [target/atlas.jar [other/atlas.jar]]
# Environment: SIZES (default "10000 100000"; add 500000, ≈ 3 min to generate), RUNS (default 5),
# BENCH_DIR (default /tmp/atlas-bench, data kept there). For QGIS side by side, see
# ../shared/bench-qgis/compare.sh, which runs the same jobs against QGIS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
A=$(realpath "${1:-$ROOT/target/atlas.jar}")
B=${2:+$(realpath "$2")}
W=${BENCH_DIR:-/tmp/atlas-bench}
SIZES=${SIZES:-"10000 100000"}
RUNS=${RUNS:-5}
mkdir -p "$W/out"
cat > "$W/buildings.sld" <<'SLD'
<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
  <NamedLayer><Name>buildings</Name><UserStyle><FeatureTypeStyle><Rule>
    <PolygonSymbolizer>
      <Fill><CssParameter name="fill">#DEBE96</CssParameter></Fill>
      <Stroke><CssParameter name="stroke">#785028</CssParameter><CssParameter name="stroke-width">0.378</CssParameter></Stroke>
    </PolygonSymbolizer>
  </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>
SLD
for n in $SIZES; do
  [ -f "$W/b$n.gpkg" ] || "$ROOT/src/test/bench/atlas-dev" generate footprints --count "$n" --out "$W/b$n.gpkg" >/dev/null
  cat > "$W/b$n.atlas.json" <<JSON
{"atlas_project": 1, "title": "Bâtiments ($n)", "crs": "EPSG:2154", "indicative": false, "bookmarks": [],
 "layers": [{"id": "b", "title": "Bâtiments", "source": "b$n.gpkg", "visible": true, "opacity": 1.0, "sld": "buildings.sld"}]}
JSON
done
python3 - "$W" "$RUNS" "$A" "${B:-}" $SIZES <<'PY'
import re, statistics, subprocess, sys, time
W, runs, a, b, sizes = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
jars = [a] + ([b] if b else [])
def run(cmd):
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    rss = int(r.stderr.strip().splitlines()[-1]) / 1024 if r.stderr.strip() else 0
    return time.perf_counter() - t, rss, r.returncode
def jobs(n):
    p = f"{W}/b{n}.atlas.json"
    return [(f"{n} GPKG → PNG 1920×1080", ["render", p, "--out", f"{W}/out/x.png", "--width", "1920", "--height", "1080"]),
            (f"{n} GPKG → PNG 3508×2480 300 dpi", ["render", p, "--out", f"{W}/out/x.png", "--width", "3508", "--height", "2480", "--dpi", "300"]),
            (f"{n} GPKG → PDF A3 landscape", ["print", "--project", p, "--out", f"{W}/out/x.pdf", "--page", "A3", "--landscape"])]
head = ("| job | " + " | ".join(f"{j} s | {j} RSS MB" for j in (["A"] + (["B", "B/A"] if b else []))) + " |")
head = head.replace(" B/A s | B/A RSS MB", " B/A")
print(f"A = {a}" + (f"\nB = {b}" if b else ""))
print(head)
print("|---" * (head.count("|") - 1) + "|")
for n in sizes:
    for name, args in jobs(n):
        res = {j: [] for j in jars}
        for _ in range(runs):
            for j in jars:
                cmd = ["java", "-jar", j] + args
                # options the other jar may not know are dropped (older builds had no --dpi)
                if j != a and "--dpi" in args:
                    cmd = ["java", "-jar", j] + args[:args.index("--dpi")]
                res[j].append(run(cmd))
        cells = []
        for j in jars:
            ok = all(x[2] == 0 for x in res[j])
            cells.append(f"{statistics.median(x[0] for x in res[j]):.2f}{'' if ok else ' (failed)'} | {max(x[1] for x in res[j]):.0f}")
        if b:
            cells.append(f"{statistics.median(x[0] for x in res[b]) / statistics.median(x[0] for x in res[a]):.2f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
PY
if [ -n "${B:-}" ]; then
  DEMO="$ROOT/maps/bassin-minier.atlas.json"
  java -jar "$A" render "$DEMO" --out "$W/out/demo-a.png" --width 1600 --height 1000 >/dev/null
  java -jar "$B" render "$DEMO" --out "$W/out/demo-b.png" --width 1600 --height 1000 >/dev/null
  echo; echo -n "Demo map, A against B: "; java "$ROOT/src/test/bench/PixelDiff.java" "$W/out/demo-a.png" "$W/out/demo-b.png"
fi
