package fr.bassinminier.atlas.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one way the program parses XML (SLD styles, the parts of an XLSX workbook, service
 * capabilities): the JDK's own StAX parser, with no DTD, no entity of any kind, no external
 * resource, and bounds on nesting, names and text, so that a hostile file can neither read a
 * local file (XXE), nor expand ("billion laughs"), nor exhaust the stack or the memory.
 * A document that declares a DTD is refused outright, even an empty one: no file the program
 * reads needs one, and the rest of the program refuses them too.
 */
public final class SafeXml {
    /** Deeper than any real style or workbook (SLD nests filters a few dozen levels at most). */
    public static final int MAX_DEPTH = 256;
    /** One text node or attribute value; the longest real ones are embedded SVG icons. */
    public static final int MAX_TEXT = 8 << 20;

    private SafeXml() {
    }

    /** A hardened factory; prefer {@link #reader(InputStream)}, which also enforces the bounds. */
    public static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's implementation, whatever else is on the class path.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        limit(f, "jdk.xml.maxElementDepth", MAX_DEPTH + 1);
        limit(f, "jdk.xml.maxXMLNameLimit", 1000);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("ressource externe refusée : " + systemId);
        });
        return f;
    }

    private static void limit(XMLInputFactory f, String property, int value) {
        try {
            f.setProperty(property, String.valueOf(value));
        } catch (IllegalArgumentException ignored) {
            // A JDK without this property: the checks in Bounded still apply.
        }
    }

    /**
     * A reader that throws {@link XMLStreamException} on a DTD, an entity reference, nesting past
     * {@link #MAX_DEPTH} or a text longer than {@link #MAX_TEXT}. The caller owns the stream.
     */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        try {
            return new Bounded(factory().createXMLStreamReader(in));
        } catch (RuntimeException e) {
            throw parserFailure(e, null);
        }
    }

    /** The same bounds over a reader made by a caller's own factory (which must be as strict). */
    public static XMLStreamReader guard(XMLStreamReader r) {
        return r instanceof Bounded ? r : new Bounded(r);
    }

    /**
     * The JDK's parser throws unchecked exceptions on some malformed documents (found by fuzzing:
     * a MissingResourceException for a bad character in a DOCTYPE, whose message key is missing
     * from the JDK). They are malformed XML like any other, so they become XMLStreamException.
     */
    private static XMLStreamException parserFailure(RuntimeException e, javax.xml.stream.Location at) {
        String key = e instanceof java.util.MissingResourceException m ? m.getKey() : e.getClass().getSimpleName();
        return new XMLStreamException("XML mal formé (" + key + ")", at, e);
    }

    /** What a refusal says, for callers that word their own messages. */
    public static final String DTD_REFUSED = "déclaration DOCTYPE (DTD) refusée : un document XML reçu ne doit pas"
            + " en contenir (entités externes, expansion)";

    private static final class Bounded extends StreamReaderDelegate {
        private int depth;

        Bounded(XMLStreamReader r) {
            super(r);
        }

        @Override
        public int next() throws XMLStreamException {
            int ev;
            try {
                ev = super.next();
            } catch (RuntimeException e) {
                throw parserFailure(e, locationSafe());
            }
            check(ev);
            return ev;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int ev;
            try {
                ev = super.nextTag();
            } catch (RuntimeException e) {
                throw parserFailure(e, locationSafe());
            }
            check(ev);
            return ev;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            String s;
            try {
                s = super.getElementText();
            } catch (RuntimeException e) {
                throw parserFailure(e, locationSafe());
            }
            depth--;
            if (s.length() > MAX_TEXT) throw new XMLStreamException("texte de plus de " + MAX_TEXT + " caractères",
                    getLocation());
            return s;
        }

        private void check(int ev) throws XMLStreamException {
            switch (ev) {
                case XMLStreamConstants.DTD -> throw new XMLStreamException(DTD_REFUSED, getLocation());
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new XMLStreamException("référence d'entité « " + getLocalNameSafe()
                                + " » refusée", getLocation());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw new XMLStreamException("éléments imbriqués sur plus de " + MAX_DEPTH + " niveaux",
                                getLocation());
                    }
                    for (int i = 0; i < getAttributeCount(); i++) {
                        if (getAttributeValue(i).length() > MAX_TEXT) {
                            throw new XMLStreamException("attribut de plus de " + MAX_TEXT + " caractères",
                                    getLocation());
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (getTextLength() > MAX_TEXT) {
                        throw new XMLStreamException("texte de plus de " + MAX_TEXT + " caractères", getLocation());
                    }
                }
                default -> {
                }
            }
        }

        private javax.xml.stream.Location locationSafe() {
            try {
                return getLocation();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private String getLocalNameSafe() {
            try {
                return getLocalName();
            } catch (IllegalStateException e) {
                return "?";
            }
        }
    }
}
