/**
 * Zip archives of shapefiles, read in place by
 * {@link fr.bassinminier.atlas.io.zip.ZipDatasetReader} under {@link fr.bassinminier.atlas.io.zip.ZipLimits}.
 */
package fr.bassinminier.atlas.io.zip;
