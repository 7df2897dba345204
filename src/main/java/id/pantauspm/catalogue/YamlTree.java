package id.pantauspm.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document read with the line of every key and value. Jackson's tree forgets where a value
 * came from, so this one is built from the parser's tokens: each problem in the catalogue can then
 * name the line to fix.
 */
public final class YamlTree {

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlTree() {
    }

    /** A node of the document; {@code line} is 1-based (for a mapping, the line of its first key). */
    public sealed interface Node permits Mapping, Sequence, Scalar {
        int line();
    }

    /** A key, the line it is on, and its value. */
    public record Property(String key, int line, Node value) {
    }

    public record Mapping(int line, Map<String, Property> properties) implements Node {

        public Property property(String key) {
            return properties.get(key);
        }

        public Node get(String key) {
            Property p = properties.get(key);
            return p == null ? null : p.value();
        }

        public Collection<Property> all() {
            return properties.values();
        }
    }

    public record Sequence(int line, List<Node> items) implements Node {
    }

    /** A plain value as written; {@code text} is null for {@code null}, {@code ~} or nothing after the colon. */
    public record Scalar(int line, String text) implements Node {

        public boolean isNull() {
            return text == null;
        }
    }

    /** Something the parser accepted but the catalogue cannot use, such as a key given twice. */
    public record Issue(int line, String message) {
    }

    /** A parsed file: its root ({@code null} when the file is empty) and what was odd about it. */
    public record Document(Node root, List<Issue> issues) {
    }

    /** The text is not YAML; {@code line} is where the parser gave up (0 when it does not say). */
    public static final class SyntaxError extends Exception {

        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Document parse(String text) throws SyntaxError {
        List<Issue> issues = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Document(null, issues);
            }
            Node root = read(parser, first, issues);
            if (parser.nextToken() != null) {
                issues.add(new Issue(line(parser), "a second YAML document starts here (after ---); keep one document per file"));
            }
            return new Document(root, issues);
        } catch (JacksonException e) {
            int line = problemLine(e.getOriginalMessage());
            if (line <= 0) {
                TokenStreamLocation at = e.getLocation();
                line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            }
            throw new SyntaxError(line, plain(e.getOriginalMessage(), line));
        }
    }

    private static Node read(JsonParser parser, JsonToken token, List<Issue> issues) throws SyntaxError {
        if (token == null) {
            throw new SyntaxError(line(parser), "the file ends in the middle of a value");
        }
        int line = line(parser);
        switch (token) {
            case START_OBJECT -> {
                Map<String, Property> properties = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    Node value = read(parser, parser.nextToken(), issues);
                    Property first = properties.get(key);
                    if (first != null) {
                        issues.add(new Issue(keyLine, "key '" + key + "' appears twice in the same entry (first on line "
                                + first.line() + "); keep one"));
                    } else {
                        properties.put(key, new Property(key, keyLine, value));
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new SyntaxError(line(parser), "unexpected " + t + " in a mapping");
                }
                return new Mapping(line, properties);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(parser, t, issues));
                }
                return new Sequence(line, items);
            }
            case VALUE_NULL -> {
                return new Scalar(line, null);
            }
            default -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    issues.add(new Issue(line, "alias *" + parser.getText() + " is not supported here; write the value out"));
                }
                return new Scalar(line, parser.getText());
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static final Pattern MARK = Pattern.compile("^\\s*in \\S+, line (\\d+), column \\d+:?\\s*$");

    /** SnakeYAML's last mark is where it found the problem (Jackson's location can be a line earlier). */
    private static int problemLine(String message) {
        int line = 0;
        if (message != null) {
            for (String l : message.split("\\R")) {
                Matcher m = MARK.matcher(l);
                if (m.matches()) {
                    line = Integer.parseInt(m.group(1));
                }
            }
        }
        return line;
    }

    /**
     * SnakeYAML's message on one line: "while parsing a flow sequence (line 9); expected ',' or ']', but got :".
     * The quoted source lines and carets are dropped; a context on another line than the problem keeps its line.
     */
    static String plain(String message, int problemLine) {
        if (message == null || message.isBlank()) {
            return "the parser stopped here";
        }
        List<String> parts = new ArrayList<>();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || Character.isWhitespace(l.charAt(0))) {
                continue;
            }
            String part = l.trim();
            if (i + 1 < lines.length) {
                Matcher m = MARK.matcher(lines[i + 1]);
                if (m.matches() && Integer.parseInt(m.group(1)) != problemLine) {
                    part += " (line " + m.group(1) + ")";
                }
            }
            parts.add(part);
        }
        return parts.isEmpty() ? message.strip() : String.join("; ", parts);
    }
}
