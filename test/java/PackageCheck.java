// Reads content packages the way AEM does: the zip through java.util.zip.ZipInputStream
// (the Package Manager upload path, FileVault MemoryArchive), META-INF/vault/properties.xml
// through Properties.loadFromXML (FileVault DefaultMetaInf), and every other *.xml entry through
// the JDK's namespace-aware SAX parser.
//
// Usage: java PackageCheck.java <zip>...
// Output, one line each, all text as JSON strings (ASCII only):
//   package <path>
//   entry <name> <method STORED|DEFLATED> <size> <crc32 hex> <sha256 hex> <time yyyy-mm-ddThh:mm:ss>
//   property <key> <value>
//   xml <name> ok | xml <name> error <message>
//   error <message>   (the zip could not be read)
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.*;
import java.util.zip.*;
import javax.xml.parsers.SAXParserFactory;

public class PackageCheck {
  public static void main(String[] args) throws Exception {
    for (String path : args) check(path);
  }

  static void check(String path) throws Exception {
    System.out.println("package " + json(path));
    try (ZipInputStream in = new ZipInputStream(new FileInputStream(path), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        String method = entry.getMethod() == ZipEntry.DEFLATED ? "DEFLATED" : "STORED";
        LocalDateTime time = entry.getTimeLocal();
        System.out.println("entry " + json(entry.getName()) + " " + method + " " + bytes.length + " "
            + String.format("%08x", entry.getCrc()) + " " + sha256(bytes) + " " + time);
        if (entry.getName().equals("META-INF/vault/properties.xml")) properties(bytes);
        else if (entry.getName().endsWith(".xml")) xml(entry.getName(), bytes);
      }
    } catch (Exception e) {
      System.out.println("error " + json(e.toString()));
    }
  }

  static void properties(byte[] bytes) {
    try {
      Properties p = new Properties();
      p.loadFromXML(new ByteArrayInputStream(bytes));
      for (String key : new TreeSet<>(p.stringPropertyNames())) System.out.println("property " + json(key) + " " + json(p.getProperty(key)));
    } catch (Exception e) {
      System.out.println("error " + json("properties.xml: " + e));
    }
  }

  static void xml(String name, byte[] bytes) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.newSAXParser().parse(new ByteArrayInputStream(bytes), new org.xml.sax.helpers.DefaultHandler());
      System.out.println("xml " + json(name) + " ok");
    } catch (Exception e) {
      System.out.println("xml " + json(name) + " error " + json(e.getMessage()));
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) sb.append(String.format("%02x", b));
    return sb.toString();
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
