package org.ac1explorer.ui.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Paints a {@link Figure} at any resolution on a JavaFX canvas (vector drawing scaled, so text
 * and lines stay sharp at 300 dpi; heatmap cells stay square-edged) and writes it as a PNG whose
 * header records the resolution (pHYs). One screen pixel is 1/96 inch, as in JavaFX and CSS.
 */
public final class FigureRaster {
    /** Screen pixels per inch in JavaFX's coordinate system. */
    public static final double SCREEN_DPI = 96;
    /** The largest image side painted (bigger figures are painted at a lower resolution). */
    public static final int MAX_SIDE = 8192;

    private FigureRaster() {
    }

    /** The scale factor for {@code dpi}, lowered if the image would exceed {@link #MAX_SIDE}. */
    public static double scaleFor(Figure f, double dpi) {
        double s = dpi / SCREEN_DPI;
        double big = Math.max(f.view().getWidth(), f.view().getHeight());
        return big * s > MAX_SIDE ? MAX_SIDE / big : s;
    }

    /** The image size, pixels, of {@code f} painted at {@code scale}: its view times the scale, rounded. */
    public static int[] size(Figure f, double scale) {
        return new int[] {Math.max(1, (int) Math.round(f.view().getWidth() * scale)),
                Math.max(1, (int) Math.round(f.view().getHeight() * scale))};
    }

    /** Paints {@code f} at {@code scale} image pixels per figure pixel. Call on the JavaFX thread. */
    /** Paints a sheet of panels at {@code scale} image pixels per sheet pixel, white background. */
    public static WritableImage paint(FigureSheet sheet, double scale) {
        int w = Math.max(1, (int) Math.round(sheet.width() * scale));
        int h = Math.max(1, (int) Math.round(sheet.height() * scale));
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new IllegalArgumentException("the figure would be " + w + " x " + h + " pixels, more than "
                    + MAX_SIDE + " per side: choose a smaller width or resolution");
        }
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.scale(scale, scale);
        draw(g, sheet.titleLabel());
        for (int k = 0; k < sheet.panels().size(); k++) {
            Figure f = sheet.panels().get(k);
            g.save();
            g.translate(-f.view().getMinX(), sheet.top(k) - f.view().getMinY());
            drawItems(g, f);
            g.restore();
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.WHITE);
        return c.snapshot(sp, new WritableImage(w, h));
    }

    public static WritableImage paint(Figure f, double scale) {
        int w = size(f, scale)[0];
        int h = size(f, scale)[1];
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.scale(w / f.view().getWidth(), h / f.view().getHeight());
        g.translate(-f.view().getMinX(), -f.view().getMinY());
        drawItems(g, f);
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.WHITE);
        return c.snapshot(sp, new WritableImage(w, h));
    }

    /** The figure's items, the clipped ones cut to its plot area. */
    private static void drawItems(GraphicsContext g, Figure f) {
        for (Figure.Item i : f.items()) {
            g.save();
            if (i.clipped()) {
                Bounds p = f.plotArea();
                g.beginPath();
                g.rect(p.getMinX(), p.getMinY(), p.getWidth(), p.getHeight());
                g.closePath();
                g.clip();
            }
            draw(g, i);
            g.restore();
        }
    }

    private static void draw(GraphicsContext g, Figure.Item item) {
        if (item instanceof Figure.Stroke s) {
            g.setStroke(s.colour());
            g.setLineWidth(s.width());
            g.setLineDashes(s.dashes() == null ? null : s.dashes());
            g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
            g.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
            double[] xy = s.xy();
            g.beginPath();
            boolean pen = false;
            for (int k = 0; k + 1 < xy.length; k += 2) {
                if (!Double.isFinite(xy[k]) || !Double.isFinite(xy[k + 1])) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    g.lineTo(xy[k], xy[k + 1]);
                } else {
                    g.moveTo(xy[k], xy[k + 1]);
                    pen = true;
                }
            }
            g.stroke();
        } else if (item instanceof Figure.Fill f) {
            double[] xy = f.xy();
            int n = xy.length / 2;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int k = 0; k < n; k++) {
                xs[k] = xy[2 * k];
                ys[k] = xy[2 * k + 1];
            }
            g.setFill(f.paint());
            g.fillPolygon(xs, ys, n);
        } else if (item instanceof Figure.Label l) {
            g.setFont(l.font());
            g.setFill(l.colour());
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(switch (l.align()) {
                case LEFT -> TextAlignment.LEFT;
                case CENTER -> TextAlignment.CENTER;
                case RIGHT -> TextAlignment.RIGHT;
            });
            if (l.rotate() != 0) {
                g.translate(l.x(), l.y());
                g.rotate(l.rotate());
                g.fillText(l.text(), 0, 0);
            } else {
                g.fillText(l.text(), l.x(), l.y());
            }
        } else if (item instanceof Figure.Bitmap b) {
            WritableImage img = new WritableImage(b.cols(), b.rows());
            img.getPixelWriter().setPixels(0, 0, b.cols(), b.rows(), PixelFormat.getIntArgbInstance(), b.argb(), 0,
                    b.cols());
            g.drawImage(img, b.x(), b.y(), b.w(), b.h());
        }
    }

    /** Writes {@code image} as PNG recording {@code dpi} in its pHYs chunk. */
    public static void writePng(WritableImage image, double dpi, OutputStream out) throws IOException {
        BufferedImage b = SwingFXUtils.fromFXImage(image, null);
        BufferedImage rgb = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(b, 0, 0, null);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        if (!it.hasNext()) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        ImageWriter w = it.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), p);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            w.write(null, new IIOImage(rgb, null, meta), p);
        } finally {
            w.dispose();
        }
    }
}
