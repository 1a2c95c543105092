#pragma once
// ProjectPasswords: the main window's side of encrypted projects (core/project_crypto.h).
//
// - Opening: unlockForOpen() asks for the password of an encrypted project that is not unlocked
//   yet (PasswordDialog; Argon2id runs off the GUI thread) before the window opens it. Cancel
//   leaves the current project open; a wrong password can be typed again; a tampered or damaged
//   file is said so, once, without a retry loop.
// - File > Set Password…, Change Password…, Remove Password…: the project's store is closed
//   around each attempt (encryptProject and friends rewrite the file in place and want no open
//   store on it) and reopened after, whatever the outcome. They need a saved (not untitled),
//   open project and no running job; their tooltips say why when they are disabled.
// - A lock marker in the status bar shows that the open project is encrypted.
// Locking the previous project when another one is opened, saved as or the window closes is
// ProjectController's part.

#include "core/project_crypto.h"
#include "ui/password_dialog.h"

#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QMainWindow;
class QMenu;

namespace marketlens::ui {

class JobsBar;
class ProjectController;

class ProjectPasswords : public QObject {
    Q_OBJECT
public:
    // Adds the lock marker to `window`'s status bar.
    ProjectPasswords(ProjectController* project, QMainWindow* window);

    QAction* setPasswordAction() const { return m_setAction; }
    QAction* changePasswordAction() const { return m_changeAction; }
    QAction* removePasswordAction() const { return m_removeAction; }
    void addToMenu(QMenu* menu) const;
    QLabel* lockMarker() const { return m_lock; }
    // While the jobs bar lists a job (risk run, training...) the commands refuse to run.
    void setJobsBar(JobsBar* jobs) { m_jobs = jobs; }

    // Before the window opens `path`: true when it may go on (not encrypted, already unlocked,
    // or unlocked now with the password the analyst typed); false when the analyst cancelled or
    // the file cannot be unlocked (then failed() has said why).
    bool unlockForOpen(const QString& path);

    // True when the open project's file is encrypted.
    bool isEncrypted() const { return m_encrypted; }
    // Enables the actions and shows the lock marker; `idle`: no import or news job holds the
    // project (MainWindow::updateActions).
    void updateActions(bool idle);
    // Argon2id cost of Set and Change (standard(); tests use KdfParams::forTests()).
    void setKdfParams(const core::KdfParams& params) { m_params = params; }

    // The menu commands (tests call them too); true when the file was changed.
    bool setPassword();
    bool changePassword();
    bool removePassword();

Q_SIGNALS:
    // Something failed; the password dialog (or a message box) has already told the analyst:
    // for the Issues panel and the log.
    void failed(const QString& message, const QString& file);
    // Done or cancelled, for the status bar and the log.
    void message(const QString& text);

private:
    bool ready(const QString& title);
    bool runFileTask(PasswordDialog::Mode mode, PasswordDialog::Task task,
        const QString& doneMessage);
    void refreshState();

    ProjectController* m_project = nullptr;
    QMainWindow* m_window = nullptr;
    JobsBar* m_jobs = nullptr;
    QAction* m_setAction = nullptr;
    QAction* m_changeAction = nullptr;
    QAction* m_removeAction = nullptr;
    QLabel* m_lock = nullptr;
    core::KdfParams m_params = core::KdfParams::standard();
    bool m_encrypted = false;
    bool m_idle = true;
};

} // namespace marketlens::ui
