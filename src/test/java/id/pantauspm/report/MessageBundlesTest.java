package id.pantauspm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every word a user reads exists in Bahasa Indonesia and in English: the bundles have the same keys. */
class MessageBundlesTest {

    static String[] basenames() {
        return Messages.BASENAMES;
    }

    @ParameterizedTest
    @MethodSource("basenames")
    void indonesianAndEnglishHaveTheSameKeysAndNoEmptyText(String basename) throws IOException {
        Properties id = load(basename + ".properties");
        Properties en = load(basename + "_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).as("keys of %s_en", basename)
                .isEqualTo(new TreeSet<>(id.stringPropertyNames()));
        id.forEach((k, v) -> assertThat(v.toString()).as("%s in %s", k, basename).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("%s in %s_en", k, basename).isNotBlank());
    }

    /**
     * A message with arguments goes through MessageFormat, where a lone apostrophe starts a quoted
     * part and is dropped ("the office's" would read "the offices"): it must be doubled.
     */
    @ParameterizedTest
    @MethodSource("basenames")
    void apostrophesInMessagesWithArgumentsAreDoubled(String basename) throws IOException {
        for (String resource : new String[] {basename + ".properties", basename + "_en.properties"}) {
            Properties p = load(resource);
            p.forEach((k, v) -> {
                String text = v.toString();
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as("%s in %s: write '' for an apostrophe", k, resource)
                            .doesNotContain("'");
                }
            });
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
