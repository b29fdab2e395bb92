/**
 * ESRI shapefiles: {@link fr.bassinminier.atlas.io.shapefile.ShapefileReader} and
 * {@link fr.bassinminier.atlas.io.shapefile.ShapefileWriter}.
 *
 * <p>The .shp/.shx codec is written by hand on JTS from the ESRI Shapefile Technical
 * Description (July 1998): no maintained library on Maven Central reads every shape type
 * without loss (see the shared notes on the Java GIS stack). The .dbf is read with javadbf,
 * after a first pass of our own that checks its header against the file and decides the text
 * encoding on the bytes; it is written by hand.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Required parts: .shp and .dbf. A missing .shx is a warning: the .shp is read
 *       sequentially and does not need it (GDAL rebuilds one with SHAPE_RESTORE_SHX).</li>
 *   <li>A present .shx decides which records are features, so records a shapelib-based editor
 *       left behind unreferenced are not read twice; a .shx that disagrees with the .shp is
 *       ignored with a warning.</li>
 *   <li>.dbf and .shp record counts must agree, or nothing is read (INCONSISTENT).</li>
 *   <li>Lengths read from files are checked against the file before anything is allocated.</li>
 *   <li>Parts come through {@link fr.bassinminier.atlas.io.shapefile.ShapefileSource}, so an
 *       archive reader can feed entries without extracting them.</li>
 * </ul>
 */
package fr.bassinminier.atlas.io.shapefile;
