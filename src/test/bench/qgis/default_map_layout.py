#!/usr/bin/python3
"""The default map (maps/bassin-minier.atlas.json) laid out in QGIS as `atlas print` lays it out:
A3 or A4 landscape, 10 mm margins, title on top, the map on the left filled by the project's
extent, scale bar bottom-left and north arrow top-right in the map, numeric scale and legend in a
side panel (QGIS's "only show items inside the linked map", columns added until it fits).
Layers come from the same files with the project's SLD files (layer.loadSldStyle); layers
without an SLD get the project's simple style and label rule. For comparison pictures only.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 src/test/bench/qgis/default_map_layout.py \
        --page A3 --dpi 150 --out target/print-a3-qgis.png
"""
import argparse
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsLayoutExporter,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPage,
                       QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize,
                       QgsLineSymbol, QgsMarkerSymbol, QgsPalLayerSettings, QgsPrintLayout, QgsProject,
                       QgsRectangle, QgsTextFormat, QgsTextBufferSettings, QgsUnitTypes,
                       QgsVectorLayer, QgsVectorLayerSimpleLabeling, QgsWkbTypes, QgsLegendStyle)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
PROJECT = os.path.join(ROOT, "maps", "bassin-minier.atlas.json")
MM_PER_PX = 25.4 / 96  # Atlas counts a style pixel 0.75 pt on paper


def colour(hex_, opacity=1.0):
    c = QColor(hex_)
    c.setAlphaF(opacity)
    return c


def simple_symbol(layer, st):
    """The project's simple style (fill, stroke, width in px, dash) as a QGIS symbol."""
    geom = layer.geometryType()
    stroke = st.get("stroke", "#333333")
    width = st.get("stroke_width", 1.0) * MM_PER_PX
    if geom == QgsWkbTypes.PolygonGeometry:
        fill = st.get("fill")
        props = {"color": colour(fill, st.get("fill_opacity", 1.0)).name(QColor.HexArgb) if fill else "0,0,0,0",
                 "style": "solid" if fill and st.get("fill_opacity", 1.0) > 0 else "no",
                 "outline_color": stroke, "outline_width": str(width), "outline_width_unit": "MM"}
        sym = QgsFillSymbol.createSimple(props)
        if fill:
            sym.symbolLayer(0).setColor(colour(fill, st.get("fill_opacity", 1.0)))
    elif geom == QgsWkbTypes.LineGeometry:
        sym = QgsLineSymbol.createSimple({"line_color": stroke, "line_width": str(width), "line_width_unit": "MM"})
    else:
        sym = QgsMarkerSymbol.createSimple({"color": st.get("fill", "#888888"), "outline_color": stroke,
                                            "size": str(st.get("point_size", 6) * MM_PER_PX), "size_unit": "MM"})
    dash = st.get("dash")
    if dash and geom != QgsWkbTypes.PointGeometry:
        sl = sym.symbolLayer(0)
        if geom == QgsWkbTypes.PolygonGeometry:
            # A dashed outline: QGIS's simple fill has no custom dash; draw the outline as a line.
            sl.setStrokeStyle(Qt.NoPen)
            from qgis.core import QgsSimpleLineSymbolLayer
            line = QgsSimpleLineSymbolLayer(QColor(stroke), width)
            line.setWidthUnit(QgsUnitTypes.RenderMillimeters)
            sym.appendSymbolLayer(line)
            sl = line
        sl.setUseCustomDashPattern(True)
        sl.setCustomDashVector([d * MM_PER_PX for d in dash])
        sl.setCustomDashPatternUnit(QgsUnitTypes.RenderMillimeters)
    return sym


def simple_labels(layer, rule):
    """The project's label rule: field, size (px), colour, bold, shown under max_scale."""
    s = QgsPalLayerSettings()
    s.fieldName = rule["field"]
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(bool(rule.get("bold")))
    fmt.setFont(font)
    fmt.setSize(rule.get("font_size", 9) * 0.75)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(rule.get("color", "#222222")))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.4)
    buf.setColor(QColor("white"))
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    if rule.get("max_scale"):
        s.scaleVisibility = True
        s.maximumScale = 0
        s.minimumScale = rule["max_scale"]
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def load_layers(project, atlas):
    base = os.path.dirname(PROJECT)
    added = []
    for e in atlas["layers"]:
        if not e.get("visible", True):
            continue
        src = os.path.join(base, e["source"])
        uri = src + ("|layername=" + e["layer"] if e.get("layer") else "")
        layer = QgsVectorLayer(uri, e["title"], "ogr")
        if not layer.isValid():
            sys.exit("couche illisible : " + uri)
        if e.get("sld"):
            msg, ok = layer.loadSldStyle(os.path.normpath(os.path.join(base, e["sld"])))
            if not ok:
                sys.exit("SLD illisible pour " + e["id"] + " : " + msg)
        else:
            layer.renderer().setSymbol(simple_symbol(layer, e.get("style", {})))
        if e.get("label") and e["label"].get("field") and not layer.labelsEnabled():
            simple_labels(layer, e["label"])
        layer.setOpacity(e.get("opacity", 1.0))
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)  # appended: the project's first layer stays on top
        added.append(layer)
    return added


def layout(project, atlas, paper, dpi, out):
    lay = QgsPrintLayout(project)
    lay.initializeDefaults()
    page = lay.pageCollection().page(0)
    page.setPageSize(paper, QgsLayoutItemPage.Landscape)
    W, H = page.pageSize().width(), page.pageSize().height()
    m = 10.0
    # The same boxes as Atlas's A4 layout (its furniture grows with the page: x1.34 on A3).
    s = (min(W, H) / 210.0) ** 0.85
    pt = 25.4 / 72
    header = s * (18 * 1.35 + 6) * pt
    panel = (W - 2 * m) * 0.24
    gap = 8 * s * pt

    title = QgsLayoutItemLabel(lay)
    title.setText(atlas["title"])
    tf = QFont("DejaVu Sans")
    tf.setBold(True)
    tf.setPointSizeF(18 * s)
    title.setFont(tf)
    lay.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(m, m))
    title.attemptResize(QgsLayoutSize(W - 2 * m, header))

    mw, mh = W - 2 * m - panel - gap, H - m - (m + header)
    mp = QgsLayoutItemMap(lay)
    lay.addLayoutItem(mp)
    mp.attemptMove(QgsLayoutPoint(m, m + header))
    mp.attemptResize(QgsLayoutSize(mw, mh))
    mp.setFrameEnabled(True)
    mp.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    x0, y0, x1, y1 = atlas["extent"]
    # setExtent also reshapes the item to the extent; the frame is then given back its size and
    # zoomToExtent shows the whole extent as large as the frame allows.
    mp.setExtent(QgsRectangle(x0, y0, x1, y1))
    mp.attemptResize(QgsLayoutSize(mw, mh))
    mp.zoomToExtent(QgsRectangle(x0, y0, x1, y1))

    bar = QgsLayoutItemScaleBar(lay)
    bar.setLinkedMap(mp)
    bar.setStyle("Single Box")
    lay.addLayoutItem(bar)
    bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(2)
    bar.setUnitsPerSegment(5 if paper == "A4" else 10)
    bar.setBackgroundEnabled(True)
    bar.update()
    bar.attemptMove(QgsLayoutPoint(m + 4, m + header + mh - 4 - bar.rect().height()))

    arrow = QgsLayoutItemPicture(lay)
    arrow.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    lay.addLayoutItem(arrow)
    size = 12 * s
    arrow.attemptMove(QgsLayoutPoint(m + mw - size - 4, m + header + 4))
    arrow.attemptResize(QgsLayoutSize(size, size))

    px = m + mw + gap
    numeric = QgsLayoutItemScaleBar(lay)
    numeric.setLinkedMap(mp)
    numeric.setStyle("Numeric")
    lay.addLayoutItem(numeric)
    numeric.applyDefaultSize()
    numeric.attemptMove(QgsLayoutPoint(px, m + header))

    legend = QgsLayoutItemLegend(lay)
    legend.setTitle("Légende")
    legend.setLinkedMap(mp)
    legend.setLegendFilterByMapEnabled(True)  # only what the map shows, as Atlas does
    # Atlas's legend text sizes (7.5 pt on A4, headings bold, title 10 pt) rather than QGIS's
    # 12-16 pt defaults, so that the two layouts compare; QGIS does not wrap long class names.
    body = 7.5 * s
    for style, bold, size in ((QgsLegendStyle.Title, True, 10 * s), (QgsLegendStyle.Group, True, body),
                              (QgsLegendStyle.Subgroup, True, body), (QgsLegendStyle.SymbolLabel, False, body)):
        f = QFont("DejaVu Sans")
        f.setBold(bold)
        f.setPointSizeF(size)
        legend.setStyleFont(style, f)
    legend.setSymbolWidth(16 * s * pt)
    legend.setSymbolHeight(10 * s * pt)
    lay.addLayoutItem(legend)
    top = m + header + 10
    legend.attemptMove(QgsLayoutPoint(px, top))
    avail = H - m - top
    # Columns added until the legend fits the panel's height (what a user would do by hand).
    for cols in range(1, 5):
        legend.setColumnCount(cols)
        legend.setSplitLayer(True)
        legend.setEqualColumnWidth(False)
        legend.adjustBoxSize()
        size = legend.rect()
        if size.height() <= avail:
            break
    legend.setResizeToContents(True)
    legend.adjustBoxSize()

    exporter = QgsLayoutExporter(lay)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    res = exporter.exportToImage(out, settings)
    if res != QgsLayoutExporter.Success:
        sys.exit("export échoué : %s" % res)
    size = legend.rect()
    print("%s: map 1:%.0f, legend %d column(s), %.0f x %.0f mm (panel %.0f x %.0f mm)"
          % (paper, mp.scale(), legend.columnCount(), size.width(), size.height(), W - m - px, avail))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--page", default="A3", choices=["A4", "A3", "A2", "A1", "A0"])
    ap.add_argument("--dpi", type=float, default=150)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    with open(PROJECT, encoding="utf-8") as f:
        atlas = json.load(f)
    load_layers(project, atlas)
    layout(project, atlas, a.page, a.dpi, a.out)
    app.exitQgis()


if __name__ == "__main__":
    main()
