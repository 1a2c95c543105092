#pragma once
// Internal to news_store.cpp and news_store_sentiment.cpp: the savepoint both use and the
// stored form of a sentiment class. Not part of the public contract (news_store.h).

#include "core/news/news_item.h"
#include "core/sqlite_db.h"

#include <cstdint>
#include <optional>
#include <string>

namespace marketlens::core::news::detail {

// A savepoint: a transaction of its own when none is open, nested in the caller's otherwise.
// Rolled back unless released.
class Savepoint {
public:
    Savepoint(Database& db, const char* name)
        : m_db(db)
        , m_name(name)
    {
    }
    ~Savepoint()
    {
        if (m_active) {
            (void)m_db.exec("ROLLBACK TO " + m_name);
            (void)m_db.exec("RELEASE " + m_name);
        }
    }
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    Status begin()
    {
        Status s = m_db.exec("SAVEPOINT " + m_name);
        m_active = s.ok();
        return s;
    }
    Status release()
    {
        m_active = false;
        return m_db.exec("RELEASE " + m_name);
    }

private:
    Database& m_db;
    std::string m_name;
    bool m_active = false;
};

// -1/0/1 as stored in news.label_class and sentiment_scores.label.
inline std::optional<SentimentClass> classFromInt(std::int64_t v)
{
    if (v < 0)
        return SentimentClass::Negative;
    if (v > 0)
        return SentimentClass::Positive;
    return SentimentClass::Neutral;
}

} // namespace marketlens::core::news::detail
