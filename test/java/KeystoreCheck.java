import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;

/**
 * Opens what keygen writes the way AEM's Java does. The password comes on standard input (UTF-8,
 * one line) so that non-ASCII passwords are tested without the platform's argument encoding.
 *
 * Arguments, any number of:
 *   p12 FILE ALIAS      KeyStore.getInstance("PKCS12").load, getKey(alias, password), sign
 *                       SHA256withRSA with it and verify with getCertificate(alias)
 *   b64 FILE CERT       Base64.getDecoder() (strict) on the file as it is, PKCS8EncodedKeySpec,
 *                       sign SHA256withRSA and verify with the PEM certificate CERT
 * One line per check: "OK ..." or "FAIL ...: exception".
 */
public class KeystoreCheck {
  public static void main(String[] args) throws Exception {
    char[] password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip().toCharArray();
    for (int i = 0; i < args.length; ) {
      String kind = args[i++];
      String file = args[i++];
      String extra = args[i++];
      try {
        System.out.println(kind.equals("p12") ? checkKeystore(file, extra, password) : checkBase64(file, extra));
      } catch (Exception e) {
        System.out.println("FAIL " + kind + " " + file + ": " + e);
      }
    }
  }

  static String checkKeystore(String file, String alias, char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(file)) {
      store.load(in, password);
    }
    String entry = store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class) ? "PrivateKeyEntry" : "other";
    PrivateKey key = (PrivateKey) store.getKey(alias, password);
    X509Certificate cert = (X509Certificate) store.getCertificate(alias);
    return "OK p12 " + file + " aliases=" + Collections.list(store.aliases()) + " entry=" + entry
        + " chain=" + store.getCertificateChain(alias).length + " " + signAndVerify(key, cert);
  }

  static String checkBase64(String file, String certFile) throws Exception {
    byte[] der = Base64.getDecoder().decode(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    X509Certificate cert;
    try (InputStream in = new FileInputStream(certFile)) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    return "OK b64 " + file + " " + signAndVerify(key, cert);
  }

  static String signAndVerify(PrivateKey key, X509Certificate cert) throws Exception {
    byte[] data = "aem-ioevents".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(cert);
    verifier.update(data);
    int bits = ((RSAPrivateKey) key).getModulus().bitLength();
    return "key=" + key.getAlgorithm() + "/" + bits + " certSigAlg=" + cert.getSigAlgName() + " verified=" + verifier.verify(signature);
  }
}
