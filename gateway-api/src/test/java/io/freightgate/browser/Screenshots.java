package io.freightgate.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code -Dscreenshots=true} writes: the build's {@code docs/screenshots/}. */
final class Screenshots {

    private Screenshots() {}

    static Path directory() {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("docs")) ? module : module.getParent();
        return root.resolve("docs").resolve("screenshots");
    }
}
