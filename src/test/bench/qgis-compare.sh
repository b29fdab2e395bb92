#!/usr/bin/env bash
# Every whole-command job of issue 12 side by side with QGIS 3.22, on the data and styling of
# ../shared/bench-qgis (its gen_data.py, qgis_job.py and make_atlas_files.py, used unchanged):
# GeoPackage 10k/100k/500k → PNG 1920×1080, 500k shapefile → PNG 1920×1080, 500k → PNG
# 3508×2480 at 300 dpi, 100k/500k → PDF A3 landscape. Fresh processes, QGIS and ours
# interleaved, medians of RUNS (default 5), peak RSS from /usr/bin/time. Prints a Markdown table.
#   bash src/test/bench/qgis-compare.sh
# Ours is run as users run it, through the `atlas` launcher (its JVM options for commands);
# OURS="java -jar target/atlas.jar" measures the bare jar instead.
# Needs: apt-get install -y qgis python3-qgis qgis-providers. Work folder $BENCH_DIR (default
# /tmp/bench-qgis, shared with compare.sh: the ≈ 700 MB of data are generated once).
# JOBS (a regular expression) keeps only the jobs whose name matches.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench-qgis}
OURS=${OURS:-$ROOT/atlas}
if [ "$OURS" = "$ROOT/atlas" ]; then
  # Builds the jar if sources changed; a first command of each kind then records its class
  # archive in the background (`warm-up render`, `warm-up print`): wait for them, so that they
  # neither run during nor miss the timings.
  "$ROOT/atlas" render --help >/dev/null
  "$ROOT/atlas" print --help >/dev/null
  sleep 1
  while compgen -G "$ROOT/target/atlas-*.jsa.recording" >/dev/null; do sleep 1; done
fi
W=${BENCH_DIR:-/tmp/bench-qgis}; PY=/usr/bin/python3
command -v qgis_process.bin >/dev/null || { echo "QGIS n'est pas installé : apt-get install -y qgis python3-qgis qgis-providers"; exit 1; }
[ -f "$HARNESS/qgis_job.py" ] || { echo "harnais QGIS absent : $HARNESS (../shared/bench-qgis)"; exit 1; }
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$W/xdg PB=$W PB_DATA=$W/data
mkdir -p "$W/xdg" "$W/h" "$W/out" && chmod 700 "$W/xdg" && cp "$HARNESS"/*.py "$W/h/"
[ -f "$W/data/buildings_500000.shp" ] || (cd "$W/h" && $PY gen_data.py --out "$W/data")
$PY "$W/h/make_atlas_files.py" "$W/atlas" "$W/data" >/dev/null
$PY - "$W" "$OURS" "${RUNS:-5}" "${JOBS:-.}" <<'PY'
import re, statistics, subprocess, sys, time
W, ours, runs, keep = sys.argv[1], sys.argv[2].split(), int(sys.argv[3]), re.compile(sys.argv[4])
PY = "/usr/bin/python3"; P = f"{W}/atlas/projects"; ours_cmd = ours
def run(cmd):
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=f"{W}/h", capture_output=True, text=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    return time.perf_counter() - t, rss, r.returncode
def png(n, fmt, w, h, dpi):
    ours = ours_cmd + ["render", f"{P}/b{n}_{fmt}_96.atlas.json", "--out", f"{W}/out/a.png",
            "--width", str(w), "--height", str(h)] + (["--dpi", str(dpi)] if dpi != 96 else [])
    return [PY, "qgis_job.py", "render", n, fmt, str(w), str(h), str(dpi), f"{W}/out/q.png"], ours
jobs = [(f"{n} GPKG → PNG 1920×1080", *png(n, "gpkg", 1920, 1080, 96)) for n in ("10000", "100000", "500000")]
jobs.append(("500000 shapefile → PNG 1920×1080", *png("500000", "shp", 1920, 1080, 96)))
jobs.append(("500000 GPKG → PNG 3508×2480 300 dpi", *png("500000", "gpkg", 3508, 2480, 300)))
for n in ("100000", "500000"):
    jobs.append((f"{n} GPKG → PDF A3 landscape",
        [PY, "qgis_job.py", "print", n, "A3", f"{W}/out/q.pdf"],
        ours_cmd + ["print", "--project", f"{P}/b{n}_gpkg_96.atlas.json", "--out", f"{W}/out/a.pdf",
         "--page", "A3", "--landscape"]))
print(f"ours: {' '.join(ours_cmd)}; medians of {runs}, interleaved fresh processes; ratio = QGIS time / ours (above 1: we are faster)\n")
print("| job | QGIS s | ours s | QGIS/ours | QGIS RSS MB | ours RSS MB |\n|---|---:|---:|---:|---:|---:|")
for name, q, a in jobs:
    if not keep.search(name):
        continue
    qs, as_ = [], []
    for _ in range(runs):
        qs.append(run(q)); as_.append(run(a))
    qm, am = statistics.median(x[0] for x in qs), statistics.median(x[0] for x in as_)
    bad = "" if all(x[2] == 0 for x in as_) else " (our command failed)"
    print(f"| {name}{bad} | {qm:.2f} | {am:.2f} | {qm/am:.2f} | {max(x[1] for x in qs):.0f} | {max(x[1] for x in as_):.0f} |",
          flush=True)
PY
