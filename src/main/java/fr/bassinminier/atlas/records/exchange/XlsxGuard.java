package fr.bassinminier.atlas.records.exchange;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.io.DataException;
import fr.bassinminier.atlas.io.DataException.Problem;
import fr.bassinminier.atlas.xml.SafeXml;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads every XML part of a workbook once through the program's hardened parser before
 * fastexcel sees it, and refuses what fastexcel would accept or choke on: a DTD or an entity
 * (fastexcel ignores them; the rest of the program refuses them), a cell past Excel's last
 * column or row (fastexcel fills a row up to its last cell: one cell at column 100 million is
 * gigabytes), a shared-string index past the table (2^31 made it allocate the world), and more
 * bytes than a workbook of records can hold.
 */
final class XlsxGuard {
    static final int MAX_COLUMN = 16_384;
    static final int MAX_ROW = 1_048_576;
    static final long MAX_CELLS = 5_000_000;
    static final long MAX_INFLATED = 512L << 20;
    static final int MAX_ENTRIES = 10_000;

    private final Path file;
    private long inflated;
    private long cells;
    private long sharedStrings = -1;
    private long maxSharedIndex = -1;
    private String maxSharedWhere;

    private XlsxGuard(Path file) {
        this.file = file;
    }

    static void check(Path file) throws DataException {
        new XlsxGuard(file).run();
    }

    private void run() throws DataException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) refuse(Localization.text("records.archiveItemsRecordsWorkbook", zip.size()));
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (e.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) continue;
                try (InputStream in = new Counted(zip.getInputStream(e))) {
                    scan(e.getName(), in);
                } catch (XMLStreamException x) {
                    DataException refusal = refusal(x);
                    if (refusal != null) throw refusal;
                    if (x.getNestedException() instanceof IOException || x.getCause() instanceof IOException) {
                        throw new DataException(file, Problem.CORRUPT, Localization.text("records.damagedWorkbookPartArchive", e.getName()), x);
                    }
                    String msg = x.getMessage() == null ? Localization.get("records.unreadableXml") : x.getMessage();
                    int cut = msg.indexOf("\nMessage: ");
                    if (cut >= 0) msg = msg.substring(cut + 10);
                    boolean unsafe = msg.contains("DTD") || msg.contains("entité") || msg.contains("DOCTYPE");
                    throw new DataException(file, unsafe ? Problem.UNSAFE : Problem.CORRUPT, Localization.text("records.partWorkbookRefused", e.getName(), msg), x);
                }
            }
        } catch (ZipException e) {
            throw new DataException(file, Problem.CORRUPT, Localization.get("records.xlsxWorkbookUnreadableZip"), e);
        } catch (IllegalArgumentException e) {
            // ZipFile throws this for an entry name that is not valid UTF-8 (found by fuzzing).
            throw new DataException(file, Problem.CORRUPT, Localization.get("records.xlsxWorkbookUnreadableArchive"), e);
        } catch (IOException e) {
            DataException refusal = refusal(e);
            if (refusal != null) throw refusal;
            throw new DataException(file, Problem.CORRUPT, Localization.get("records.damagedWorkbookUnreadableArchive"), e);
        }
        if (maxSharedIndex >= 0 && maxSharedIndex >= Math.max(0, sharedStrings)) {
            refuse(Localization.text("records.cellRefersSharedText", maxSharedWhere, maxSharedIndex, Math.max(0, sharedStrings)));
        }
    }

    private void scan(String part, InputStream in) throws XMLStreamException, DataException {
        XMLStreamReader r = SafeXml.reader(in);
        boolean sst = part.toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
        long si = 0;
        String cellRef = null;
        boolean sharedCell = false;
        boolean inValue = false;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    if (sst && local.equals("si")) {
                        si++;
                    } else if (local.equals("row")) {
                        String rr = r.getAttributeValue(null, "r");
                        if (rr != null && parseLong(rr) > MAX_ROW) refuse(Localization.text("records.rowBeyondExcelS", abbreviate(rr), MAX_ROW));
                    } else if (local.equals("c")) {
                        if (++cells > MAX_CELLS) refuse(Localization.text("records.moreThanCells", MAX_CELLS));
                        cellRef = r.getAttributeValue(null, "r");
                        if (cellRef != null && column(cellRef) > MAX_COLUMN) {
                            refuse(Localization.text("records.cellBeyondExcelS", abbreviate(cellRef)));
                        }
                        if (cellRef != null && row(cellRef) > MAX_ROW) {
                            refuse(Localization.text("records.cellBeyondExcelS2", abbreviate(cellRef)));
                        }
                        sharedCell = "s".equals(r.getAttributeValue(null, "t"));
                    } else if (local.equals("v")) {
                        inValue = sharedCell;
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && inValue) {
                    long index = parseLong(r.getText().strip());
                    if (index < 0 || index > maxSharedIndex) {
                        maxSharedIndex = index < 0 ? Long.MAX_VALUE : index;
                        maxSharedWhere = cellRef == null ? "?" : abbreviate(cellRef);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String local = r.getLocalName();
                    if (local.equals("v")) inValue = false;
                    if (local.equals("c")) sharedCell = false;
                }
            }
        } finally {
            r.close();
        }
        if (sst) sharedStrings = Math.max(sharedStrings, 0) + si;
    }

    /** The 1-based column of a reference like "AB12"; huge for absurd letters. */
    private static long column(String ref) {
        long c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (c > Integer.MAX_VALUE) return c;
        }
        return c;
    }

    private static long row(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) i++;
        return parseLong(ref.substring(i));
    }

    /** A non-negative number, Long.MAX_VALUE when too long, -1 when not a number. */
    private static long parseLong(String s) {
        if (s.isEmpty() || s.length() > 18) return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? Long.MAX_VALUE : -1;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return -1;
        return Long.parseLong(s);
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 17) + "…" : s;
    }

    private void refuse(String detail) throws DataException {
        throw new DataException(file, Problem.TOO_LARGE, Localization.text("records.workbookRefused", detail));
    }

    private static DataException refusal(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataException d) return d;
            if (c.getCause() == c) break;
        }
        return null;
    }

    /** Stops inflating past MAX_INFLATED bytes in all (a zip bomb dressed as a workbook). */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            inflated += n;
            if (inflated > MAX_INFLATED) {
                throw new IOException("limite", new DataException(file, Problem.TOO_LARGE, Localization.text("records.workbookRefusedMoreThan", (MAX_INFLATED >> 20))));
            }
        }
    }
}
