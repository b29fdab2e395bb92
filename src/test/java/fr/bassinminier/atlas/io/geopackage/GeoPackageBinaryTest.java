package fr.bassinminier.atlas.io.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** The blob header of OGC 12-128r18 §2.1.3, as other writers produce it too. */
class GeoPackageBinaryTest {
    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void encodesLittleEndianWithEnvelopeAndReadsBack() throws Exception {
        Geometry g = new WKTReader().read("POLYGON ((690000 7040000, 690500 7040000, 690500 7040400, 690000 7040000))");
        byte[] blob = GeoPackageBinary.encode(g, 2154);
        assertEquals('G', blob[0]);
        assertEquals('P', blob[1]);
        assertEquals(0, blob[2], "version 1 is written as 0");
        assertEquals(0x03, blob[3], "little-endian, XY envelope, not empty");
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2154, b.getInt(4));
        assertEquals(690000, b.getDouble(8));
        assertEquals(690500, b.getDouble(16));
        assertEquals(7040000, b.getDouble(24));
        assertEquals(7040400, b.getDouble(32));
        assertEquals(1, blob[40], "WKB little-endian");
        assertEquals(3, b.getInt(41), "ISO type Polygon");
        assertTrue(g.equalsExact(GeoPackageBinary.decode(blob, factory)));
        GeoPackageBinary.Header h = GeoPackageBinary.header(blob);
        assertEquals(2154, h.srsId());
        assertFalse(h.empty());
    }

    @Test
    void pointsHaveNoEnvelopeAndZUsesIsoCodes() throws Exception {
        byte[] blob = GeoPackageBinary.encode(new WKTReader().read("POINT Z (1 2 3)"), 4326);
        assertEquals(0x01, blob[3]);
        assertEquals(1001, ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt(9));
        assertEquals(3.0, GeoPackageBinary.decode(blob, factory).getCoordinate().getZ());
    }

    @Test
    void emptyPointIsFlaggedAndCarriesNaN() throws Exception {
        byte[] blob = GeoPackageBinary.encode(factory.createPoint(), 2154);
        assertEquals(0x11, blob[3], "little-endian, no envelope, empty");
        assertEquals(8 + 21, blob.length);
        assertTrue(Double.isNaN(ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getDouble(13)));
        assertTrue(GeoPackageBinary.decode(blob, factory).isEmpty());
    }

    @Test
    void readsBigEndianHeadersWithXyzmEnvelopes() throws Exception {
        Geometry g = new WKTReader().read("LINESTRING (1 2, 3 4)");
        byte[] wkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.BIG_ENDIAN).write(g);
        ByteBuffer b = ByteBuffer.allocate(8 + 64 + wkb.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (4 << 1)); // big-endian, XYZM envelope
        b.putInt(2154);
        for (double d : new double[] {1, 3, 2, 4, 0, 0, 0, 0}) b.putDouble(d);
        b.put(wkb);
        assertEquals(2154, GeoPackageBinary.header(b.array()).srsId());
        assertTrue(g.equalsExact(GeoPackageBinary.decode(b.array(), factory)));
    }

    @Test
    void headerOnlyEmptyGeometryAndBadHeaders() {
        byte[] emptyNoWkb = {'G', 'P', 0, 0x11, 0x6A, 0x08, 0, 0};
        assertTrue(assertDoesNotThrow(emptyNoWkb).isEmpty());
        assertThrows(GeoPackageBinary.FormatException.class,
                () -> GeoPackageBinary.decode(new byte[] {'G', 'P', 0, 0x01, 0, 0, 0, 0}, factory));
        assertThrows(GeoPackageBinary.FormatException.class,
                () -> GeoPackageBinary.decode(new byte[] {'G', 'P', 0, 0x0B, 0, 0, 0, 0, 1, 2}, factory),
                "envelope indicator 5 does not exist");
        assertThrows(GeoPackageBinary.FormatException.class,
                () -> GeoPackageBinary.decode(new byte[] {'G', 'P', 0, 0x03, 0, 0, 0, 0, 1, 2}, factory),
                "header cut inside the envelope");
        assertThrows(GeoPackageBinary.FormatException.class,
                () -> GeoPackageBinary.decode(new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0}, factory));
    }

    private Geometry assertDoesNotThrow(byte[] blob) {
        try {
            return GeoPackageBinary.decode(blob, factory);
        } catch (GeoPackageBinary.FormatException e) {
            throw new AssertionError(e);
        }
    }
}
