package io.freightgate.platform.notifications;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail to one person, as a module asks for it: who receives it, its subject, and the template that makes its text and
 * HTML bodies from {@code model}. The model holds user-supplied strings as they are (a company name, a person's name, a
 * link); the template encodes them. The subject is used as given and must be one line.
 *
 * @param recipient a plain address ({@code someone@example.com}), no display name
 * @param subject one line, at most 200 characters; line breaks and other control characters are refused
 * @param template the name of a template on the classpath ({@code mail/templates/NAME.html} and {@code .txt}):
 *     lower-case letters, digits and dashes
 * @param model the value of every {@code {{key}}} placeholder of the template, and nothing else
 */
public record Notification(String recipient, String subject, String template, Map<String, String> model) {

    static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern MODEL_KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(model, "model");
        MailHeaders.address("recipient", recipient);
        MailHeaders.singleLine("subject", subject, MailHeaders.MAX_SUBJECT_LENGTH);
        if (!TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a template name: " + template);
        }
        model = Map.copyOf(model);
        for (String key : model.keySet()) {
            if (!MODEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Not a model key: " + key);
            }
        }
    }

    /** Names the template and the model's keys only: the address and the values are personal data. */
    @Override
    public String toString() {
        return "Notification[template=" + template + ", model keys="
                + model.keySet().stream().sorted().toList() + "]";
    }
}
