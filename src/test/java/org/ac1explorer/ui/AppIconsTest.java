package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconsTest {
    @Test
    void everySizeIsOnTheClassPathAsASquarePngOfThatSize() throws IOException {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(AppIcons.resourceName(size))) {
                assertNotNull(in, AppIcons.resourceName(size));
                BufferedImage image = ImageIO.read(in);
                assertNotNull(image, AppIcons.resourceName(size) + " is not a PNG");
                assertEquals(size, image.getWidth(), AppIcons.resourceName(size));
                assertEquals(size, image.getHeight(), AppIcons.resourceName(size));
            }
        }
    }
}
