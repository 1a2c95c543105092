// Sentiment scores per (item, model) and the daily sentiment index in the project file (schema
// v5, see news_store.h and docs/project-file.md).
#include "core/news/news_store.h"

#include "core/news/news_store_internal.h"
#include "core/project_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace marketlens::core::news {
namespace {

using detail::classFromInt;
using detail::Savepoint;

std::string toJson(const QJsonArray& a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString();
}

QJsonArray parseArray(std::string_view text)
{
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(text.data(), static_cast<qsizetype>(text.size())));
    return doc.isArray() ? doc.array() : QJsonArray();
}

constexpr std::size_t kMaxExplanation = 32;

} // namespace

// ---- sentiment scores ----

Status saveScores(
    ProjectStore& store, const std::string& modelKey, const std::vector<StoredScore>& scores)
{
    if (modelKey.empty())
        return makeError(ErrorCode::InvalidArgument, "scores need a model key");
    Savepoint sp(store.db(), "save_scores");
    if (auto s = sp.begin(); !s)
        return s;
    auto st = store.db().prepare(
        "INSERT INTO sentiment_scores (news_id, model_key, score, label, probabilities, "
        "explanation, scored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT(news_id, model_key) DO UPDATE SET score = excluded.score, "
        "label = excluded.label, probabilities = excluded.probabilities, "
        "explanation = excluded.explanation, scored_at = excluded.scored_at");
    if (!st)
        return st.error();
    const std::string now = utcNowIso();
    for (const StoredScore& sc : scores) {
        if (!std::isfinite(sc.score))
            return makeError(ErrorCode::InvalidArgument,
                "score of news item " + std::to_string(sc.newsId) + " is not a number");
        QJsonArray probs;
        for (double p : sc.probabilities)
            probs.append(p);
        QJsonArray expl;
        for (std::size_t i = 0; i < sc.explanation.size() && i < kMaxExplanation; ++i) {
            const WordWeight& w = sc.explanation[i];
            expl.append(QJsonArray {w.position, w.length, w.weight});
        }
        st->bind(1, sc.newsId);
        st->bind(2, std::string_view(modelKey));
        st->bind(3, std::clamp(sc.score, -1.0, 1.0));
        st->bind(4, static_cast<int>(sc.label));
        st->bind(5, std::string_view(toJson(probs)));
        st->bind(6, std::string_view(toJson(expl)));
        st->bind(7, std::string_view(now));
        if (auto s = st->run(); !s)
            return s;
    }
    return sp.release();
}

Result<std::vector<StoredScore>> loadScores(
    ProjectStore& store, const std::string& modelKey, const std::vector<std::int64_t>& newsIds)
{
    std::string sql = "SELECT news_id, score, label, probabilities, explanation FROM "
                      "sentiment_scores WHERE model_key = ?1";
    sql += newsIds.empty() ? " ORDER BY news_id" : " AND news_id = ?2";
    auto st = store.db().prepare(sql);
    if (!st)
        return st.error();
    std::vector<StoredScore> out;
    auto readRow = [&]() -> Status {
        StoredScore sc;
        sc.newsId = st->columnInt(0);
        sc.score = st->columnDouble(1);
        sc.label = *classFromInt(st->columnInt(2));
        for (const QJsonValue& v : parseArray(st->columnTextView(3)))
            sc.probabilities.push_back(v.toDouble());
        for (const QJsonValue& v : parseArray(st->columnTextView(4))) {
            const QJsonArray w = v.toArray();
            if (w.size() == 3)
                sc.explanation.push_back(WordWeight {w[0].toInt(), w[1].toInt(), w[2].toDouble()});
        }
        out.push_back(std::move(sc));
        return {};
    };
    if (newsIds.empty()) {
        st->bind(1, std::string_view(modelKey));
        if (auto s = st->forEachRow(readRow); !s)
            return s.error();
        return out;
    }
    std::vector<std::int64_t> ids = newsIds;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::int64_t id : ids) {
        st->reset();
        st->bind(1, std::string_view(modelKey));
        st->bind(2, id);
        if (auto s = st->forEachRow(readRow); !s)
            return s.error();
    }
    return out;
}

Result<std::vector<ScoredModel>> scoredModels(ProjectStore& store)
{
    auto st = store.db().prepare("SELECT model_key, count(*), max(scored_at) FROM sentiment_scores "
                                 "GROUP BY model_key ORDER BY model_key");
    if (!st)
        return st.error();
    std::vector<ScoredModel> out;
    const Status rows = st->forEachRow([&]() -> Status {
        out.push_back(ScoredModel {st->columnText(0), st->columnInt(1), st->columnText(2)});
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Status deleteScores(ProjectStore& store, const std::string& modelKey)
{
    auto st = store.db().prepare("DELETE FROM sentiment_scores WHERE model_key = ?1");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(modelKey));
    return st->run();
}

// ---- daily sentiment index ----

Status saveSentimentIndex(ProjectStore& store, const std::string& scope,
    const std::string& modelKey, const std::vector<DailySentiment>& days)
{
    Savepoint sp(store.db(), "save_sentiment_index");
    if (auto s = sp.begin(); !s)
        return s;
    auto del
        = store.db().prepare("DELETE FROM sentiment_index WHERE scope = ?1 AND model_key = ?2");
    if (!del)
        return del.error();
    del->bind(1, std::string_view(scope));
    del->bind(2, std::string_view(modelKey));
    if (auto s = del->run(); !s)
        return s;
    auto ins
        = store.db().prepare("INSERT INTO sentiment_index (scope, model_key, date, mean, count, "
                             "decayed) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                             "ON CONFLICT(scope, model_key, date) DO UPDATE SET "
                             "mean = excluded.mean, count = excluded.count, "
                             "decayed = excluded.decayed");
    if (!ins)
        return ins.error();
    for (const DailySentiment& d : days) {
        if (!std::isfinite(d.mean) || !std::isfinite(d.decayed))
            return makeError(ErrorCode::InvalidArgument,
                "sentiment index of " + scope + " on " + d.date.toIso() + " is not a number");
        ins->bind(1, std::string_view(scope));
        ins->bind(2, std::string_view(modelKey));
        ins->bind(3, std::string_view(d.date.toIso()));
        ins->bind(4, d.mean);
        ins->bind(5, d.count);
        ins->bind(6, d.decayed);
        if (auto s = ins->run(); !s)
            return s;
    }
    return sp.release();
}

Result<std::vector<DailySentiment>> loadSentimentIndex(
    ProjectStore& store, const std::string& scope, const std::string& modelKey)
{
    auto st = store.db().prepare("SELECT date, mean, count, decayed FROM sentiment_index "
                                 "WHERE scope = ?1 AND model_key = ?2 ORDER BY date");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(scope));
    st->bind(2, std::string_view(modelKey));
    std::vector<DailySentiment> out;
    const Status rows = st->forEachRow([&]() -> Status {
        const auto date = Date::fromIso(st->columnTextView(0));
        if (!date)
            return makeError(ErrorCode::Corrupt,
                "bad date '" + st->columnText(0) + "' in the sentiment index of " + scope,
                store.path());
        out.push_back(DailySentiment {
            *date, st->columnDouble(1), static_cast<int>(st->columnInt(2)), st->columnDouble(3)});
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Result<std::vector<std::string>> sentimentIndexScopes(
    ProjectStore& store, const std::string& modelKey)
{
    auto st = store.db().prepare(
        "SELECT DISTINCT scope FROM sentiment_index WHERE model_key = ?1 ORDER BY scope");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(modelKey));
    std::vector<std::string> out;
    const Status rows = st->forEachRow([&]() -> Status {
        out.push_back(st->columnText(0));
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

} // namespace marketlens::core::news
