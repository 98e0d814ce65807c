import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads DocView files with the JDK's namespace-aware SAX parser, configured as FileVault's
 * DocViewParser configures it, and prints what it saw, one item a line, strings quoted with
 * \\uXXXX for anything outside printable ASCII:
 *
 *   F "file"                        a file begins
 *   N "prefix" "uri"                a namespace declaration (startPrefixMapping)
 *   E depth line:column "uri" "local"   an element (the Locator as at startElement)
 *   A "uri" "local" "value"         an attribute of the element above, in document order
 *   C depth line:column "text"      trimmed, non-empty character data inside the element at that depth
 *                                   (as DocViewSAXHandler passes it to FileVault's validators)
 *   X line:column "message"         the parser's fatal error
 */
public class DocViewXmlCheck {
    public static void main(String[] args) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://xml.org/sax/features/namespace-prefixes", false);
        StringBuilder out = new StringBuilder();
        for (String path : args) {
            out.append("F ").append(quote(path)).append('\n');
            SAXParser parser = factory.newSAXParser();
            try {
                parser.parse(new File(path), new Printer(out));
            } catch (SAXParseException e) {
                out.append("X ").append(e.getLineNumber()).append(':').append(e.getColumnNumber())
                        .append(' ').append(quote(e.getMessage())).append('\n');
            }
        }
        System.out.print(out);
    }

    static final class Printer extends DefaultHandler {
        private final StringBuilder out;
        private final Deque<String> open = new ArrayDeque<>();
        private Locator locator;

        Printer(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            out.append("N ").append(quote(prefix)).append(' ').append(quote(uri)).append('\n');
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            out.append("E ").append(open.size()).append(' ').append(position()).append(' ')
                    .append(quote(uri)).append(' ').append(quote(localName)).append('\n');
            for (int i = 0; i < attributes.getLength(); i++) {
                out.append("A ").append(quote(attributes.getURI(i))).append(' ')
                        .append(quote(attributes.getLocalName(i))).append(' ')
                        .append(quote(attributes.getValue(i))).append('\n');
            }
            open.push(qName);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            String text = new String(ch, start, length).trim();
            if (!text.isEmpty()) {
                out.append("C ").append(open.size() - 1).append(' ').append(position()).append(' ')
                        .append(quote(text)).append('\n');
            }
        }

        private String position() {
            return locator.getLineNumber() + ":" + locator.getColumnNumber();
        }
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
