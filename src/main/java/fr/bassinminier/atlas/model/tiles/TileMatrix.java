package fr.bassinminier.atlas.model.tiles;

/**
 * One zoom level of a tile matrix set (OGC WMTS 1.0 §6.1), with the columns and rows a layer
 * actually has there (its TileMatrixLimits; the whole matrix when it gives none).
 *
 * @param scaleDenominator scale at the OGC 0.28 mm pixel: resolution = scale × 0.00028 m
 *                         (CRS units are metres for every matrix set used here)
 */
public record TileMatrix(String id, double scaleDenominator, double topLeftX, double topLeftY, int tileWidth,
                         int tileHeight, long matrixWidth, long matrixHeight, long minCol, long maxCol, long minRow,
                         long maxRow) {
    public static final double OGC_PIXEL_METRES = 0.00028;

    public TileMatrix(String id, double scaleDenominator, double topLeftX, double topLeftY, int tileWidth,
                      int tileHeight, long matrixWidth, long matrixHeight) {
        this(id, scaleDenominator, topLeftX, topLeftY, tileWidth, tileHeight, matrixWidth, matrixHeight, 0,
                matrixWidth - 1, 0, matrixHeight - 1);
    }

    /** CRS units per tile pixel. */
    public double resolution() {
        return scaleDenominator * OGC_PIXEL_METRES;
    }

    public double tileSpanX() {
        return tileWidth * resolution();
    }

    public double tileSpanY() {
        return tileHeight * resolution();
    }

    public TileMatrix withLimits(long minCol, long maxCol, long minRow, long maxRow) {
        return new TileMatrix(id, scaleDenominator, topLeftX, topLeftY, tileWidth, tileHeight, matrixWidth,
                matrixHeight, Math.max(0, minCol), Math.min(matrixWidth - 1, maxCol), Math.max(0, minRow),
                Math.min(matrixHeight - 1, maxRow));
    }

    /** The column holding x (may be outside the limits). */
    public long column(double x) {
        return (long) Math.floor((x - topLeftX) / tileSpanX());
    }

    /** The row holding y, rows counting down from the top-left corner. */
    public long row(double y) {
        return (long) Math.floor((topLeftY - y) / tileSpanY());
    }

    public boolean contains(long col, long row) {
        return col >= minCol && col <= maxCol && row >= minRow && row <= maxRow;
    }
}
