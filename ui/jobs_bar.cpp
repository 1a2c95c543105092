#include "jobs_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace marketlens::ui {

namespace {
QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return JobsBar::tr("%1 s left").arg(seconds);
    return JobsBar::tr("%1 min %2 s left").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar('0'));
}
} // namespace

JobsBar::JobsBar(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    setVisible(false);
}

void JobsBar::addJob(const QString& id, const QString& label)
{
    removeJob(id);
    Job job;
    job.box = new QWidget(this);
    auto* row = new QHBoxLayout(job.box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    job.label = new QLabel(label, job.box);
    job.bar = new QProgressBar(job.box);
    job.bar->setRange(0, 0);
    job.bar->setFixedWidth(160);
    job.bar->setMaximumHeight(16);
    job.bar->setTextVisible(true);
    job.eta = new QLabel(job.box);
    job.eta->setMinimumWidth(90);
    job.cancel = new QToolButton(job.box);
    job.cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    job.cancel->setText(tr("Cancel"));
    job.cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    job.cancel->setAutoRaise(true);
    job.cancel->setToolTip(tr("Cancel this job; the project stays as it was"));
    connect(job.cancel, &QToolButton::clicked, this, [this, id] {
        if (auto it = m_jobs.find(id); it != m_jobs.end()) {
            it->cancel->setEnabled(false);
            it->eta->setText(tr("cancelling…"));
        }
        Q_EMIT cancelRequested(id);
    });
    row->addWidget(job.label);
    row->addWidget(job.bar);
    row->addWidget(job.eta);
    row->addWidget(job.cancel);
    m_layout->addWidget(job.box);
    job.clock.start();
    m_jobs.insert(id, job);
    setVisible(true);
}

void JobsBar::setProgress(const QString& id, qint64 done, qint64 total)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    if (total <= 0) {
        it->bar->setRange(0, 0);
        return;
    }
    // QProgressBar is int-based: show per mille.
    const double fraction = std::clamp(double(done) / double(total), 0.0, 1.0);
    it->bar->setRange(0, 1000);
    it->bar->setValue(int(fraction * 1000.0));
    it->bar->setFormat(QStringLiteral("%1 %").arg(int(fraction * 100.0)));
    const qint64 elapsedMs = it->clock.elapsed();
    if (it->cancel->isEnabled() && fraction > 0.02 && elapsedMs > 500) {
        const double left = double(elapsedMs) * (1.0 - fraction) / fraction / 1000.0;
        it->eta->setText(formatDuration(qint64(left + 0.5)));
    }
}

void JobsBar::removeJob(const QString& id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    it->box->deleteLater();
    m_layout->removeWidget(it->box);
    m_jobs.erase(it);
    setVisible(!m_jobs.isEmpty());
}

QString JobsBar::etaText(const QString& id) const
{
    auto it = m_jobs.constFind(id);
    return it == m_jobs.constEnd() ? QString() : it->eta->text();
}

JobsBar* JobsBar::attach(
    QWidget* view, QPointer<JobsBar>& cache, const QString& id, std::function<void()> onCancel)
{
    if (cache || view->window() == view)
        return cache;
    cache = view->window()->findChild<JobsBar*>();
    if (cache)
        connect(cache, &JobsBar::cancelRequested, view,
            [id, onCancel = std::move(onCancel)](const QString& job) {
                if (job == id)
                    onCancel();
            });
    return cache;
}

} // namespace marketlens::ui
