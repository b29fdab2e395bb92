package fr.bassinminier.atlas.print;

import fr.bassinminier.atlas.io.AtomicFiles;
import fr.bassinminier.atlas.io.DataException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import java.util.Calendar;

/** Saving PDFs: atomically (temporary file, then rename), with the document's title and producer. */
public final class PdfFiles {
    private PdfFiles() {
    }

    public static void describe(PDDocument doc, String title, String author, String subject) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        if (author != null) info.setAuthor(author);
        if (subject != null) info.setSubject(subject);
        info.setCreator("Atlas du Bassin Minier");
        info.setProducer("Atlas du Bassin Minier (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
    }

    /** Writes the document; a crash leaves the previous file, never half a PDF. */
    public static void save(PDDocument doc, Path target) throws DataException {
        AtomicFiles.write(target, doc::save);
    }
}
