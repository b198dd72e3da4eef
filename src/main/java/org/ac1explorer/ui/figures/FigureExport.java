package org.ac1explorer.ui.figures;

import io.fair_acc.chartfx.XYChart;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.status.StatusModel;

/**
 * "Save figure as…" for the plots: a right-click menu on each chart (which also holds "Fit all
 * plots", formerly the right click's own action) saving what the chart shows as a 300 dpi PNG,
 * an SVG or a PDF vector file, or copying it to the clipboard; and File ▸ Save figure of the
 * plots, several charts stacked into one figure sized in cm. Every format is drawn from the same
 * {@link Figure} read off the chart. Use on the JavaFX thread.
 */
public final class FigureExport {
    /** File formats offered. */
    public enum Format {
        PNG("png", "PNG image"), SVG("svg", "SVG vector figure (text stays text)"),
        PDF("pdf", "PDF vector figure (text stays text)");

        final String ext;
        final String label;

        Format(String ext, String label) {
            this.ext = ext;
            this.label = label;
        }

        /** The format a file name's extension names; PNG for any other. */
        static Format of(Path p) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.ext)) {
                    return f;
                }
            }
            return PNG;
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
        // one chart at a time here; File ▸ Save figure of the plots… stacks several
        png.setOnAction(e -> saveAs(chart, plotName, Format.PNG));
        MenuItem svg = new MenuItem("Save figure as SVG…");
        svg.setOnAction(e -> saveAs(chart, plotName, Format.SVG));
        MenuItem pdf = new MenuItem("Save figure as PDF…");
        pdf.setOnAction(e -> saveAs(chart, plotName, Format.PDF));
        MenuItem copy = new MenuItem("Copy figure");
        copy.setOnAction(e -> copy(chart));
        ContextMenu menu = new ContextMenu(fit, new SeparatorMenuItem(), png, svg, pdf, copy);
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
        java.util.Map<FileChooser.ExtensionFilter, Format> filters = new java.util.LinkedHashMap<>();
        filters.put(new FileChooser.ExtensionFilter(preferred.label, "*." + preferred.ext), preferred);
        for (Format f : Format.values()) {
            if (f != preferred) {
                filters.put(new FileChooser.ExtensionFilter(f.label, "*." + f.ext), f);
            }
        }
        fc.getExtensionFilters().setAll(filters.keySet());
        fc.setInitialFileName(defaultName(plotName) + "." + preferred.ext);
        ViewSettings.existing(view.figuresFolderProperty()).map(Path::toFile).ifPresent(fc::setInitialDirectory);
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        // a typed extension wins; else the chosen filter's format
        Format chosen = filters.getOrDefault(fc.getSelectedExtensionFilter(), preferred);
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean typed = java.util.Arrays.stream(Format.values()).anyMatch(x -> name.endsWith("." + x.ext));
        Format fmt = typed ? Format.of(p) : chosen;
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
            Dialogs.error(owner.get(), "Could not save the figure", failure(p, e));
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
        writeAtomically(file, out -> {
            switch (fmt) {
                case SVG -> out.write(SvgWriter.write(fig, title).getBytes(StandardCharsets.UTF_8));
                case PDF -> PdfWriter.write(fig, title, out);
                case PNG -> {
                    double scale = FigureRaster.scaleFor(fig, DPI);
                    FigureRaster.writePng(FigureRaster.paint(fig, scale), scale * FigureRaster.SCREEN_DPI, out);
                }
            }
        });
    }

    /** Writes what {@code body} writes to {@code file}. */
    interface FileBody {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} through a temporary file beside it, moved in place when complete, so a
     * failure leaves no half-written figure and an existing file as it was. A target that is a
     * folder, or in a folder that does not exist, is refused naming it.
     */
    static void writeAtomically(Path file, FileBody body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder: choose a file name");
        }
        if (dir == null || !Files.exists(dir)) {
            throw new IOException("the folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is a file, not a folder");
        }
        Path tmp = TempFiles.createBeside(dir, file.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            TempFiles.moveReplacing(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
            TempFiles.release(tmp);
        }
    }

    /** What a multi-panel figure holds and how it is written: the panels' charts in order, title, width (cm), dpi, format. */
    public record SheetRequest(List<XYChart> charts, String title, double widthCm, double dpi, Format format) {
        public SheetRequest {
            charts = List.copyOf(charts);
            if (charts.isEmpty()) {
                throw new IllegalArgumentException("choose at least one panel");
            }
            if (!(widthCm >= 2 && widthCm <= 100)) {
                throw new IllegalArgumentException("width " + widthCm + " cm: choose 2 to 100 cm");
            }
            if (!(dpi >= 72 && dpi <= 1200)) {
                throw new IllegalArgumentException("resolution " + dpi + " dpi: choose 72 to 1200 dpi");
            }
        }
    }

    /**
     * Saves the charts of {@code r} stacked under its title as one PNG (at its dpi, {@code widthCm}
     * wide), SVG or PDF (sized in cm, text as text), through a temporary file. Call on the JavaFX thread.
     */
    public static void saveSheet(SheetRequest r, Path file) throws IOException {
        FigureSheet sheet = new FigureSheet(r.title(), r.charts().stream().map(ChartFigure::of).toList());
        writeAtomically(file, out -> {
            switch (r.format()) {
                case SVG -> out.write(SvgWriter.write(sheet, r.widthCm()).getBytes(StandardCharsets.UTF_8));
                case PDF -> PdfWriter.write(sheet, r.widthCm(), out);
                case PNG -> FigureRaster.writePng(FigureRaster.paint(sheet, sheet.scaleFor(r.widthCm(), r.dpi())), r.dpi(),
                        out);
            }
        });
    }

    /**
     * Asks which of the named charts go into one figure (title, width in cm, dpi, PNG, SVG or PDF)
     * and where, then saves it.
     */
    public void chooseAndSaveSheet(java.util.LinkedHashMap<String, XYChart> charts) {
        javafx.scene.control.Dialog<SheetRequest> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Save figure");
        d.setHeaderText("A figure of the plots, one panel under the other");
        java.util.Map<String, javafx.scene.control.CheckBox> boxes = new java.util.LinkedHashMap<>();
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(10);
        g.setVgap(8);
        int row = 0;
        javafx.scene.layout.HBox panelBoxes = new javafx.scene.layout.HBox(12);
        for (String name : charts.keySet()) {
            javafx.scene.control.CheckBox b = new javafx.scene.control.CheckBox(name);
            b.setSelected(true);
            b.setId("sheet-" + name);
            boxes.put(name, b);
            panelBoxes.getChildren().add(b);
        }
        g.addRow(row++, new javafx.scene.control.Label("Panels"), panelBoxes);
        javafx.scene.control.TextField title = new javafx.scene.control.TextField(title("plots"));
        title.setPrefColumnCount(40);
        g.addRow(row++, new javafx.scene.control.Label("Title"), title);
        javafx.scene.control.Spinner<Double> width = new javafx.scene.control.Spinner<>(2.0, 100.0, 17.0, 0.5);
        width.setEditable(true);
        g.addRow(row++, new javafx.scene.control.Label("Width (cm)"), width);
        javafx.scene.control.Spinner<Integer> dpi = new javafx.scene.control.Spinner<>(72, 1200, 300, 50);
        dpi.setEditable(true);
        g.addRow(row++, new javafx.scene.control.Label("Resolution (dpi, PNG)"), dpi);
        javafx.scene.control.ChoiceBox<Format> fmt = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(Format.values()));
        fmt.setValue(Format.SVG);
        g.addRow(row, new javafx.scene.control.Label("Format"), fmt);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b != javafx.scene.control.ButtonType.OK ? null
                : new SheetRequest(boxes.entrySet().stream().filter(e -> e.getValue().isSelected())
                        .map(e -> charts.get(e.getKey())).toList(), title.getText(), width.getValue(), dpi.getValue(), fmt.getValue()));
        java.util.Optional<SheetRequest> asked;
        try {
            asked = d.showAndWait();
        } catch (IllegalArgumentException e) {
            Dialogs.error(owner.get(), "Cannot make that figure", e.getMessage());
            return;
        }
        asked.ifPresent(r -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save figure as");
            fc.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(r.format().label, "*." + r.format().ext));
            fc.setInitialFileName(defaultName("figure") + "." + r.format().ext);
            ViewSettings.existing(view.figuresFolderProperty()).map(Path::toFile).ifPresent(fc::setInitialDirectory);
            File f = fc.showSaveDialog(owner.get());
            if (f == null) {
                return;
            }
            Path p = f.toPath();
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + r.format().ext)) {
                p = p.resolveSibling(p.getFileName() + "." + r.format().ext);
            }
            if (p.getParent() != null) {
                view.figuresFolderProperty().set(p.getParent());
            }
            try {
                saveSheet(r, p);
                status.notice("Saved figure " + p.getFileName() + " (" + Formats.num(r.widthCm(), 1) + " cm wide"
                        + (r.format() == Format.PNG ? ", " + Formats.num(r.dpi(), 0) + " dpi)" : ")"));
            } catch (IOException | RuntimeException e) {
                Dialogs.error(owner.get(), "Could not save the figure", failure(p, e));
            }
        });
    }

    /** "FILE: reason", without naming the file twice. */
    private static String failure(Path p, Throwable e) {
        String why = Dialogs.reason(e);
        return why.contains(p.toString()) ? why : p + ": " + why;
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
