package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import fr.bassinminier.atlas.model.style.Filter.Op;
import fr.bassinminier.atlas.model.style.LabelPlacement.LinePlacement;
import fr.bassinminier.atlas.model.style.LabelPlacement.PointPlacement;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OGC SLD 1.0 (GeoServer: default namespace or sld:/ogc: prefixes, CssParameter) and
 * SLD 1.1 / SE 1.1 (QGIS "Save style → SLD": se: prefix, SvgParameter) into a {@link Style}.
 *
 * <p>Elements are recognised by local name whatever their namespace, because both families
 * mix prefixes freely (QGIS writes ogc:Filter inside se:Rule and se:ElseFilter inside a 1.1
 * document). Unknown elements inside a known structure are skipped with a warning; what would
 * change which features are drawn (an unsupported filter operator, a function) is an error,
 * since drawing a class with the wrong members on a heritage map is worse than not opening
 * the style.
 *
 * <p>Security: a style is a file users receive by mail. The JDK's StAX parser is used with DTDs
 * and external entities off, an XML resolver that refuses everything, and any DOCTYPE is
 * refused outright before its declarations can be used (no XXE, no entity expansion bomb).
 */
public final class SldParser {
    /** Deepest element nesting accepted; a real SLD is under 15 levels. Guards the recursion. */
    private static final int MAX_DEPTH = 100;
    private static final Set<String> SPATIAL = Set.of("BBOX", "Intersects", "Within", "Contains", "Disjoint",
            "Touches", "Crosses", "Overlaps", "Equals", "DWithin", "Beyond");
    private static final Set<String> ARITHMETIC = Set.of("Add", "Sub", "Mul", "Div");
    private static final Set<String> SHAPES = Set.of("square", "circle", "triangle", "star", "cross", "x",
            "vertline", "horline", "slash", "backslash", "dot", "plus", "times", "oarrow", "carrow", "line", "arrow",
            "diamond");
    private static final Pattern END_TAG = Pattern.compile("\"</([^\"]+?)>\"");

    private final XMLStreamReader r;
    private final String source;
    private final List<String> warnings = new ArrayList<>();
    /** Open elements (qualified name, start line), so that an unclosed tag can be reported where it opened. */
    private final Deque<Open> open = new ArrayDeque<>();
    private int depth;

    private record Open(String name, int line) {
    }

    private SldParser(XMLStreamReader r, String source) {
        this.r = r;
        this.source = source;
    }

    /**
     * Parses a document. The encoding comes from the XML declaration (GeoServer's examples are
     * ISO-8859-1), so pass the raw bytes, not a Reader.
     *
     * @param source the file name or label used in messages, e.g. "styles/cites.sld"
     */
    public static SldDocument parse(InputStream in, String source) throws SldException {
        XMLStreamReader reader = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(1);
            if (buffered.read() < 0) throw new SldException(source, 0, "document vide");
            buffered.reset();
            reader = secureFactory().createXMLStreamReader(buffered);
            SldParser parser = new SldParser(reader, source);
            try {
                return parser.document();
            } catch (XMLStreamException e) {
                throw parser.malformed(e);
            }
        } catch (XMLStreamException e) {
            throw new SldParser(null, source).malformed(e);
        } catch (java.util.MissingResourceException e) {
            // The JDK's parser throws this for some malformed DOCTYPEs (its message key is
            // missing; found by fuzzing): malformed XML like any other.
            throw new SldException(source, 0, "XML mal formé (" + e.getKey() + ")", e);
        } catch (IOException e) {
            throw new SldException(source, 0, "lecture impossible (" + e.getMessage() + ")", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release beyond the stream, which the caller owns.
                }
            }
        }
    }

    /** The program's one hardened XML factory (no DTD, no entities, bounded), shared with other XML readers. */
    public static XMLInputFactory secureFactory() {
        return fr.bassinminier.atlas.xml.SafeXml.factory();
    }

    private SldException malformed(XMLStreamException e) {
        Location loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNumber());
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = END_TAG.matcher(msg);
        String detail;
        if (m.find()) {
            // The JDK notices the fault at the next end tag; the fix is where the element opened.
            for (Open el : open) {
                if (el.name.equals(m.group(1))) {
                    return new SldException(source, el.line, "XML mal formé : balise <" + m.group(1)
                            + "> jamais fermée (erreur constatée ligne " + line + ")", e);
                }
            }
            detail = "XML mal formé : balise <" + m.group(1) + "> non fermée ou mal imbriquée";
        } else if (msg.contains("ressource externe refusée")) {
            detail = "référence à une ressource externe refusée par sécurité";
        } else if (msg.contains("XML document structures must start and end")
                || msg.contains("end of file") || msg.contains("Premature end")
                // The JDK words its messages in the default locale, French in the desktop program.
                || msg.contains("Les structures de document XML") || msg.contains("Fin prématurée")) {
            detail = "XML mal formé : fichier tronqué (balise non fermée)";
        } else if (msg.contains("was referenced, but not declared") || msg.contains("entity") || msg.contains("entité")) {
            detail = "XML mal formé : entité inconnue (les entités déclarées ne sont pas acceptées)";
        } else {
            detail = "XML mal formé";
        }
        return new SldException(source, line, detail, e);
    }

    // ---------------------------------------------------------------- navigation

    private int line() {
        Location loc = r.getLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNumber());
    }

    private String qname() {
        String p = r.getPrefix();
        return p == null || p.isEmpty() ? r.getLocalName() : p + ":" + r.getLocalName();
    }

    private String local() {
        return r.getLocalName();
    }

    private SldException error(int line, String detail) {
        return new SldException(source, line, detail);
    }

    private void warn(int line, String detail) {
        warnings.add(SldException.format(source, line, detail));
    }

    private SldException doctype() {
        // The reader is past the declaration; count its lines back to where it starts.
        String text = r.getText();
        int newlines = text == null ? 0 : (int) text.chars().filter(c -> c == '\n').count();
        return error(Math.max(1, line() - newlines), "déclaration DOCTYPE refusée : un style SLD n'en a pas"
                + " besoin, et elle peut servir à lire des fichiers de l'ordinateur ou à saturer la mémoire");
    }

    /** The next event, keeping depth and the open-element stack; refuses DTDs and entity references. */
    private int advance() throws XMLStreamException, SldException {
        int ev = r.next();
        switch (ev) {
            case START_ELEMENT -> {
                if (++depth > MAX_DEPTH) throw error(line(), "éléments imbriqués trop profondément");
                open.push(new Open(qname(), line()));
            }
            case END_ELEMENT -> {
                depth--;
                open.poll();
            }
            case DTD -> throw doctype();
            case ENTITY_REFERENCE -> throw error(line(), "référence d'entité « &" + r.getLocalName() + "; » refusée");
            case END_DOCUMENT -> throw error(line(), "XML mal formé : fichier tronqué");
            default -> {
                // Text, comments, processing instructions: the caller decides.
            }
        }
        return ev;
    }

    /** Advances to the next child element (true) or to the end of the current one (false). */
    private boolean nextChild() throws XMLStreamException, SldException {
        while (true) {
            int ev = advance();
            if (ev == START_ELEMENT) return true;
            if (ev == END_ELEMENT) return false;
            // Text between structural elements, comments, processing instructions: ignored.
        }
    }

    /** Skips the current element and everything inside it. */
    private void skip() throws XMLStreamException, SldException {
        while (nextChild()) {
            skip();
        }
    }

    private void unknown() throws XMLStreamException, SldException {
        warn(line(), "élément <" + qname() + "> inconnu ignoré");
        skip();
    }

    private void ignored(String why) throws XMLStreamException, SldException {
        warn(line(), "élément <" + qname() + "> ignoré (" + why + ")");
        skip();
    }

    /** Text of the current element, children skipped with a warning; not stripped. */
    private String rawText() throws XMLStreamException, SldException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int ev = advance();
            switch (ev) {
                case CHARACTERS, CDATA, SPACE -> sb.append(r.getText());
                case START_ELEMENT -> unknown();
                case END_ELEMENT -> {
                    return sb.toString();
                }
                default -> {
                    // Comments and processing instructions inside text.
                }
            }
        }
    }

    private String text() throws XMLStreamException, SldException {
        return rawText().strip();
    }

    // ---------------------------------------------------------------- document structure

    private SldDocument document() throws XMLStreamException, SldException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == DTD) throw doctype();
            if (ev == START_ELEMENT) {
                depth = 1;
                open.push(new Open(qname(), line()));
                return root();
            }
        }
        throw error(0, "document vide");
    }

    private SldDocument root() throws XMLStreamException, SldException {
        List<Style> styles = new ArrayList<>();
        int rootLine = line();
        switch (local()) {
            case "StyledLayerDescriptor" -> {
                String version = r.getAttributeValue(null, "version");
                if (version != null && !version.equals("1.0.0") && !version.equals("1.1.0")) {
                    warn(rootLine, "version SLD « " + version + " » inattendue (1.0.0 ou 1.1.0) : lecture tentée");
                }
                while (nextChild()) {
                    switch (local()) {
                        case "NamedLayer", "UserLayer" -> layer(styles);
                        case "Name", "Title", "Abstract", "Description" -> skip();
                        default -> unknown();
                    }
                }
            }
            case "UserStyle" -> styles.add(userStyle(null).style);
            case "FeatureTypeStyle" -> styles.add(new Style(null, null, List.of(featureTypeStyle())));
            default -> throw error(rootLine, "ce document n'est pas un style SLD (élément racine <" + qname()
                    + ">, attendu <StyledLayerDescriptor>)");
        }
        if (styles.isEmpty()) throw error(rootLine, "aucun style (UserStyle) dans le document");
        return new SldDocument(styles, warnings);
    }

    private record ParsedStyle(Style style, boolean isDefault) {
    }

    private void layer(List<Style> styles) throws XMLStreamException, SldException {
        String layerName = null;
        while (nextChild()) {
            switch (local()) {
                case "Name" -> layerName = text();
                case "UserStyle" -> {
                    ParsedStyle p = userStyle(layerName);
                    // The IsDefault style goes first: it is the one a server would draw.
                    if (p.isDefault) styles.add(0, p.style); else styles.add(p.style);
                }
                case "NamedStyle" -> ignored("style prédéfini d'un serveur, absent du fichier");
                case "LayerFeatureConstraints", "Description", "Title", "Abstract", "InlineFeature",
                     "RemoteOWS", "LayerCoverageConstraints" -> skip();
                default -> unknown();
            }
        }
    }

    private ParsedStyle userStyle(String layerName) throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String name = null;
        String title = null;
        boolean isDefault = false;
        List<FeatureTypeStyle> ftss = new ArrayList<>();
        while (nextChild()) {
            switch (local()) {
                case "Name" -> name = text();
                case "Title" -> title = text();
                case "Description" -> title = description()[0];
                case "Abstract" -> skip();
                case "IsDefault" -> {
                    String v = text();
                    isDefault = v.equals("1") || v.equalsIgnoreCase("true");
                }
                case "FeatureTypeStyle" -> ftss.add(featureTypeStyle());
                case "CoverageStyle" -> ignored("style de données raster non pris en charge");
                default -> unknown();
            }
        }
        if (ftss.isEmpty()) throw error(line, "élément <" + q + "> incomplet (FeatureTypeStyle manquant)");
        String n = name != null && !name.isBlank() ? name : layerName != null && !layerName.isBlank() ? layerName : null;
        return new ParsedStyle(new Style(n, title, ftss), isDefault);
    }

    /** SE's Description: [title, abstract]. */
    private String[] description() throws XMLStreamException, SldException {
        String[] out = new String[2];
        while (nextChild()) {
            switch (local()) {
                case "Title" -> out[0] = text();
                case "Abstract" -> out[1] = text();
                default -> unknown();
            }
        }
        return out;
    }

    private FeatureTypeStyle featureTypeStyle() throws XMLStreamException, SldException {
        int line = line();
        String name = null;
        List<Rule> rules = new ArrayList<>();
        while (nextChild()) {
            switch (local()) {
                case "Name" -> name = text();
                case "Title", "Abstract", "Description", "FeatureTypeName", "SemanticTypeIdentifier",
                     "CoverageName" -> skip();
                case "Rule" -> rules.add(rule());
                case "VendorOption" -> ignored("option « " + r.getAttributeValue(null, "name")
                        + " » propre à GeoServer");
                case "Transformation" -> ignored("transformation de rendu non prise en charge");
                default -> unknown();
            }
        }
        if (rules.isEmpty()) warn(line, "<FeatureTypeStyle> sans règle : rien ne sera dessiné");
        return new FeatureTypeStyle(name, rules);
    }

    private Rule rule() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String name = null;
        String title = null;
        String description = null;
        Filter filter = null;
        boolean elseFilter = false;
        double min = 0;
        double max = Double.POSITIVE_INFINITY;
        List<Symbolizer> symbolizers = new ArrayList<>();
        while (nextChild()) {
            switch (local()) {
                case "Name" -> name = text();
                case "Title" -> title = text();
                case "Abstract" -> description = text();
                case "Description" -> {
                    String[] d = description();
                    title = d[0];
                    description = d[1];
                }
                case "LegendGraphic" -> skip();
                case "Filter" -> filter = filter();
                case "ElseFilter" -> {
                    skip();
                    elseFilter = true;
                }
                case "MinScaleDenominator" -> min = scale();
                case "MaxScaleDenominator" -> max = scale();
                case "PolygonSymbolizer" -> symbolizers.add(polygon());
                case "LineSymbolizer" -> symbolizers.add(lineSymbolizer());
                case "PointSymbolizer" -> symbolizers.add(point());
                case "TextSymbolizer" -> symbolizers.add(textSymbolizer());
                case "RasterSymbolizer" -> ignored("symbologie raster non prise en charge");
                default -> unknown();
            }
        }
        if (filter != null && elseFilter) {
            throw error(line, "élément <" + q + "> contradictoire (Filter et ElseFilter à la fois)");
        }
        if (min >= max) warn(line, "règle « " + (title != null ? title : name) + " » : MinScaleDenominator ("
                + Numbers.format(min) + ") ≥ MaxScaleDenominator (" + Numbers.format(max)
                + "), elle ne s'applique à aucune échelle");
        return new Rule(name, title, description, filter, elseFilter, min, max, symbolizers);
    }

    private double scale() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String v = text();
        Double d = Values.parseNumber(v);
        if (d == null || d < 0 || d.isInfinite()) {
            throw error(line, "valeur « " + v + " » invalide pour <" + q + "> (nombre positif attendu"
                    + (v.contains(",") ? ", avec un point décimal" : "") + ")");
        }
        return d;
    }

    // ---------------------------------------------------------------- filters

    private Filter filter() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        Filter f = null;
        while (nextChild()) {
            if (f != null) {
                throw error(line(), "plusieurs opérateurs dans <" + q + "> : ils doivent être réunis dans"
                        + " <ogc:And> ou <ogc:Or>");
            }
            f = operator(1);
        }
        if (f == null) throw error(line, "élément <" + q + "> vide");
        return f;
    }

    private Filter operator(int level) throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String local = local();
        if (level > 40) throw error(line, "filtre imbriqué trop profondément");
        Op op = Op.ofElement(local);
        if (op != null) {
            boolean matchCase = !"false".equalsIgnoreCase(r.getAttributeValue(null, "matchCase"));
            List<Expression> operands = operands();
            if (operands.size() != 2) throw incomplete(line, q, operands);
            return new Filter.Comparison(op, operands.get(0), operands.get(1), matchCase);
        }
        switch (local) {
            case "PropertyIsLike" -> {
                char wild = charAttr(line, q, "wildCard", '*');
                char single = charAttr(line, q, "singleChar", '.');
                char escape = r.getAttributeValue(null, "escapeChar") != null
                        ? charAttr(line, q, "escapeChar", '!') : charAttr(line, q, "escape", '!');
                boolean matchCase = !"false".equalsIgnoreCase(r.getAttributeValue(null, "matchCase"));
                List<Expression> operands = operands();
                if (operands.size() != 2 || !(operands.get(0) instanceof Expression.Property)
                        || !(operands.get(1) instanceof Expression.Literal lit)) {
                    throw incomplete(line, q, operands);
                }
                return new Filter.Like(operands.get(0), lit.value(), wild, single, escape, matchCase);
            }
            case "PropertyIsBetween" -> {
                Expression value = null;
                Expression lower = null;
                Expression upper = null;
                while (nextChild()) {
                    switch (local()) {
                        case "LowerBoundary" -> lower = single(line);
                        case "UpperBoundary" -> upper = single(line);
                        default -> {
                            Expression e = expressionElement();
                            if (e != null) value = e;
                        }
                    }
                }
                if (value == null) throw error(line, "élément <" + q + "> incomplet (PropertyName manquant)");
                if (lower == null) throw error(line, "élément <" + q + "> incomplet (LowerBoundary manquant)");
                if (upper == null) throw error(line, "élément <" + q + "> incomplet (UpperBoundary manquant)");
                return new Filter.Between(value, lower, upper);
            }
            case "PropertyIsNull" -> {
                List<Expression> operands = operands();
                if (operands.size() != 1) {
                    throw error(line, "élément <" + q + "> incomplet (PropertyName manquant)");
                }
                return new Filter.IsNull(operands.get(0));
            }
            case "And", "Or" -> {
                List<Filter> parts = new ArrayList<>();
                while (nextChild()) {
                    parts.add(operator(level + 1));
                }
                if (parts.isEmpty()) throw error(line, "élément <" + q + "> vide");
                return local.equals("And") ? new Filter.And(parts) : new Filter.Or(parts);
            }
            case "Not" -> {
                Filter inner = null;
                while (nextChild()) {
                    if (inner != null) throw error(line, "élément <" + q + "> avec plusieurs opérateurs");
                    inner = operator(level + 1);
                }
                if (inner == null) throw error(line, "élément <" + q + "> vide");
                return new Filter.Not(inner);
            }
            case "FeatureId", "GmlObjectId", "ResourceId" ->
                    throw error(line, "sélection par identifiant <" + q + "> non prise en charge");
            default -> {
                if (SPATIAL.contains(local)) {
                    throw error(line, "opérateur spatial <" + q + "> non pris en charge");
                }
                throw error(line, "opérateur de filtre <" + q + "> non pris en charge");
            }
        }
    }

    private SldException incomplete(int line, String q, List<Expression> operands) {
        boolean hasProperty = operands.stream().anyMatch(e -> e instanceof Expression.Property);
        String missing = !hasProperty ? "PropertyName manquant" : operands.size() < 2 ? "Literal manquant"
                : "trop d'opérandes";
        return error(line, "élément <" + q + "> incomplet (" + missing + ")");
    }

    private char charAttr(int line, String q, String name, char fallback) throws SldException {
        String v = r.getAttributeValue(null, name);
        if (v == null) return fallback;
        if (v.length() != 1) {
            throw error(line, "attribut " + name + "=\"" + v + "\" invalide pour <" + q + "> (un seul caractère attendu)");
        }
        return v.charAt(0);
    }

    /** The operand expressions of a comparison element, in order. */
    private List<Expression> operands() throws XMLStreamException, SldException {
        List<Expression> out = new ArrayList<>();
        while (nextChild()) {
            Expression e = expressionElement();
            if (e != null) out.add(e);
        }
        return out;
    }

    /** A boundary of PropertyIsBetween: one expression inside. */
    private Expression single(int line) throws XMLStreamException, SldException {
        String q = qname();
        List<Expression> e = operands();
        if (e.size() != 1) throw error(line, "élément <" + q + "> incomplet (Literal manquant)");
        return e.get(0);
    }

    /** At an expression element (PropertyName, Literal…): its expression, or null when skipped. */
    private Expression expressionElement() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        switch (local()) {
            case "PropertyName" -> {
                String name = text();
                if (name.isEmpty()) throw error(line, "élément <" + q + "> vide (nom d'attribut attendu)");
                return Expression.property(name);
            }
            case "Literal" -> {
                return Expression.literal(rawText());
            }
            case "Function" -> throw error(line, "fonction <" + q + " name=\"" + r.getAttributeValue(null, "name")
                    + "\"> non prise en charge (seuls les attributs et les valeurs fixes le sont)");
            default -> {
                if (ARITHMETIC.contains(local())) {
                    throw error(line, "calcul <" + q + "> non pris en charge (seuls les attributs et les valeurs"
                            + " fixes le sont)");
                }
                unknown();
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- values

    /**
     * A parameter value (SLD's ParameterValueType): text mixed with PropertyName and Literal.
     * Labels keep inner spaces ("<nom> – <commune>"); other values are stripped. Whitespace that
     * spans a line break is indentation, not content, and is dropped.
     *
     * @return null when the element is empty
     */
    private Expression value(boolean keepSpaces) throws XMLStreamException, SldException {
        List<Expression> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        while (true) {
            int ev = advance();
            switch (ev) {
                case CHARACTERS, CDATA, SPACE -> pending.append(r.getText());
                case START_ELEMENT -> {
                    flush(pending, parts, keepSpaces);
                    if (local().equals("Literal") && !keepSpaces) {
                        parts.add(Expression.literal(text()));
                    } else {
                        Expression e = expressionElement();
                        if (e != null) parts.add(e);
                    }
                }
                case END_ELEMENT -> {
                    flush(pending, parts, keepSpaces);
                    return parts.isEmpty() ? null : Expression.concat(parts);
                }
                default -> {
                    // Comments.
                }
            }
        }
    }

    private static void flush(StringBuilder pending, List<Expression> parts, boolean keepSpaces) {
        String s = pending.toString();
        pending.setLength(0);
        if (keepSpaces) {
            s = trimIndentation(s);
        } else {
            s = s.strip();
        }
        if (!s.isEmpty()) parts.add(Expression.literal(s));
    }

    private static String trimIndentation(String s) {
        int start = 0;
        while (start < s.length() && Character.isWhitespace(s.charAt(start))) start++;
        if (s.substring(0, start).indexOf('\n') >= 0) s = s.substring(start);
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
        if (s.substring(end).indexOf('\n') >= 0) s = s.substring(0, end);
        return s;
    }

    /** A numeric value element (Size, Rotation…): a literal must read as a number. */
    private Expression numeric() throws XMLStreamException, SldException {
        int line = line();
        String where = "<" + qname() + ">";
        return checkNumber(value(false), line, where);
    }

    private Expression checkNumber(Expression e, int line, String where) throws SldException {
        if (e instanceof Expression.Literal l) {
            Double d = Values.parseNumber(l.value());
            if (d == null || d.isInfinite()) {
                throw error(line, "valeur « " + l.value() + " » invalide pour " + where + " (nombre attendu"
                        + (l.value().contains(",") ? ", avec un point décimal" : "") + ")");
            }
        }
        return e;
    }

    private Expression checkColor(Expression e, int line, String where) throws SldException {
        if (e instanceof Expression.Literal l && !Expression.COLOR.matcher(l.value()).matches()) {
            throw error(line, "couleur « " + l.value() + " » invalide pour " + where + " (attendu #rrggbb)");
        }
        return e;
    }

    /** A number that must be a literal here (anchor, displacement); a computed one is warned and defaulted. */
    private double literalNumber(double fallback) throws XMLStreamException, SldException {
        int line = line();
        String where = "<" + qname() + ">";
        Expression e = checkNumber(value(false), line, where);
        if (e == null) return fallback;
        if (e instanceof Expression.Literal l) return Values.parseNumber(l.value());
        warn(line, "valeur calculée non prise en charge dans " + where + " : " + Numbers.format(fallback) + " utilisé");
        return fallback;
    }

    private record Param(String name, Expression value, int line, String where) {
    }

    private Param param() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String name = r.getAttributeValue(null, "name");
        if (name == null || name.isBlank()) throw error(line, "élément <" + q + "> sans attribut name");
        Expression v = value(false);
        return new Param(name.strip(), v, line, "<" + q + " name=\"" + name + "\">");
    }

    private boolean isParam() {
        return local().equals("CssParameter") || local().equals("SvgParameter");
    }

    // ---------------------------------------------------------------- symbolizers

    private void checkUom() {
        String uom = r.getAttributeValue(null, "uom");
        if (uom != null && !uom.endsWith("/pixel")) {
            warn(line(), "unités « " + uom + " » non prises en charge : les tailles sont lues en pixels");
        }
    }

    private PolygonSymbolizer polygon() throws XMLStreamException, SldException {
        checkUom();
        Fill fill = null;
        Stroke stroke = null;
        while (nextChild()) {
            switch (local()) {
                case "Geometry" -> skip(); // one geometry per feature here
                case "Fill" -> fill = fill();
                case "Stroke" -> stroke = stroke();
                case "Displacement", "PerpendicularOffset" -> ignored("décalage de polygone non pris en charge");
                case "VendorOption" -> ignored("option « " + r.getAttributeValue(null, "name") + " » propre à GeoServer");
                default -> unknown();
            }
        }
        return new PolygonSymbolizer(fill, stroke);
    }

    private LineSymbolizer lineSymbolizer() throws XMLStreamException, SldException {
        checkUom();
        Stroke stroke = null;
        Expression offset = null;
        while (nextChild()) {
            switch (local()) {
                case "Geometry" -> skip();
                case "Stroke" -> stroke = stroke();
                case "PerpendicularOffset" -> offset = numeric();
                case "VendorOption" -> ignored("option « " + r.getAttributeValue(null, "name") + " » propre à GeoServer");
                default -> unknown();
            }
        }
        return new LineSymbolizer(stroke, offset);
    }

    private PointSymbolizer point() throws XMLStreamException, SldException {
        checkUom();
        Graphic graphic = null;
        while (nextChild()) {
            switch (local()) {
                case "Geometry" -> skip();
                case "Graphic" -> graphic = graphic();
                case "VendorOption" -> ignored("option « " + r.getAttributeValue(null, "name") + " » propre à GeoServer");
                default -> unknown();
            }
        }
        return new PointSymbolizer(graphic);
    }

    private TextSymbolizer textSymbolizer() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        checkUom();
        Expression label = null;
        Font font = null;
        LabelPlacement placement = null;
        Halo halo = null;
        Fill fill = null;
        Expression priority = null;
        Map<String, String> options = new LinkedHashMap<>();
        while (nextChild()) {
            switch (local()) {
                case "Geometry" -> skip();
                case "Label" -> {
                    int l = line();
                    String lq = qname();
                    label = value(true);
                    if (label == null) throw error(l, "élément <" + lq + "> vide");
                }
                case "Font" -> font = font();
                case "LabelPlacement" -> placement = labelPlacement();
                case "Halo" -> halo = halo();
                case "Fill" -> fill = fill();
                case "Priority" -> priority = numeric();
                case "VendorOption" -> {
                    String name = r.getAttributeValue(null, "name");
                    String v = text();
                    if (name != null && !name.isBlank()) options.put(name.strip(), v);
                }
                case "Graphic" -> ignored("pictogramme derrière l'étiquette non pris en charge");
                default -> unknown();
            }
        }
        if (label == null) throw error(line, "élément <" + q + "> incomplet (Label manquant)");
        return new TextSymbolizer(label, font, placement, halo, fill, priority, options);
    }

    private Fill fill() throws XMLStreamException, SldException {
        Expression color = null;
        Expression opacity = null;
        Graphic graphicFill = null;
        while (nextChild()) {
            if (isParam()) {
                Param p = param();
                switch (p.name) {
                    case "fill" -> color = checkColor(p.value, p.line, p.where);
                    case "fill-opacity" -> opacity = checkNumber(p.value, p.line, p.where);
                    default -> warn(p.line, "paramètre " + p.where + " inconnu ignoré");
                }
            } else if (local().equals("GraphicFill")) {
                graphicFill = graphicHolder();
            } else {
                unknown();
            }
        }
        return new Fill(color, opacity, graphicFill);
    }

    /** GraphicFill / GraphicStroke: a Graphic inside. */
    private Graphic graphicHolder() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        Graphic g = null;
        while (nextChild()) {
            if (local().equals("Graphic")) g = graphic(); else unknown();
        }
        if (g == null) throw error(line, "élément <" + q + "> incomplet (Graphic manquant)");
        return g;
    }

    private Stroke stroke() throws XMLStreamException, SldException {
        Expression color = null;
        Expression width = null;
        Expression opacity = null;
        Expression dashOffset = null;
        List<Double> dash = List.of();
        String cap = null;
        String join = null;
        while (nextChild()) {
            if (isParam()) {
                Param p = param();
                switch (p.name) {
                    case "stroke" -> color = checkColor(p.value, p.line, p.where);
                    case "stroke-width" -> width = checkNumber(p.value, p.line, p.where);
                    case "stroke-opacity" -> opacity = checkNumber(p.value, p.line, p.where);
                    case "stroke-dashoffset" -> dashOffset = checkNumber(p.value, p.line, p.where);
                    case "stroke-dasharray" -> dash = dashArray(p);
                    case "stroke-linecap" -> cap = keyword(p, Set.of("butt", "round", "square"));
                    case "stroke-linejoin" -> join = keyword(p, Set.of("mitre", "miter", "round", "bevel"));
                    default -> warn(p.line, "paramètre " + p.where + " inconnu ignoré");
                }
            } else if (local().equals("GraphicFill") || local().equals("GraphicStroke")) {
                ignored("trait fait de pictogrammes non pris en charge, trait simple dessiné");
            } else {
                unknown();
            }
        }
        return new Stroke(color, width, opacity, dash, dashOffset, cap, join);
    }

    private List<Double> dashArray(Param p) throws SldException {
        if (p.value == null) return List.of();
        if (!(p.value instanceof Expression.Literal l)) {
            warn(p.line, "valeur calculée non prise en charge dans " + p.where + " : trait continu");
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String s : l.value().strip().split("[\\s,]+")) {
            if (s.isEmpty()) continue;
            Double d = Values.parseNumber(s);
            if (d == null || d < 0 || d.isInfinite()) {
                throw error(p.line, "valeur « " + l.value() + " » invalide pour " + p.where
                        + " (longueurs positives séparées par des espaces attendues)");
            }
            out.add(d);
        }
        return out;
    }

    private String keyword(Param p, Set<String> allowed) {
        if (p.value instanceof Expression.Literal l) {
            String v = l.value().strip().toLowerCase(Locale.ROOT);
            if (allowed.contains(v)) return v;
            warn(p.line, "valeur « " + l.value() + " » inconnue pour " + p.where + " : valeur par défaut");
        } else if (p.value != null) {
            warn(p.line, "valeur calculée non prise en charge dans " + p.where + " : valeur par défaut");
        }
        return null;
    }

    private Graphic graphic() throws XMLStreamException, SldException {
        List<GraphicSymbol> symbols = new ArrayList<>();
        Expression opacity = null;
        Expression size = null;
        Expression rotation = null;
        Displacement displacement = null;
        while (nextChild()) {
            switch (local()) {
                case "Mark" -> symbols.add(mark());
                case "ExternalGraphic" -> symbols.add(externalGraphic());
                case "Opacity" -> opacity = numeric();
                case "Size" -> size = numeric();
                case "Rotation" -> rotation = numeric();
                case "Displacement" -> displacement = displacement();
                case "AnchorPoint" -> ignored("point d'ancrage de pictogramme non pris en charge");
                default -> unknown();
            }
        }
        return new Graphic(symbols, opacity, size, rotation, displacement);
    }

    private Mark mark() throws XMLStreamException, SldException {
        String wkn = "square";
        Fill fill = null;
        Stroke stroke = null;
        while (nextChild()) {
            switch (local()) {
                case "WellKnownName" -> {
                    int line = line();
                    String v = text();
                    if (!v.isEmpty()) {
                        wkn = v;
                        String shape = new Mark(v, null, null).shape();
                        if (!SHAPES.contains(shape)) {
                            warn(line, "forme « " + v + " » inconnue : un renderer pourra la dessiner comme un carré");
                        }
                    }
                }
                case "Fill" -> fill = fill();
                case "Stroke" -> stroke = stroke();
                case "OnlineResource", "InlineContent", "Format", "MarkIndex" ->
                        ignored("forme tirée d'une police ou d'un fichier non prise en charge");
                default -> unknown();
            }
        }
        return new Mark(wkn, fill, stroke);
    }

    private ExternalGraphic externalGraphic() throws XMLStreamException, SldException {
        int line = line();
        String q = qname();
        String href = null;
        String format = null;
        while (nextChild()) {
            switch (local()) {
                case "OnlineResource" -> {
                    href = attributeByLocalName("href");
                    skip();
                }
                case "Format" -> format = text();
                case "InlineContent" -> ignored("image incluse dans le style non prise en charge");
                default -> unknown();
            }
        }
        if (href == null || href.isBlank()) throw error(line, "élément <" + q + "> incomplet (OnlineResource manquant)");
        return new ExternalGraphic(href.strip(), format);
    }

    private String attributeByLocalName(String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(name)) return r.getAttributeValue(i);
        }
        return null;
    }

    private Displacement displacement() throws XMLStreamException, SldException {
        double x = 0;
        double y = 0;
        while (nextChild()) {
            switch (local()) {
                case "DisplacementX" -> x = literalNumber(0);
                case "DisplacementY" -> y = literalNumber(0);
                default -> unknown();
            }
        }
        return new Displacement(x, y);
    }

    private AnchorPoint anchorPoint() throws XMLStreamException, SldException {
        double x = 0;
        double y = 0.5;
        while (nextChild()) {
            switch (local()) {
                case "AnchorPointX" -> x = literalNumber(0);
                case "AnchorPointY" -> y = literalNumber(0.5);
                default -> unknown();
            }
        }
        return new AnchorPoint(x, y);
    }

    private Font font() throws XMLStreamException, SldException {
        Expression family = null;
        Expression size = null;
        Expression style = null;
        Expression weight = null;
        while (nextChild()) {
            if (!isParam()) {
                unknown();
                continue;
            }
            Param p = param();
            switch (p.name) {
                // Several families are fallbacks in SLD; the first is the one meant.
                case "font-family" -> family = family == null ? p.value : family;
                case "font-size" -> size = checkNumber(p.value, p.line, p.where);
                case "font-style" -> style = p.value;
                case "font-weight" -> weight = p.value;
                default -> warn(p.line, "paramètre " + p.where + " inconnu ignoré");
            }
        }
        return new Font(family, size, style, weight);
    }

    private LabelPlacement labelPlacement() throws XMLStreamException, SldException {
        LabelPlacement out = null;
        while (nextChild()) {
            switch (local()) {
                case "PointPlacement" -> out = pointPlacement();
                case "LinePlacement" -> out = linePlacement();
                default -> unknown();
            }
        }
        return out;
    }

    private PointPlacement pointPlacement() throws XMLStreamException, SldException {
        AnchorPoint anchor = null;
        Displacement displacement = null;
        Expression rotation = null;
        while (nextChild()) {
            switch (local()) {
                case "AnchorPoint" -> anchor = anchorPoint();
                case "Displacement" -> displacement = displacement();
                case "Rotation" -> rotation = numeric();
                default -> unknown();
            }
        }
        return new PointPlacement(anchor, displacement, rotation);
    }

    private LinePlacement linePlacement() throws XMLStreamException, SldException {
        Expression offset = null;
        while (nextChild()) {
            switch (local()) {
                case "PerpendicularOffset" -> offset = numeric();
                case "IsRepeated", "InitialGap", "Gap", "IsAligned", "GeneralizeLine" ->
                        ignored("réglage de placement le long des lignes non pris en charge");
                default -> unknown();
            }
        }
        return new LinePlacement(offset);
    }

    private Halo halo() throws XMLStreamException, SldException {
        Expression radius = null;
        Fill fill = null;
        while (nextChild()) {
            switch (local()) {
                case "Radius" -> radius = numeric();
                case "Fill" -> fill = fill();
                default -> unknown();
            }
        }
        return new Halo(radius, fill);
    }
}
