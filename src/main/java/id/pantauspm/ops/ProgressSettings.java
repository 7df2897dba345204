package id.pantauspm.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a run shows its progress ({@code pantau.progress.*}).
 *
 * @param interval how often a progress line goes to the log and run-status.json is rewritten (10s; 30s, 1m)
 * @param bar      {@code auto}: a bar when standard output is a terminal; {@code never}: lines only
 */
@ConfigurationProperties("pantau.progress")
public record ProgressSettings(@DefaultValue("10s") Duration interval, @DefaultValue("auto") String bar) {

    public boolean showsBar() {
        return !"never".equalsIgnoreCase(bar) && TerminalBar.available();
    }
}
