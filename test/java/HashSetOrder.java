import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints the iteration order of a java.util.HashSet<String> for each input line: the keys are the
 * line's space-separated words, added in that order. Used to check src/docview/java-hash-set.ts.
 */
public class HashSetOrder {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            Set<String> set = new HashSet<>();
            for (String key : line.split(" ")) {
                if (!key.isEmpty()) set.add(key);
            }
            out.append(String.join(" ", set)).append('\n');
        }
        System.out.print(out);
    }
}
