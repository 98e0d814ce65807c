import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Writes a PKCS#12 keystore the way Java's own KeyStore API does, with entries keytool cannot
 * make: each key under its own key password (KeyStore.setKeyEntry), as a user's tooling may.
 * The store password comes on standard input (UTF-8, one line).
 *
 * Arguments: OUT, then any number of ALIAS KEY.pem CERT.pem KEYPASSWORD (PKCS#8 PEM key).
 */
public class KeystoreMake {
  public static void main(String[] args) throws Exception {
    char[] storePassword = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip().toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 1; i + 3 < args.length + 1; i += 4) {
      String pem = Files.readString(Path.of(args[i + 1]), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(Path.of(args[i + 2])));
      store.setKeyEntry(args[i], key, args[i + 3].toCharArray(), new Certificate[] { cert });
    }
    try (OutputStream out = new FileOutputStream(args[0])) {
      store.store(out, storePassword);
    }
    System.out.println("OK " + args[0]);
  }
}
