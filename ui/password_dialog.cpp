#include "password_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <memory>

namespace marketlens::ui {

namespace {
constexpr auto kErrorStyle = "color: #b3261e; font-weight: bold";
constexpr auto kWarnStyle = "color: #b86e00";
constexpr auto kGoodStyle = "color: #2e7d32";

// Overwrites a buffer this code owns before Qt frees it (the write is not optimised away: the
// buffer is released through an out-of-line call, and the pointer is volatile).
void wipe(void* data, std::size_t bytes)
{
    auto* p = static_cast<volatile unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i)
        p[i] = 0;
}

// Moves the text of `edit` into a Secret and empties the field. setText() (unlike clear())
// also drops the undo history that holds the typed characters; once the field has let go of
// its string, ours is the only reference to Qt's buffer, so wiping it wipes the field's copy.
core::Secret takeSecret(QLineEdit* edit)
{
    if (!edit)
        return {};
    QString text = edit->text();
    edit->setText(QString());
    QByteArray utf8 = text.toUtf8();
    core::Secret secret(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!utf8.isEmpty())
        wipe(utf8.data(), std::size_t(utf8.size()));
    if (!text.isEmpty())
        wipe(text.data(), std::size_t(text.size()) * sizeof(QChar));
    return secret;
}

void emptyField(QLineEdit* edit)
{
    if (!edit || edit->text().isEmpty())
        return;
    (void)takeSecret(edit); // the Secret wipes itself at once
}

// 0: none, 1: weak (short), 2: fair, 3: strong.
int strength(const QString& password)
{
    const auto n = password.size();
    if (n == 0)
        return 0;
    if (n < PasswordDialog::kRecommendedLength)
        return 1;
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : password) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else
            other = true;
    }
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    return (n >= 16 || (n >= 12 && classes >= 3)) ? 3 : 2;
}
} // namespace

QString passwordErrorText(const core::Error& error, const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    switch (error.code) {
    case core::ErrorCode::WrongPassword:
        return PasswordDialog::tr("Wrong password for “%1”. Check Caps Lock and the keyboard "
                                  "layout, then try again.")
            .arg(name);
    case core::ErrorCode::Tampered:
        return PasswordDialog::tr(
            "“%1” cannot be opened: the file has been altered or damaged since it was saved (its "
            "encrypted contents do not pass the integrity check). Its data cannot be trusted, so "
            "it is not shown. Open a backup copy of the project instead.")
            .arg(name);
    case core::ErrorCode::PasswordRequired:
        return PasswordDialog::tr("“%1” is encrypted: its password is needed to open it.")
            .arg(name);
    case core::ErrorCode::NotAProject:
        return PasswordDialog::tr("“%1” is not a MarketLens project: %2")
            .arg(name, QString::fromStdString(error.message));
    default:
        return PasswordDialog::tr("“%1”: %2").arg(name, QString::fromStdString(error.toString()));
    }
}

PasswordDialog::PasswordDialog(Mode mode, const QString& projectPath, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_path(projectPath)
{
    setObjectName(QStringLiteral("passwordDialog"));
    build();
    validate();
}

PasswordDialog::~PasswordDialog()
{
    // The task rewrites the project file: let it end before the caller goes on.
    if (m_watcher && m_watcher->isRunning())
        m_watcher->waitForFinished();
    wipeFields();
}

void PasswordDialog::build()
{
    const QString name = QFileInfo(m_path).fileName().toHtmlEscaped();
    QString intro;
    switch (m_mode) {
    case Mode::Unlock:
        setWindowTitle(tr("Open Encrypted Project"));
        intro
            = tr("<b>%1</b> is protected with a password. Enter it to open the project.").arg(name);
        break;
    case Mode::Remove:
        setWindowTitle(tr("Remove Password"));
        intro = tr("Enter the current password of <b>%1</b> to store it unencrypted. Anyone who "
                   "can read the file will then be able to read its data.")
                    .arg(name);
        break;
    case Mode::Set:
        setWindowTitle(tr("Set Password"));
        intro = tr("Protect <b>%1</b> with a password. The file is encrypted, and the password "
                   "is asked for each time the project is opened.")
                    .arg(name);
        break;
    case Mode::Change:
        setWindowTitle(tr("Change Password"));
        intro = tr("Change the password of <b>%1</b>. The project is encrypted again with a key "
                   "made from the new password.")
                    .arg(name);
        break;
    }

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lock.svg")).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::RichText);
    auto* pathLabel = new QLabel(QDir::toNativeSeparators(m_path), this);
    pathLabel->setObjectName(QStringLiteral("pathLabel"));
    pathLabel->setEnabled(false);
    pathLabel->setWordWrap(true);
    pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel->setToolTip(tr("The project file"));
    auto* introBox = new QVBoxLayout;
    introBox->addWidget(introLabel);
    introBox->addWidget(pathLabel);
    auto* head = new QHBoxLayout;
    head->addWidget(icon);
    head->addLayout(introBox, 1);

    auto passwordEdit = [this](const char* objectName, const QString& tip) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(objectName));
        edit->setEchoMode(QLineEdit::Password);
        edit->setToolTip(tip);
        edit->setMinimumWidth(260);
        connect(edit, &QLineEdit::textChanged, this, &PasswordDialog::validate);
        return edit;
    };
    auto* form = new QFormLayout;
    m_form = form;
    const bool asksCurrent = m_mode != Mode::Set;
    const bool asksNew = m_mode == Mode::Set || m_mode == Mode::Change;
    if (asksCurrent) {
        m_current = passwordEdit("currentPasswordEdit",
            m_mode == Mode::Unlock ? tr("The password this project was protected with")
                                   : tr("The password the project is protected with now"));
        form->addRow(
            m_mode == Mode::Change ? tr("C&urrent password:") : tr("&Password:"), m_current);
    }
    if (asksNew) {
        m_new = passwordEdit("newPasswordEdit",
            tr("At least %n characters; a few unrelated words make a long password that is easy "
               "to remember",
                nullptr, kRecommendedLength));
        m_confirm = passwordEdit("confirmPasswordEdit", tr("Type the new password again"));
        m_strength = new QLabel(this);
        m_strength->setObjectName(QStringLiteral("strengthLabel"));
        m_strength->setToolTip(
            tr("A rough guide from the length and the kinds of characters used"));
        form->addRow(tr("&New password:"), m_new);
        form->addRow(QString(), m_strength);
        form->addRow(tr("Con&firm:"), m_confirm);
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setEnabled(false);
    form->addRow(QString(), m_problem);

    m_show = new QCheckBox(tr("&Show password"), this);
    m_show->setObjectName(QStringLiteral("showPasswordBox"));
    m_show->setToolTip(tr("Show the typed characters (make sure no one is looking)"));
    connect(m_show, &QCheckBox::toggled, this, [this](bool shown) {
        for (QLineEdit* edit : {m_current, m_new, m_confirm}) {
            if (edit)
                edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        }
    });
    form->addRow(QString(), m_show);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addLayout(form);

    if (asksNew) {
        auto* warning = new QLabel(
            tr("<b>A lost password cannot be recovered.</b> MarketLens keeps no copy of it and "
               "has no back door: without the password nobody can open this project again. "
               "Keep it somewhere safe, such as a password manager."),
            this);
        warning->setObjectName(QStringLiteral("lostPasswordWarning"));
        warning->setWordWrap(true);
        warning->setTextFormat(Qt::RichText);
        auto* warnIcon = new QLabel(this);
        warnIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
        warnIcon->setAlignment(Qt::AlignTop);
        auto* row = new QHBoxLayout;
        row->addWidget(warnIcon);
        row->addWidget(warning, 1);
        layout->addLayout(row);
    }

    m_errorLine = new QLabel(this);
    m_errorLine->setObjectName(QStringLiteral("errorLine"));
    m_errorLine->setWordWrap(true);
    m_errorLine->setStyleSheet(QLatin1String(kErrorStyle));
    m_errorLine->hide();
    layout->addWidget(m_errorLine);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy indicator: key derivation gives no progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(10);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setEnabled(false);
    auto* busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busyLabel);
    busyRow->addWidget(m_busy, 1);
    layout->addLayout(busyRow);
    m_busy->hide();
    m_busyLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    switch (m_mode) {
    case Mode::Unlock:
        ok->setText(tr("&Open"));
        ok->setToolTip(tr("Unlock and open the project (Enter)"));
        break;
    case Mode::Remove:
        ok->setText(tr("&Remove Password"));
        ok->setToolTip(tr("Store the project unencrypted (Enter)"));
        break;
    case Mode::Set:
        ok->setText(tr("&Encrypt"));
        ok->setToolTip(tr("Encrypt the project file with this password (Enter)"));
        break;
    case Mode::Change:
        ok->setText(tr("&Change Password"));
        ok->setToolTip(tr("Encrypt the project file with the new password (Enter)"));
        break;
    }
    ok->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setToolTip(m_mode == Mode::Unlock ? tr("Do not open the project (Escape)")
                                            : tr("Leave the project as it is (Escape)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
    layout->addWidget(m_buttons);

    (m_current ? m_current : m_new)->setFocus();
    resize(sizeHint().expandedTo(QSize(460, 0)));
}

void PasswordDialog::validate()
{
    if (m_failed)
        return;
    QString problem;
    if (m_new) {
        const QString chosen = m_new->text();
        switch (strength(chosen)) {
        case 0:
            m_strength->clear();
            break;
        case 1:
            m_strength->setText(
                tr("Weak: only %n character(s); use at least %1.", nullptr, int(chosen.size()))
                    .arg(kRecommendedLength));
            m_strength->setStyleSheet(QLatin1String(kWarnStyle));
            break;
        case 2:
            m_strength->setText(
                tr("Fair: longer is stronger (12 or more characters, or a few words)."));
            m_strength->setStyleSheet(QLatin1String(kWarnStyle));
            break;
        default:
            m_strength->setText(tr("Strong."));
            m_strength->setStyleSheet(QLatin1String(kGoodStyle));
            break;
        }
        if (chosen.isEmpty())
            problem = tr("Type a new password.");
        else if (m_confirm->text().isEmpty())
            problem = tr("Type the new password again to confirm it.");
        else if (m_confirm->text() != chosen)
            problem = tr("The two new passwords differ.");
    }
    if (m_current && m_current->text().isEmpty())
        problem
            = m_mode == Mode::Change ? tr("Type the current password.") : tr("Type the password.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_working);
}

QString PasswordDialog::errorText() const
{
    return m_errorLine->isHidden() ? QString() : m_errorLine->text();
}

QString PasswordDialog::strengthText() const
{
    return m_strength ? m_strength->text() : QString();
}

QString PasswordDialog::problemText() const
{
    return m_problem->text();
}

void PasswordDialog::submit()
{
    if (m_working || m_failed)
        return;
    validate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    start();
}

void PasswordDialog::start()
{
    auto entry = std::make_shared<Entry>();
    entry->current = takeSecret(m_current);
    if (m_new) {
        // The new password stays typed in (masked) until the dialog ends, so that a mistyped
        // current password does not make the analyst type both new ones again.
        QString chosen = m_new->text();
        QByteArray utf8 = chosen.toUtf8();
        entry->chosen = core::Secret(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        wipe(utf8.data(), std::size_t(utf8.size()));
    }
    if (!m_task) {
        wipeFields();
        accept();
        return;
    }
    if (m_before)
        m_before();
    setWorking(true);
    Task task = m_task;
    auto future = QtConcurrent::run([task, entry]() -> core::Status {
        try {
            return task(*entry);
        } catch (const std::exception& e) {
            return core::makeError(core::ErrorCode::Io, e.what());
        }
    });
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<core::Status>(this);
        connect(m_watcher, &QFutureWatcherBase::finished, this,
            [this] { finish(m_watcher->result()); });
    }
    m_watcher->setFuture(future);
}

void PasswordDialog::finish(core::Status status)
{
    if (m_after)
        status = m_after(std::move(status));
    setWorking(false);
    if (status) {
        wipeFields();
        accept();
        return;
    }
    const core::Error& error = status.error();
    if (error.code == core::ErrorCode::WrongPassword) {
        ++m_attempts;
        m_errorLine->setText(passwordErrorText(error, m_path));
        m_errorLine->show();
        m_current->setFocus();
        validate();
        return;
    }
    showFailure(error);
}

void PasswordDialog::showFailure(const core::Error& error)
{
    m_failed = true;
    m_error = error;
    wipeFields();
    m_errorLine->setText(passwordErrorText(error, m_path));
    m_errorLine->show();
    // Nothing left to type: the fields go, and the dialog grows to show the whole message.
    for (QWidget* w :
        std::initializer_list<QWidget*> {m_current, m_new, m_confirm, m_show, m_strength}) {
        if (w) {
            w->setEnabled(false);
            m_form->setRowVisible(w, false);
        }
    }
    m_problem->clear();
    if (m_strength)
        m_strength->clear();
    m_buttons->button(QDialogButtonBox::Ok)->hide();
    QPushButton* close = m_buttons->button(QDialogButtonBox::Cancel);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close this message (Escape)"));
    close->setDefault(true);
    close->setFocus();
    setMinimumWidth(width()); // as wide as before, as tall as the message needs
    adjustSize();
}

void PasswordDialog::setWorking(bool working)
{
    m_working = working;
    for (QWidget* w : std::initializer_list<QWidget*> {m_current, m_new, m_confirm, m_show}) {
        if (w)
            w->setEnabled(!working);
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!working);
    if (working) {
        m_errorLine->hide();
        switch (m_mode) {
        case Mode::Unlock:
            m_busyLabel->setText(tr("Checking the password…"));
            break;
        case Mode::Remove:
            m_busyLabel->setText(tr("Checking the password and decrypting…"));
            break;
        case Mode::Set:
            m_busyLabel->setText(tr("Deriving the key and encrypting…"));
            break;
        case Mode::Change:
            m_busyLabel->setText(tr("Checking the password and encrypting again…"));
            break;
        }
    }
    m_busy->setVisible(working);
    m_busyLabel->setVisible(working);
    validate();
}

void PasswordDialog::wipeFields()
{
    for (QLineEdit* edit : {m_current, m_new, m_confirm})
        emptyField(edit);
}

void PasswordDialog::setTask(Task task, Before before, After after)
{
    m_task = std::move(task);
    m_before = std::move(before);
    m_after = std::move(after);
}

void PasswordDialog::reject()
{
    if (m_working)
        return; // the file is being rewritten or the key derived: wait for the end
    wipeFields();
    QDialog::reject();
}

void PasswordDialog::closeEvent(QCloseEvent* event)
{
    if (m_working) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace marketlens::ui
