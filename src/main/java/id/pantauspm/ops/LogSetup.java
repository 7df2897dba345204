package id.pantauspm.ops;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

/**
 * The two places log lines go, the console and the rotating file, and which lines go only to the
 * file: the run summary (already printed on the console as the command's output) and, while a
 * progress bar is drawn on a terminal, the progress lines (the bar shows them).
 */
public final class LogSetup {

    /** Boot's name for the file appender it builds from logging.file.name. */
    static final String FILE_APPENDER = "FILE";

    private LogSetup() {
    }

    /** Lines of this logger go to the log file only (nothing when no log file is configured). */
    public static void fileOnly(String loggerName) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> file = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER);
            Logger logger = context.getLogger(loggerName);
            if (file != null && logger.getAppender(FILE_APPENDER) == null) {
                logger.setAdditive(false);
                logger.addAppender(file);
            }
        }
    }

    /**
     * One line at ERROR into the log file alone (the console has it already), through the file's own appender and so in
     * its format; false when no appender of that log file is running (logging not started yet), for the caller to write it itself.
     */
    public static boolean errorToFileOnly(String loggerName, String line, java.nio.file.Path logFile) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> file = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(FILE_APPENDER);
            // only the appender of this start's log file (logging may not have started yet: settings refused early)
            if (file instanceof ch.qos.logback.core.FileAppender<ILoggingEvent> f && file.isStarted() && f.getFile() != null
                    && java.nio.file.Path.of(f.getFile()).toAbsolutePath().normalize().equals(logFile.toAbsolutePath().normalize())) {
                fileOnly(loggerName);
                context.getLogger(loggerName).error(line);
                return true;
            }
        }
        return false;
    }

    /** Lines of this logger go everywhere again. */
    public static void everywhere(String loggerName) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger logger = context.getLogger(loggerName);
            logger.detachAppender(FILE_APPENDER);
            logger.setAdditive(true);
        }
    }
}
