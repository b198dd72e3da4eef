package org.ac1explorer.ui.actions;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * One command of the explorer window: the menu it sits in (and the section of that menu), its
 * label, its key and what it does. A key is either an accelerator (with a modifier, or a function
 * key: it works wherever the focus is) or a plain key (arrows, letters, Space: it works when the
 * focus is not in a control that uses that key). A toggle action is shown as a check item bound to
 * {@code toggle}. Build with {@link #of} and the {@code with…} methods.
 *
 * @param help what the shortcuts dialog says of it (defaults to the label)
 */
public record Action(String menu, int section, String label, KeyCombination accelerator, KeyCode plainKey,
                     String plainKeyText, Runnable handler, BooleanProperty toggle, ObservableBooleanValue disabled,
                     String help) {

    /** A command without a key, in section 0 of {@code menu}. */
    public static Action of(String menu, String label, Runnable handler) {
        return new Action(menu, 0, label, null, null, null, handler, null, null, label);
    }

    /** A check item bound to {@code toggle}. */
    public static Action toggle(String menu, String label, BooleanProperty toggle) {
        return new Action(menu, 0, label, null, null, null, () -> toggle.set(!toggle.get()), toggle, null, label);
    }

    public Action inSection(int s) {
        return new Action(menu, s, label, accelerator, plainKey, plainKeyText, handler, toggle, disabled, help);
    }

    /** An accelerator such as "Shortcut+O" or "F11". */
    public Action withAccelerator(String combination) {
        return new Action(menu, section, label, KeyCombination.keyCombination(combination), plainKey, plainKeyText,
                handler, toggle, disabled, help);
    }

    /** A plain key, shown as {@code text} (e.g. "↑"). */
    public Action withPlainKey(KeyCode key, String text) {
        return new Action(menu, section, label, accelerator, key, text, handler, toggle, disabled, help);
    }

    public Action disabledWhen(ObservableBooleanValue d) {
        return new Action(menu, section, label, accelerator, plainKey, plainKeyText, handler, toggle, d, help);
    }

    public Action withHelp(String text) {
        return new Action(menu, section, label, accelerator, plainKey, plainKeyText, handler, toggle, disabled, text);
    }

    /** The key as the user reads it, or empty. */
    public String keyText() {
        if (accelerator != null) {
            return accelerator.getDisplayText();
        }
        return plainKeyText == null ? "" : plainKeyText;
    }

    public boolean hasKey() {
        return accelerator != null || plainKey != null;
    }
}
