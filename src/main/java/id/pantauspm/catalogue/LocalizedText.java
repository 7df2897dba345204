package id.pantauspm.catalogue;

import java.util.Locale;

/** A name in Bahasa Indonesia and English; Indonesian is the default. */
public record LocalizedText(String id, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : id;
    }
}
