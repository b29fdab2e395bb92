package fr.bassinminier.atlas.records;

import fr.bassinminier.atlas.l10n.Localization;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of record values, shared by the spreadsheets, the history and the editor, and
 * its checks. Text is canonical: history compares it, imports diff it, so that "822" read back
 * from Excel as 822.0 and the stored 822 are the same value.
 */
public final class Values {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
    private static final Pattern FRENCH = Pattern.compile("(?:(\\d{1,2})/)?(\\d{1,2})/(\\d{4})");
    private static final Pattern INSEE = Pattern.compile("\\d[\\dAB]\\d{3}");
    private static final Pattern ENERGY = Pattern.compile("[A-G]");

    private Values() {
    }

    /** Trimmed text, null for blank: an empty cell means "no value". */
    public static String text(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public static String format(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** A count of dwellings: a whole number, zero or more ("1 185" and "822,0" are accepted). */
    public static Integer dwellings(String s) {
        String t = text(s);
        if (t == null) return null;
        BigDecimal d = number(t, "nombre de logements");
        if (d.signum() < 0) throw new InvalidValueException(Localization.text("records.negativeNumberDwellings", t));
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(Localization.text("records.numberDwellingsWholeNumber", t));
        }
    }

    public static void checkDwellings(Integer n) {
        if (n != null && n < 0) throw new InvalidValueException(Localization.text("records.negativeNumberDwellings", n));
    }

    /** A positive whole number (tranche number). */
    public static int positive(String s, String what) {
        String t = text(s);
        if (t == null) throw new InvalidValueException(Localization.text("records.missing", what));
        BigDecimal d = number(t, what);
        try {
            int n = d.intValueExact();
            if (n <= 0) throw new InvalidValueException(Localization.text("records.positiveWholeNumberExpected", what, t));
            return n;
        } catch (ArithmeticException e) {
            throw new InvalidValueException(Localization.text("records.wholeNumberExpected", what, t));
        }
    }

    /**
     * A date at the precision the sources give: a year, a month (2022-12) or a day (2023-01-16).
     * French spreadsheets turn typed dates into 16/01/2023 or 12/2022: both are read back to ISO.
     */
    public static String date(String s) {
        String t = text(s);
        if (t == null) return null;
        Matcher m = ISO.matcher(t);
        try {
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                if (m.group(2) == null) return checkYear(y, t) + "";
                int mo = Integer.parseInt(m.group(2));
                if (m.group(3) == null) return YearMonth.of(checkYear(y, t), mo).toString();
                return LocalDate.of(checkYear(y, t), mo, Integer.parseInt(m.group(3))).toString();
            }
            m = FRENCH.matcher(t);
            if (m.matches()) {
                int y = checkYear(Integer.parseInt(m.group(3)), t);
                int mo = Integer.parseInt(m.group(2));
                if (m.group(1) == null) return YearMonth.of(y, mo).toString();
                return LocalDate.of(y, mo, Integer.parseInt(m.group(1))).toString();
            }
        } catch (DateTimeException e) {
            throw new InvalidValueException(Localization.text("records.impossibleDate", t));
        }
        throw new InvalidValueException(Localization.text("records.malformedDateExpectedYyyy", t));
    }

    private static int checkYear(int y, String t) {
        if (y < 1800 || y > 2200) throw new InvalidValueException(Localization.text("records.implausibleYear", t));
        return y;
    }

    /** A stored date is already canonical; this checks it (for the record constructors). */
    public static String checkDate(String d) {
        if (d == null) return null;
        String c = date(d);
        if (!c.equals(d)) throw new InvalidValueException(Localization.text("records.dateNormalisedExpected", d, c));
        return d;
    }

    /** An energy performance label (DPE), A to G. */
    public static String energyLabel(String s) {
        String t = text(s);
        if (t == null) return null;
        String u = t.toUpperCase(java.util.Locale.ROOT);
        if (!ENERGY.matcher(u).matches()) {
            throw new InvalidValueException(Localization.text("records.unknownEnergyLabelExpected", t));
        }
        return u;
    }

    /** An INSEE commune code: five characters, 2A/2B for Corsica. */
    public static String insee(String s) {
        String t = text(s);
        if (t == null) return null;
        if (!INSEE.matcher(t).matches()) throw new InvalidValueException(Localization.text("records.malformedInseeCode", t));
        return t;
    }

    /** An amount in euros to the cent, stored in cents: "1 250 000,50 €", "1250000.5". */
    public static Long cost(String s) {
        String t = text(s);
        if (t == null) return null;
        BigDecimal d = number(t.replace("€", "").replace("EUR", "").strip(), "montant");
        if (d.signum() < 0) throw new InvalidValueException(Localization.text("records.negativeAmount2", t));
        try {
            return d.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(Localization.text("records.amountFinerThanCent", t));
        }
    }

    /** Euros with a decimal comma as French Excel writes them: "1250000" or "1250000,5". */
    public static String formatCost(Long cents) {
        if (cents == null) return "";
        return BigDecimal.valueOf(cents, 2).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    public static BigDecimal costEuros(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2).stripTrailingZeros();
    }

    private static BigDecimal number(String t, String what) {
        String n = t.replace("\u202f", "").replace("\u00a0", "").replace(" ", "");
        // One comma and no point: a decimal comma. Both: the point groups thousands (1.250.000,5).
        if (n.indexOf(',') >= 0) n = n.replace(".", "").replace(',', '.');
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(Localization.text("records.numberExpected", what, t));
        }
    }
}
