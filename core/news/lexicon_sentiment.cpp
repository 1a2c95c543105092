#include "lexicon_sentiment.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

// The resources live in a static library: without an explicit init the linker may drop them.
static void initLexiconResources()
{
    Q_INIT_RESOURCE(lexicons);
}

namespace marketlens::core::news {
namespace {

// VADER's empirically derived constants (Hutto & Gilbert 2014).
constexpr double kBoosterIncrement = 0.293;
constexpr double kBoosterDecrement = -0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kNegationScalar = -0.74;
constexpr double kExclamationIncrement = 0.292;
constexpr double kQuestionIncrement = 0.18;

const QSet<QString>& negationWords()
{
    static const QSet<QString> words {"aint", "arent", "cannot", "cant", "couldnt", "darent",
        "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never",
        "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
        "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite"};
    return words;
}

// Degree adverbs: boosters add, dampeners subtract (both towards the word's own sign).
const QHash<QString, double>& boosters()
{
    static const QHash<QString, double> words = [] {
        QHash<QString, double> b;
        for (const char* w : {"absolutely", "amazingly", "awfully", "completely", "considerably",
                 "decidedly", "deeply", "effing", "enormously", "entirely", "especially",
                 "exceptionally", "extremely", "fabulously", "flipping", "flippin", "fricking",
                 "frickin", "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly",
                 "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly",
                 "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
                 "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very"})
            b.insert(QString::fromLatin1(w), kBoosterIncrement);
        for (const char* w : {"almost", "barely", "hardly", "just enough", "kind of", "kinda",
                 "kindof", "kind-of", "less", "little", "marginally", "occasionally", "partly",
                 "scarcely", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"})
            b.insert(QString::fromLatin1(w), kBoosterDecrement);
        return b;
    }();
    return words;
}

// Idioms whose valence replaces the word's own (VADER's list of the 1.1.3 port).
const QHash<QString, double>& idioms()
{
    static const QHash<QString, double> words {{"the shit", 3.0}, {"the bomb", 3.0},
        {"bad ass", 1.5}, {"yeah right", -2.0}, {"cut the mustard", 2.0}, {"kiss of death", -1.5},
        {"hand to mouth", -2.0}};
    return words;
}

// Punctuation runs VADER strips from the start or end of a token.
const QSet<QString>& strippablePunctuation()
{
    static const QSet<QString> runs {".", "!", "?", ",", ";", ":", "-", "'", "\"", "!!", "!!!",
        "??", "???", "?!?", "!?!", "?!?!", "!?!?"};
    return runs;
}

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96)
        || (u >= 123 && u <= 126);
}

// JavaScript's \s, which both reference implementations split on.
bool isJsSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x09 || u == 0x0A || u == 0x0B || u == 0x0C || u == 0x0D || u == 0x20 || u == 0xA0
        || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F
        || u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

// Python's str.isupper() as VADER uses it: an ASCII capital and no ASCII small letter.
bool isAllCaps(const QString& word)
{
    bool upper = false;
    for (QChar c : word) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            return false;
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            upper = true;
    }
    return upper;
}

bool hasAsciiPunctuation(QStringView s)
{
    return std::any_of(s.begin(), s.end(), isAsciiPunctuation);
}

struct Token {
    QString word;
    int position = 0;
};

// VADER's words_and_emoticons: whitespace-separated tokens longer than one UTF-16 unit, with one
// leading or trailing punctuation run stripped when what remains is a plain word.
std::vector<Token> vaderTokens(const QString& text, bool stripAll)
{
    std::vector<Token> tokens;
    const auto n = static_cast<int>(text.size());
    int start = 0;
    for (int i = 0; i <= n; ++i) {
        if (i < n && !isJsSpace(text[i]))
            continue;
        const int len = i - start;
        if (len > 1) {
            const QStringView piece = QStringView(text).mid(start, len);
            int lead = 0;
            while (lead < len && isAsciiPunctuation(piece[lead]))
                ++lead;
            int trail = 0;
            while (trail < len && isAsciiPunctuation(piece[len - 1 - trail]))
                ++trail;
            Token t {piece.toString(), start};
            const auto plain
                = [](QStringView rest) { return rest.size() > 1 && !hasAsciiPunctuation(rest); };
            if (stripAll) {
                if (lead < len && plain(piece.mid(lead, len - lead - trail)))
                    t = {piece.mid(lead, len - lead - trail).toString(), start + lead};
            } else if (lead > 0 && lead < len
                && strippablePunctuation().contains(piece.left(lead).toString())
                && plain(piece.mid(lead))) {
                t = {piece.mid(lead).toString(), start + lead};
            } else if (trail > 0 && trail < len
                && strippablePunctuation().contains(piece.right(trail).toString())
                && plain(piece.left(len - trail))) {
                t = {piece.left(len - trail).toString(), start};
            }
            tokens.push_back(std::move(t));
        }
        start = i + 1;
    }
    return tokens;
}

// One scoring run: the tokens and the rule helpers over them.
class VaderRun {
public:
    VaderRun(
        const QHash<QString, double>& lexicon, const QString& text, const ScoringOptions& options)
        : m_lexicon(lexicon)
        , m_tokens(vaderTokens(text, options.stripAllPunctuation))
        , m_options(options)
    {
        for (const Token& t : m_tokens) {
            m_lower.append(t.word.toLower());
            m_rule.append(options.caseInsensitiveRules ? m_lower.back() : t.word);
        }
        int caps = 0;
        for (const Token& t : m_tokens)
            caps += isAllCaps(t.word) ? 1 : 0;
        const int others = static_cast<int>(m_tokens.size()) - caps;
        m_capsDifferential = others > 0 && others < static_cast<int>(m_tokens.size());
    }

    const std::vector<Token>& tokens() const { return m_tokens; }
    int size() const { return static_cast<int>(m_tokens.size()); }
    bool inLexicon(int i) const { return m_lexicon.contains(m_lower[i]); }

    bool negated(const QString& word) const
    {
        return negationWords().contains(word) || word.contains(QStringLiteral("n't"));
    }

    double boosterScalar(int i, double valence) const
    {
        const auto it = boosters().constFind(m_lower[i]);
        if (it == boosters().constEnd())
            return 0.0;
        double scalar = valence < 0 ? -it.value() : it.value();
        if (m_capsDifferential && isAllCaps(m_tokens[i].word))
            scalar += valence > 0 ? kCapsIncrement : -kCapsIncrement;
        return scalar;
    }

    // VADER's never_check: negation at distance 1..3, "never so/this" amplification. The
    // distance-3 condition is VADER's own (an "or" that also fires on a plain "so"/"this" right
    // before the word); it is kept so the scores stay VADER's.
    double negationCheck(double valence, int back, int i) const
    {
        const auto is = [&](int j, const char* w) { return m_rule[j] == QLatin1String(w); };
        if (back == 0) {
            if (negated(m_rule[i - 1]))
                valence *= kNegationScalar;
        } else if (back == 1) {
            if (is(i - 2, "never") && (is(i - 1, "so") || is(i - 1, "this")))
                valence *= 1.5;
            else if (negated(m_rule[i - 2]))
                valence *= kNegationScalar;
        } else {
            if ((is(i - 3, "never") && (is(i - 2, "so") || is(i - 2, "this")))
                || (is(i - 1, "so") || is(i - 1, "this")))
                valence *= 1.25;
            else if (negated(m_rule[i - 3]))
                valence *= kNegationScalar;
        }
        return valence;
    }

    double idiomsCheck(double valence, int i) const
    {
        const auto join = [&](std::initializer_list<int> idx) {
            QStringList parts;
            for (int j : idx)
                parts.append(m_rule[j]);
            return parts.join(QLatin1Char(' '));
        };
        const QString threeTwo = join({i - 3, i - 2});
        const QString twoOne = join({i - 2, i - 1});
        for (const QString& seq : {join({i - 1, i}), join({i - 2, i - 1, i}), twoOne,
                 join({i - 3, i - 2, i - 1}), threeTwo}) {
            if (const auto it = idioms().constFind(seq); it != idioms().constEnd()) {
                valence = it.value();
                break;
            }
        }
        if (size() - 1 > i) {
            if (const auto it = idioms().constFind(join({i, i + 1})); it != idioms().constEnd())
                valence = it.value();
        }
        if (size() - 1 > i + 1) {
            const auto it = idioms().constFind(join({i, i + 1, i + 2}));
            if (it != idioms().constEnd())
                valence = it.value();
        }
        if (boosters().contains(threeTwo) || boosters().contains(twoOne))
            valence += kBoosterDecrement;
        return valence;
    }

    double leastCheck(double valence, int i) const
    {
        const auto least = [&](int j) { return m_lower[j] == QLatin1String("least"); };
        if (i > 1 && least(i - 1) && !inLexicon(i - 1)) {
            if (m_lower[i - 2] != QLatin1String("at") && m_lower[i - 2] != QLatin1String("very"))
                valence *= kNegationScalar;
        } else if (i > 0 && least(i - 1) && !inLexicon(i - 1)) {
            valence *= kNegationScalar;
        }
        return valence;
    }

    // The valence of the lexicon item starting at i, after caps, boosters, negation, idioms.
    double itemValence(int i, double valence) const
    {
        if (m_capsDifferential && isAllCaps(m_tokens[i].word))
            valence += valence > 0 ? kCapsIncrement : -kCapsIncrement;
        for (int back = 0; back < 3; ++back) {
            const int j = i - (back + 1);
            if (i <= back || inLexicon(j))
                continue;
            double s = boosterScalar(j, valence);
            if (back == 1 && s != 0)
                s *= 0.95;
            else if (back == 2 && s != 0)
                s *= 0.9;
            valence += s;
            valence = negationCheck(valence, back, i);
            if (back == 2)
                valence = idiomsCheck(valence, i);
        }
        return leastCheck(valence, i);
    }

    int butIndex() const
    {
        if (m_options.caseInsensitiveRules)
            return static_cast<int>(m_lower.indexOf(QStringLiteral("but")));
        const qsizetype lower = m_rule.indexOf(QStringLiteral("but"));
        return static_cast<int>(lower >= 0 ? lower : m_rule.indexOf(QStringLiteral("BUT")));
    }

    const QStringList& lower() const { return m_lower; }

private:
    const QHash<QString, double>& m_lexicon;
    std::vector<Token> m_tokens;
    ScoringOptions m_options;
    QStringList m_lower;
    QStringList m_rule; // the words as the rules compare them (lower-cased or as written)
    bool m_capsDifferential = false;
};

double punctuationAmplifier(const QString& text)
{
    const auto exclamations = std::min<qsizetype>(text.count(QLatin1Char('!')), 4);
    const qsizetype questions = text.count(QLatin1Char('?'));
    double question = 0.0;
    if (questions > 1)
        question = questions <= 3 ? static_cast<double>(questions) * kQuestionIncrement : 0.96;
    return static_cast<double>(exclamations) * kExclamationIncrement + question;
}

} // namespace

SentimentLabel sentimentLabel(double compound)
{
    if (compound >= kPositiveThreshold)
        return SentimentLabel::Positive;
    if (compound <= kNegativeThreshold)
        return SentimentLabel::Negative;
    return SentimentLabel::Neutral;
}

const char* sentimentLabelName(SentimentLabel label)
{
    switch (label) {
    case SentimentLabel::Negative:
        return "negative";
    case SentimentLabel::Positive:
        return "positive";
    case SentimentLabel::Neutral:
        break;
    }
    return "neutral";
}

Result<LexiconSentiment> LexiconSentiment::builtIn(SentimentLexicon lexicon)
{
    initLexiconResources();
    const bool vader = lexicon == SentimentLexicon::Vader;
    const QString path = vader ? QStringLiteral(":/lexicons/vader_lexicon.txt")
                               : QStringLiteral(":/lexicons/afinn165_financialmarketnews.tsv");
    auto result = fromFile(path, lexicon);
    if (result)
        result->m_name
            = vader ? QStringLiteral("vader") : QStringLiteral("afinn165-financialmarketnews");
    return result;
}

Result<LexiconSentiment> LexiconSentiment::fromFile(const QString& path, SentimentLexicon format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            "cannot read the lexicon: " + file.errorString().toStdString(), path.toStdString());
    return parse(file.readAll(), path, format);
}

Result<LexiconSentiment> LexiconSentiment::fromAfinnData(
    const QByteArray& data, const QString& sourceName)
{
    return parse(data, sourceName, SentimentLexicon::MarketNews);
}

Result<LexiconSentiment> LexiconSentiment::fromVaderData(
    const QByteArray& data, const QString& sourceName)
{
    return parse(data, sourceName, SentimentLexicon::Vader);
}

Result<LexiconSentiment> LexiconSentiment::parse(
    const QByteArray& data, const QString& sourceName, SentimentLexicon format)
{
    LexiconSentiment lex;
    lex.m_kind = format;
    lex.m_name = QFileInfo(sourceName).fileName();
    const std::string file = sourceName.toStdString();
    const bool afinn = format == SentimentLexicon::MarketNews;
    const QByteArrayList lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const std::int64_t lineNo = i + 1;
        const QList<QByteArray> fields = line.split('\t');
        if (i == 0 && afinn && fields.size() == 2 && fields[1].trimmed() == "score")
            continue; // header
        if (fields.size() < 2 || fields[0].isEmpty())
            return makeError(ErrorCode::BadData, "expected 'token<TAB>valence'", file, lineNo);
        const QString token = QString::fromUtf8(fields[0]);
        bool ok = false;
        double valence = 0.0;
        if (afinn) {
            const int v = fields[1].trimmed().toInt(&ok);
            if (!ok || v < -5 || v > 5)
                return makeError(
                    ErrorCode::BadData, "AFINN valence must be an integer -5..5", file, lineNo);
            if (lex.m_afinn.contains(token))
                return makeError(ErrorCode::BadData,
                    QStringLiteral("'%1' is listed twice").arg(token).toStdString(), file, lineNo);
            lex.m_afinn.insert(token, v);
            valence = v * kAfinnToVaderScale;
        } else {
            valence = fields[1].trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(valence))
                return makeError(ErrorCode::BadData, "the valence is not a number", file, lineNo);
            // VADER's own lexicon lists a few tokens twice ("lol", "ok"...): like VADER's
            // dictionaries, the later line wins.
        }
        lex.m_valence.insert(token, valence);
        lex.m_longestPhrase
            = std::max(lex.m_longestPhrase, static_cast<int>(token.count(QLatin1Char(' '))) + 1);
    }
    if (lex.m_valence.isEmpty())
        return makeError(ErrorCode::BadData, "the lexicon is empty", file);
    return lex;
}

SentimentScore LexiconSentiment::score(const QString& text, const ScoringOptions& options) const
{
    SentimentScore out;
    const VaderRun run(m_valence, text, options);
    const int n = run.size();
    if (n == 0)
        return out;
    const QStringList& lower = run.lower();
    std::vector<double> sentiments(static_cast<std::size_t>(n), 0.0);
    std::vector<int> span(static_cast<std::size_t>(n), 1);
    for (int i = 0; i < n; ++i) {
        const bool kindOf
            = i < n - 1 && lower[i] == QLatin1String("kind") && lower[i + 1] == QLatin1String("of");
        if (kindOf || boosters().contains(lower[i]))
            continue;
        // Phrases first (longest), then the single word.
        double valence = 0.0;
        bool found = false;
        if (options.matchPhrases) {
            for (int k = std::min(m_longestPhrase, n - i); k >= 2 && !found; --k) {
                const auto it = m_valence.constFind(lower.mid(i, k).join(QLatin1Char(' ')));
                if (it != m_valence.constEnd()) {
                    valence = it.value();
                    span[static_cast<std::size_t>(i)] = k;
                    found = true;
                }
            }
        }
        if (!found) {
            const auto it = m_valence.constFind(lower[i]);
            if (it == m_valence.constEnd())
                continue;
            valence = it.value();
        }
        sentiments[static_cast<std::size_t>(i)] = run.itemValence(i, valence);
        i += span[static_cast<std::size_t>(i)] - 1; // the rest of a phrase scores nothing
    }
    // "but" shifts the weight to the clause after it.
    if (const int but = run.butIndex(); but >= 0) {
        for (int i = 0; i < n; ++i) {
            if (i < but)
                sentiments[static_cast<std::size_t>(i)] *= 0.5;
            else if (i > but)
                sentiments[static_cast<std::size_t>(i)] *= 1.5;
        }
    }
    double sum = 0.0;
    for (double s : sentiments)
        sum += s;
    const double amplifier = punctuationAmplifier(text);
    if (sum > 0)
        out.punctuationEmphasis = amplifier;
    else if (sum < 0)
        out.punctuationEmphasis = -amplifier;
    sum += out.punctuationEmphasis;
    out.sum = sum;
    out.compound = std::clamp(sum / std::sqrt(sum * sum + kVaderAlpha), -1.0, 1.0);
    out.label = sentimentLabel(out.compound);
    const std::vector<Token>& tokens = run.tokens();
    for (int i = 0; i < n; ++i) {
        const double s = sentiments[static_cast<std::size_t>(i)];
        if (s == 0.0)
            continue;
        const Token& first = tokens[static_cast<std::size_t>(i)];
        const Token& last
            = tokens[static_cast<std::size_t>(i + span[static_cast<std::size_t>(i)] - 1)];
        const int end = last.position + static_cast<int>(last.word.size());
        out.contributions.push_back({text.mid(first.position, end - first.position), first.position,
            end - first.position, s});
    }
    return out;
}

Result<AfinnScore> LexiconSentiment::afinnScore(const QString& text) const
{
    if (m_afinn.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            "AFINN sums need an AFINN lexicon, not " + m_name.toStdString());
    static const QSet<QString> negators {"cant", "can't", "dont", "don't", "doesnt", "doesn't",
        "not", "non", "wont", "won't", "isnt", "isn't"};
    static const QString removed = QStringLiteral(".,/#!?$%^&*;:{}=_`\"~()");
    QString t = text.toLower();
    for (QChar& c : t) {
        if (c == QLatin1Char('\n') || removed.contains(c))
            c = QLatin1Char(' ');
    }
    // Runs of two or more whitespace characters become one space (a lone tab stays), then the
    // ends are trimmed and the text split at single spaces.
    QString collapsed;
    collapsed.reserve(t.size());
    for (qsizetype i = 0; i < t.size();) {
        qsizetype j = i;
        while (j < t.size() && isJsSpace(t[j]))
            ++j;
        if (j - i >= 2) {
            collapsed.append(QLatin1Char(' '));
            i = j;
        } else {
            collapsed.append(t[i]);
            ++i;
        }
    }
    qsizetype b = 0;
    qsizetype e = collapsed.size();
    while (b < e && isJsSpace(collapsed[b]))
        ++b;
    while (e > b && isJsSpace(collapsed[e - 1]))
        --e;
    const QStringList tokens = collapsed.mid(b, e - b).split(QLatin1Char(' '));
    AfinnScore out;
    out.tokens = static_cast<int>(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const auto it = m_afinn.constFind(tokens[i]);
        if (it == m_afinn.constEnd())
            continue;
        out.score += (i > 0 && negators.contains(tokens[i - 1])) ? -it.value() : it.value();
    }
    out.comparative = out.tokens > 0 ? static_cast<double>(out.score) / out.tokens : 0.0;
    return out;
}

} // namespace marketlens::core::news
