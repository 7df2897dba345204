package id.pantauspm.ops;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

import id.pantauspm.report.Messages;

/**
 * Log lines an operator reads, as sentences from the message bundles in the run's language
 * ({@code pantau.lang}, set once per process when the application starts), never as codes.
 * Keys live in i18n/messages*.properties under {@code log.}.
 */
public final class OperatorLog {

    private static final MessageSource MESSAGES = Messages.create();
    private static volatile Locale language = Locale.forLanguageTag("id");

    private final Logger log;

    private OperatorLog(Logger log) {
        this.log = log;
    }

    public static OperatorLog of(Class<?> type) {
        return new OperatorLog(LoggerFactory.getLogger(type));
    }

    public static OperatorLog named(String name) {
        return new OperatorLog(LoggerFactory.getLogger(name));
    }

    /** The language of every operator line from now on (one process runs in one language). */
    public static void language(Locale locale) {
        language = locale;
    }

    public static Locale language() {
        return language;
    }

    /** A sentence of the bundles in the operator's language. */
    public static String text(String key, Object... args) {
        Object[] shown = args == null ? null : args.clone();
        for (int i = 0; shown != null && i < shown.length; i++) {
            if (shown[i] instanceof CharSequence || shown[i] instanceof java.nio.file.Path) {
                shown[i] = oneLine(shown[i].toString());
            }
        }
        return MESSAGES.getMessage(key, shown, language);
    }

    /**
     * Text from outside (a file name with a newline, a note) on one log line: line breaks and control characters
     * shown as the visible symbol U+2424 or removed, so no file name can forge a line of the log.
     */
    public static String oneLine(String text) {
        return text.replaceAll("\r\n|[\n\r\u0085\u2028\u2029]", "\u2424").replaceAll("[\\p{Cc}&&[^\t]]", "");
    }

    public void info(String key, Object... args) {
        if (log.isInfoEnabled()) {
            log.info(text(key, args));
        }
    }

    public void warn(String key, Object... args) {
        if (log.isWarnEnabled()) {
            log.warn(text(key, args));
        }
    }

    /** A warning with its cause, whose stack trace is logged at DEBUG only: the sentence says what to do. */
    public void warn(Throwable cause, String key, Object... args) {
        if (log.isWarnEnabled()) {
            log.warn(text(key, args));
        }
        log.debug("cause", cause);
    }

    public void error(Throwable cause, String key, Object... args) {
        log.error(text(key, args), cause);
    }

    /** A line already worded in the operator's language (e.g. a receipt's sentence). */
    public void infoText(String line) {
        log.info(line);
    }

    public void warnText(String line) {
        log.warn(line);
    }

    public Logger logger() {
        return log;
    }
}
