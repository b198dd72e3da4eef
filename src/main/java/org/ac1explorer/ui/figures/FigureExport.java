package org.ac1explorer.ui.figures;

import io.fair_acc.chartfx.XYChart;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ac1explorer.dataset.TempFiles;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.status.StatusModel;

/**
 * "Save figure as…" for the plots: a right-click menu on each chart (which also holds "Fit all
 * plots", formerly the right click's own action) saving what the chart shows as a 300 dpi PNG
 * or an SVG vector file, or copying it to the clipboard. Both files are drawn from the same
 * {@link Figure} read off the chart. Use on the JavaFX thread.
 */
public final class FigureExport {
    /** File formats offered. */
    public enum Format {
        PNG("png", "PNG image, 300 dpi"), SVG("svg", "SVG vector figure");

        final String ext;
        final String label;

        Format(String ext, String label) {
            this.ext = ext;
            this.label = label;
        }

        static Format of(Path p) {
            return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? SVG : PNG;
        }
    }

    /** Resolution of saved PNG figures. */
    public static final double DPI = 300;

    private final Supplier<Window> owner;
    private final ViewSettings view;
    private final StatusModel status;
    private final ExplorerModel model;

    public FigureExport(Supplier<Window> owner, ViewSettings view, StatusModel status, ExplorerModel model) {
        this.owner = owner;
        this.view = view;
        this.status = status;
        this.model = model;
    }

    /** Adds the right-click menu to {@code chart} ({@code plotName} names its files, e.g. "spectrogram"). */
    public ContextMenu install(XYChart chart, String plotName, Runnable fitAll) {
        MenuItem fit = new MenuItem("Fit all plots    F");
        fit.setOnAction(e -> fitAll.run());
        MenuItem png = new MenuItem("Save figure as PNG (300 dpi)…");
        png.setOnAction(e -> saveAs(chart, plotName, Format.PNG));
        MenuItem svg = new MenuItem("Save figure as SVG…");
        svg.setOnAction(e -> saveAs(chart, plotName, Format.SVG));
        MenuItem copy = new MenuItem("Copy figure");
        copy.setOnAction(e -> copy(chart));
        ContextMenu menu = new ContextMenu(fit, new SeparatorMenuItem(), png, svg, copy);
        menu.setId(plotName + "-menu");
        // the right click opens this menu instead of fitting at once
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                e.consume();
            }
        });
        chart.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        chart.getProperties().put(FigureExport.class, menu);
        return menu;
    }

    /** The menu installed on {@code chart}, or null. */
    public static ContextMenu menuOf(XYChart chart) {
        return (ContextMenu) chart.getProperties().get(FigureExport.class);
    }

    private void saveAs(XYChart chart, String plotName, Format preferred) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save figure as");
        FileChooser.ExtensionFilter pngF = new FileChooser.ExtensionFilter(Format.PNG.label, "*.png");
        FileChooser.ExtensionFilter svgF = new FileChooser.ExtensionFilter(Format.SVG.label, "*.svg");
        fc.getExtensionFilters().setAll(preferred == Format.PNG ? pngF : svgF, preferred == Format.PNG ? svgF : pngF);
        fc.setInitialFileName(defaultName(plotName) + "." + preferred.ext);
        ViewSettings.existing(view.figuresFolderProperty()).map(Path::toFile).ifPresent(fc::setInitialDirectory);
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        Format fmt = fc.getSelectedExtensionFilter() == svgF && !p.toString().toLowerCase(Locale.ROOT).endsWith(".png")
                ? Format.SVG : Format.of(p);
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + fmt.ext)) {
            p = p.resolveSibling(p.getFileName() + "." + fmt.ext);
        }
        if (p.getParent() != null) {
            view.figuresFolderProperty().set(p.getParent());
        }
        try {
            save(chart, p, fmt, title(plotName));
            status.notice("Saved figure " + p.getFileName() + (fmt == Format.PNG ? " (300 dpi)" : ""));
        } catch (IOException | RuntimeException e) {
            Dialogs.error(owner.get(), "Could not save the figure", p + ": " + Dialogs.reason(e));
        }
    }

    private void copy(XYChart chart) {
        Figure fig = ChartFigure.of(chart);
        ClipboardContent c = new ClipboardContent();
        c.putImage(FigureRaster.paint(fig, 2));
        Clipboard.getSystemClipboard().setContent(c);
        status.notice("Figure copied");
    }

    /**
     * Saves what {@code chart} shows to {@code file} (written to a temporary file, then moved in
     * place, so a failure leaves no half-written figure). Call on the JavaFX thread.
     */
    public static void save(XYChart chart, Path file, Format fmt, String title) throws IOException {
        Figure fig = ChartFigure.of(chart);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = TempFiles.createBeside(dir, file.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (fmt == Format.SVG) {
                    out.write(SvgWriter.write(fig, title).getBytes(StandardCharsets.UTF_8));
                } else {
                    double scale = FigureRaster.scaleFor(fig, DPI);
                    FigureRaster.writePng(FigureRaster.paint(fig, scale), scale * FigureRaster.SCREEN_DPI, out);
                }
            }
            TempFiles.moveReplacing(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
        }
    }

    private String title(String plotName) {
        Selection s = model.selection();
        String what = Character.toUpperCase(plotName.charAt(0)) + plotName.substring(1);
        return s == null ? what : what + " — " + s.cell().session() + " — " + s.stimulus().info().description();
    }

    /** "20030410-mw-002_fragment-7-footsteps_spectrogram". */
    String defaultName(String plotName) {
        Selection s = model.selection();
        if (s == null) {
            return plotName;
        }
        String stim = s.stimulus().info().description().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (stim.length() > 40) {
            stim = stim.substring(0, 40).replaceAll("-$", "");
        }
        return s.cell().session() + "_" + stim + "_" + plotName;
    }
}
