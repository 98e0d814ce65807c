// Reads a package zip the way Maven's tools read an artifact's metadata: the zip through
// java.util.zip.ZipInputStream, META-INF/maven/**/pom.properties through Properties.load, and
// META-INF/maven/**/pom.xml through the JDK's namespace-aware DOM parser (POM 4.0.0 namespace).
//
// Usage: java MavenEntriesCheck.java <zip>
// Output, one line each (values as JSON strings, ASCII only):
//   entry <name>
//   property <file> <key> <value>
//   pom <file> <groupId> <artifactId> <version> <packaging>
//   error <message>
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.zip.*;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.*;

public class MavenEntriesCheck {
  static final String POM = "http://maven.apache.org/POM/4.0.0";

  public static void main(String[] args) throws Exception {
    try (ZipInputStream in = new ZipInputStream(new FileInputStream(args[0]), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        String name = entry.getName();
        System.out.println("entry " + json(name));
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) properties(name, bytes);
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.xml")) pom(name, bytes);
      }
    } catch (Exception e) {
      System.out.println("error " + json(e.toString()));
    }
  }

  static void properties(String name, byte[] bytes) throws IOException {
    Properties p = new Properties();
    p.load(new ByteArrayInputStream(bytes));
    for (String key : new TreeSet<>(p.stringPropertyNames())) System.out.println("property " + json(name) + " " + json(key) + " " + json(p.getProperty(key)));
  }

  static void pom(String name, byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element project = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    if (!POM.equals(project.getNamespaceURI()) || !"project".equals(project.getLocalName())) throw new IOException("not a POM 4.0.0 project");
    System.out.println("pom " + json(name) + " " + json(text(project, "groupId")) + " " + json(text(project, "artifactId")) + " " + json(text(project, "version")) + " " + json(text(project, "packaging")));
  }

  static String text(Element parent, String local) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element && POM.equals(child.getNamespaceURI()) && local.equals(child.getLocalName())) return child.getTextContent();
    }
    return "";
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
