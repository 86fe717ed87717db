package io.freightgate.kyc.internal.domain.sanctions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzy matching of a screened name against listed names, on {@link NameNormalizer normalized} tokens.
 *
 * <p>Tokens are paired greedily, best Jaro-Winkler similarity first; a pair counts when its similarity is at least
 * {@link #TOKEN_THRESHOLD} (0.88: one typo or transposed letter in a name of 6+ letters); an initial paired with a word
 * that starts with it ("I." and "Ivanovich") counts {@link #INITIAL} (0.90). The score of two names is the
 * larger of:
 *
 * <ul>
 *   <li>the Dice-style score {@code 2 * sum(pair similarity) / (tokens of a + tokens of b)};
 *   <li>when every token of the shorter name is paired and it has at least two tokens, {@code sum / tokens of the
 *       shorter} (a missing middle name or an extra word still matches).
 * </ul>
 *
 * A name matches when its score reaches the threshold, {@link #DEFAULT_THRESHOLD} (0.90) unless configured. Screening
 * prefers recall: a person decides every hit.
 */
public final class NameMatcher {

    public static final double DEFAULT_THRESHOLD = 0.90;
    public static final double TOKEN_THRESHOLD = 0.88;
    public static final double INITIAL = 0.90;

    private final double threshold;

    public NameMatcher(double threshold) {
        if (threshold <= 0.5 || threshold > 1.0) {
            throw new IllegalArgumentException("threshold must be in (0.5, 1]");
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** A listed name with its normalized tokens, prepared once per list. */
    public record ListedName(String name, String entryReference, List<String> tokens) {
        public static ListedName of(String name, String entryReference) {
            return new ListedName(name, entryReference, NameNormalizer.tokens(name));
        }
    }

    /** A listed name a screened name matched, with the score. */
    public record Match(ListedName listed, double score) {}

    /** The best match of {@code name} among {@code listed}, if any reaches the threshold. */
    public Optional<Match> bestMatch(String name, Collection<ListedName> listed) {
        List<String> tokens = NameNormalizer.tokens(name);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return listed.stream()
                .map(candidate -> new Match(candidate, score(tokens, candidate.tokens())))
                .filter(match -> match.score() >= threshold)
                .max(Comparator.comparingDouble(Match::score));
    }

    public boolean matches(String a, String b) {
        return score(a, b) >= threshold;
    }

    public static double score(String a, String b) {
        return score(NameNormalizer.tokens(a), NameNormalizer.tokens(b));
    }

    static double score(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        List<String> unpaired = new ArrayList<>(longer);
        double sum = 0;
        int paired = 0;
        for (String token : shorter) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < unpaired.size(); i++) {
                double s = tokenSimilarity(token, unpaired.get(i));
                if (s > bestScore) {
                    bestScore = s;
                    best = i;
                }
            }
            if (best >= 0 && bestScore >= TOKEN_THRESHOLD) {
                sum += bestScore;
                paired++;
                unpaired.remove(best);
            }
        }
        double dice = 2 * sum / (a.size() + b.size());
        double subset = paired == shorter.size() && shorter.size() >= 2 ? sum / shorter.size() : 0;
        return Math.max(dice, subset);
    }

    /** Jaro-Winkler, except that an initial and a word starting with it count as {@link #INITIAL} similar. */
    static double tokenSimilarity(String a, String b) {
        double similarity = JaroWinkler.similarity(a, b);
        boolean initial = (a.length() == 1 && b.startsWith(a)) || (b.length() == 1 && a.startsWith(b));
        return initial ? Math.max(similarity, INITIAL) : similarity;
    }
}
