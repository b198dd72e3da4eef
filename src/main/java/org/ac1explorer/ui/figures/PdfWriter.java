package org.ac1explorer.ui.figures;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShadingType2;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a {@link Figure} or a {@link FigureSheet} as a one-page vector PDF: lines with their
 * widths and dashes, polygons, linear gradients (the colour bar) as axial shadings, heatmaps as
 * lossless images drawn without smoothing, and text as real text (selectable, editable in
 * Illustrator or Inkscape) in an embedded sans-serif font from the system (DejaVu Sans, Liberation
 * Sans or Arial, subset), else the standard Helvetica. Each panel's data are clipped to its plot
 * area. Sizes: a sheet is {@code widthCm} wide; a single figure keeps its screen size (96 px per
 * inch), as in SVG.
 */
public final class PdfWriter implements Figure.ItemPainter<IOException> {
    /** PDF points (1/72 inch) per centimetre. */
    static final double PT_PER_CM = 72 / 2.54;
    /** PDF points per screen pixel (1/96 inch). */
    static final double PT_PER_PX = 72 / FigureRaster.SCREEN_DPI;
    /** Where the regular and bold faces of a sans-serif font are looked for, in order (Linux, Windows, macOS). */
    private static final List<String[]> FONT_FILES = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
                "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
            new String[] {"C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf"},
            new String[] {"/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"},
            new String[] {"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"});
    /** Text is stretched to its on-screen width (as SVG's textLength), but never beyond this factor either way. */
    private static final double MAX_STRETCH = 1.3;

    private final PDDocument doc;
    private final PDPageContentStream cs;
    private final PDFont regular;
    private final PDFont bold;
    private final Map<Double, PDExtendedGraphicsState> alphas = new HashMap<>();
    /** Per font, whether each code point can be written (fonts lack some glyphs, Helvetica most). */
    private final Map<PDFont, Map<Integer, Boolean>> writable = new HashMap<>();
    /** The plot area that clipped items are being cut to, or null while no clip is open. */
    private Bounds openClip;

    private PdfWriter(PDDocument doc, PDPageContentStream cs, boolean systemFonts) throws IOException {
        this.doc = doc;
        this.cs = cs;
        String[] files = systemFonts ? FONT_FILES.stream().filter(f -> new File(f[0]).isFile()).findFirst().orElse(null)
                : null;
        if (files != null) {
            regular = PDType0Font.load(doc, new File(files[0]));
            bold = new File(files[1]).isFile() ? PDType0Font.load(doc, new File(files[1])) : regular;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
    }

    /**
     * Writes {@code sheet} as a PDF page {@code widthCm} wide (height in proportion) to {@code out}.
     * Call on the JavaFX thread (text widths are measured with JavaFX fonts).
     */
    public static void write(FigureSheet sheet, double widthCm, OutputStream out) throws IOException {
        write(sheet, widthCm, out, true);
    }

    /** {@link #write(FigureSheet, double, OutputStream)}; without {@code systemFonts}, in the standard Helvetica. */
    static void write(FigureSheet sheet, double widthCm, OutputStream out, boolean systemFonts) throws IOException {
        double scale = widthCm * PT_PER_CM / sheet.width();
        page(sheet.title(), sheet.width() * scale, sheet.height() * scale, out, systemFonts, w -> {
            w.cs.transform(new Matrix((float) scale, 0, 0, (float) -scale, 0, (float) (sheet.height() * scale)));
            w.fillRect(new javafx.geometry.BoundingBox(0, 0, sheet.width(), sheet.height()), Color.WHITE);
            w.label(sheet.titleLabel());
            for (int k = 0; k < sheet.panels().size(); k++) {
                Figure f = sheet.panels().get(k);
                Bounds v = f.view();
                w.cs.saveGraphicsState();
                w.cs.transform(Matrix.getTranslateInstance((float) -v.getMinX(), (float) (sheet.top(k) - v.getMinY())));
                w.clipTo(v); // a panel never paints over its neighbours
                w.items(f);
                w.cs.restoreGraphicsState();
            }
        });
    }

    /** Writes {@code f} (its view) as a PDF page of its screen size, 96 px per inch. Call on the JavaFX thread. */
    public static void write(Figure f, String title, OutputStream out) throws IOException {
        Bounds v = f.view();
        double scale = PT_PER_PX;
        page(title, v.getWidth() * scale, v.getHeight() * scale, out, true, w -> {
            w.cs.transform(new Matrix((float) scale, 0, 0, (float) -scale, 0, (float) (v.getHeight() * scale)));
            w.cs.transform(Matrix.getTranslateInstance((float) -v.getMinX(), (float) -v.getMinY()));
            w.fillRect(v, Color.WHITE);
            w.items(f);
        });
    }

    private interface Body {
        void draw(PdfWriter w) throws IOException;
    }

    private static void page(String title, double widthPt, double heightPt, OutputStream out, boolean systemFonts, Body body)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) widthPt, (float) heightPt));
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title == null ? "" : title);
            doc.getDocumentInformation().setCreator("AC1 Explorer");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                PdfWriter w = new PdfWriter(doc, cs, systemFonts);
                body.draw(w);
                w.closeClip();
            }
            doc.save(out);
        }
    }

    /** The figure's items in order, the clipped ones cut to its plot area (one clip for each run of them). */
    private void items(Figure f) throws IOException {
        for (Figure.Item i : f.items()) {
            boolean clipped = i.clipped();
            if (clipped && openClip == null) {
                cs.saveGraphicsState();
                clipTo(f.plotArea());
                openClip = f.plotArea();
            } else if (!clipped) {
                closeClip();
            }
            Figure.paint(i, this);
        }
        closeClip();
    }

    private void closeClip() throws IOException {
        if (openClip != null) {
            cs.restoreGraphicsState();
            openClip = null;
        }
    }

    private void clipTo(Bounds b) throws IOException {
        cs.addRect((float) b.getMinX(), (float) b.getMinY(), (float) b.getWidth(), (float) b.getHeight());
        cs.clip();
    }

    private void fillRect(Bounds b, Color c) throws IOException {
        colour(c, false);
        cs.addRect((float) b.getMinX(), (float) b.getMinY(), (float) b.getWidth(), (float) b.getHeight());
        cs.fill();
    }

    /** Sets the stroking or filling colour and its opacity. */
    private void colour(Color c, boolean stroking) throws IOException {
        if (stroking) {
            cs.setStrokingColor((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
        } else {
            cs.setNonStrokingColor((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
        }
        double a = Math.round(c.getOpacity() * 1000) / 1000.0;
        cs.setGraphicsStateParameters(alphas.computeIfAbsent(a, k -> {
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setStrokingAlphaConstant((float) (double) k);
            gs.setNonStrokingAlphaConstant((float) (double) k);
            return gs;
        }));
    }

    /** Adds the path through (x, y) pairs, a NaN pair starting a new subpath; false when nothing was added. */
    private boolean path(double[] xy, boolean close) throws IOException {
        boolean any = Figure.walk(xy, new Figure.PathSink<IOException>() {
            @Override
            public void moveTo(double x, double y) throws IOException {
                cs.moveTo((float) x, (float) y);
            }

            @Override
            public void lineTo(double x, double y) throws IOException {
                cs.lineTo((float) x, (float) y);
            }
        });
        if (close && any) {
            cs.closePath();
        }
        return any;
    }

    @Override
    public void stroke(Figure.Stroke s) throws IOException {
        colour(s.colour(), true);
        cs.setLineWidth((float) s.width());
        cs.setLineJoinStyle(1); // round, as on screen
        cs.setLineCapStyle(0); // butt
        float[] dashes = new float[s.dashes() == null ? 0 : s.dashes().length];
        for (int k = 0; k < dashes.length; k++) {
            dashes[k] = (float) s.dashes()[k];
        }
        cs.setLineDashPattern(dashes, 0);
        if (path(s.xy(), false)) {
            cs.stroke();
        }
    }

    @Override
    public void fill(Figure.Fill f) throws IOException {
        if (f.paint() instanceof Color c) {
            colour(c, false);
            if (path(f.xy(), true)) {
                cs.fill();
            }
        } else if (f.paint() instanceof LinearGradient g && g.getStops().size() >= 2) {
            cs.saveGraphicsState();
            if (path(f.xy(), true)) {
                cs.clip();
                cs.shadingFill(shading(g, bounds(f.xy())));
            }
            cs.restoreGraphicsState();
        } else if (f.paint() != null) {
            // other paints (radial gradients) are not drawn by the figures; their mean colour stands in
            colour(average(f.paint()), false);
            if (path(f.xy(), true)) {
                cs.fill();
            }
        }
    }

    /** The mean colour of a paint's stops (its colour for a plain colour; grey for an image). */
    static Color average(Paint p) {
        List<Stop> stops = p instanceof LinearGradient g ? g.getStops() : p instanceof RadialGradient r ? r.getStops() : null;
        if (p instanceof Color c) {
            return c;
        }
        if (stops == null || stops.isEmpty()) {
            return Color.GREY;
        }
        double r = 0;
        double g = 0;
        double b = 0;
        double a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return Color.color(r / n, g / n, b / n, a / n);
    }

    /** The bounding box (minX, minY, maxX, maxY) of finite (x, y) pairs. */
    private static double[] bounds(double[] xy) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k + 1 < xy.length; k += 2) {
            if (Double.isFinite(xy[k]) && Double.isFinite(xy[k + 1])) {
                b[0] = Math.min(b[0], xy[k]);
                b[1] = Math.min(b[1], xy[k + 1]);
                b[2] = Math.max(b[2], xy[k]);
                b[3] = Math.max(b[3], xy[k + 1]);
            }
        }
        return b;
    }

    /**
     * An axial shading along the gradient's line (proportional coordinates over the filled shape's
     * box), its colours interpolated linearly between the stops; the stops' opacities are not kept
     * (the colour bar's are opaque).
     */
    private static PDShading shading(LinearGradient g, double[] box) throws IOException {
        double x0 = g.getStartX();
        double y0 = g.getStartY();
        double x1 = g.getEndX();
        double y1 = g.getEndY();
        if (g.isProportional()) {
            double w = box[2] - box[0];
            double h = box[3] - box[1];
            x0 = box[0] + x0 * w;
            x1 = box[0] + x1 * w;
            y0 = box[1] + y0 * h;
            y1 = box[1] + y1 * h;
        }
        List<Stop> stops = g.getStops();
        COSArray functions = new COSArray();
        COSArray boundsArray = new COSArray();
        COSArray encode = new COSArray();
        for (int i = 0; i + 1 < stops.size(); i++) {
            COSDictionary f = new COSDictionary();
            f.setInt(COSName.FUNCTION_TYPE, 2);
            f.setItem(COSName.DOMAIN, floats(0, 1));
            f.setItem(COSName.C0, rgb(stops.get(i).getColor()));
            f.setItem(COSName.C1, rgb(stops.get(i + 1).getColor()));
            f.setInt(COSName.N, 1);
            functions.add(f);
            if (i > 0) {
                boundsArray.add(new COSFloat((float) stops.get(i).getOffset()));
            }
            encode.add(COSInteger.ZERO);
            encode.add(COSInteger.ONE);
        }
        COSDictionary stitch = new COSDictionary();
        stitch.setInt(COSName.FUNCTION_TYPE, 3);
        stitch.setItem(COSName.DOMAIN, floats(stops.get(0).getOffset(), stops.get(stops.size() - 1).getOffset()));
        stitch.setItem(COSName.FUNCTIONS, functions);
        stitch.setItem(COSName.BOUNDS, boundsArray);
        stitch.setItem(COSName.ENCODE, encode);
        PDShadingType2 s = new PDShadingType2(new COSDictionary());
        s.setShadingType(PDShading.SHADING_TYPE2);
        s.setColorSpace(PDDeviceRGB.INSTANCE);
        s.setCoords(floats(x0, y0, x1, y1));
        s.setDomain(floats(stops.get(0).getOffset(), stops.get(stops.size() - 1).getOffset()));
        s.setFunction(PDFunction.create(stitch));
        COSArray extend = new COSArray();
        extend.add(COSBoolean.TRUE);
        extend.add(COSBoolean.TRUE);
        s.setExtend(extend);
        return s;
    }

    private static COSArray floats(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        COSArray a = new COSArray();
        a.setFloatArray(f);
        return a;
    }

    private static COSArray rgb(Color c) {
        return floats(c.getRed(), c.getGreen(), c.getBlue());
    }

    @Override
    public void bitmap(Figure.Bitmap b) throws IOException {
        BufferedImage img = new BufferedImage(b.cols(), b.rows(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, b.cols(), b.rows(), b.argb(), 0, b.cols());
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        x.setInterpolate(false); // heatmap cells stay square-edged
        // the page's y axis points down here: the image's top row goes to the top of its rectangle
        cs.drawImage(x, new Matrix((float) b.w(), 0, 0, (float) -b.h(), (float) b.x(), (float) (b.y() + b.h())));
    }

    /**
     * Text anchored as {@link Figure.Label} says (left, centre or right; vertical middle; turned
     * around the anchor), stretched to its on-screen width within {@link #MAX_STRETCH}.
     */
    @Override
    public void label(Figure.Label l) throws IOException {
        String style = l.font().getStyle().toLowerCase(Locale.ROOT);
        PDFont font = style.contains("bold") ? bold : regular;
        String text = writable(font, l.text());
        if (text.isBlank()) {
            return;
        }
        double size = l.font().getSize();
        double natural = font.getStringWidth(text) / 1000 * size;
        double stretch = natural > 0 && l.width() > 0
                ? Math.max(1 / MAX_STRETCH, Math.min(MAX_STRETCH, l.width() / natural)) : 1;
        double width = natural * stretch;
        double u = switch (l.align()) {
            case LEFT -> 0;
            case CENTER -> -width / 2;
            case RIGHT -> -width;
        };
        double w = -0.35 * size; // baseline below the middle, as in SVG
        double a = Math.toRadians(l.rotate());
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        // text space (u right, w up) onto the page's y-down pixels, turned by the label's angle
        double x = l.x() + u * cos + w * sin;
        double y = l.y() + u * sin - w * cos;
        colour(l.colour(), false);
        cs.beginText();
        cs.setFont(font, (float) size);
        cs.setHorizontalScaling((float) (stretch * 100));
        cs.setTextMatrix(new Matrix((float) cos, (float) sin, (float) sin, (float) -cos, (float) x, (float) y));
        cs.showText(text);
        cs.endText();
    }

    /** {@code text} with the characters {@code font} has no glyph for replaced ("−" by "-", others by "?"). */
    private String writable(PDFont font, String text) {
        Map<Integer, Boolean> known = writable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                b.appendCodePoint(cp);
            } else if (cp == '−' || cp == '–') {
                b.append('-');
            } else if (cp == '✔' || cp == '✘') {
                return; // the words beside them say it
            } else if (!Character.isWhitespace(cp)) {
                b.append('?');
            } else {
                b.append(' ');
            }
        });
        return b.toString();
    }
}
