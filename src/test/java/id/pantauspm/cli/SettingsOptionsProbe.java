package id.pantauspm.cli;

import java.nio.file.Path;
import java.util.List;

/** SettingsOptions as picocli fills them, for tests outside this package. */
public final class SettingsOptionsProbe {

    private final SettingsOptions options = new SettingsOptions();

    public SettingsOptionsProbe inbox(Path inbox) {
        options.inbox = inbox;
        return this;
    }

    public List<String> springArgs() {
        return options.toSpringArgs();
    }
}
