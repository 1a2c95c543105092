#pragma once
// Lexicon sentiment: the instant, training-free scorer (the app's default sentiment model).
//
// Algorithm: VADER (Hutto & Gilbert 2014) as the vader-sentiment 1.1.3 JavaScript port computes
// it, over a chosen word list (docs/sentiment.md has the full rules):
//   - tokens: the text split at whitespace, tokens of one UTF-16 unit dropped, one leading or
//     trailing punctuation run from VADER's list (. ! ? , ; : - ' " !! !!! ?? ??? ?!? !?! ?!?!
//     !?!?) stripped when the rest has no ASCII punctuation (so emoticons like ":)" survive);
//   - valence of a word from the lexicon (looked up lower-cased), +-0.733 if it is in ALL CAPS
//     while the text has mixed case;
//   - up to 3 preceding words that are not in the lexicon: boosters/dampeners +-0.293 (x0.95 at
//     distance 2, x0.9 at 3; +-0.733 more in ALL CAPS), negation words (VADER's list and any
//     "n't") multiply by -0.74; "never so/this" x1.5/x1.25, "least" negates unless "at least";
//   - "but": words before the first "but" x0.5, after it x1.5;
//   - sum, plus 0.292 per '!' (at most 4) and 0.18 per '?' (2 or 3; 0.96 for more) in the
//     direction of the sum; compound = sum / sqrt(sum^2 + 15), in [-1, 1].
// Labels: compound >= kPositiveThreshold (0.05) positive, <= kNegativeThreshold (-0.05)
// negative, neutral in between (VADER's published thresholds).
//
// Lexicons: MarketNews (default) is AFINN-165 adapted to financial market news (integer
// valences -5..5, scaled by 0.8 onto VADER's -4..4 so the boosters, caps bonus and alpha keep
// their calibrated meaning); Vader is VADER's own lexicon (mean valences -4..4, emoticons too).
// With ScoringOptions::vaderReference() and the Vader lexicon, score() reproduces
// vader-sentiment 1.1.3 (tests/core/test_lexicon_sentiment.cpp measures it on 2002 sentences).

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace marketlens::core::news {

enum class SentimentLexicon { MarketNews, Vader };

enum class SentimentLabel { Negative, Neutral, Positive };

// compound <= kNegativeThreshold: negative; >= kPositiveThreshold: positive; otherwise neutral.
inline constexpr double kNegativeThreshold = -0.05;
inline constexpr double kPositiveThreshold = 0.05;
// VADER's normalisation constant: compound = x / sqrt(x^2 + kVaderAlpha).
inline constexpr double kVaderAlpha = 15.0;
// AFINN valence -> VADER scale (-5..5 onto -4..4).
inline constexpr double kAfinnToVaderScale = 0.8;

SentimentLabel sentimentLabel(double compound);
// "negative", "neutral", "positive" (stable identifiers for files and the CLI).
const char* sentimentLabelName(SentimentLabel label);

struct ScoringOptions {
    // Negation words, "but", "never so/this" and idioms matched case-insensitively ("Not good"
    // is negated). vader-sentiment 1.1.3 matches them as written (only "not", "but"/"BUT").
    bool caseInsensitiveRules = true;
    // Multi-word lexicon entries ("does not work", "fed up") scored as one item placed at their
    // first word. vader-sentiment never matches them (its tokens have no spaces).
    bool matchPhrases = true;
    // Any run of ASCII punctuation before and after a word is stripped when what remains is a
    // plain word ("great!!!!", "(good)", "'bad'"). vader-sentiment strips one run from its short
    // list on one side only, so "great!!!!" is not found in the lexicon there.
    bool stripAllPunctuation = true;

    // Exactly vader-sentiment 1.1.3's behaviour.
    static ScoringOptions vaderReference() { return {false, false, false}; }
};

// One word (or phrase) that moved the score: where it is in the scored text (QString index and
// length, the word without the stripped punctuation) and its valence after every rule (boosters,
// negation, caps, "but"), in VADER's summed units before normalisation.
struct TokenContribution {
    QString word;
    int position = 0;
    int length = 0;
    double contribution = 0.0;
};

struct SentimentScore {
    double compound = 0.0; // in [-1, 1]
    SentimentLabel label = SentimentLabel::Neutral;
    double sum = 0.0; // sum of contributions plus punctuation emphasis
    double punctuationEmphasis = 0.0; // the '!'/'?' part of sum (signed like sum)
    std::vector<TokenContribution> contributions; // in text order, non-zero ones only
};

// The AFINN sum as the npm package `sentiment` 5 computes it: lower-cased text, the characters
// . , / # ! ? $ % ^ & * ; : { } = _ ` " ~ ( ) replaced by spaces, split at single spaces; each
// token in the list adds its integer valence, negated after
// cant/can't/dont/don't/doesnt/doesn't/not/ non/wont/won't/isnt/isn't; comparative = score / number
// of tokens.
struct AfinnScore {
    int score = 0;
    int tokens = 0;
    double comparative = 0.0;
};

class LexiconSentiment {
public:
    // The lexicons built into the app (resources/lexicons, see PROVENANCE.md there).
    static Result<LexiconSentiment> builtIn(
        SentimentLexicon lexicon = SentimentLexicon::MarketNews);
    // An AFINN list: "word<TAB>integer" per line, an optional "word<TAB>score" header.
    static Result<LexiconSentiment> fromAfinnData(
        const QByteArray& data, const QString& sourceName);
    // A VADER lexicon: "token<TAB>mean valence[<TAB>sd<TAB>ratings]" per line.
    static Result<LexiconSentiment> fromVaderData(
        const QByteArray& data, const QString& sourceName);
    // Either format from a file (Io error when unreadable); BadData with file and line for a
    // line without a numeric valence, an empty token or a token listed twice.
    static Result<LexiconSentiment> fromFile(const QString& path, SentimentLexicon format);

    SentimentLexicon kind() const { return m_kind; }
    // "afinn165-financialmarketnews", "vader" or the file name of a custom list.
    const QString& name() const { return m_name; }
    int size() const { return static_cast<int>(m_valence.size()); }
    // Valence on VADER's scale (AFINN values x 0.8); 0 when absent.
    double valence(const QString& word) const { return m_valence.value(word.toLower(), 0.0); }
    bool contains(const QString& word) const { return m_valence.contains(word.toLower()); }

    SentimentScore score(const QString& text, const ScoringOptions& options = {}) const;
    // Only for AFINN lexicons (InvalidArgument for a VADER one).
    Result<AfinnScore> afinnScore(const QString& text) const;

private:
    LexiconSentiment() = default;
    static Result<LexiconSentiment> parse(
        const QByteArray& data, const QString& sourceName, SentimentLexicon format);

    SentimentLexicon m_kind = SentimentLexicon::MarketNews;
    QString m_name;
    QHash<QString, double> m_valence; // lower-case token or phrase -> VADER-scale valence
    QHash<QString, int> m_afinn; // AFINN lists only: the integer valences
    int m_longestPhrase = 1; // words in the longest entry
};

} // namespace marketlens::core::news
