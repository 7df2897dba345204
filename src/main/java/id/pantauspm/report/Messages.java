package id.pantauspm.report;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles every user-facing word comes from, Bahasa Indonesia as the base. One
 * definition for the application context and for the commands that run without it.
 */
public final class Messages {

    /** Bundles by area, under src/main/resources/i18n/. */
    public static final String[] BASENAMES = {"i18n/messages", "i18n/ingest", "i18n/template", "i18n/report", "i18n/workbook", "i18n/ikm"};

    private Messages() {
    }

    public static MessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BASENAMES);
        source.setDefaultEncoding("UTF-8");
        // Indonesian is the base bundle: never fall back to the machine's locale (often English).
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
