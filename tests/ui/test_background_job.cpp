// Background jobs run below the GUI thread: a pool job's thread has the test thread's nice value
// plus kBackgroundNice (Linux, where nice is per thread), exactly once however many jobs a pool
// thread runs, runBackgroundJob() jobs get it too, and the main thread is never lowered.
#include "ui/background_job.h"

#include <QtTest>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <memory>

using namespace marketlens;

namespace {

#ifdef Q_OS_LINUX
int threadNice()
{
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}
#endif

struct NiceOutcome {
    int nice = 0;
    core::Error error;
};

} // namespace

class TestBackgroundJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void poolJobsRunAtLoweredPriorityOnce()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread nice values are a Linux notion");
#else
        const int base = threadNice();
        const int expected = std::min(19, base + ui::kBackgroundNice);
        // More jobs than pool threads, one after the other: threads are reused, and a reused
        // thread must not be lowered a second time.
        const int jobs = 4 * std::max(1, QThreadPool::globalInstance()->maxThreadCount());
        for (int i = 0; i < jobs; ++i) {
            QFuture<int> f = ui::runBackground([] { return threadNice(); });
            QTRY_VERIFY(f.isFinished()); // not waitForFinished(): it may run the job right here
            QCOMPARE(f.result(), expected);
        }
        QCOMPARE(threadNice(), base); // the calling (GUI) thread is untouched
        // A job run on the main thread (a destructor waiting for a job that had not started)
        // leaves the GUI thread's priority alone.
        ui::lowerCurrentThreadPriority();
        QCOMPARE(threadNice(), base);
#endif
    }

    void runBackgroundJobUsesTheLoweredPool()
    {
#ifndef Q_OS_LINUX
        QSKIP("thread nice values are a Linux notion");
#else
        const int expected = std::min(19, threadNice() + ui::kBackgroundNice);
        QObject context;
        std::shared_ptr<NiceOutcome> got;
        auto cancel = std::make_shared<std::atomic_bool>(false);
        ui::runBackgroundJob<NiceOutcome>(
            &context,
            [](const core::Progress&) {
                auto o = std::make_shared<NiceOutcome>();
                o->nice = threadNice();
                return o;
            },
            cancel, [](qint64, qint64) {}, [&](std::shared_ptr<NiceOutcome> o) { got = o; });
        QTRY_VERIFY(got != nullptr);
        QCOMPARE(got->nice, expected);
#endif
    }
};

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "test_background_job.moc"
