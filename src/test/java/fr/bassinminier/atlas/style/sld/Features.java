package fr.bassinminier.atlas.style.sld;

import fr.bassinminier.atlas.model.style.*;

import fr.bassinminier.atlas.model.Feature;
import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Features built in code for filter tests, and fixture loading. */
final class Features {
    private static final GeometryFactory GF = new GeometryFactory();
    private static long nextId = 1;

    private Features() {
    }

    /** A point feature from name/value pairs; a null value is kept as a STRING field left unset. */
    static Feature of(Object... nameValues) {
        List<Field> fields = new ArrayList<>();
        Object[] values = new Object[nameValues.length / 2];
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            FieldType t = v instanceof Integer ? FieldType.INTEGER : v instanceof Long ? FieldType.LONG
                    : v instanceof Double ? FieldType.DOUBLE : v instanceof Boolean ? FieldType.BOOLEAN : FieldType.STRING;
            fields.add(new Field((String) nameValues[i], t));
            values[i / 2] = v;
        }
        return new Feature(nextId++, GF.createPoint(new Coordinate(690000, 7040000)), new Schema(fields), values);
    }

    /** A cité as the demo data has them. */
    static Feature cite(String nom, String statut, Integer logements) {
        return of("nom", nom, "statut_renovation", statut, "logements", logements, "commune_principale", "Lens",
                "statut_urbain", null, "programme", "ERBM prioritaire", "tableau", 1);
    }

    static SldDocument parse(String fixture) throws SldException {
        try (InputStream in = Features.class.getResourceAsStream("/sld/" + fixture)) {
            if (in == null) throw new IllegalStateException("fixture absente : " + fixture);
            return SldParser.parse(in, fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SldDocument parseText(String xml) throws SldException {
        return SldParser.parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "test.sld");
    }
}
