package fr.bassinminier.atlas.io.zip;

/**
 * Bounds on what reading an archive may cost, measured on the bytes actually inflated (the sizes
 * an archive declares can lie).
 *
 * @param maxTotalBytes   total decompressed bytes read from the archive, each entry counted once
 *                        even when read twice (the .dbf is)
 * @param maxRatio        decompressed / compressed size an entry may reach…
 * @param ratioCheckAfter …once it has produced this many bytes: small files of padding (empty
 *                        .dbf text fields) legitimately compress a hundredfold, large ones that
 *                        compress like a block of zeros are bombs
 * @param maxEntries      entries in the archive's directory
 */
public record ZipLimits(long maxTotalBytes, double maxRatio, long ratioCheckAfter, int maxEntries) {
    /** 2 GiB in all; beyond 64 MiB an entry must not exceed 500:1 (deflate tops out near 1032:1). */
    public static final ZipLimits DEFAULT = new ZipLimits(2L << 30, 500, 64L << 20, 10_000);

    public ZipLimits {
        if (maxTotalBytes <= 0 || maxRatio <= 1 || ratioCheckAfter < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("invalid zip limits");
        }
    }
}
