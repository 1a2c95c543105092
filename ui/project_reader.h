#pragma once
// ProjectReader: one thread with a connection of its own to the open project, for the reads that
// must not hold up the window in a large file (a ticker's prices and news markers, the holdings'
// last closes, the News tab's newest items). ProjectController::read() is its user-facing side.
//
// Reads run one at a time, in the order posted. The connection is opened on the reader thread
// for the path of a read (again when the path changes) and closed by close(): before the file is
// rewritten (a password change), replaced or locked, so that no connection keeps an encrypted
// project's plaintext alive.
//
// ReadChannel: one per kind of read of a view (e.g. "the chart's prices"). Each request takes a
// ticket; a newer request of the same channel makes older tickets stale, and a stale read is
// skipped before it starts and its result dropped. Tickets are thread-safe.

#include "core/project_store.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

class QThread;

namespace marketlens::ui {

class ReadChannel {
public:
    class Ticket {
    public:
        bool current() const { return m_latest->load() == m_value; }

    private:
        friend class ReadChannel;
        Ticket(std::shared_ptr<std::atomic<quint64>> latest, quint64 value)
            : m_latest(std::move(latest)), m_value(value)
        {
        }
        std::shared_ptr<std::atomic<quint64>> m_latest;
        quint64 m_value;
    };

    // A new ticket: every earlier one of this channel becomes stale.
    Ticket next() { return Ticket(m_latest, ++*m_latest); }
    // Makes every ticket stale (the view was cleared).
    void invalidate() { ++*m_latest; }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

class ProjectReader : public QObject {
    Q_OBJECT
public:
    // What runs on the reader thread: the store, or nullptr and the error opening it.
    using Work = std::function<void(core::ProjectStore* store, const core::Error* error)>;

    explicit ProjectReader(QObject* parent = nullptr);
    // Lets the current read finish, closes the connection and stops the thread.
    ~ProjectReader() override;

    void post(const std::string& path, Work work);
    // Closes the connection once the reads posted before end; with `wait`, returns only then.
    void close(bool wait);

private:
    class Worker;
    QThread* m_thread = nullptr;
    Worker* m_worker = nullptr;
};

} // namespace marketlens::ui
