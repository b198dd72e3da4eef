package org.ac1explorer.ui.open;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.ac1explorer.archive.ArchiveParts;
import org.ac1explorer.ui.common.ViewSettings;

/**
 * The ways a user picks a dataset in the window besides the demo: the folder dialog (File ▸ Open,
 * starting where the last one was), File ▸ Open recent, and a folder or zip dropped on the window.
 */
public final class DatasetOpening {
    private final Stage stage;
    private final ViewSettings view;
    private final OpenController opener;

    public DatasetOpening(Stage stage, ViewSettings view, OpenController opener) {
        this.stage = stage;
        this.view = view;
        this.opener = opener;
    }

    /** A dataset folder, or one of its zips, dropped on the window opens that dataset. */
    public void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (droppedDataset(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Path folder = droppedDataset(e.getDragboard());
            if (folder != null) {
                opener.open(folder);
            }
            e.setDropCompleted(folder != null);
            e.consume();
        });
    }

    /**
     * The folder to open for what is dragged: a folder itself, or the folder holding a dropped zip;
     * else null. Drag-over events come with every mouse move: the file system is asked once per file.
     */
    private Path droppedDataset(Dragboard db) {
        if (!db.hasFiles() || db.getFiles().size() != 1) {
            return null;
        }
        java.io.File f = db.getFiles().get(0);
        if (!f.equals(lastDragged)) {
            lastDragged = f;
            lastFolder = ArchiveParts.folderToOpen(f.toPath());
        }
        return lastFolder;
    }

    private java.io.File lastDragged;
    private Path lastFolder;

    /** File ▸ Open recent: one item per remembered dataset folder. */
    public void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path p : view.recentDatasets()) {
            MenuItem m = new MenuItem(p.toString());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> opener.open(p));
            menu.getItems().add(m);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    /** The folder dialog of File ▸ Open, starting in the folder that held the last choice. */
    public void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a CRCNS-AC1 dataset folder (extracted, or holding the zips)");
        ViewSettings.existing(view.openFolderProperty()).map(Path::toFile).ifPresent(dc::setInitialDirectory);
        java.io.File f = dc.showDialog(stage);
        if (f != null) {
            if (f.getParentFile() != null) {
                view.openFolderProperty().set(f.getParentFile().toPath());
            }
            opener.open(f.toPath());
        }
    }
}
