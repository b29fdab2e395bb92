package fr.bassinminier.atlas.io.wfs;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.bassinminier.atlas.testsupport.FuzzCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Fuzzes the WFS response readers the way WfsClient drives them: capabilities and GML feature
 * collections. Their contract is XMLStreamException for a bad document (the client turns it
 * into a ServiceException naming the service); a RuntimeException is a finding, since the
 * client would show its Java text.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WfsFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void capabilitiesAndGml(byte[] input) throws Exception {
        FuzzCheck.check(() -> {
            XMLStreamReader r = WfsXml.open(input);
            String root = WfsXml.root(r);
            if (WfsXml.isExceptionReport(root)) WfsXml.exceptionReport(r);
            else if ("WFS_Capabilities".equals(root)) WfsCapabilities.read(r);
            else if ("FeatureCollection".equals(root)) GmlFeatureReader.read(r);
        }, Set.of(XMLStreamException.class));
    }
}
