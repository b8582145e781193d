package org.fairkd.datasets.proxy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Surname cleaning as the CFPB's {@code surname_parser.do} does it, giving the candidate names to
 * look up in the Census surname list.
 *
 * <p>Steps: upper case (accents are dropped first, so that {@code PEÑA} becomes {@code PENA}: the
 * Census list is plain A–Z); apostrophes removed ({@code O'LEARY} → {@code OLEARY}); every other
 * character that is not a letter or a hyphen becomes a space; the words {@code JR SR II III IV DDS
 * MD PHD} are dropped, and so are lone letters (initials) other than {@code O} and {@code D}; the
 * remaining words are joined without spaces ({@code DE LA CRUZ} → {@code DELACRUZ}); a name that is
 * only {@code O} or {@code D} is empty. A hyphenated name gives its first two parts as separate
 * candidates ({@code GARCIA-LOPEZ} → {@code GARCIA}, {@code LOPEZ}), to be tried in that order.
 *
 * <p>Differences from the Stata script, all in cases it handles by accident: it keeps characters
 * such as {@code /} or {@code &} (which then never match), and its lone-letter regular expression
 * can leave every second one of several consecutive initials; here every lone initial goes.
 */
public final class SurnameCleaner {
  private static final Set<String> SUFFIXES =
      Set.of("JR", "SR", "II", "III", "IV", "DDS", "MD", "PHD");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern WORDS = Pattern.compile("\\s+");

  private SurnameCleaner() {}

  /**
   * The candidate names for one raw surname: none when nothing is left after cleaning, otherwise
   * one, or two for a hyphenated name.
   */
  public static List<String> candidates(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String plain = lettersOnlyUpper(raw);
    if (plain != null) {
      return List.of(plain);
    }
    String s = raw;
    if (!isPlainAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    s = s.toUpperCase(Locale.ROOT);
    StringBuilder spaced = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\u2019') {
        continue;
      }
      spaced.append((c >= 'A' && c <= 'Z') || c == '-' ? c : ' ');
    }
    StringBuilder joined = new StringBuilder(spaced.length());
    for (String w : WORDS.split(spaced.toString().strip())) {
      boolean initial =
          w.length() == 1 && w.charAt(0) != 'O' && w.charAt(0) != 'D' && w.charAt(0) != '-';
      if (!w.isEmpty() && !initial && !SUFFIXES.contains(w)) {
        joined.append(w);
      }
    }
    String name = joined.toString();
    if (name.equals("O") || name.equals("D")) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(2);
    for (String part : name.split("-")) {
      if (!part.isEmpty() && parts.size() < 2) {
        parts.add(part);
      }
    }
    return parts;
  }

  /**
   * The common case, needing no cleaning but upper case: one word of two or more ASCII letters that
   * is not a suffix. Returns it in upper case, or null when the full cleaning is needed.
   */
  private static String lettersOnlyUpper(String s) {
    if (s.length() < 2) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return null;
      }
    }
    String upper = s.toUpperCase(Locale.ROOT);
    return SUFFIXES.contains(upper) ? null : upper;
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
