package org.ac1explorer.ui.download;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.download.Credentials;

/**
 * The CRCNS login dialog: destination folder, archives to fetch, account name and password. The
 * password lives only in the password field and the returned {@link Credentials} (never stored).
 */
final class DownloadDialog extends Dialog<DownloadRequest> {
    private final TextField folder = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final List<CheckBox> archives = new ArrayList<>();

    DownloadDialog(Window owner, Path suggestedFolder, String suggestedUser, String failure) {
        initOwner(owner);
        setTitle("Download CRCNS-AC1");
        setHeaderText("Download the CRCNS-AC1 archives with your CRCNS.org account"
                + (failure == null ? "" : "\n" + failure));
        folder.setText(suggestedFolder == null ? "" : suggestedFolder.toString());
        folder.setPrefColumnCount(32);
        user.setText(suggestedUser == null ? "" : suggestedUser);
        user.setPromptText("CRCNS.org user name");
        password.setPromptText("password");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder for the CRCNS-AC1 archives");
            Path current = Path.of(folder.getText().isBlank() ? System.getProperty("user.home") : folder.getText());
            if (Files.isDirectory(current)) {
                dc.setInitialDirectory(current.toFile());
            }
            File f = dc.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                folder.setText(f.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        HBox boxes = new HBox(12);
        for (String a : CrcnsDownloader.ARCHIVES) {
            CheckBox c = new CheckBox(a);
            c.setSelected(true);
            archives.add(c);
            boxes.getChildren().add(c);
        }
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Save into"), folderRow);
        g.addRow(1, new Label("Archives"), boxes);
        g.addRow(2, new Label("User name"), user);
        g.addRow(3, new Label("Password"), password);
        Label note = new Label("A free account is available at crcns.org. Archives already in the folder are "
                + "skipped; an interrupted download resumes. The password is used for this download only "
                + "and never saved.");
        note.setWrapText(true);
        note.setMaxWidth(520);
        g.add(note, 0, 4, 2, 1);
        getDialogPane().setContent(g);
        ButtonType start = new ButtonType("Download", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        getDialogPane().lookupButton(start).disableProperty().bind(Bindings.createBooleanBinding(
                () -> folder.getText().isBlank() || user.getText().isBlank() || password.getText().isEmpty()
                        || archives.stream().noneMatch(CheckBox::isSelected),
                folder.textProperty(), user.textProperty(), password.textProperty()));
        setOnShown(e -> (user.getText().isBlank() ? user : password).requestFocus());
        setResultConverter(b -> {
            if (b != start) {
                password.clear();
                return null;
            }
            char[] pw = password.getText().toCharArray();
            password.clear();
            List<String> names = archives.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
            return new DownloadRequest(Path.of(folder.getText().strip()), names, new Credentials(user.getText().strip(), pw));
        });
    }

    static Optional<DownloadRequest> ask(Window owner, Path suggestedFolder, String suggestedUser, String failure) {
        return new DownloadDialog(owner, suggestedFolder, suggestedUser, failure).showAndWait();
    }
}
