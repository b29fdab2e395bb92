package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.l10n.Localization;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX with no DTD and no entity of any kind (as the SLD reader): a service answer is data from
 * the network, so a billion-laughs or an external entity in it must fail, not be expanded.
 */
final class WfsXml {
    private WfsXml() {
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException(Localization.text("io.externalResourceRefused", systemId));
        });
        return f;
    }

    static XMLStreamReader open(byte[] body) throws XMLStreamException {
        try {
            return fr.bassinminier.atlas.xml.SafeXml.guard(secureFactory().createXMLStreamReader(new ByteArrayInputStream(body)));
        } catch (RuntimeException e) {
            throw new XMLStreamException(Localization.text("io.malformedXml", e.getClass().getSimpleName()), null, e);
        }
    }

    /** Moves to the root element and returns its local name. */
    static String root(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.DTD) throw new XMLStreamException(Localization.get("io.dtdRefused"));
            if (ev == XMLStreamConstants.START_ELEMENT) return r.getLocalName();
        }
        throw new XMLStreamException(Localization.get("io.emptyXmlDocument"));
    }

    /** Text of the current element (its direct and nested text), leaving the reader on its end tag. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
            else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) b.append(r.getText());
            else if (ev == XMLStreamConstants.ENTITY_REFERENCE) throw new XMLStreamException(Localization.text("io.entityRefused", r.getLocalName()));
        }
        return b.toString().strip();
    }

    /** Skips the current element and its children. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    static boolean isExceptionReport(String rootName) {
        return "ExceptionReport".equals(rootName) || "ServiceExceptionReport".equals(rootName);
    }

    /**
     * The first exception of an OWS ExceptionReport (1.0/1.1/2.0) or a WMS/WFS 1.0 ServiceExceptionReport,
     * as "code (locator) : text"; the reader is on its root.
     */
    static String exceptionReport(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            if ("Exception".equals(name) || "ServiceException".equals(name)) {
                String code = attr(r, "exceptionCode", "code");
                String locator = attr(r, "locator");
                String text = "ServiceException".equals(name) ? text(r) : exceptionTexts(r);
                if (code != null) b.append(code);
                if (locator != null && !locator.isBlank()) b.append(" (").append(locator).append(")");
                if (!text.isEmpty()) b.append(b.length() > 0 ? " : " : "").append(text);
                return b.toString();
            }
        }
        return Localization.get("io.exceptionReportWithoutDetails");
    }

    private static String exceptionTexts(XMLStreamReader r) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if ("ExceptionText".equals(r.getLocalName())) {
                    if (b.length() > 0) b.append(" ; ");
                    b.append(text(r));
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String s = b.toString().replaceAll("\\s+", " ");
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    static String attr(XMLStreamReader r, String... names) {
        for (String n : names) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (n.equals(r.getAttributeLocalName(i))) return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
