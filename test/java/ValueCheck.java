// Answers whether the JDK converts DocView values the way Jackrabbit's ValueFactory does it,
// for test/inspect/value-conversion.test.ts.
//
// Input (stdin), one request a line: <type> <hexadecimal UTF-8 value>, type one of
// Long (Long.parseLong), Double (Double.parseDouble), Decimal (new BigDecimal),
// URI (new java.net.URI), Reference (UUID.fromString).
// Output, one line per request: ok | error
import java.io.*;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

public class ValueCheck {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split(" ", -1);
      String value = unhex(parts[1]);
      try {
        switch (parts[0]) {
          case "Long": Long.parseLong(value); break;
          case "Double": Double.parseDouble(value); break;
          case "Decimal": new BigDecimal(value); break;
          case "URI": new URI(value); break;
          case "Reference": UUID.fromString(value); break;
          default: throw new IllegalArgumentException("unknown type " + parts[0]);
        }
        System.out.println("ok");
      } catch (NumberFormatException | java.net.URISyntaxException e) {
        System.out.println("error");
      } catch (IllegalArgumentException e) {
        if (parts[0].equals("Reference")) System.out.println("error"); else throw e;
      }
    }
  }

  static String unhex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
