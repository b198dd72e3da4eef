package org.ac1explorer.ui.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.geometry.BoundingBox;
import javafx.geometry.HPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The PDF writer on a hand-made figure: page size, real text, drawing operators, fonts, and safe writing. */
class PdfWriterTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // text widths are measured with JavaFX fonts
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(20_000, c);
    }

    /** A 400 x 200 px panel: a dashed line, a data line past the plot area, a colour bar, a heatmap, an axis title turned -90°. */
    private static Figure panel() {
        Figure f = new Figure(400, 200, new BoundingBox(50, 10, 300, 150));
        f.add(new Figure.Fill(Figure.rect(0, 0, 400, 200), Color.WHITE, false));
        f.add(new Figure.Bitmap(50, 10, 300, 150, 3, 2, new int[] {0xff0000ff, 0xff00ff00, 0xffff0000, 0, 0xff000000,
            0xffffffff}, true));
        f.add(new Figure.Stroke(new double[] {0, 100, 200, 50, Double.NaN, Double.NaN, 250, 60, 400, 190}, Color.web("#0072B2"),
                1.5, null, true));
        f.add(new Figure.Stroke(new double[] {50, 160, 350, 160}, Color.web("#222222", 0.5), 1, new double[] {4, 3}, false));
        f.add(new Figure.Fill(Figure.rect(360, 10, 10, 150), new LinearGradient(0, 1, 0, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#440154")), new Stop(0.5, Color.web("#21918c")), new Stop(1, Color.web("#fde725"))),
                false));
        Font font = Font.font(Font.getDefault().getFamily(), 11);
        f.add(new Figure.Label(200, 180, "Time (s)", font, Color.BLACK, HPos.CENTER, 0));
        f.add(new Figure.Label(20, 85, "Response (mV)", font, Color.BLACK, HPos.CENTER, -90));
        f.add(new Figure.Label(45, 150, "−5", font, Color.BLACK, HPos.RIGHT, 0));
        f.add(new Figure.Label(355, 40, "#2  ✘ rejected by hand: drift", Font.font(Font.getDefault().getFamily(),
                FontWeight.BOLD, 11), Color.web("#7f7f7f"), HPos.LEFT, 0));
        return f;
    }

    /**
     * The page's text, lines joined: the text stripper breaks turned text (the y axis title) at
     * every glyph, as it reads lines by their position.
     */
    private static String text(PDDocument d) throws IOException {
        return new PDFTextStripper().getText(d).replaceAll("\\R", "");
    }

    /** The content stream's operator names, in order. */
    private static List<String> operators(PDPage page) throws IOException {
        List<String> out = new ArrayList<>();
        PDFStreamParser p = new PDFStreamParser(page);
        for (Object token : p.parse()) {
            if (token instanceof Operator o) {
                out.add(o.getName());
            }
        }
        return out;
    }

    @Test
    void aSheetIsOnePageOfTheRequestedWidthInCmWithRealTextAndVectorDrawing() throws Exception {
        FigureSheet sheet = fx(() -> new FigureSheet("Cell 1 & its sound", List.of(panel(), panel())));
        byte[] pdf = fx(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfWriter.write(sheet, 8.5, out);
            return out.toByteArray();
        });
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertEquals(1, d.getNumberOfPages());
            PDPage page = d.getPage(0);
            assertEquals(8.5 / 2.54 * 72, page.getMediaBox().getWidth(), 0.01, "8.5 cm wide");
            assertEquals(8.5 / 2.54 * 72 * sheet.height() / sheet.width(), page.getMediaBox().getHeight(), 0.01,
                    "height in proportion");
            assertEquals("Cell 1 & its sound", d.getDocumentInformation().getTitle());
            String text = text(d);
            for (String s : List.of("Cell 1 & its sound", "Time (s)", "Response (mV)", "−5", "rejected by hand: drift")) {
                assertTrue(text.contains(s), "\"" + s + "\" is text in: " + text);
            }
            List<String> ops = operators(page);
            assertTrue(ops.contains("d"), "dashed lines keep their dashes");
            assertTrue(ops.contains("sh"), "the colour bar is a shading");
            assertTrue(ops.contains("W"), "data are clipped");
            assertTrue(ops.contains("Do"), "the heatmap is an image");
            assertTrue(ops.contains("Tz"), "text is held to its screen width");
            assertTrue(ops.stream().filter("S"::equals).count() >= 4, "lines are vector strokes");
            for (COSName n : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(n);
                assertTrue(font.isEmbedded(), font.getName() + " embedded (this machine has a system sans-serif font)");
            }
        }
    }

    @Test
    void withoutASystemFontTheStandardHelveticaWritesWhatItCan() throws Exception {
        FigureSheet sheet = fx(() -> new FigureSheet("Fallback", List.of(panel())));
        byte[] pdf = fx(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfWriter.write(sheet, 10, out, false);
            return out.toByteArray();
        });
        try (PDDocument d = Loader.loadPDF(pdf)) {
            String text = text(d);
            assertTrue(text.contains("-5"), "the minus sign, which Helvetica lacks, becomes a hyphen: " + text);
            assertTrue(text.contains("#2") && text.contains("rejected by hand: drift"), text);
            assertFalse(text.contains("?"), "no character replaced by a question mark: " + text);
        }
    }

    @Test
    void aSingleFigureKeepsItsScreenSizeAndDrawsOnlyItsView() throws Exception {
        Figure f = fx(PdfWriterTest::panel);
        f.setView(new BoundingBox(10, 5, 380, 190));
        byte[] pdf = fx(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfWriter.write(f, "one panel", out);
            return out.toByteArray();
        });
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertEquals(380 * 0.75, d.getPage(0).getMediaBox().getWidth(), 0.01, "96 px per inch");
            assertEquals(190 * 0.75, d.getPage(0).getMediaBox().getHeight(), 0.01);
            assertTrue(text(d).contains("Time (s)"));
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("figure.pdf");
        Files.writeString(target, "an older, unreadable figure");
        IOException e = assertThrows(IOException.class, () -> FigureExport.writeAtomically(target, out -> {
            out.write("%PDF-1.7 half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("an older, unreadable figure", Files.readString(target), "the old file is untouched");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left");
        }

        FigureExport.writeAtomically(target, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(target), "replaced when complete");

        Path folder = Files.createDirectory(tmp.resolve("a folder.pdf"));
        IOException isFolder = assertThrows(IOException.class, () -> FigureExport.writeAtomically(folder, out -> { }));
        assertTrue(isFolder.getMessage().contains("is a folder"), isFolder.getMessage());
        IOException noFolder = assertThrows(IOException.class,
                () -> FigureExport.writeAtomically(tmp.resolve("missing").resolve("f.pdf"), out -> { }));
        assertTrue(noFolder.getMessage().contains("missing") && noFolder.getMessage().contains("does not exist"),
                noFolder.getMessage());
        IOException inFile = assertThrows(IOException.class,
                () -> FigureExport.writeAtomically(target.resolve("f.pdf"), out -> { }));
        assertTrue(inFile.getMessage().contains("is a file, not a folder"), inFile.getMessage());
    }
}
