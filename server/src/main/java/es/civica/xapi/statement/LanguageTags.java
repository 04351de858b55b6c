package es.civica.xapi.statement;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Well-formedness of RFC 5646 language tags, which xAPI requires of every language-map key and of
 * {@code context.language} (Data 2.2: "the sequence of token lengths ... matches RFC 5646"). Subtags are not looked up
 * in the IANA registry; the syntax plus the two uniqueness rules of RFC 5646 2.2.5/2.2.6 are what the suite checks.
 */
final class LanguageTags {

  private static final String LANGTAG =
      "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})" // language, optionally with extlangs
          + "(?:-[a-z]{4})?" // script
          + "(?:-(?:[a-z]{2}|[0-9]{3}))?" // region
          + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*" // variants
          + "(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*" // extensions
          + "(?:-x(?:-[a-z0-9]{1,8})+)?"; // private use
  private static final String PRIVATE_USE = "x(?:-[a-z0-9]{1,8})+";
  private static final String GRANDFATHERED =
      "en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu"
          + "|sgn-be-fr|sgn-be-nl|sgn-ch-de|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan"
          + "|zh-xiang";
  private static final Pattern SYNTAX = Pattern.compile("^(?:" + LANGTAG + ")$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OTHER =
      Pattern.compile("^(?:" + PRIVATE_USE + "|" + GRANDFATHERED + ")$", Pattern.CASE_INSENSITIVE);

  /**
   * Tags already found well-formed. Why: every language map of every statement is checked, with a handful of distinct
   * tags (es, es-ES, ca, en-US); the regular expressions were a tenth of the validator's time. Bounded, so that
   * statements inventing tags cannot grow it: once full, new tags are simply checked each time.
   */
  private static final int KNOWN_LIMIT = 1024;
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  private LanguageTags() {}

  static boolean isWellFormed(String tag) {
    if (tag == null) {
      return false;
    }
    if (KNOWN.contains(tag)) {
      return true;
    }
    boolean wellFormed = OTHER.matcher(tag).matches()
        || SYNTAX.matcher(tag).matches() && uniqueVariantsAndSingletons(tag.toLowerCase(Locale.ROOT));
    if (wellFormed && KNOWN.size() < KNOWN_LIMIT) {
      KNOWN.add(tag);
    }
    return wellFormed;
  }

  /** RFC 5646: a variant subtag and an extension singleton may each appear only once (zh-z-aaa-z-bbb is not a tag). */
  private static boolean uniqueVariantsAndSingletons(String tag) {
    String[] subtags = tag.split("-");
    Set<String> variants = new HashSet<>();
    Set<String> singletons = new HashSet<>();
    boolean inExtensions = false;
    for (int i = 1; i < subtags.length; i++) {
      String subtag = subtags[i];
      if (subtag.equals("x")) {
        return true; // private use: anything goes after it
      }
      if (subtag.length() == 1) {
        inExtensions = true;
        if (!singletons.add(subtag)) {
          return false;
        }
      } else if (!inExtensions && isVariant(subtag) && !variants.add(subtag)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVariant(String subtag) {
    return subtag.length() >= 5 || (subtag.length() == 4 && Character.isDigit(subtag.charAt(0)));
  }
}
