#include "project_reader.h"

#include <QThread>

#include <exception>

namespace marketlens::ui {

// Lives on the reader thread; every member is touched there only.
class ProjectReader::Worker : public QObject {
public:
    void run(const std::string& path, const Work& work)
    {
        if (!m_store.isOpen() || path != m_path) {
            m_store.close();
            m_path = path;
            auto store = core::ProjectStore::open(path);
            if (!store) {
                m_path.clear();
                const core::Error error = store.error();
                work(nullptr, &error);
                return;
            }
            m_store = std::move(*store);
        }
        try {
            work(&m_store, nullptr);
        } catch (const std::exception& e) { // std::bad_alloc: the read gives nothing
            const core::Error error = core::makeError(core::ErrorCode::Io, e.what(), path);
            work(nullptr, &error);
        }
    }
    void close()
    {
        m_store.close();
        m_path.clear();
    }

private:
    core::ProjectStore m_store;
    std::string m_path;
};

ProjectReader::ProjectReader(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new Worker)
{
    m_thread->setObjectName(QStringLiteral("ProjectReader"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

ProjectReader::~ProjectReader()
{
    close(true);
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread has ended: nothing else touches it
}

void ProjectReader::post(const std::string& path, Work work)
{
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, path, work = std::move(work)] { worker->run(path, work); },
        Qt::QueuedConnection);
}

void ProjectReader::close(bool wait)
{
    Worker* worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker] { worker->close(); },
        wait ? Qt::BlockingQueuedConnection : Qt::QueuedConnection);
}

} // namespace marketlens::ui
