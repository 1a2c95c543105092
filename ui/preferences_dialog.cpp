#include "preferences_dialog.h"

#include "models/torch_runtime.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <thread>

namespace marketlens::ui {

namespace {
int cpuCount()
{
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

// The language the running application was started with: a different choice shows after a
// restart, and the dialog says so until then.
QString& runningLanguage()
{
    static QString language;
    if (language.isEmpty())
        language = AppSettings::instance().language();
    return language;
}

void applyEffects(const Preferences& now, const Preferences& before)
{
    if (now.theme != before.theme)
        applyTheme(now.theme);
    if (now.threads != before.threads)
        models::initTorchRuntime(now.threads);
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    // Language names in their own language, as in View > Language.
    m_language->addItem(tr("System Language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setToolTip(tr("Language of menus, dialogs and number formats; the system "
                              "language by default. Takes effect when MarketLens is restarted."));
    m_languageNote
        = new QLabel(tr("The new language applies after MarketLens is restarted."), this);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("System"), int(ThemeChoice::System));
    m_theme->addItem(tr("Light"), int(ThemeChoice::Light));
    m_theme->addItem(tr("Dark"), int(ThemeChoice::Dark));
    m_theme->setToolTip(tr("Colours of windows and charts. System follows the desktop's "
                           "colours; Light and Dark use the same look on every platform."));

    m_confidences = new QLineEdit(this);
    m_confidences->setObjectName(QStringLiteral("confidenceEdit"));
    m_confidences->setPlaceholderText(QStringLiteral("0.95, 0.99"));
    m_confidences->setToolTip(
        tr("Confidence levels of VaR and ES that every risk run computes besides the one chosen "
           "in the Risk tab, separated by commas: e.g. 0.95, 0.975, 0.99 (or 95, 97.5, 99). "
           "Each between %1 and %2, at most %3.")
            .arg(QLocale().toString(AppSettings::kMinConfidence),
                QLocale().toString(AppSettings::kMaxConfidence))
            .arg(AppSettings::kMaxConfidenceLevels));
    m_confidenceNote = new QLabel(this);
    m_confidenceNote->setObjectName(QStringLiteral("confidenceNote"));
    m_confidenceNote->setWordWrap(true);
    QPalette warning = m_confidenceNote->palette(); // vermillion: readable on light and dark
    warning.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00));
    m_confidenceNote->setPalette(warning);

    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("annualisationSpin"));
    m_days->setRange(1, 366);
    m_days->setSuffix(tr(" days"));
    m_days->setToolTip(tr("Periods per year used to annualise daily returns, volatility and "
                          "Sharpe ratios: 252 trading days for exchange-traded assets, 365 for "
                          "assets traded every day (e.g. crypto)."));

    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, AppSettings::kMaxThreads);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(cpuCount()));
    m_threads->setToolTip(tr("Worker threads of risk runs (Monte Carlo, measures) and of "
                             "neural network training and inference. 0 uses every core; fewer "
                             "keep the computer responsive during long runs."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("Default &confidence levels:"), m_confidences);
    form->addRow(QString(), m_confidenceNote);
    form->addRow(tr("&Annualisation:"), m_days);
    form->addRow(tr("&Worker threads:"), m_threads);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
            | QDialogButtonBox::Apply | QDialogButtonBox::RestoreDefaults,
        this);
    buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setToolTip(tr("Put the default values into the fields (applied with OK or Apply)"));
    buttons->button(QDialogButtonBox::Apply)
        ->setToolTip(tr("Apply the values and keep the "
                        "dialog open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
        &PreferencesDialog::apply);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &PreferencesDialog::restoreDefaults);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateNotes);
    connect(m_confidences, &QLineEdit::textChanged, this, &PreferencesDialog::updateNotes);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setValues(AppSettings::instance().preferences());
}

Preferences PreferencesDialog::values(bool* ok) const
{
    Preferences p;
    p.language = m_language->currentData().toString();
    p.theme = ThemeChoice(m_theme->currentData().toInt());
    p.confidenceLevels = AppSettings::parseConfidences(m_confidences->text(), ok);
    p.annualisationDays = m_days->value();
    p.threads = m_threads->value();
    return p;
}

void PreferencesDialog::setValues(const Preferences& preferences)
{
    const Preferences p = AppSettings::normalised(preferences);
    m_language->setCurrentIndex(std::max(0, m_language->findData(p.language)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(p.theme))));
    m_confidences->setText(AppSettings::confidencesToText(p.confidenceLevels));
    m_days->setValue(p.annualisationDays);
    m_threads->setValue(p.threads);
    updateNotes();
}

void PreferencesDialog::updateNotes()
{
    m_languageNote->setVisible(m_language->currentData().toString() != runningLanguage());
    bool ok = false;
    AppSettings::parseConfidences(m_confidences->text(), &ok);
    m_confidenceNote->setText(ok ? QString()
                                 : tr("Write levels between 0.5 and 0.9999 separated by commas, "
                                      "e.g. 0.95, 0.99."));
    m_confidenceNote->setVisible(!ok);
}

bool PreferencesDialog::apply()
{
    bool ok = false;
    const Preferences p = values(&ok);
    if (!ok) {
        m_confidences->setFocus();
        updateNotes();
        return false;
    }
    AppSettings::instance().setPreferences(p);
    setValues(AppSettings::instance().preferences()); // shows the normalised list
    return true;
}

void PreferencesDialog::restoreDefaults()
{
    setValues(AppSettings::defaults());
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void installPreferenceEffects()
{
    static bool installed = false;
    AppSettings& settings = AppSettings::instance();
    if (!installed) {
        installed = true;
        runningLanguage(); // the language installed at start-up (gui_app.cpp)
        QObject::connect(&settings, &AppSettings::preferencesChanged, qApp, &applyEffects);
    }
    applyTheme(settings.theme());
    models::initTorchRuntime(settings.threads());
}

QAction* createPreferencesAction(QWidget* window)
{
    auto* action = new QAction(PreferencesDialog::tr("&Preferences…"), window);
    action->setObjectName(QStringLiteral("preferencesAction"));
    action->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma);
    if (!keys.contains(ctrlComma))
        keys << ctrlComma;
    action->setShortcuts(keys);
    action->setToolTip(PreferencesDialog::tr("Language, theme, risk defaults and worker threads "
                                             "(%1)")
                           .arg(ctrlComma.toString(QKeySequence::NativeText)));
    action->setStatusTip(action->toolTip());
    QObject::connect(action, &QAction::triggered, window, [window] {
        auto* existing = window->findChild<PreferencesDialog*>();
        PreferencesDialog* dialog = existing ? existing : new PreferencesDialog(window);
        if (!existing)
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    return action;
}

} // namespace marketlens::ui
