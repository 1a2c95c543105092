#pragma once
// PasswordDialog: the password prompts of encrypted projects (core/project_crypto.h).
//
// Modes:
// - Unlock: "enter the password" of an encrypted project being opened (names the file);
// - Remove: the current password, to store the project unencrypted again;
// - Set:    a new password twice, with a strength hint and a show-password toggle;
// - Change: the current password and a new one twice.
// Set and Change say plainly that a lost password cannot be recovered.
//
// OK does not close the dialog at once: the dialog runs the caller's task (unlocking, encrypting,
// changing or removing the password: Argon2id, about a second) on a worker thread with a busy
// indicator while the application keeps painting; Cancel and Escape wait for it. The task's
// Status decides what follows: success accepts; WrongPassword shows an error line, empties the
// password field and lets the analyst try again; any other error (Tampered: the file was altered
// or damaged; Io; NotAProject) is shown in the dialog as final, with only a Close button and no
// retry, and the dialog ends Rejected with error() set.
//
// Passwords go from the fields into core::Secret (locked, wiped memory) and the fields are
// emptied (with their undo history) right after; the QString copies this class made are
// overwritten. Qt's own transient copies (key events, input methods) are outside its reach.

#include "core/project_crypto.h"
#include "core/result.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace marketlens::ui {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Remove, Set, Change };

    // What the analyst typed: `current` in Unlock, Remove and Change; `chosen` in Set and Change.
    struct Entry {
        core::Secret current;
        core::Secret chosen;
    };
    // Runs on a worker thread.
    using Task = std::function<core::Status(const Entry& entry)>;
    // Run on the GUI thread around each attempt: `before` just before the task starts (close the
    // project's store), `after` with the task's status once it ended (reopen the store); the
    // Status `after` returns replaces the task's.
    using Before = std::function<void()>;
    using After = std::function<core::Status(core::Status)>;

    // Passwords shorter than this get a warning (they are still accepted).
    static constexpr int kRecommendedLength = 8;

    PasswordDialog(Mode mode, const QString& projectPath, QWidget* parent = nullptr);
    ~PasswordDialog() override;

    // Without a task, OK accepts at once (after the fields are checked) and the passwords are
    // lost: the dialog is then only a form (tests, previews).
    void setTask(Task task, Before before = {}, After after = {});

    Mode mode() const { return m_mode; }
    // True while the task runs.
    bool isWorking() const { return m_working; }
    // The error line ("Wrong password…") or the final failure message; empty when none.
    QString errorText() const;
    // The strength hint under the new password (Set, Change).
    QString strengthText() const;
    // Why OK is disabled (passwords differ, empty), empty when it is enabled.
    QString problemText() const;
    // The error that ended the dialog (Tampered, Io, ...), if any.
    const std::optional<core::Error>& error() const { return m_error; }
    // Wrong passwords entered so far.
    int attempts() const { return m_attempts; }

    QLineEdit* currentEdit() const { return m_current; }
    QLineEdit* newEdit() const { return m_new; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QCheckBox* showPasswordBox() const { return m_show; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    // Presses OK as a user would (tests).
    void submit();

public Q_SLOTS:
    void reject() override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void build();
    void validate();
    void start();
    void finish(core::Status status);
    void showFailure(const core::Error& error);
    void setWorking(bool working);
    void wipeFields();

    Mode m_mode;
    QString m_path;
    Task m_task;
    Before m_before;
    After m_after;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_strength = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_errorLine = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    QCheckBox* m_show = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QFutureWatcher<core::Status>* m_watcher = nullptr;
    std::optional<core::Error> m_error;
    bool m_working = false;
    bool m_failed = false;
    int m_attempts = 0;
};

// A user-facing sentence for an error of an encrypted project (WrongPassword, Tampered, ...),
// naming the file.
QString passwordErrorText(const core::Error& error, const QString& path);

} // namespace marketlens::ui
