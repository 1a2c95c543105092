#include "background_job.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace marketlens::ui {

void lowerCurrentThreadPriority()
{
    // Never the GUI thread: QFuture::waitForFinished() runs a job that has not started yet in the
    // waiting thread (a controller's destructor waits for its jobs).
    const QCoreApplication* app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        return;
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    // Qt's QThread::setPriority() has no effect under SCHED_OTHER (one static priority): the
    // thread's own nice value is what the scheduler weighs.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        (void)setpriority(PRIO_PROCESS, tid, std::min(19, nice + kBackgroundNice));
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace marketlens::ui
