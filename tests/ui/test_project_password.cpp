// Offscreen tests of encrypted projects in the GUI: the password dialog on its own (strength
// hint, confirmation, show toggle, retry after WrongPassword, final Tampered state, wiped
// fields) and through the main window: opening an encrypted project (File > Open path, drop of a
// .mlens) with the right, a wrong and no password, a tampered file, and File > Set, Change and
// Remove Password end to end (the file's first bytes, reopening it). Projects are encrypted with
// KdfParams::forTests() (Argon2id at libsodium's interactive minimum).
// Screenshots of the dialogs and the window go to MARKETLENS_GRAB_DIR when it is set.
#include "core/project_crypto.h"
#include "core/project_store.h"
#include "ui/instruments_model.h"
#include "ui/issues_panel.h"
#include "ui/jobs_bar.h"
#include "ui/main_window.h"
#include "ui/password_dialog.h"
#include "ui/project_controller.h"
#include "ui/project_passwords.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace marketlens;
using namespace marketlens::ui;
using core::ErrorCode;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
const QByteArray kSqliteMagic("SQLite format 3\0", 16);
// docs/project-file.md, "Encrypted projects": the first 16 bytes of an encrypted project.
const QByteArray kEncryptedMagic("MLENS encrypted\0", 16);

QByteArray head(const QString& path, int bytes = 16)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

core::Secret secret(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return core::Secret(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

void grab(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(50);
    widget->grab().save(dir + QLatin1Char('/') + name);
}

// Runs `drive` on the password dialog as soon as one is the active modal widget (inside its
// exec()). A failed check inside `drive` closes the dialog so that the test cannot hang.
void onPasswordDialog(QObject* context, std::function<void(PasswordDialog*)> drive)
{
    auto* timer = new QTimer(context);
    timer->setInterval(10);
    auto waited = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, context, [timer, drive, waited] {
        auto* dialog = qobject_cast<PasswordDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (++*waited > 3000) // 30 s without a dialog: give up
                timer->stop();
            return;
        }
        timer->stop();
        timer->deleteLater();
        drive(dialog);
        if (QTest::currentTestFailed() && dialog->isVisible()) {
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isWorking(), 60000);
            dialog->reject();
        }
    });
    timer->start();
}

void typePassword(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    QTest::keyClicks(edit, text);
}
} // namespace

class TestProjectPassword : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    int m_serial = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // A saved project holding instruments AAA, BBB, CCC and a portfolio "Client A" of two of
    // them; encrypted with `password` (and locked again) unless it is empty.
    QString makeProject(const QString& password = QString())
    {
        const QString file = path(QStringLiteral("project-%1.mlens").arg(++m_serial));
        auto store = core::ProjectStore::create(file.toStdString());
        if (!store)
            return {};
        for (const char* t : {"AAA", "BBB", "CCC"}) {
            if (!store->instrumentId(t, true))
                return {};
        }
        core::Portfolio client;
        client.name = "Client A";
        client.baseCurrency = "USD";
        client.holdings.push_back({"AAA", 100.0, std::nullopt, 12.5, "USD"});
        client.holdings.push_back({"BBB", 30.0, std::nullopt, 40.0, "USD"});
        if (!store->writePortfolio(client))
            return {};
        store->close();
        if (!password.isEmpty()) {
            if (!core::encryptProject(
                    file.toStdString(), secret(password), core::KdfParams::forTests()))
                return {};
            core::lockProject(file.toStdString());
        }
        return file;
    }

    bool showsTheProjectData() const
    {
        const ProjectController* project = m_window->projectController();
        return project->instruments().size() == 3 && m_window->instrumentsModel()->rowCount() == 3
            && project->portfolios().size() == 1 && project->portfolios().front().name == "Client A"
            && project->portfolios().front().holdings.size() == 2;
    }

    // Opens `file` through the window, typing `password` into the dialog.
    bool openWithPassword(const QString& file, const QString& password)
    {
        onPasswordDialog(m_window.get(), [password](PasswordDialog* dialog) {
            typePassword(dialog->currentEdit(), password);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
        });
        return m_window->openProject(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName("MarketLensTest");
        QCoreApplication::setApplicationName("MarketLensPasswordTest");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path("settings"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        m_window->projectPasswords()->setKdfParams(core::KdfParams::forTests());
        QVERIFY(m_window->newProject());
    }

    void cleanup() { m_window.reset(); }

    // ------------------------------------------------------------ the dialog alone

    void setDialogChecksStrengthAndConfirmation()
    {
        PasswordDialog dialog(PasswordDialog::Mode::Set, path("client.mlens"));
        QVERIFY(dialog.windowTitle().contains("Set Password"));
        QVERIFY(!dialog.currentEdit()); // nothing to check when setting a first password
        QCOMPARE(dialog.newEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.confirmEdit()->echoMode(), QLineEdit::Password);
        auto* warning = dialog.findChild<QLabel*>(QStringLiteral("lostPasswordWarning"));
        QVERIFY(warning);
        QVERIFY(warning->text().contains("cannot be recovered"));
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());

        dialog.newEdit()->setText("abc12");
        QVERIFY(dialog.strengthText().startsWith("Weak"));
        QVERIFY(dialog.strengthText().contains("5 character"));
        QVERIFY(dialog.strengthText().contains("8"));
        QVERIFY(!ok->isEnabled());
        dialog.confirmEdit()->setText("abc13");
        QCOMPARE(dialog.problemText(), QStringLiteral("The two new passwords differ."));
        QVERIFY(!ok->isEnabled());
        dialog.confirmEdit()->setText("abc12");
        QVERIFY(dialog.problemText().isEmpty());
        QVERIFY(ok->isEnabled()); // short passwords are warned about, not refused
        dialog.newEdit()->setText("abcdefgh");
        QVERIFY(dialog.strengthText().startsWith("Fair"));
        dialog.newEdit()->setText("Tr0ub4dor&3-staple");
        QCOMPARE(dialog.strengthText(), QStringLiteral("Strong."));

        dialog.showPasswordBox()->setChecked(true);
        QCOMPARE(dialog.newEdit()->echoMode(), QLineEdit::Normal);
        QCOMPARE(dialog.confirmEdit()->echoMode(), QLineEdit::Normal);
        dialog.showPasswordBox()->setChecked(false);
        QCOMPARE(dialog.newEdit()->echoMode(), QLineEdit::Password);
        grab(&dialog, "password_set.png");
        dialog.newEdit()->setText("abc12");
        dialog.confirmEdit()->setText("abc1");
        dialog.show();
        grab(&dialog, "password_set_weak.png");
    }

    // A task that fails with WrongPassword once: the error line, an empty field, a retry.
    void unlockDialogRetriesAfterWrongPassword()
    {
        const QString file = path("client.mlens");
        PasswordDialog dialog(PasswordDialog::Mode::Unlock, file);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("pathLabel"))
                    ->text()
                    .endsWith(QStringLiteral("client.mlens")));
        QStringList seen;
        dialog.setTask([&seen, file](const PasswordDialog::Entry& entry) -> core::Status {
            seen << QString::fromUtf8(
                entry.current.view().data(), int(entry.current.view().size()));
            if (entry.current.view() != "right one")
                return core::makeError(ErrorCode::WrongPassword, "wrong", file.toStdString());
            return {};
        });
        dialog.show();
        QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        typePassword(dialog.currentEdit(), "wrong one");
        QTest::keyClick(dialog.currentEdit(), Qt::Key_Return); // Enter presses Open
        QTRY_VERIFY(!dialog.isWorking());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.attempts(), 1);
        QVERIFY(dialog.errorText().startsWith("Wrong password for “client.mlens”"));
        QVERIFY(dialog.currentEdit()->text().isEmpty()); // wiped, ready for the next try
        QVERIFY(!dialog.currentEdit()->isUndoAvailable());
        QVERIFY(dialog.currentEdit()->isEnabled());
        grab(&dialog, "password_unlock_wrong.png");

        typePassword(dialog.currentEdit(), "right one");
        QTest::keyClick(dialog.currentEdit(), Qt::Key_Return);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(seen, QStringList({"wrong one", "right one"}));
        QVERIFY(dialog.currentEdit()->text().isEmpty());
    }

    // Tampered is final: the message, no field, no OK; Escape closes; error() keeps the code.
    void tamperedIsFinalWithoutRetry()
    {
        const QString file = path("client.mlens");
        PasswordDialog dialog(PasswordDialog::Mode::Unlock, file);
        int calls = 0;
        dialog.setTask([&calls, file](const PasswordDialog::Entry&) -> core::Status {
            ++calls;
            return core::makeError(
                ErrorCode::Tampered, "chunk 3 does not authenticate", file.toStdString());
        });
        dialog.show();
        typePassword(dialog.currentEdit(), kPassword);
        dialog.submit();
        QTRY_VERIFY(dialog.error().has_value());
        QCOMPARE(dialog.error()->code, ErrorCode::Tampered);
        QVERIFY(dialog.errorText().contains("“client.mlens” cannot be opened"));
        QVERIFY(dialog.errorText().contains("altered or damaged"));
        QVERIFY(!dialog.currentEdit()->isEnabled());
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isHidden());
        QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Cancel)->text(), QString("Close"));
        dialog.submit(); // no second attempt
        QCOMPARE(calls, 1);
        grab(&dialog, "password_tampered.png");
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void changeDialogAsksCurrentAndNew()
    {
        PasswordDialog dialog(PasswordDialog::Mode::Change, path("client.mlens"));
        QVERIFY(dialog.currentEdit() && dialog.newEdit() && dialog.confirmEdit());
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        dialog.newEdit()->setText("new password 1");
        dialog.confirmEdit()->setText("new password 1");
        QCOMPARE(dialog.problemText(), QStringLiteral("Type the current password."));
        QVERIFY(!ok->isEnabled());
        dialog.currentEdit()->setText("old one");
        QVERIFY(ok->isEnabled());
        dialog.show();
        grab(&dialog, "password_change.png");
        QString chosen;
        dialog.setTask([&chosen](const PasswordDialog::Entry& entry) -> core::Status {
            chosen = QString::fromUtf8(entry.chosen.view().data(), int(entry.chosen.view().size()));
            return {};
        });
        QTest::keyClick(dialog.currentEdit(), Qt::Key_Escape); // Escape cancels, nothing runs
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(chosen.isEmpty());
        QVERIFY(dialog.currentEdit()->text().isEmpty() && dialog.newEdit()->text().isEmpty());
    }

    // ------------------------------------------------------------ the window

    void openEncryptedWithThePassword()
    {
        const QString file = makeProject(kPassword);
        QVERIFY(!file.isEmpty());
        QVERIFY(core::isEncryptedProject(file.toStdString()));
        QCOMPARE(head(file), kEncryptedMagic);
        QVERIFY(!core::isProjectUnlocked(file.toStdString()));
        QVERIFY(openWithPassword(file, kPassword));
        QCOMPARE(m_window->projectPath(), file);
        QVERIFY(showsTheProjectData());
        auto* passwords = m_window->projectPasswords();
        QVERIFY(passwords->isEncrypted());
        QVERIFY(!passwords->lockMarker()->isHidden());
        QVERIFY(passwords->lockMarker()->toolTip().contains("encrypted"));
        QVERIFY2(m_window->windowTitle().contains("(encrypted)"),
            qPrintable(m_window->windowTitle()));
        QVERIFY(passwords->changePasswordAction()->isEnabled());
        QVERIFY(passwords->removePasswordAction()->isEnabled());
        QVERIFY(!passwords->setPasswordAction()->isEnabled());
        grab(m_window.get(), "window_encrypted.png");

        // Opening another project locks this one: the next open asks again.
        QVERIFY(m_window->newProject());
        QVERIFY(!core::isProjectUnlocked(file.toStdString()));
        QVERIFY(passwords->lockMarker()->isHidden());
        QVERIFY(!m_window->windowTitle().contains("(encrypted)"));
    }

    void wrongPasswordThenRetry()
    {
        const QString file = makeProject(kPassword);
        QVERIFY(!file.isEmpty());
        const QString name = QFileInfo(file).fileName();
        int attempts = -1;
        onPasswordDialog(m_window.get(), [&](PasswordDialog* dialog) {
            QVERIFY(dialog->windowTitle().contains("Encrypted"));
            typePassword(dialog->currentEdit(), "not the password");
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 60000);
            QVERIFY(dialog->errorText().startsWith("Wrong password for “" + name + "”"));
            QVERIFY(dialog->isVisible());
            QVERIFY(!dialog->error().has_value());
            grab(dialog, "password_unlock_wrong_real.png");
            typePassword(dialog->currentEdit(), kPassword);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
            attempts = dialog->attempts();
        });
        QVERIFY(m_window->openProject(file));
        QCOMPARE(attempts, 1);
        QCOMPARE(m_window->projectPath(), file);
        QVERIFY(showsTheProjectData());
    }

    void tamperedFileSaysSo()
    {
        const QString previous = makeProject();
        QVERIFY(m_window->openProject(previous));
        const QString file = makeProject(kPassword);
        QVERIFY(!file.isEmpty());
        // Flip one bit in the middle of the encrypted body (the header stays intact).
        QByteArray bytes = readAll(file);
        QVERIFY(bytes.size() > 4096);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
        }
        QVERIFY(core::isEncryptedProject(file.toStdString()));
        const int issuesBefore = m_window->issuesPanel()->count();
        std::optional<core::Error> error;
        QString text;
        onPasswordDialog(m_window.get(), [&](PasswordDialog* dialog) {
            typePassword(dialog->currentEdit(), kPassword);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->error().has_value(), 60000);
            error = dialog->error();
            text = dialog->errorText();
            QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isHidden());
            grab(dialog, "password_tampered_real.png");
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        QVERIFY(!m_window->openProject(file));
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::Tampered);
        QVERIFY(text.contains(QFileInfo(file).fileName()));
        QVERIFY(text.contains("altered or damaged"));
        // The previous project stays open; the Issues panel names the file.
        QCOMPARE(m_window->projectPath(), previous);
        QVERIFY(showsTheProjectData());
        QCOMPARE(m_window->issuesPanel()->count(), issuesBefore + 1);
        QVERIFY(!core::isProjectUnlocked(file.toStdString()));
    }

    void cancelKeepsTheCurrentProject()
    {
        const QString previous = makeProject();
        QVERIFY(m_window->openProject(previous));
        const QString file = makeProject(kPassword);
        QVERIFY(!file.isEmpty());
        onPasswordDialog(m_window.get(), [](PasswordDialog* dialog) {
            typePassword(dialog->currentEdit(), "half typed");
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Escape);
        });
        QVERIFY(!m_window->openProject(file));
        QCOMPARE(m_window->projectPath(), previous);
        QVERIFY(m_window->projectController()->isOpen());
        QVERIFY(showsTheProjectData());
        QVERIFY(!core::isProjectUnlocked(file.toStdString()));
        QVERIFY(!m_window->projectPasswords()->isEncrypted());
    }

    // A .mlens dropped onto the window is opened (asking for its password), not imported.
    void droppedEncryptedProjectOpens()
    {
        const QString file = makeProject(kPassword);
        QVERIFY(!file.isEmpty());
        onPasswordDialog(m_window.get(), [](PasswordDialog* dialog) {
            typePassword(dialog->currentEdit(), kPassword);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
        });
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint pos = m_window->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->projectPath(), file, 60000);
        QVERIFY(showsTheProjectData());
    }

    void untitledProjectMustBeSavedFirst()
    {
        QVERIFY(m_window->isUntitled());
        QAction* set = m_window->projectPasswords()->setPasswordAction();
        QVERIFY(!set->isEnabled());
        QVERIFY(set->toolTip().contains("Save As"));
        QVERIFY(!m_window->projectPasswords()->changePasswordAction()->isEnabled());
        QVERIFY(!m_window->projectPasswords()->removePasswordAction()->isEnabled());
        QVERIFY(!m_window->projectPasswords()->setPassword()); // explains, changes nothing
        QVERIFY(m_window->isUntitled());
    }

    // File > Set Password, Change Password and Remove Password through the menu actions.
    void setChangeRemoveFromTheMenu()
    {
        const QString file = makeProject();
        const QString other = makeProject();
        QVERIFY(!file.isEmpty() && !other.isEmpty());
        QVERIFY(m_window->openProject(file));
        QCOMPARE(head(file), kSqliteMagic);
        auto* passwords = m_window->projectPasswords();
        QVERIFY(passwords->setPasswordAction()->isEnabled());
        QVERIFY(!passwords->changePasswordAction()->isEnabled());
        QVERIFY(passwords->lockMarker()->isHidden());

        // Set.
        const QString first = QStringLiteral("first secret 1");
        onPasswordDialog(m_window.get(), [first](PasswordDialog* dialog) {
            QCOMPARE(dialog->mode(), PasswordDialog::Mode::Set);
            typePassword(dialog->newEdit(), first);
            typePassword(dialog->confirmEdit(), first);
            QTest::keyClick(dialog->confirmEdit(), Qt::Key_Return);
        });
        // Opening a project with a portfolio starts a risk run: the commands wait for jobs.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->jobsBar()->jobCount(), 0, 60000);
        passwords->setPasswordAction()->trigger();
        QVERIFY(core::isEncryptedProject(file.toStdString()));
        QCOMPARE(head(file), kEncryptedMagic);
        QVERIFY(!readAll(file).contains("Client A")); // the portfolio name is not in clear
        QCOMPARE(m_window->projectPath(), file);
        QVERIFY(showsTheProjectData()); // reopened after encrypting
        QVERIFY(passwords->isEncrypted());
        QVERIFY(!passwords->lockMarker()->isHidden());
        QVERIFY(m_window->windowTitle().contains("(encrypted)")); // set while open: title follows
        QVERIFY(passwords->changePasswordAction()->isEnabled());
        QVERIFY(!passwords->setPasswordAction()->isEnabled());
        QVERIFY(m_window->openProject(other)); // locks `file`
        QVERIFY(!core::isProjectUnlocked(file.toStdString()));
        QVERIFY(openWithPassword(file, first));
        QVERIFY(showsTheProjectData());
        const QByteArray encryptedOnce = readAll(file);

        // Change (a wrong current password first, then the right one).
        const QString second = QStringLiteral("second secret 2");
        onPasswordDialog(m_window.get(), [first, second](PasswordDialog* dialog) {
            QCOMPARE(dialog->mode(), PasswordDialog::Mode::Change);
            typePassword(dialog->currentEdit(), "not it");
            typePassword(dialog->newEdit(), second);
            typePassword(dialog->confirmEdit(), second);
            QTest::keyClick(dialog->confirmEdit(), Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 60000);
            QVERIFY(dialog->errorText().startsWith("Wrong password"));
            QCOMPARE(dialog->newEdit()->text(), second); // kept for the retry
            typePassword(dialog->currentEdit(), first);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
        });
        // Opening a project with a portfolio starts a risk run: the commands wait for jobs.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->jobsBar()->jobCount(), 0, 60000);
        passwords->changePasswordAction()->trigger();
        QVERIFY(core::isEncryptedProject(file.toStdString()));
        QCOMPARE(head(file), kEncryptedMagic);
        QVERIFY(readAll(file) != encryptedOnce); // new salt, key and ciphertext
        QVERIFY(showsTheProjectData());
        QVERIFY(m_window->openProject(other));
        QCOMPARE(core::unlockProject(file.toStdString(), secret(first)).error().code,
            ErrorCode::WrongPassword);
        QVERIFY(openWithPassword(file, second));
        QVERIFY(showsTheProjectData());

        // Remove.
        onPasswordDialog(m_window.get(), [second](PasswordDialog* dialog) {
            QCOMPARE(dialog->mode(), PasswordDialog::Mode::Remove);
            typePassword(dialog->currentEdit(), second);
            QTest::keyClick(dialog->currentEdit(), Qt::Key_Return);
        });
        // Opening a project with a portfolio starts a risk run: the commands wait for jobs.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->jobsBar()->jobCount(), 0, 60000);
        passwords->removePasswordAction()->trigger();
        QCOMPARE(head(file), kSqliteMagic);
        QVERIFY(!core::isEncryptedProject(file.toStdString()));
        QVERIFY(showsTheProjectData());
        QVERIFY(passwords->lockMarker()->isHidden());
        QVERIFY(!m_window->windowTitle().contains("(encrypted)"));
        QVERIFY(passwords->setPasswordAction()->isEnabled());
        QVERIFY(m_window->openProject(other));
        QVERIFY(m_window->openProject(file)); // no dialog: a plain project again
        QVERIFY(showsTheProjectData());
    }

    // Save As of an encrypted project writes an encrypted copy and works on it.
    void saveAsKeepsItEncrypted()
    {
        const QString file = makeProject(kPassword);
        QVERIFY(openWithPassword(file, kPassword));
        const QString copy = path("copy-of-encrypted.mlens");
        QVERIFY(m_window->saveProjectAs(copy));
        QCOMPARE(m_window->projectPath(), copy);
        QVERIFY(core::isEncryptedProject(copy.toStdString()));
        QCOMPARE(head(copy), kEncryptedMagic);
        QVERIFY(!readAll(copy).contains("Client A"));
        QVERIFY(m_window->projectPasswords()->isEncrypted());
        QVERIFY(showsTheProjectData());
        QVERIFY(!core::isProjectUnlocked(file.toStdString())); // the original was locked
        QVERIFY(m_window->newProject());
        QVERIFY(openWithPassword(copy, kPassword));
        QVERIFY(showsTheProjectData());
    }
};

QTEST_MAIN(TestProjectPassword)
#include "test_project_password.moc"
