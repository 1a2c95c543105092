#pragma once
// JobsBar: the status-bar strip listing running background jobs, one entry each with a label,
// a progress bar, the estimated time left and a Cancel button. Entries are keyed by an id the
// caller chooses; cancelRequested(id) is emitted when the user presses Cancel.

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;

namespace marketlens::ui {

class JobsBar : public QWidget {
    Q_OBJECT
public:
    explicit JobsBar(QWidget* parent = nullptr);

    void addJob(const QString& id, const QString& label);
    // `done` out of `total` (any unit); total <= 0 shows a busy indicator.
    void setProgress(const QString& id, qint64 done, qint64 total);
    void removeJob(const QString& id);
    int jobCount() const { return int(m_jobs.size()); }
    // Text of the ETA label of a job, for tests.
    QString etaText(const QString& id) const;

    // The jobs bar of `view`'s window, looked up once and kept in `cache`; the first time it is
    // found, `onCancel` is connected (in `view`'s context) to Cancel of job `id`. Null while the
    // view is not in a window with a jobs bar yet: call again later.
    static JobsBar* attach(
        QWidget* view, QPointer<JobsBar>& cache, const QString& id, std::function<void()> onCancel);

Q_SIGNALS:
    void cancelRequested(const QString& id);

private:
    struct Job {
        QWidget* box = nullptr;
        QLabel* label = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* eta = nullptr;
        QToolButton* cancel = nullptr;
        QElapsedTimer clock;
    };
    QHBoxLayout* m_layout = nullptr;
    QHash<QString, Job> m_jobs;
};

} // namespace marketlens::ui
