#pragma once
// runBackgroundJob: the one-shot job pattern of STYLE.md ("Threads") for a controller object.
// `job` runs on Qt's global thread pool with a core::Progress that
// - forwards (done, total) to `onProgress`, called on `context`'s thread, at most every 100 ms
//   (and at the end), only while `context` lives and `*cancel` is not set;
// - returns false once `*cancel` is set, so the job stops with ErrorCode::Cancelled.
// A std::exception escaping the job (core and models do not throw: this guards against
// std::bad_alloc) becomes an Outcome whose `error` (a core::Error member) says so. `onDone`
// runs on `context`'s thread with the outcome, or with nullptr when the job gave none. The
// watcher is a child of `context`: a controller's destructor sets its cancel flags and waits for
// its QFutureWatcher<std::shared_ptr<Outcome>> children.
//
// Priority: every job of the window runs below the GUI thread (runBackground(),
// lowerCurrentThreadPriority()), so that on a machine whose cores are all busy (a risk run over
// thousands of holdings, training on every core) the GUI thread still gets a core when it wakes:
// on 2 cores an open of the 25M-price project took 326 ms of wall time for 115 ms of GUI work
// while a risk job ran beside it at the same priority (docs/performance-load.md).

#include "core/progress.h"
#include "core/result.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>

namespace marketlens::ui {

// Lowers the calling thread's priority, once per thread, unless it is the application's main
// (GUI) thread: on Linux its nice value goes up by
// kBackgroundNice (nice is per thread there; an unprivileged thread cannot lower it again, which
// is fine for threads that only ever run background work); elsewhere QThread::LowPriority.
constexpr int kBackgroundNice = 5;
void lowerCurrentThreadPriority();

// QtConcurrent::run on the global pool with the priority lowered first: for background jobs.
template <class Work>
auto runBackground(Work work)
{
    return QtConcurrent::run([work = std::move(work)]() {
        lowerCurrentThreadPriority();
        return work();
    });
}

template <class Outcome>
QFutureWatcher<std::shared_ptr<Outcome>>* runBackgroundJob(QObject* context,
    std::function<std::shared_ptr<Outcome>(const core::Progress&)> job,
    std::shared_ptr<std::atomic_bool> cancel, std::function<void(qint64, qint64)> onProgress,
    std::function<void(std::shared_ptr<Outcome>)> onDone)
{
    QPointer<QObject> target(context);
    auto report = [target, cancel, onProgress = std::move(onProgress)](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            target.data(),
            [target, cancel, onProgress, done, total] {
                if (target && !cancel->load())
                    onProgress(done, total);
            },
            Qt::QueuedConnection);
    };
    auto work = [job = std::move(job), cancel, report]() -> std::shared_ptr<Outcome> {
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1000;
        const core::Progress progress = [&](std::int64_t done, std::int64_t total) {
            const qint64 now = clock.elapsed();
            if (now - last >= 100 || done >= total) {
                last = now;
                report(done, total);
            }
            return !cancel->load();
        };
        try {
            return job(progress);
        } catch (const std::exception& e) {
            auto outcome = std::make_shared<Outcome>();
            outcome->error = core::makeError(core::ErrorCode::Io, e.what());
            return outcome;
        }
    };
    auto* watcher = new QFutureWatcher<std::shared_ptr<Outcome>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
        [watcher, onDone = std::move(onDone)] {
            std::shared_ptr<Outcome> outcome;
            if (watcher->future().resultCount() > 0)
                outcome = watcher->result();
            watcher->deleteLater();
            onDone(std::move(outcome));
        });
    watcher->setFuture(runBackground(std::move(work)));
    return watcher;
}

} // namespace marketlens::ui
