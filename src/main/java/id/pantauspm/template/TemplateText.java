package id.pantauspm.template;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a template and of `pantau template`, from i18n/template*.properties: Indonesian
 * first, English on request. Never the machine's locale: an English server still writes
 * Indonesian templates unless asked otherwise.
 */
public final class TemplateText {

    static final String BUNDLE = "i18n/template";

    private final ResourceBundle bundle;
    private final Locale locale;

    private TemplateText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The texts in a language: "en" for English, anything else for Bahasa Indonesia. */
    public static TemplateText of(Locale locale) {
        Locale lang = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, lang,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TemplateText(bundle, lang);
    }

    public Locale locale() {
        return locale;
    }

    /** A text; with arguments it is a MessageFormat pattern, as Spring's message source treats it. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
