package es.civica.certificates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates the issuer's signing key and the public document to publish:
 *
 * <pre>
 * IssuerKeysCommand generate PRIVATE.jwk PUBLIC.json [--name NAME] [--url URL]
 * IssuerKeysCommand public   PRIVATE.jwk PUBLIC.json [--name NAME] [--url URL]
 * </pre>
 *
 * {@code generate} writes a new private JWK (owner-readable only; refuses to overwrite one) and its public
 * document; {@code public} rewrites the public document from an existing private JWK. The public document is
 * what the server serves at {@value IssuerDocument#WELL_KNOWN_PATH}. Name and URL default to Cívica's.
 */
public final class IssuerKeysCommand {

  static final String USAGE = "Uso: IssuerKeysCommand (generate|public) PRIVADA.jwk PUBLICA.json [--name NOMBRE] [--url URL]";

  private IssuerKeysCommand() {
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length < 3 || !(args[0].equals("generate") || args[0].equals("public"))) {
      err.println(USAGE);
      return 2;
    }
    String name = IssuerProfile.CIVICA.name();
    String url = IssuerProfile.CIVICA.url();
    for (int i = 3; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--name" -> name = args[i + 1];
        case "--url" -> url = args[i + 1];
        default -> {
          err.println(USAGE);
          return 2;
        }
      }
    }
    Path privateFile = Path.of(args[1]);
    Path publicFile = Path.of(args[2]);
    IssuerKeys keys;
    if (args[0].equals("generate")) {
      if (Files.exists(privateFile)) {
        err.println("Ya existe " + privateFile + ": no se sobrescribe una clave privada");
        return 1;
      }
      keys = IssuerKeys.generate();
      keys.save(privateFile);
      out.println("Clave privada: " + privateFile);
    } else {
      keys = IssuerKeys.load(privateFile);
    }
    Files.writeString(publicFile, IssuerDocument.json(new IssuerProfile(name, url, null), keys.publicKey()),
        StandardCharsets.UTF_8);
    out.println("Documento público: " + publicFile + " (servir en " + IssuerDocument.WELL_KNOWN_PATH + ")");
    out.println("Emisor: " + keys.publicKey().didKey());
    return 0;
  }
}
