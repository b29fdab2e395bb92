package fr.bassinminier.atlas.model.tiles;

/**
 * One tile: its level index in the source's matrix set, column and row (rows counted from the
 * top, as WMTS and XYZ do; MBTiles' bottom-up rows are flipped when read or written).
 */
public record TileKey(int level, long col, long row) {
    public TileKey parent() {
        return new TileKey(level - 1, Math.floorDiv(col, 2), Math.floorDiv(row, 2));
    }

    @Override
    public String toString() {
        return level + "/" + col + "/" + row;
    }
}
