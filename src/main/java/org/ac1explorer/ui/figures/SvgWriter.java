package org.ac1explorer.ui.figures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Figure} as a standalone SVG 1.1 document: lines and polygons as paths, text as
 * text (editable in Inkscape or Illustrator), heatmaps as embedded PNG images drawn without
 * smoothing, the colour bar as a linear gradient; data are clipped to the plot area.
 */
public final class SvgWriter implements Figure.ItemPainter<RuntimeException> {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private int gradients;
    /** The clip path of the figure being written (one per panel of a sheet). */
    private String clipId = "plot-area";

    private SvgWriter() {
    }

    public static String write(Figure f, String title) {
        return new SvgWriter().document(f, title);
    }

    private String document(Figure f, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Bounds v = f.view();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .append(" width=\"").append(n(v.getWidth())).append("\" height=\"").append(n(v.getHeight()))
                .append("\" viewBox=\"").append(n(v.getMinX())).append(' ').append(n(v.getMinY())).append(' ')
                .append(n(v.getWidth())).append(' ').append(n(v.getHeight())).append("\">\n");
        if (title != null && !title.isEmpty()) {
            out.append("<title>").append(esc(title)).append("</title>\n");
        }
        items(f);
        out.append("</svg>\n");
        return out.toString();
    }

    /**
     * Writes a sheet of panels as one SVG document {@code widthCm} wide (height in proportion):
     * the title on top, then each panel with its own clip to its plot area.
     */
    public static String write(FigureSheet sheet, double widthCm) {
        return new SvgWriter().document(sheet, widthCm);
    }

    private String document(FigureSheet sheet, double widthCm) {
        double heightCm = widthCm * sheet.height() / sheet.width();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .append(" width=\"").append(n(widthCm)).append("cm\" height=\"").append(n(heightCm))
                .append("cm\" viewBox=\"0 0 ").append(n(sheet.width())).append(' ').append(n(sheet.height())).append("\">\n");
        out.append("<title>").append(esc(sheet.title())).append("</title>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(n(sheet.width())).append("\" height=\"")
                .append(n(sheet.height())).append("\" fill=\"#ffffff\"/>\n");
        label(sheet.titleLabel());
        for (int k = 0; k < sheet.panels().size(); k++) {
            Figure f = sheet.panels().get(k);
            Bounds v = f.view();
            clipId = "plot-area-" + (k + 1);
            out.append("<g transform=\"translate(").append(n(-v.getMinX())).append(' ')
                    .append(n(sheet.top(k) - v.getMinY())).append(")\">\n");
            items(f);
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** The figure's clip path (its plot area) and its items. */
    private void items(Figure f) {
        Bounds p = f.plotArea();
        out.append("<defs><clipPath id=\"").append(clipId).append("\"><rect x=\"").append(n(p.getMinX())).append("\" y=\"")
                .append(n(p.getMinY())).append("\" width=\"").append(n(p.getWidth())).append("\" height=\"")
                .append(n(p.getHeight())).append("\"/></clipPath></defs>\n");
        for (Figure.Item i : f.items()) {
            Figure.paint(i, this);
        }
    }

    @Override
    public void stroke(Figure.Stroke s) {
        String d = pathData(s.xy(), false);
        if (d.isEmpty()) {
            return;
        }
        out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(hex(s.colour())).append('"');
        opacity("stroke-opacity", s.colour());
        out.append(" stroke-width=\"").append(n(s.width())).append("\" stroke-linejoin=\"round\" stroke-linecap=\"butt\"");
        if (s.dashes() != null && s.dashes().length > 0) {
            out.append(" stroke-dasharray=\"");
            for (int k = 0; k < s.dashes().length; k++) {
                out.append(k == 0 ? "" : " ").append(n(s.dashes()[k]));
            }
            out.append('"');
        }
        clip(s.clipped());
        out.append("/>\n");
    }

    @Override
    public void fill(Figure.Fill f) {
        String d = pathData(f.xy(), true);
        if (d.isEmpty()) {
            return;
        }
        String paint = paint(f.paint());
        if (paint == null) {
            return;
        }
        out.append("<path d=\"").append(d).append("\" fill=\"").append(paint).append("\" stroke=\"none\"");
        if (f.paint() instanceof Color c) {
            opacity("fill-opacity", c);
        }
        clip(f.clipped());
        out.append("/>\n");
    }

    private String paint(Paint p) {
        if (p instanceof Color c) {
            return hex(c);
        }
        if (p instanceof LinearGradient g) {
            String id = "gradient-" + (++gradients);
            out.append("<linearGradient id=\"").append(id).append('"');
            if (!g.isProportional()) {
                out.append(" gradientUnits=\"userSpaceOnUse\"");
            }
            out.append(" x1=\"").append(n(g.getStartX())).append("\" y1=\"").append(n(g.getStartY())).append("\" x2=\"")
                    .append(n(g.getEndX())).append("\" y2=\"").append(n(g.getEndY())).append("\">");
            for (Stop s : g.getStops()) {
                out.append("<stop offset=\"").append(n(s.getOffset())).append("\" stop-color=\"").append(hex(s.getColor()))
                        .append('"');
                if (s.getColor().getOpacity() < 1) {
                    out.append(" stop-opacity=\"").append(n(s.getColor().getOpacity())).append('"');
                }
                out.append("/>");
            }
            out.append("</linearGradient>\n");
            return "url(#" + id + ")";
        }
        return null;
    }

    @Override
    public void label(Figure.Label l) {
        Font f = l.font();
        // baseline a third of the size below the anchor centres the text without dominant-baseline,
        // which not every viewer supports
        out.append("<text x=\"").append(n(l.x())).append("\" y=\"").append(n(l.y() + 0.35 * f.getSize())).append('"');
        out.append(" font-family=\"").append(esc(family(f))).append("\" font-size=\"").append(n(f.getSize())).append('"');
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        if (style.contains("bold")) {
            out.append(" font-weight=\"bold\"");
        }
        if (style.contains("italic") || style.contains("oblique")) {
            out.append(" font-style=\"italic\"");
        }
        out.append(" fill=\"").append(hex(l.colour())).append('"');
        opacity("fill-opacity", l.colour());
        out.append(" text-anchor=\"").append(switch (l.align()) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        }).append('"');
        if (l.width() > 0) {
            out.append(" textLength=\"").append(n(l.width())).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        if (l.rotate() != 0) {
            out.append(" transform=\"rotate(").append(n(l.rotate())).append(' ').append(n(l.x())).append(' ')
                    .append(n(l.y())).append(")\"");
        }
        out.append('>').append(esc(l.text())).append("</text>\n");
    }

    @Override
    public void bitmap(Figure.Bitmap b) {
        BufferedImage img = new BufferedImage(b.cols(), b.rows(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, b.cols(), b.rows(), b.argb(), 0, b.cols());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        out.append("<image x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"")
                .append(n(b.w())).append("\" height=\"").append(n(b.h())).append("\" preserveAspectRatio=\"none\"")
                .append(" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"");
        clip(b.clipped());
        out.append(" xlink:href=\"").append(data).append("\"/>\n");
    }

    private void clip(boolean clipped) {
        if (clipped) {
            out.append(" clip-path=\"url(#").append(clipId).append(")\"");
        }
    }

    private void opacity(String attr, Color c) {
        if (c.getOpacity() < 1) {
            out.append(' ').append(attr).append("=\"").append(n(c.getOpacity())).append('"');
        }
    }

    /** "M x y L x y …", a new "M" after each NaN break; "Z" closes polygons. */
    private static String pathData(double[] xy, boolean close) {
        StringBuilder d = new StringBuilder(xy.length * 7);
        boolean any = Figure.walk(xy, new Figure.PathSink<RuntimeException>() {
            @Override
            public void moveTo(double x, double y) {
                d.append('M').append(n(x)).append(' ').append(n(y));
            }

            @Override
            public void lineTo(double x, double y) {
                d.append('L').append(n(x)).append(' ').append(n(y));
            }
        });
        if (close && any) {
            d.append('Z');
        }
        return d.toString();
    }

    private static String family(Font f) {
        String fam = f.getFamily();
        if (fam == null || fam.isEmpty() || fam.equalsIgnoreCase("System") || fam.equalsIgnoreCase("SansSerif")) {
            return "DejaVu Sans, Helvetica, Arial, sans-serif";
        }
        if (fam.equalsIgnoreCase("Monospaced")) {
            return "DejaVu Sans Mono, monospace";
        }
        return fam + ", sans-serif";
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
