package id.pantauspm.cli;

import java.util.Locale;

import org.springframework.context.MessageSource;

import id.pantauspm.report.Messages;

/** The commands' own sentences (bundle i18n/messages, keys cli.*), in the language chosen for the command. */
final class CliText {

    private static final MessageSource MESSAGES = Messages.create();

    private final Locale locale;

    CliText(Locale locale) {
        this.locale = locale;
    }

    String get(String key, Object... args) {
        return MESSAGES.getMessage(key, args, locale);
    }

    Locale locale() {
        return locale;
    }
}
