package fr.bassinminier.atlas.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.bassinminier.atlas.model.CrsId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrjRecognizerTest {
    private static final String ESRI_L93 = "PROJCS[\"RGF_1993_Lambert_93\",GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\","
            + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
            + "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],PARAMETER[\"Standard_Parallel_2\",44.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",46.5],UNIT[\"Meter\",1.0]]";

    @Test
    void esriLambert93() {
        assertEquals(CrsId.LAMBERT_93, PrjRecognizer.recognize(ESRI_L93));
    }

    @Test
    void lambert93ByParametersWhenTheNameIsUnusual() {
        String renamed = ESRI_L93.replace("RGF_1993_Lambert_93", "Projection_MapInfo_42");
        assertEquals(CrsId.LAMBERT_93, PrjRecognizer.recognize(renamed));
    }

    @Test
    void cc50ByParameters() {
        String cc50 = ESRI_L93.replace("RGF_1993_Lambert_93", "x").replace("700000.0", "1700000.0")
                .replace("6600000.0", "9200000.0").replace("49.0]", "49.25]").replace("44.0]", "50.75]");
        assertEquals(CrsId.epsg(3950), PrjRecognizer.recognize(cc50));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PROJCS[\"RGF93 / Lambert-93\",GEOGCS[\"RGF93\"],AUTHORITY[\"EPSG\",\"2154\"]]|2154",
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]]|4326",
        "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"]]|3857",
        "PROJCS[\"NTF_Paris_Lambert_II_Extended\",GEOGCS[\"x\"]]|27572"})
    void knownNames(String wkt, int code) {
        assertEquals(CrsId.epsg(code), PrjRecognizer.recognize(wkt));
    }

    @Test
    void unknownWktKeepsItsText() {
        CrsId c = PrjRecognizer.recognize("LOCAL_CS[\"Chantier\"]");
        assertFalse(c.isKnown());
        assertEquals("LOCAL_CS[\"Chantier\"]", c.definition());
    }
}
