// Answers what java.util.regex says about patterns, for test/packaging/java-pattern.test.ts.
//
// Input (stdin), one request a line, every text as hexadecimal UTF-8:
//   compile <pattern>
//   match <pattern> <input>
// Output, one line per request:
//   ok | error <PatternSyntaxException description>
//   match <true|false> <hitEnd true|false> | error <description>
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.regex.*;

public class RegexCheck {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split(" ", -1);
      try {
        Pattern pattern = Pattern.compile(unhex(parts[1]));
        if (parts[0].equals("compile")) System.out.println("ok");
        else {
          Matcher matcher = pattern.matcher(unhex(parts[2]));
          boolean matches = matcher.matches();
          System.out.println("match " + matches + " " + matcher.hitEnd());
        }
      } catch (PatternSyntaxException e) {
        System.out.println("error " + e.getDescription());
      }
    }
  }

  static String unhex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
