// Scoring stored news (core/news/sentiment_scoring.h) in a real project file.
//
// Hand-computed lexicon scores (market-news list, AFINN valence x 0.8, compound = x/sqrt(x^2+15)):
//   n1 "Acme shares surge on record profit": surge 1, record 2, profit 2 (shares 0)
//      -> x = 0.8 + 1.6 + 1.6 = 4.0, compound 4/sqrt(31) = 0.7184212081070996 (positive)
//   n2 "Acme warns of layoffs": warns -2, layoffs -1 -> x = -2.4, compound -0.5267415375673764
//   n3 "Beta announces dividend" + body "The board approved it.": dividend 1, approved 2
//      -> x = 2.4, compound 0.5267415375673764 (positive)
//   n4 "Markets were quiet": no lexicon word -> 0 (neutral), linked to no ticker
// Days: n1 2024-01-05 10:00 and n2 23:30 the same day (D0), n3 D0 + 3 (Monday), n4 D0 + 4.
// Index, half-life 2: ACME = (s1 + s2)/2 = 0.09583983526986162 from D0 on; BETA on D3 =
// (s2 * 0.5^1.5 + s3)/(0.5^1.5 + 1) = 0.2515676761334606; portfolio P (weights 0.75/0.25) on D4
// = 0.13477179548576135; portfolio Q (10 ACME at 20, 2 BETA at 50: 200 : 100) on D4
// = 0.14774911555772793 (evaluated with Python from these formulas).

#include "core/news/sentiment_index.h"
#include "core/news/sentiment_scoring.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"
#include "core/sqlite_db.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace marketlens::core;
using namespace marketlens::core::news;

namespace {

constexpr std::int32_t kD0 = 19727; // 2024-01-05, a Friday
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kT0 = std::int64_t(kD0) * kDay;
constexpr double kS1 = 0.7184212081070996;
constexpr double kS2 = -0.5267415375673764;
constexpr double kAcme = 0.09583983526986162;
constexpr double kBeta3 = 0.2515676761334606;
constexpr double kPortfolioP = 0.13477179548576135;
constexpr double kPortfolioQ = 0.14774911555772793;

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

StoredNews item(
    std::int64_t t, const char* headline, std::vector<std::string> tickers, const char* body = "")
{
    StoredNews n;
    n.timestamp = t;
    n.headline = headline;
    n.body = body;
    for (std::string& ticker : tickers)
        n.tickers.push_back({std::move(ticker), LinkReason::Explicit, {}, 1});
    return n;
}

// A scorer that gives every text the same score, one text per batch (to cancel mid-run).
class FixedScorer final : public SentimentScorer {
public:
    FixedScorer(std::string key, double score)
        : m_key(std::move(key))
        , m_score(score)
    {
    }
    std::string modelKey() const override { return m_key; }
    std::string displayName() const override { return "fixed"; }
    Result<std::vector<StoredScore>> scoreTexts(
        const std::vector<QString>& texts, bool) const override
    {
        std::vector<StoredScore> out(texts.size());
        for (StoredScore& s : out) {
            s.score = m_score;
            s.label = SentimentClass::Positive;
            s.probabilities = {0.1, 0.2, 0.7};
        }
        return out;
    }
    int preferredBatch() const override { return 1; }

private:
    std::string m_key;
    double m_score;
};

std::unique_ptr<LexiconScorer> lexicon()
{
    auto s = LexiconScorer::builtIn();
    if (!s)
        qFatal("%s", s.error().toString().c_str());
    return std::move(*s);
}

std::map<std::int64_t, StoredScore> byId(const std::vector<StoredScore>& scores)
{
    std::map<std::int64_t, StoredScore> m;
    for (const StoredScore& s : scores)
        m[s.newsId] = s;
    return m;
}

} // namespace

class TestSentimentScoring : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    std::vector<std::int64_t> m_ids; // n1..n4 of the last project made

    ProjectStore project()
    {
        const std::string path
            = m_dir.filePath(QStringLiteral("p%1.mlens").arg(++m_files)).toStdString();
        auto store = ProjectStore::create(path);
        if (!store)
            qFatal("%s", store.error().toString().c_str());
        m_ids.clear();
        for (const StoredNews& n :
            {item(kT0 + 10 * 3600, "Acme shares surge on record profit", {"ACME"}),
                item(kT0 + 23 * 3600 + 1800, "Acme warns of layoffs", {"ACME", "BETA"}),
                item(kT0 + 3 * kDay + 9 * 3600, "Beta announces dividend", {"BETA"},
                    "The board approved it."),
                item(kT0 + 4 * kDay, "Markets were quiet", {})}) {
            auto id = insertNews(*store, n);
            if (!id || *id <= 0)
                qFatal("insertNews failed");
            m_ids.push_back(*id);
        }
        // Prices for the quantity-weighted portfolio Q (last prices ACME 20, BETA 50).
        auto acme = store->instrumentId("ACME", true);
        auto beta = store->instrumentId("BETA", true);
        const std::string sql = "INSERT INTO prices (instrument_id, date, close) VALUES ("
            + std::to_string(*acme) + ", '2024-01-04', 18), (" + std::to_string(*acme)
            + ", '2024-01-05', 20), (" + std::to_string(*beta) + ", '2024-01-05', 50)";
        if (!store->db().exec(sql))
            qFatal("prices");
        Portfolio p;
        p.name = "P";
        p.holdings = {{"ACME", std::nullopt, 0.75, std::nullopt, ""},
            {"BETA", std::nullopt, 0.25, std::nullopt, ""}};
        Portfolio q;
        q.name = "Q";
        q.holdings = {{"acme", 10.0, std::nullopt, std::nullopt, ""},
            {"BETA", 2.0, std::nullopt, std::nullopt, ""}};
        if (!store->writePortfolio(p) || !store->writePortfolio(q))
            qFatal("portfolios");
        return std::move(*store);
    }

    std::vector<DailySentiment> index(
        ProjectStore& store, const std::string& scope, const std::string& key = kLexiconModelKey)
    {
        auto r = loadSentimentIndex(store, scope, key);
        if (!r)
            qFatal("%s", r.error().toString().c_str());
        return std::move(*r);
    }

private Q_SLOTS:
    void lexiconScorerIsTheLexicon()
    {
        auto scorer = lexicon();
        QCOMPARE(scorer->modelKey(), std::string("lexicon"));
        QCOMPARE(scorer->displayName(), std::string("Lexicon (market news)"));
        const std::vector<QString> texts {QStringLiteral("Acme shares surge on record profit"),
            QStringLiteral("Acme warns of layoffs"),
            QStringLiteral("Profits are NOT good, but the outlook is very strong!"),
            QStringLiteral("Markets were quiet")};
        auto scores = scorer->scoreTexts(texts, true);
        QVERIFY(scores);
        QCOMPARE(scores->size(), texts.size());
        QVERIFY(near((*scores)[0].score, kS1));
        QVERIFY(near((*scores)[1].score, kS2));
        QCOMPARE((*scores)[0].label, SentimentClass::Positive);
        QCOMPARE((*scores)[1].label, SentimentClass::Negative);
        QCOMPARE((*scores)[3].label, SentimentClass::Neutral);
        QCOMPARE((*scores)[3].score, 0.0);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const SentimentScore ref = scorer->lexicon().score(texts[i]);
            const StoredScore& s = (*scores)[i];
            QCOMPARE(s.score, ref.compound);
            QCOMPARE(s.newsId, std::int64_t(0));
            QVERIFY(s.probabilities.empty());
            QCOMPARE(s.explanation.size(), ref.contributions.size());
            for (std::size_t k = 1; k < s.explanation.size(); ++k)
                QVERIFY(std::abs(s.explanation[k - 1].weight) >= std::abs(s.explanation[k].weight));
        }
        // Without explanations: the same scores, no word weights.
        auto plain = scorer->scoreTexts(texts, false);
        QVERIFY(plain);
        QCOMPARE((*plain)[2].score, (*scores)[2].score);
        QVERIFY((*plain)[2].explanation.empty());
    }

    void explanationPointsAtTheWords()
    {
        auto scorer = lexicon();
        const QString text = QStringLiteral("Acme shares surge on record profit");
        auto scores = scorer->scoreTexts({text}, true);
        QVERIFY(scores);
        const std::vector<WordWeight>& e = (*scores)[0].explanation;
        // record 1.6 and profit 1.6 (text order kept between equals), then surge 0.8.
        QCOMPARE(e.size(), std::size_t(3));
        QCOMPARE(text.mid(e[0].position, e[0].length), QStringLiteral("record"));
        QCOMPARE(text.mid(e[1].position, e[1].length), QStringLiteral("profit"));
        QCOMPARE(text.mid(e[2].position, e[2].length), QStringLiteral("surge"));
        QVERIFY(near(e[0].weight, 1.6) && near(e[1].weight, 1.6) && near(e[2].weight, 0.8));
        QCOMPARE(e[0].position, 21);
        // Stripped punctuation and a negated word: "never good" points at "good" only, with
        // good's 3 x 0.8 times VADER's negation -0.74.
        const QString neg = QStringLiteral("Results: (never good).");
        auto n = scorer->scoreTexts({neg}, true);
        QVERIFY(n);
        QCOMPARE((*n)[0].explanation.size(), std::size_t(1));
        const WordWeight& w = (*n)[0].explanation[0];
        QCOMPARE(neg.mid(w.position, w.length), QStringLiteral("good"));
        QVERIFY(near(w.weight, 2.4 * -0.74));
        // A phrase of the list ("not good" -2) is one item covering both words.
        const QString phrase = QStringLiteral("Sales are not good");
        auto ph = scorer->scoreTexts({phrase}, true);
        QVERIFY(ph && (*ph)[0].explanation.size() == 1);
        const WordWeight& pw = (*ph)[0].explanation[0];
        QCOMPARE(phrase.mid(pw.position, pw.length), QStringLiteral("not good"));
        QVERIFY(near(pw.weight, -1.6));
    }

    void openByKey()
    {
        auto vader = openLexiconScorer("lexicon:vader");
        QVERIFY(vader);
        QCOMPARE((*vader)->modelKey(), std::string("lexicon:vader"));
        QCOMPARE((*vader)->displayName(), std::string("Lexicon (VADER)"));
        auto market = openLexiconScorer("lexicon");
        QVERIFY(market && (*market)->modelKey() == "lexicon");
        auto other = openLexiconScorer("model:3");
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::NotFound);
        // The list without loading names each one as the loaded scorer does, and opens.
        const auto listed = builtInLexiconScorers();
        QCOMPARE(listed.size(), std::size_t(2));
        QCOMPARE(listed[0].first, std::string("lexicon"));
        QCOMPARE(listed[1].first, std::string("lexicon:vader"));
        for (const auto& [key, name] : listed) {
            auto opened = openLexiconScorer(key);
            QVERIFY(opened);
            QCOMPARE((*opened)->modelKey(), key);
            QCOMPARE((*opened)->displayName(), name);
        }
    }

    void scoresEveryItemAndBuildsTheIndex()
    {
        ProjectStore store = project();
        std::vector<std::pair<std::int64_t, std::int64_t>> calls;
        auto run = scoreProjectNews(
            store, *lexicon(), {true, false, 2.0}, [&](std::int64_t d, std::int64_t t) {
                calls.emplace_back(d, t);
                return true;
            });
        QVERIFY2(run, run ? "" : run.error().toString().c_str());
        QCOMPARE(run->modelKey, std::string("lexicon"));
        QCOMPARE(run->itemsScored, std::int64_t(4));
        QCOMPARE(run->positive, std::int64_t(2));
        QCOMPARE(run->negative, std::int64_t(1));
        QCOMPARE(run->neutral, std::int64_t(1));
        QCOMPARE(run->indexScopes, std::int64_t(4)); // ACME, BETA, portfolios P and Q
        QCOMPARE(calls.front(), (std::pair<std::int64_t, std::int64_t>(0, 4)));
        QCOMPARE(calls.back(), (std::pair<std::int64_t, std::int64_t>(4, 4)));

        auto stored = loadScores(store, "lexicon");
        QVERIFY(stored);
        const auto scores = byId(*stored);
        QCOMPARE(scores.size(), std::size_t(4));
        QVERIFY(near(scores.at(m_ids[0]).score, kS1));
        QVERIFY(near(scores.at(m_ids[1]).score, kS2));
        QVERIFY(near(scores.at(m_ids[2]).score, -kS2));
        QCOMPARE(scores.at(m_ids[3]).label, SentimentClass::Neutral);
        // The body is scored too, and explanation positions index scoringText(item).
        auto n3 = newsById(store, m_ids[2]);
        QVERIFY(n3);
        const QString text = QString::fromStdString(scoringText(*n3));
        QCOMPARE(text, QStringLiteral("Beta announces dividend\n\nThe board approved it."));
        const auto& e = scores.at(m_ids[2]).explanation;
        QCOMPARE(e.size(), std::size_t(2));
        QCOMPARE(text.mid(e[0].position, e[0].length), QStringLiteral("approved"));
        QCOMPARE(text.mid(e[1].position, e[1].length), QStringLiteral("dividend"));

        // Indices: every scope runs D0..D4 (the day of the latest scored item).
        const auto acme = index(store, "ACME");
        QCOMPARE(acme.size(), std::size_t(5));
        QCOMPARE(acme.front().date.days(), kD0);
        QCOMPARE(acme.front().count, 2);
        QVERIFY(near(acme.front().mean, kAcme));
        QVERIFY(near(acme.back().decayed, kAcme));
        const auto beta = index(store, "BETA");
        QCOMPARE(beta.size(), std::size_t(5));
        QCOMPARE(beta[0].count, 1);
        QVERIFY(near(beta[0].decayed, kS2));
        QVERIFY(near(beta[3].decayed, kBeta3));
        QVERIFY(near(beta[4].decayed, kBeta3));
        const auto p = index(store, "portfolio:P");
        QCOMPARE(p.size(), std::size_t(5));
        QVERIFY(near(p.back().decayed, kPortfolioP));
        QCOMPARE(p.front().count, 3); // ACME 2 + BETA 1 on D0
        QVERIFY(near(p.front().mean, 0.75 * kAcme + 0.25 * kS2));
        QVERIFY(near(index(store, "portfolio:Q").back().decayed, kPortfolioQ));
        auto scopes = sentimentIndexScopes(store, "lexicon");
        QVERIFY(scopes);
        QCOMPARE(scopes->size(), std::size_t(4));
    }

    void keepsOtherModelsAndSkipsScored()
    {
        ProjectStore store = project();
        StoredScore other;
        other.newsId = m_ids[0];
        other.score = -0.9;
        other.label = SentimentClass::Negative;
        other.probabilities = {0.9, 0.05, 0.05};
        QVERIFY(saveScores(store, "model:7", {other}));
        QVERIFY(scoreProjectNews(store, *lexicon()));
        auto kept = loadScores(store, "model:7");
        QVERIFY(kept && kept->size() == 1);
        QCOMPARE(kept->front().score, -0.9);
        QCOMPARE(kept->front().probabilities.size(), std::size_t(3));
        auto models = scoredModels(store);
        QVERIFY(models);
        QCOMPARE(models->size(), std::size_t(2));

        // onlyUnscored: a changed stored score stays, only the new item is scored.
        StoredScore changed = byId(*loadScores(store, "lexicon")).at(m_ids[0]);
        changed.score = 0.123;
        QVERIFY(saveScores(store, "lexicon", {changed}));
        auto n5 = insertNews(
            store, item(kT0 + 6 * kDay, "Acme record profit", {"ACME"})); // x 3.2 -> positive
        QVERIFY(n5 && *n5 > 0);
        auto run = scoreProjectNews(store, *lexicon(), {false, true, 2.0});
        QVERIFY(run);
        QCOMPARE(run->itemsScored, std::int64_t(1));
        QCOMPARE(run->positive, std::int64_t(1));
        const auto scores = byId(*loadScores(store, "lexicon"));
        QCOMPARE(scores.size(), std::size_t(5));
        QCOMPARE(scores.at(m_ids[0]).score, 0.123);
        QVERIFY(scores.at(*n5).explanation.empty()); // explain was off
        const double s5 = 3.2 / std::sqrt(3.2 * 3.2 + 15.0);
        QVERIFY(near(scores.at(*n5).score, s5));
        // The index was rebuilt from the stored scores, the changed one included: ACME on D6 =
        // (0.123 w^6 + s2 w^6 + s5) / (2 w^6 + 1), w^6 = 0.5^3 with half-life 2.
        const auto acme = index(store, "ACME");
        QCOMPARE(acme.back().date.days(), kD0 + 6);
        QVERIFY(near(acme.back().decayed, (0.125 * (0.123 + kS2) + s5) / (0.25 + 1.0)));
    }

    void cancelRollsBack()
    {
        ProjectStore store = project();
        QVERIFY(scoreProjectNews(store, *lexicon(), {true, false, 2.0}));
        const auto before = byId(*loadScores(store, "lexicon"));
        const auto acmeBefore = index(store, "ACME");
        // Rescoring under the same key, cancelled after two of the four batches.
        auto run = scoreProjectNews(store, FixedScorer("lexicon", 0.5), {},
            [](std::int64_t done, std::int64_t) { return done < 2; });
        QVERIFY(!run);
        QCOMPARE(run.error().code, ErrorCode::Cancelled);
        const auto after = byId(*loadScores(store, "lexicon"));
        QCOMPARE(after.size(), before.size());
        for (const auto& [id, s] : before)
            QCOMPARE(after.at(id).score, s.score);
        const auto acmeAfter = index(store, "ACME");
        QCOMPARE(acmeAfter.size(), acmeBefore.size());
        QCOMPARE(acmeAfter.back().decayed, acmeBefore.back().decayed);
        // A new model cancelled at once leaves nothing behind.
        auto none = scoreProjectNews(store, FixedScorer("model:9", 0.5), {},
            [](std::int64_t, std::int64_t) { return false; });
        QVERIFY(!none);
        QVERIFY(loadScores(store, "model:9")->empty());
        QVERIFY(sentimentIndexScopes(store, "model:9")->empty());
        // The store is usable afterwards (no transaction left open).
        auto full = scoreProjectNews(store, FixedScorer("model:9", 0.5));
        QVERIFY(full);
        QCOMPARE(full->itemsScored, std::int64_t(4));
        QCOMPARE(full->positive, std::int64_t(4));
        QVERIFY(near(index(store, "BETA", "model:9").back().decayed, 0.5));
    }

    void rebuildDropsStaleScopesAndChecksArguments()
    {
        ProjectStore store = project();
        QVERIFY(scoreProjectNews(store, *lexicon(), {true, false, 2.0}));
        // Without the BETA news (n2 and n3) BETA has no index any more.
        QVERIFY(deleteNews(store, {m_ids[1], m_ids[2]}));
        auto scopes = rebuildSentimentIndex(store, "lexicon", 2.0);
        QVERIFY(scopes);
        QCOMPARE(*scopes, std::int64_t(3)); // ACME, P, Q
        QVERIFY(index(store, "BETA").empty());
        QVERIFY(near(index(store, "portfolio:P").back().decayed, kS1));
        QVERIFY(!rebuildSentimentIndex(store, "lexicon", 0.0));
        auto bad = scoreProjectNews(store, *lexicon(), {true, false, -1.0});
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void reportSection()
    {
        namespace rep = marketlens::core::report;
        ProjectStore store = project();
        rep::ReportOptions options;
        options.portfolio = "P";
        // No scores yet: left out of a full report, one sentence when asked for.
        options.sections = {"summary", "sentiment"};
        auto empty = rep::buildReport(store, options);
        QVERIFY2(empty, empty ? "" : empty.error().toString().c_str());
        QCOMPARE(empty->sections.back().id, std::string("sentiment"));
        QCOMPARE(empty->sections.back().blocks.size(), std::size_t(1));
        QVERIFY(std::holds_alternative<rep::Paragraph>(empty->sections.back().blocks[0]));

        QVERIFY(scoreProjectNews(store, *lexicon(), {true, false, 2.0}));
        QVERIFY(saveScores(
            store, "lexicon:vader", {{m_ids[0], -0.2, SentimentClass::Negative, {}, {}}}));
        options.sections = {"sentiment"};
        auto doc = rep::buildReport(store, options);
        QVERIFY(doc);
        QCOMPARE(doc->sections.size(), std::size_t(1));
        const rep::Section& sec = doc->sections[0];
        QCOMPARE(sec.title, std::string("News sentiment"));
        std::vector<const rep::Table*> tables;
        const rep::Chart* chart = nullptr;
        for (const rep::Block& b : sec.blocks) {
            if (const auto* t = std::get_if<rep::Table>(&b))
                tables.push_back(t);
            if (const auto* c = std::get_if<rep::Chart>(&b))
                chart = c;
        }
        QCOMPARE(tables.size(), std::size_t(2));
        // Models: the lexicon (4 items: 2 positive, 1 neutral, 1 negative) and VADER (1).
        const rep::Table& models = *tables[0];
        QCOMPARE(models.rows.size(), std::size_t(2));
        std::map<std::string, std::vector<std::string>> byKey;
        for (const auto& row : models.rows) {
            std::vector<std::string> texts;
            for (const rep::TableCell& c : row)
                texts.push_back(c.text);
            byKey[texts[1]] = texts;
        }
        QCOMPARE(byKey["lexicon"][0], std::string("Lexicon (market news)"));
        QCOMPARE(byKey["lexicon"][2], std::string("4"));
        QCOMPARE(byKey["lexicon"][3], std::string("2"));
        QCOMPARE(byKey["lexicon"][4], std::string("1"));
        QCOMPARE(byKey["lexicon"][5], std::string("1"));
        QCOMPARE(byKey["lexicon:vader"][0], std::string("Lexicon (VADER)"));
        QCOMPARE(byKey["lexicon:vader"][5], std::string("1"));
        // Per ticker (the lexicon's index): ACME decayed and 30-day mean (s1 + s2)/2 = 0.0958;
        // BETA decayed 0.2516, 30-day mean (s2 + s3)/2 = 0.
        const rep::Table& tickers = *tables[1];
        QCOMPARE(tickers.rows.size(), std::size_t(2));
        const auto text = [&](std::size_t r, std::size_t c) { return tickers.rows[r][c].text; };
        QCOMPARE(text(0, 0), std::string("ACME"));
        QCOMPARE(text(0, 1), std::string("2"));
        QCOMPARE(text(0, 2), std::string("2024-01-05"));
        QCOMPARE(text(0, 3), std::string("0.096"));
        QCOMPARE(text(0, 4), std::string("0.096"));
        QCOMPARE(tickers.rows[0][3].tone, rep::Tone::Good);
        QCOMPARE(text(1, 0), std::string("BETA"));
        QCOMPARE(text(1, 2), std::string("2024-01-08"));
        QCOMPARE(text(1, 3), std::string("0.252"));
        QCOMPARE(text(1, 4), std::string("0.000"));
        QCOMPARE(text(1, 5), std::string("2"));
        // The portfolio's index as a chart: decayed line over D0..D4 and the daily means.
        QVERIFY(chart);
        QVERIFY(chart->timeAxis);
        QCOMPARE(chart->series.size(), std::size_t(2));
        QCOMPARE(chart->series[0].x.size(), std::size_t(5));
        QCOMPARE(chart->series[0].x.front(), double(kD0));
        QVERIFY(near(chart->series[0].y.back(), kPortfolioP));
        QCOMPARE(chart->series[1].style, rep::ChartSeries::Style::Points);
        QCOMPARE(chart->series[1].x.size(), std::size_t(2)); // D0 and D3 have news
        // All sections: the sentiment section comes before the conventions.
        options.sections = {};
        auto all = rep::buildReport(store, options);
        QVERIFY(all);
        QCOMPARE(all->sections.back().id, std::string("conventions"));
        QCOMPARE(all->sections[all->sections.size() - 2].id, std::string("sentiment"));
    }
};

QTEST_GUILESS_MAIN(TestSentimentScoring)
#include "test_sentiment_scoring.moc"
