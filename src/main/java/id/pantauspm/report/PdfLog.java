package id.pantauspm.report;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf's messages through the application's logging: by default it prints several INFO
 * lines per document on the console, which would bury the run summary. Its INFO becomes DEBUG;
 * warnings (a missing image, CSS it ignores) and errors stay visible.
 */
final class PdfLog implements XRLogger {

    private static volatile boolean installed;

    static void install() {
        if (!installed) {
            synchronized (PdfLog.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new PdfLog());
                    installed = true;
                }
            }
        }
    }

    private static Logger logger(String where) {
        return LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = logger(where);
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (v >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (v >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels come from the application's logging configuration.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = logger(diagnostic.getLogMessageId() == null ? null : diagnostic.getLogMessageId().getWhere());
        int v = diagnostic.getLevel().intValue();
        return v >= Level.WARNING.intValue() ? log.isWarnEnabled() : v >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }
}
