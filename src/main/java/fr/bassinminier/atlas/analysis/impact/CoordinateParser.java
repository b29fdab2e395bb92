package fr.bassinminier.atlas.analysis.impact;

import fr.bassinminier.atlas.l10n.Localization;
import fr.bassinminier.atlas.analysis.Measure;
import fr.bassinminier.atlas.crs.CrsTransforms;
import fr.bassinminier.atlas.model.CrsId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one point typed by hand, the way people copy it from a permit file, a GPS or a web map:
 * Lambert-93 metres ("688117 7037177", "E 688 117,39 N 7 037 177,04", "688117.4,7037177.0"),
 * WGS 84 decimal degrees ("50.4320, 2.8330", "50,432 2,833", "N 50.432 E 2.833") or
 * degrees-minutes-seconds ("50°25'55"N 2°49'59"E", "50° 25,9' N", "N50 25 55 E2 49 59").
 * Decimal commas, spaces between thousands, typographic primes and French hemisphere words
 * (Nord, Est, Ouest) are accepted. Without a declared CRS, degrees and Lambert-93 are told apart
 * by their ranges, which do not overlap in France; so are latitude and longitude. Errors are
 * French and say what was expected.
 */
public final class CoordinateParser {
    /** France in degrees, to tell latitude from longitude when nothing labels them. */
    private static final double LAT_MIN = 41;
    private static final double LAT_MAX = 52;
    private static final double LON_MIN = -6;
    private static final double LON_MAX = 10;
    /** Lambert-93's area of use, with a margin. */
    private static final double L93_X_MIN = 0;
    private static final double L93_X_MAX = 1_400_000;
    private static final double L93_Y_MIN = 6_000_000;
    private static final double L93_Y_MAX = 7_300_000;

    /**
     * A point once read.
     *
     * @param x     Lambert-93 easting (metres)
     * @param y     Lambert-93 northing (metres)
     * @param crs   the CRS the numbers were in
     * @param form  French name of the form recognised ("Lambert-93", "WGS 84 en degrés décimaux", "WGS 84 en DMS")
     * @param notes French remarks (order of axes assumed or swapped)
     */
    public record ParsedPoint(double x, double y, CrsId crs, String form, List<String> notes) {
        public ParsedPoint {
            notes = List.copyOf(notes);
        }
    }

    private enum Kind { NUM, DEG, MIN, SEC, HEMI, AXIS, SEP, SPACE }

    /** A token; {@code axis} is 0 for x/longitude/east-west, 1 for y/latitude/north-south. */
    private record Tok(Kind kind, String raw, double value, int sign, int axis) {
    }

    private CoordinateParser() {
    }

    /**
     * Reads a point.
     *
     * @param declared the CRS the user declared (--crs), or null to recognise Lambert-93 or WGS 84
     */
    public static ParsedPoint parse(String text, CrsId declared) throws FootprintException {
        if (text == null || text.isBlank()) {
            throw new FootprintException(Localization.get("analysis.emptyCoordinatesTypeExample"));
        }
        String shown = text.strip();
        List<Tok> toks = tokenize(normalize(shown), shown);
        boolean marks = toks.stream().anyMatch(t -> t.kind == Kind.DEG || t.kind == Kind.MIN || t.kind == Kind.SEC);
        List<Tok> nums = toks.stream().filter(t -> t.kind == Kind.NUM).toList();
        if (nums.isEmpty()) throw new FootprintException(Localization.text("analysis.number", shown));
        boolean hemis = toks.stream().anyMatch(t -> t.kind == Kind.HEMI);
        boolean small = nums.stream().allMatch(t -> Math.abs(t.value) <= 180);
        if (marks || (hemis && small && nums.size() > 2)) return angular(toks, shown, declared);

        List<double[]> pairs = plainNumbers(toks, shown); // each {value, axis or -1}
        if (pairs.size() != 2) {
            throw new FootprintException(Localization.text("analysis.twoCoordinatesExpectedX", pairs.size(), (pairs.size() > 1 ? "s" : ""), shown));
        }
        boolean degrees = Math.abs(pairs.get(0)[0]) <= 180 && Math.abs(pairs.get(1)[0]) <= 180;
        if (declared != null && !declared.sameAs(CrsId.WGS84)) {
            if (declared.sameAs(CrsId.LAMBERT_93) && degrees) {
                throw new FootprintException(Localization.text("analysis.looksLikeDegreesBut", shown));
            }
            return metric(pairs, declared, shown);
        }
        if (declared != null && !degrees) {
            throw new FootprintException(Localization.text("analysis.doesLookLikeWgs", shown));
        }
        if (degrees) return geographic(pairs.get(0), pairs.get(1), Localization.get("analysis.wgsDecimalDegrees"), shown);
        return metric(pairs, null, shown);
    }

    private static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u00A0', '\u202F', '\u2009', '\t', '\n', '\r', '(', ')', '[', ']' -> b.append(' ');
                case '′', '’', '‘', '´', '`' -> b.append('\'');
                case '″', '“', '”' -> b.append('"');
                case 'º', '˚' -> b.append('°');
                case '−', '–' -> b.append('-');
                default -> b.append(c);
            }
        }
        // Two single quotes are the seconds mark of many keyboards: 55''.
        return b.toString().replace("''", "\"").toUpperCase(Locale.ROOT);
    }

    private static List<Tok> tokenize(String s, String shown) throws FootprintException {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (out.isEmpty() || out.get(out.size() - 1).kind != Kind.SPACE) out.add(new Tok(Kind.SPACE, " ", 0, 0, -1));
                i++;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                if (c == '-' || c == '+') i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                // One decimal part only: in "50,432,2,833" the second comma separates.
                if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && Character.isDigit(s.charAt(i + 1))) {
                    i++;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                }
                String raw = s.substring(start, i);
                out.add(new Tok(Kind.NUM, raw, Double.parseDouble(raw.replace(',', '.')), 0, -1));
            } else if (c == '°') {
                out.add(new Tok(Kind.DEG, "°", 0, 0, -1));
                i++;
            } else if (c == '\'') {
                out.add(new Tok(Kind.MIN, "'", 0, 0, -1));
                i++;
            } else if (c == '"') {
                out.add(new Tok(Kind.SEC, "\"", 0, 0, -1));
                i++;
            } else if (c == ',' || c == ';' || c == '/') {
                out.add(new Tok(Kind.SEP, String.valueOf(c), 0, 0, -1));
                i++;
            } else if (c == ':' || c == '=') {
                i++; // "X = 688117", "lat: 50.4": the label is what counts
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                out.add(word(s.substring(start, i), shown));
            } else {
                throw new FootprintException(Localization.text("analysis.unexpectedCharacterExamplesN", c, shown));
            }
        }
        return out;
    }

    private static Tok word(String w, String shown) throws FootprintException {
        return switch (w) {
            case "N", "NORD" -> new Tok(Kind.HEMI, w, 0, 1, 1);
            case "S", "SUD" -> new Tok(Kind.HEMI, w, 0, -1, 1);
            case "E", "EST" -> new Tok(Kind.HEMI, w, 0, 1, 0);
            case "O", "W", "OUEST", "WEST" -> new Tok(Kind.HEMI, w, 0, -1, 0);
            case "X", "LON", "LONG", "LNG", "LONGITUDE" -> new Tok(Kind.AXIS, w, 0, 0, 0);
            case "Y", "LAT", "LATITUDE" -> new Tok(Kind.AXIS, w, 0, 0, 1);
            default -> throw new FootprintException(Localization.text("analysis.unknownWordOnlyN", w.toLowerCase(Locale.ROOT), shown));
        };
    }

    /**
     * Numbers without degree marks, each with its axis label (-1 when none): labels come before
     * ("N 50.4", "X=688117") or, for hemispheres, after ("50.4 N"). Thousands separated by spaces
     * ("7 037 177,04") are joined when that is the only way to get two numbers.
     */
    private static List<double[]> plainNumbers(List<Tok> toks, String shown) throws FootprintException {
        List<String> raws = new ArrayList<>();
        List<Integer> axes = new ArrayList<>();
        List<Boolean> spaceBefore = new ArrayList<>();
        int pendingAxis = -1;
        boolean space = false;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            switch (t.kind) {
                case SPACE -> space = true;
                case SEP -> {
                    space = false;
                    raws.add(null); // a hard separator between numbers
                    axes.add(-1);
                    spaceBefore.add(false);
                }
                case HEMI, AXIS -> {
                    boolean suffix = t.kind == Kind.HEMI && !raws.isEmpty() && raws.get(raws.size() - 1) != null
                            && axes.get(axes.size() - 1) == -1 && pendingAxis == -1 && !nextIsNumber(toks, i);
                    if (suffix) {
                        axes.set(axes.size() - 1, t.axis);
                        if (t.sign < 0) raws.set(raws.size() - 1, negate(raws.get(raws.size() - 1)));
                    } else {
                        pendingAxis = t.axis;
                        if (t.sign < 0) pendingAxis += 10; // remembered: the next number is negated
                    }
                    space = false;
                }
                case NUM -> {
                    String raw = t.raw;
                    int axis = pendingAxis;
                    if (axis >= 10) {
                        axis -= 10;
                        raw = negate(raw);
                    }
                    raws.add(raw);
                    axes.add(axis);
                    spaceBefore.add(space);
                    pendingAxis = -1;
                    space = false;
                }
                default -> throw new IllegalStateException();
            }
        }
        List<double[]> plain = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            if (raws.get(i) != null) plain.add(new double[] {value(raws.get(i)), axes.get(i)});
        }
        if (plain.size() == 1 && raws.size() == 1 && raws.get(0).contains(",")) {
            // "688117,7037177": with one comma and no space, the comma separates.
            String[] p = raws.get(0).split(",");
            return List.of(new double[] {value(p[0]), -1}, new double[] {value(p[1]), -1});
        }
        if (plain.size() > 2) {
            List<double[]> grouped = thousands(raws, axes, spaceBefore);
            if (grouped != null && grouped.size() == 2) return grouped;
        }
        return plain;
    }

    private static boolean nextIsNumber(List<Tok> toks, int i) {
        for (int k = i + 1; k < toks.size(); k++) {
            if (toks.get(k).kind == Kind.SPACE) continue;
            // A hemisphere between two numbers belongs to the first unless the second has none after it.
            if (toks.get(k).kind != Kind.NUM) return false;
            for (int j = k + 1; j < toks.size(); j++) {
                if (toks.get(j).kind == Kind.SPACE) continue;
                return toks.get(j).kind != Kind.HEMI;
            }
            return true;
        }
        return false;
    }

    /** Joins "7 037 177,04" into one number: a 1–3 digit group followed by 3-digit groups after spaces. */
    private static List<double[]> thousands(List<String> raws, List<Integer> axes, List<Boolean> spaceBefore) {
        List<double[]> out = new ArrayList<>();
        int i = 0;
        while (i < raws.size()) {
            String r = raws.get(i);
            if (r == null) {
                i++;
                continue;
            }
            StringBuilder joined = new StringBuilder(r);
            int axis = axes.get(i);
            boolean open = r.replaceFirst("^[+-]", "").matches("\\d{1,3}");
            int k = i + 1;
            while (open && k < raws.size() && raws.get(k) != null && spaceBefore.get(k) && axes.get(k) == -1
                    && raws.get(k).matches("\\d{3}([.,]\\d+)?")) {
                joined.append(raws.get(k));
                open = raws.get(k).matches("\\d{3}");
                k++;
            }
            out.add(new double[] {value(joined.toString()), axis});
            i = k;
        }
        return out;
    }

    private static String negate(String raw) {
        return raw.startsWith("-") ? raw.substring(1) : "-" + raw.replaceFirst("^\\+", "");
    }

    private static double value(String raw) {
        return Double.parseDouble(raw.replace(',', '.'));
    }

    /** Two numbers in metres: Lambert-93 (or the declared CRS), labelled or recognised by range. */
    private static ParsedPoint metric(List<double[]> p, CrsId declared, String shown) throws FootprintException {
        List<String> notes = new ArrayList<>();
        double a = p.get(0)[0];
        double b = p.get(1)[0];
        int axisA = (int) p.get(0)[1];
        int axisB = (int) p.get(1)[1];
        double x = a;
        double y = b;
        if (axisA == 1 || axisB == 0) {
            x = b;
            y = a;
        } else if (axisA == -1 && axisB == -1 && declared == null && inL93(b, a) && !inL93(a, b)) {
            x = b;
            y = a;
            notes.add(Localization.get("analysis.coordinatesReadOrderY"));
        }
        if (declared != null) {
            if (!CrsTransforms.isSupported(declared)) {
                throw new FootprintException(Localization.text("analysis.unknownCoordinateSystem", declared));
            }
            double[] l93 = CrsTransforms.between(declared, CrsId.LAMBERT_93).apply(x, y);
            return new ParsedPoint(l93[0], l93[1], declared, declared.toString(), notes);
        }
        if (!inL93(x, y)) {
            throw new FootprintException(Localization.text("analysis.looksNeitherLikeLambert", shown, Measure.number(100_000, 0), Measure.number(1_300_000, 0), Measure.number(6_000_000, 0), Measure.number(7_200_000, 0)));
        }
        return new ParsedPoint(x, y, CrsId.LAMBERT_93, "Lambert-93", notes);
    }

    private static boolean inL93(double x, double y) {
        return x >= L93_X_MIN && x <= L93_X_MAX && y >= L93_Y_MIN && y <= L93_Y_MAX;
    }

    /** Two angles in degrees, each {value, axis or -1}. */
    private static ParsedPoint geographic(double[] first, double[] second, String form, String shown)
            throws FootprintException {
        List<String> notes = new ArrayList<>();
        int a1 = (int) first[1];
        int a2 = (int) second[1];
        if (a1 != -1 && a1 == a2) {
            throw new FootprintException(Localization.text("analysis.givesTwoLatitudeN", shown, (a1 == 1 ? "latitudes" : "longitudes")));
        }
        double lat;
        double lon;
        if (a1 == 1 || a2 == 0) {
            lat = first[0];
            lon = second[0];
        } else if (a1 == 0 || a2 == 1) {
            lon = first[0];
            lat = second[0];
        } else if (inFrance(second[0], first[0]) && !inFrance(first[0], second[0])) {
            lon = first[0];
            lat = second[0];
            notes.add(Localization.get("analysis.coordinatesReadOrderLongitude"));
        } else {
            lat = first[0];
            lon = second[0];
            if (!inFrance(lat, lon)) notes.add(Localization.get("analysis.orderAssumedLatitudeThen"));
        }
        if (Math.abs(lat) > 90) throw new FootprintException(Localization.text("analysis.latitudeOutBounds", lat, shown));
        if (Math.abs(lon) > 180) throw new FootprintException(Localization.text("analysis.longitudeOutBounds", lon, shown));
        double[] l93 = CrsTransforms.between(CrsId.WGS84, CrsId.LAMBERT_93).apply(lon, lat);
        return new ParsedPoint(l93[0], l93[1], CrsId.WGS84, form, notes);
    }

    private static boolean inFrance(double lat, double lon) {
        return lat >= LAT_MIN && lat <= LAT_MAX && lon >= LON_MIN && lon <= LON_MAX;
    }

    /** One angle being read: degrees, minutes, seconds, sign and axis. */
    private static final class Angle {
        final double[] parts = {Double.NaN, Double.NaN, Double.NaN};
        final String[] raws = new String[3];
        int last = -1;
        int sign = 1;
        int axis = -1;
        boolean hemi;
        boolean decimalSeen;

        boolean empty() {
            return last < 0;
        }
    }

    /** Degrees with marks or hemispheres: 50°25'55"N, N 50 25 55, 50°25,9'. */
    private static ParsedPoint angular(List<Tok> toks, String shown, CrsId declared) throws FootprintException {
        if (declared != null && !declared.sameAs(CrsId.WGS84)) {
            throw new FootprintException(Localization.text("analysis.degreesSystemCanOnly", shown, declared));
        }
        List<Angle> angles = new ArrayList<>();
        Angle cur = new Angle();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            switch (t.kind) {
                case SPACE -> {
                }
                case SEP -> {
                    if (!cur.empty()) {
                        angles.add(cur);
                        cur = new Angle();
                    }
                }
                case HEMI, AXIS -> {
                    if (!cur.empty() && !cur.hemi && cur.axis == -1) {
                        apply(cur, t);
                        angles.add(cur);
                        cur = new Angle();
                    } else {
                        if (!cur.empty()) {
                            angles.add(cur);
                            cur = new Angle();
                        }
                        if (cur.hemi || cur.axis != -1) {
                            throw new FootprintException(Localization.text("analysis.twoHemisphereMarksRow", shown));
                        }
                        apply(cur, t);
                    }
                }
                case NUM -> {
                    int marked = markAfter(toks, i);
                    int slot = marked >= 0 ? marked : cur.last + 1;
                    // A new angle starts when the slot is taken or out of order, or, for an unmarked
                    // number, after a decimal part (50.43 2.83 are two angles, not 50.43° 2.83').
                    boolean next = slot <= cur.last || slot > 2 || (cur.decimalSeen && marked < 0);
                    if (!next && cur.decimalSeen) {
                        throw new FootprintException(Localization.text("analysis.onlyLastPartAngle", shown));
                    }
                    if (next) {
                        if (cur.empty()) throw new FootprintException(Localization.text("analysis.unreadableAngle", shown));
                        angles.add(cur);
                        cur = new Angle();
                        if (markAfter(toks, i) < 0) slot = 0;
                    }
                    if (slot > 0 && Double.isNaN(cur.parts[slot - 1]) && cur.empty()) {
                        throw new FootprintException(Localization.text("analysis.degreesMissingBefore", t.raw, shown));
                    }
                    double v = t.value;
                    if (v < 0) {
                        if (slot != 0) throw new FootprintException(Localization.text("analysis.misplacedMinusSign", shown));
                        cur.sign = -cur.sign;
                        v = -v;
                    }
                    cur.parts[slot] = v;
                    cur.raws[slot] = t.raw;
                    cur.last = slot;
                    cur.decimalSeen = t.raw.contains(".") || t.raw.contains(",");
                }
                case DEG, MIN, SEC -> {
                    if (i == 0 || previousSolid(toks, i).kind != Kind.NUM) {
                        throw new FootprintException(Localization.text("analysis.symbolWithoutNumberBefore", t.raw, shown));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (!cur.empty()) angles.add(cur);
        if (angles.size() != 2) {
            throw new FootprintException(Localization.text("analysis.twoAnglesExpectedLatitude", angles.size(), (angles.size() > 1 ? "s" : ""), shown));
        }
        double[] first = {degrees(angles.get(0), shown), angles.get(0).axis};
        double[] second = {degrees(angles.get(1), shown), angles.get(1).axis};
        boolean dms = !Double.isNaN(angles.get(0).parts[1]) || !Double.isNaN(angles.get(1).parts[1]);
        return geographic(first, second, dms ? Localization.get("analysis.wgsDegreesMinutesSeconds") : Localization.get("analysis.wgsDecimalDegrees"), shown);
    }

    private static void apply(Angle a, Tok t) {
        a.axis = t.axis;
        if (t.kind == Kind.HEMI) {
            a.hemi = true;
            if (t.sign < 0) a.sign = -a.sign;
        }
    }

    private static Tok previousSolid(List<Tok> toks, int i) {
        for (int k = i - 1; k >= 0; k--) if (toks.get(k).kind != Kind.SPACE) return toks.get(k);
        return toks.get(0);
    }

    /** The slot a number's mark gives it (0 degrees, 1 minutes, 2 seconds), -1 when unmarked. */
    private static int markAfter(List<Tok> toks, int i) {
        for (int k = i + 1; k < toks.size(); k++) {
            Kind kind = toks.get(k).kind;
            if (kind == Kind.SPACE) continue;
            return switch (kind) {
                case DEG -> 0;
                case MIN -> 1;
                case SEC -> 2;
                default -> -1;
            };
        }
        return -1;
    }

    private static double degrees(Angle a, String shown) throws FootprintException {
        double d = a.parts[0];
        double m = Double.isNaN(a.parts[1]) ? 0 : a.parts[1];
        double s = Double.isNaN(a.parts[2]) ? 0 : a.parts[2];
        if (Double.isNaN(d)) throw new FootprintException(Localization.text("analysis.degreesMissing", shown));
        if (m >= 60 || s >= 60) {
            throw new FootprintException(Localization.text("analysis.minutesSecondsGo", (m >= 60 ? a.raws[1] : a.raws[2]), shown));
        }
        if ((!Double.isNaN(a.parts[1]) && a.raws[0].matches(".*[.,].*"))
                || (!Double.isNaN(a.parts[2]) && a.raws[1] != null && a.raws[1].matches(".*[.,].*"))) {
            throw new FootprintException(Localization.text("analysis.onlyLastPartAngle", shown));
        }
        return a.sign * (d + m / 60 + s / 3600);
    }
}
