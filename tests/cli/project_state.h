#pragma once
// Shared by the crash-consistency and full-disk tests: open a project the way the application
// does, check its integrity and reduce its content to one canonical digest, so that "the project
// equals the state before or the state after an operation" is a comparison of two digests.

#include "core/project_crypto.h"
#include "core/project_store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace project_state {

// Columns that hold the wall-clock time of an operation (when it ran, how long it took): two
// uninterrupted runs of the same command differ only there, so the digest leaves them out.
inline bool isClockColumn(const QString& column)
{
    static const QStringList names = {QStringLiteral("created_at"), QStringLiteral("imported_at"),
        QStringLiteral("created_utc"), QStringLiteral("scored_at"),
        QStringLiteral("train_seconds")};
    return names.contains(column);
}

// One value, typed, with doubles bit for bit (no rounding through text).
inline void appendValue(QByteArray& row, sqlite3_stmt* st, int col, const QString& column)
{
    const int type = sqlite3_column_type(st, col);
    row += char('0' + type);
    if (isClockColumn(column)) {
        row += '*';
    } else if (type == SQLITE_INTEGER) {
        row += QByteArray::number(static_cast<qlonglong>(sqlite3_column_int64(st, col)));
    } else if (type == SQLITE_FLOAT) {
        const double d = sqlite3_column_double(st, col);
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        row += QByteArray::number(bits, 16);
    } else if (type != SQLITE_NULL) {
        QByteArray v(
            static_cast<const char*>(sqlite3_column_blob(st, col)), sqlite3_column_bytes(st, col));
        // A training history records each epoch's duration: clock time as well.
        if (column == QLatin1String("history_json"))
            v = QString::fromUtf8(v)
                    .replace(QRegularExpression(QStringLiteral("\"seconds\":[-+0-9.eE]+")),
                        QStringLiteral("\"seconds\":*"))
                    .toUtf8();
        row += QByteArray::number(v.size()) + ':' + v;
    }
    row += '|';
}

struct State {
    bool ok = false; // opened, integrity_check ok and dumped
    QString error; // why not
    QByteArray digest; // SHA-256 of the canonical dump
    qint64 rows = 0; // rows in all tables (for messages)
};

// Opens `path` as the application does (ProjectStore::open: a hot journal left by a killed process
// is rolled back here), runs PRAGMA integrity_check and digests the schema and every table's rows
// (sorted, so the digest does not depend on the physical order).
inline State readOpen(const QString& path);

// An encrypted project is opened with the password provider the test installed, and locked again
// afterwards, so that the next read decrypts the file as it is then on disk.
inline State read(const QString& path)
{
    State s = readOpen(path);
    marketlens::core::lockProject(path.toStdString());
    return s;
}

inline State readOpen(const QString& path)
{
    using namespace marketlens::core;
    State s;
    auto store = ProjectStore::open(path.toStdString());
    if (!store) {
        s.error
            = QStringLiteral("does not open: ") + QString::fromStdString(store.error().toString());
        return s;
    }
    auto check = store->db().queryText("PRAGMA integrity_check");
    if (!check || *check != "ok") {
        s.error = QStringLiteral("integrity_check: ")
            + (check ? QString::fromStdString(*check)
                     : QString::fromStdString(check.error().toString()));
        return s;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<QString> tables;
    {
        auto st = store->db().prepare(
            "SELECT name, type, coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
        if (!st) {
            s.error = QString::fromStdString(st.error().toString());
            return s;
        }
        const Status rows = st->forEachRow([&]() -> Status {
            hash.addData(QByteArray::fromStdString(st->columnText(2)));
            if (st->columnText(1) == "table")
                tables.push_back(QString::fromStdString(st->columnText(0)));
            return {};
        });
        if (!rows) {
            s.error = QString::fromStdString(rows.error().toString());
            return s;
        }
    }
    for (const QString& table : tables) {
        auto st
            = store->db().prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(table).toStdString());
        if (!st) {
            s.error = QString::fromStdString(st.error().toString());
            return s;
        }
        QStringList columns;
        for (int c = 0; c < st->columnCount(); ++c)
            columns << QString::fromUtf8(sqlite3_column_name(st->handle(), c));
        std::vector<QByteArray> rows;
        const Status read = st->forEachRow([&]() -> Status {
            QByteArray row;
            for (int c = 0; c < columns.size(); ++c)
                appendValue(row, st->handle(), c, columns[c]);
            rows.push_back(row);
            return {};
        });
        if (!read) {
            s.error = QString::fromStdString(read.error().toString());
            return s;
        }
        std::sort(rows.begin(), rows.end());
        hash.addData(table.toUtf8() + '\n');
        for (const QByteArray& row : rows)
            hash.addData(row + '\n');
        s.rows += static_cast<qint64>(rows.size());
    }
    s.digest = hash.result();
    s.ok = true;
    return s;
}

// Files next to `path` that SQLite or a save leaves while working: rollback journal, WAL, shared
// memory, the save's temporary copy.
inline QStringList sideFiles(const QString& path)
{
    QStringList found;
    for (const char* suffix : {"-journal", "-wal", "-shm", ".saving", ".saving-journal"}) {
        const QString f = path + QLatin1String(suffix);
        if (QFileInfo::exists(f))
            found << f;
    }
    return found;
}

inline void removeWithSideFiles(const QString& path)
{
    for (const QString& f : sideFiles(path))
        QFile::remove(f);
    QFile::remove(path);
}

} // namespace project_state
