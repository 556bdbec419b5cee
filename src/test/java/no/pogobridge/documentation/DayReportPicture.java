package no.pogobridge.documentation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Draws page 1 of the sample day's report as the picture in docs/day-report.md, so the picture shows what the
 * renderer and routes/documentation/day-report.properties make today. After changing either, run from the project
 * root:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) no.pogobridge.documentation.DayReportPicture
 * </pre>
 */
public final class DayReportPicture {

    private static final Path PICTURE = Path.of("docs", "day-report.png");
    private static final int DPI = 150;

    private DayReportPicture() {
    }

    public static void main(String[] args) throws IOException {
        byte[] pdf = new DayReportPdf(DayReportSamples.texts()).render(DayReportSamples.normalDay());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI);
            Files.createDirectories(PICTURE.getParent());
            ImageIO.write(page, "png", PICTURE.toFile());
        }
        System.out.println("wrote " + PICTURE.toAbsolutePath());
    }
}
