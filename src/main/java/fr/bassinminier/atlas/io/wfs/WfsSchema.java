package fr.bassinminier.atlas.io.wfs;

import fr.bassinminier.atlas.model.Field;
import fr.bassinminier.atlas.model.FieldType;
import fr.bassinminier.atlas.model.GeometryType;
import fr.bassinminier.atlas.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A feature type as DescribeFeatureType gives it (an XML schema): its attribute fields in order,
 * and its geometry property — whose name a filter needs, and whose type the layer declares.
 */
public record WfsSchema(String typeName, Schema schema, String geometryName, GeometryType geometryType) {

    /** Reads the first complex type of an XSD; the reader is on the root (xsd:schema). */
    static WfsSchema read(String typeName, XMLStreamReader r) throws XMLStreamException {
        List<Field> fields = new ArrayList<>();
        String geometryName = null;
        GeometryType geometryType = GeometryType.GEOMETRY;
        int complexTypes = 0;
        String pending = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT && "complexType".equals(r.getLocalName())) {
                // GeoServer describes one type per request: stop after it.
                if (!fields.isEmpty() || geometryName != null) break;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String local = r.getLocalName();
            if ("complexType".equals(local)) {
                complexTypes++;
            } else if ("element".equals(local) && complexTypes > 0) {
                String name = WfsXml.attr(r, "name");
                String type = WfsXml.attr(r, "type");
                if (name == null) continue;
                if (type == null) {
                    pending = name; // a simpleType restriction follows
                    continue;
                }
                String bare = type.substring(type.indexOf(':') + 1);
                if (type.startsWith("gml:") || bare.endsWith("PropertyType") && isGeometry(bare)) {
                    if (geometryName == null) {
                        geometryName = name;
                        geometryType = geometryType(bare);
                    }
                } else {
                    fields.add(new Field(name, fieldType(bare)));
                }
            } else if ("restriction".equals(local) && pending != null) {
                String base = WfsXml.attr(r, "base");
                fields.add(new Field(pending, fieldType(base == null ? "string" : base.substring(base.indexOf(':') + 1))));
                pending = null;
            }
        }
        return new WfsSchema(typeName, new Schema(fields), geometryName, geometryType);
    }

    private static boolean isGeometry(String t) {
        return t.matches("(Multi)?(Point|Curve|LineString|Surface|Polygon|Geometry)PropertyType");
    }

    static GeometryType geometryType(String t) {
        return switch (t.replace("PropertyType", "")) {
            case "Point" -> GeometryType.POINT;
            case "MultiPoint" -> GeometryType.MULTIPOINT;
            case "LineString", "Curve" -> GeometryType.LINESTRING;
            case "MultiLineString", "MultiCurve" -> GeometryType.MULTILINESTRING;
            case "Polygon", "Surface" -> GeometryType.POLYGON;
            case "MultiPolygon", "MultiSurface" -> GeometryType.MULTIPOLYGON;
            default -> GeometryType.GEOMETRY;
        };
    }

    static FieldType fieldType(String xsd) {
        return switch (xsd.toLowerCase(Locale.ROOT)) {
            case "int", "short", "byte", "unsignedshort", "unsignedbyte" -> FieldType.INTEGER;
            case "long", "integer", "unsignedint", "unsignedlong", "nonnegativeinteger", "positiveinteger" -> FieldType.LONG;
            case "double", "float", "decimal" -> FieldType.DOUBLE;
            case "boolean" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATETIME;
            default -> FieldType.STRING;
        };
    }
}
