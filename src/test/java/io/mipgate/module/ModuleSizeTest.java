package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The worker core stays in small, cohesive files (STYLE "Layout and size"): a file over the limit is a sign it has
 * taken on a second responsibility and should be split by it.
 */
class ModuleSizeTest {

    private static final int LIMIT = 420;

    @Test
    void noFileInTheModulePackageIsOverTheLimit() throws IOException {
        Path module = Path.of("src/main/java/io/mipgate/module");
        try (Stream<Path> files = Files.walk(module)) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > LIMIT)
                    .map(f -> module.relativize(f) + " (" + lines(f) + " lines)").toList();
            assertThat(tooLong).as("files in module/ over " + LIMIT + " lines").isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
