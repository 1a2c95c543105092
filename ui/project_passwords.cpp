#include "project_passwords.h"

#include "jobs_bar.h"
#include "password_dialog.h"
#include "project_controller.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace marketlens::ui {

namespace {
QString fileName(const QString& path)
{
    return QFileInfo(path).fileName();
}
} // namespace

ProjectPasswords::ProjectPasswords(ProjectController* project, QMainWindow* window)
    : QObject(window)
    , m_project(project)
    , m_window(window)
{
    setObjectName(QStringLiteral("projectPasswords"));
    const QIcon lock(QStringLiteral(":/icons/lock.svg"));
    m_setAction = new QAction(lock, tr("Set &Password…"), this);
    m_setAction->setObjectName(QStringLiteral("setPasswordAction"));
    connect(m_setAction, &QAction::triggered, this, &ProjectPasswords::setPassword);
    m_changeAction = new QAction(tr("C&hange Password…"), this);
    m_changeAction->setObjectName(QStringLiteral("changePasswordAction"));
    connect(m_changeAction, &QAction::triggered, this, &ProjectPasswords::changePassword);
    m_removeAction = new QAction(tr("Remo&ve Password…"), this);
    m_removeAction->setObjectName(QStringLiteral("removePasswordAction"));
    connect(m_removeAction, &QAction::triggered, this, &ProjectPasswords::removePassword);

    m_lock = new QLabel(window);
    m_lock->setObjectName(QStringLiteral("lockMarker"));
    m_lock->setTextFormat(Qt::RichText);
    m_lock->setText(QStringLiteral("<img src=\":/icons/lock.svg\" width=\"14\" height=\"14\"> ")
        + tr("Encrypted"));
    m_lock->setToolTip(
        tr("This project file is encrypted with a password (Argon2id key, XChaCha20-Poly1305). "
           "Its data is decrypted only in memory. Use File > Change Password or Remove Password "
           "to change that."));
    m_lock->hide();
    window->statusBar()->addPermanentWidget(m_lock);
    updateActions(true);
}

void ProjectPasswords::addToMenu(QMenu* menu) const
{
    menu->addAction(m_setAction);
    menu->addAction(m_changeAction);
    menu->addAction(m_removeAction);
}

void ProjectPasswords::refreshState()
{
    m_encrypted = m_project->isOpen() && !m_project->isUntitled()
        && core::isEncryptedProject(m_project->path().toStdString());
}

void ProjectPasswords::updateActions(bool idle)
{
    m_idle = idle;
    refreshState();
    const bool open = m_project->isOpen();
    const bool saved = open && !m_project->isUntitled();
    m_setAction->setEnabled(idle && saved && !m_encrypted);
    m_changeAction->setEnabled(idle && saved && m_encrypted);
    m_removeAction->setEnabled(idle && saved && m_encrypted);

    QString setTip = tr("Encrypt the project file with a password, asked for each time it is "
                        "opened; a lost password cannot be recovered");
    if (open && m_project->isUntitled())
        setTip = tr("Save the project to a file first (File > Save As): an untitled project "
                    "lives in a temporary folder and cannot be protected with a password");
    else if (m_encrypted)
        setTip = tr("The project already has a password: use Change Password or Remove Password");
    else if (open && !idle)
        setTip = tr("Wait for the running import to finish");
    m_setAction->setToolTip(setTip);
    m_setAction->setStatusTip(setTip);
    const QString notEncrypted = tr("The project has no password (see Set Password)");
    m_changeAction->setToolTip(m_encrypted
            ? tr("Encrypt the project file again with a new password; the current one is asked "
                 "for first")
            : notEncrypted);
    m_changeAction->setStatusTip(m_changeAction->toolTip());
    m_removeAction->setToolTip(m_encrypted
            ? tr("Store the project file unencrypted again after checking its password; anyone "
                 "who can read the file can then read its data")
            : notEncrypted);
    m_removeAction->setStatusTip(m_removeAction->toolTip());
    m_lock->setVisible(m_encrypted);
}

bool ProjectPasswords::unlockForOpen(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    const std::string file = abs.toStdString();
    if (!core::isEncryptedProject(file) || core::isProjectUnlocked(file))
        return true;
    PasswordDialog dialog(PasswordDialog::Mode::Unlock, abs, m_window);
    dialog.setTask([file](const PasswordDialog::Entry& entry) {
        return core::unlockProject(file, entry.current);
    });
    if (dialog.exec() == QDialog::Accepted)
        return true;
    if (dialog.error())
        Q_EMIT failed(passwordErrorText(*dialog.error(), abs), abs);
    else
        Q_EMIT message(tr("Opening %1 cancelled; the current project stays open.")
                           .arg(QDir::toNativeSeparators(abs)));
    return false;
}

bool ProjectPasswords::ready(const QString& title)
{
    QString why;
    if (!m_project->isOpen())
        why = tr("No project is open.");
    else if (m_project->isUntitled())
        why = tr("Save the project to a file first (File > Save As): an untitled project lives "
                 "in a temporary folder and cannot be protected with a password.");
    else if (!m_idle || m_project->isBusy() || (m_jobs && m_jobs->jobCount() > 0))
        why = tr("A background job is using the project. Wait for it to finish (or cancel it) "
                 "first.");
    if (why.isEmpty())
        return true;
    auto* box = new QMessageBox(QMessageBox::Information, title, why, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
}

bool ProjectPasswords::setPassword()
{
    if (!ready(tr("Set Password")))
        return false;
    const QString path = m_project->path();
    const std::string file = path.toStdString();
    if (core::isEncryptedProject(file))
        return changePassword();
    const core::KdfParams params = m_params;
    return runFileTask(PasswordDialog::Mode::Set,
        [file, params](const PasswordDialog::Entry& entry) {
            return core::encryptProject(file, entry.chosen, params);
        },
        tr("%1 is now encrypted with a password.").arg(fileName(path)));
}

bool ProjectPasswords::changePassword()
{
    if (!ready(tr("Change Password")))
        return false;
    const QString path = m_project->path();
    const std::string file = path.toStdString();
    const core::KdfParams params = m_params;
    return runFileTask(PasswordDialog::Mode::Change,
        [file, params](const PasswordDialog::Entry& entry) {
            return core::changeProjectPassword(file, entry.current, entry.chosen, params);
        },
        tr("The password of %1 was changed.").arg(fileName(path)));
}

bool ProjectPasswords::removePassword()
{
    if (!ready(tr("Remove Password")))
        return false;
    const QString path = m_project->path();
    const std::string file = path.toStdString();
    return runFileTask(PasswordDialog::Mode::Remove,
        [file](const PasswordDialog::Entry& entry) {
            return core::removeProjectPassword(file, entry.current);
        },
        tr("%1 is no longer encrypted.").arg(fileName(path)));
}

// The dialog of Set/Change/Remove: the project's store is closed while `task` rewrites the file
// on the dialog's worker and reopened afterwards, whatever the outcome; a file that is plain
// after the task (Remove) is locked first, so that reopening reads the file, not the in-memory
// copy of the encrypted one.
bool ProjectPasswords::runFileTask(
    PasswordDialog::Mode mode, PasswordDialog::Task task, const QString& doneMessage)
{
    const QString path = m_project->path();
    const std::string file = path.toStdString();
    PasswordDialog dialog(mode, path, m_window);
    dialog.setTask(
        std::move(task), [this] { m_project->suspendFile(); },
        [this, file](core::Status status) {
            if (status && !core::isEncryptedProject(file))
                core::lockProject(file);
            auto reopened = m_project->resumeFile();
            return status ? reopened : status;
        });
    const bool done = dialog.exec() == QDialog::Accepted;
    if (done)
        Q_EMIT message(doneMessage);
    else if (dialog.error())
        Q_EMIT failed(passwordErrorText(*dialog.error(), path), path);
    Q_EMIT m_project->stateChanged();
    return done;
}

} // namespace marketlens::ui
