package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A style is a file received by mail: it must not make the program read local files, call a
 * server, or exhaust memory. Every payload is refused at its DOCTYPE, before any entity is
 * resolved; a local HTTP server counts requests to prove nothing was fetched.
 */
class SldSecurityTest {
    private static final String BODY = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
              <NamedLayer><Name>&xxe;</Name><UserStyle><FeatureTypeStyle><Rule><Title>&xxe;</Title>
              </Rule></FeatureTypeStyle></UserStyle></NamedLayer>
            </StyledLayerDescriptor>
            """;

    @Test
    void externalEntityReadingEtcPasswdIsRefused() {
        SldException e = assertThrows(SldException.class, () -> Features.parse("xxe-passwd.sld"));
        assertEquals("xxe-passwd.sld", e.source());
        assertEquals(2, e.line(), "refused at the DOCTYPE, before the root element");
        assertTrue(e.getMessage().startsWith("xxe-passwd.sld, ligne 2 : déclaration DOCTYPE refusée"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "no file content in the message");
    }

    @Test
    void localFileEntityContentNeverReachesTheResult(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "MOT-DE-PASSE-42");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE StyledLayerDescriptor [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n" + BODY;
        SldException e = assertThrows(SldException.class, () -> Features.parseText(xml));
        assertFalse(e.getMessage().contains("MOT-DE-PASSE-42"));
        Throwable cause = e.getCause();
        while (cause != null) {
            assertFalse(String.valueOf(cause.getMessage()).contains("MOT-DE-PASSE-42"));
            cause = cause.getCause();
        }
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        SldException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SldException.class, () -> Features.parse("entity-bomb.sld")));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void noExternalEntityDtdOrParameterEntityIsFetched() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] b = "<!ENTITY xxe 'fetched'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> payloads = List.of(
                    "<!DOCTYPE StyledLayerDescriptor [<!ENTITY xxe SYSTEM \"" + base + "/entity\">]>\n" + BODY,
                    "<!DOCTYPE StyledLayerDescriptor SYSTEM \"" + base + "/external.dtd\">\n" + BODY,
                    "<!DOCTYPE StyledLayerDescriptor [<!ENTITY % p SYSTEM \"" + base + "/param\"> %p;]>\n" + BODY,
                    "<!DOCTYPE StyledLayerDescriptor PUBLIC \"-//X//Y\" \"" + base + "/public.dtd\">\n" + BODY);
            for (String p : payloads) {
                SldException e = assertThrows(SldException.class, () -> Features.parseText(p));
                assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
                // Second layer: the factory alone, read to the end without the DOCTYPE check,
                // resolves nothing either (it fails on the undeclared entity instead).
                XMLStreamReader raw = SldParser.secureFactory().createXMLStreamReader(
                        new ByteArrayInputStream(p.getBytes(StandardCharsets.UTF_8)));
                StringBuilder text = new StringBuilder();
                try {
                    while (raw.hasNext()) {
                        if (raw.next() == XMLStreamConstants.CHARACTERS) text.append(raw.getText());
                    }
                } catch (XMLStreamException expected) {
                    // Undeclared or unresolvable entity: refused, which is the point.
                }
                assertFalse(text.toString().contains("fetched"));
            }
            // A clean style naming the same server in its schema location and an image is read
            // without contacting it: schemas are not fetched, external graphics are kept as data.
            String clean = """
                    <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                        xmlns:xlink="http://www.w3.org/1999/xlink"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.opengis.net/sld BASE/schema.xsd">
                      <NamedLayer><Name>l</Name><UserStyle><FeatureTypeStyle><Rule><PointSymbolizer><Graphic>
                        <ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="BASE/icone.svg"/>
                        <Format>image/svg+xml</Format></ExternalGraphic>
                      </Graphic></PointSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                    </StyledLayerDescriptor>
                    """.replace("BASE", base);
            Style s = Features.parseText(clean).style();
            PointSymbolizer ps = (PointSymbolizer) s.rules().get(0).symbolizers().get(0);
            assertEquals(base + "/icone.svg", ps.graphic().externalGraphic().href());
            assertEquals(List.of(), requests, "the parser contacted the server");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void undeclaredEntityIsMalformedNotResolved() {
        SldException e = assertThrows(SldException.class, () -> Features.parseText(BODY));
        assertTrue(e.getMessage().startsWith("test.sld, ligne 2 : XML mal formé"), e.getMessage());
    }

    @Test
    void absurdNestingIsRefusedWithoutStackOverflow() {
        String deep = "<ogc:Not>".repeat(5000) + "<ogc:PropertyIsNull><ogc:PropertyName>a</ogc:PropertyName>"
                + "</ogc:PropertyIsNull>" + "</ogc:Not>".repeat(5000);
        String xml = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>l</Name><UserStyle><FeatureTypeStyle>"
                + "<Rule><ogc:Filter>" + deep + "</ogc:Filter></Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
                + "</StyledLayerDescriptor>";
        SldException e = assertThrows(SldException.class, () -> Features.parseText(xml));
        assertTrue(e.getMessage().contains("trop profondément"), e.getMessage());
    }
}
