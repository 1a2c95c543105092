// Preferences: defaults, validation and the QSettings round trip of AppSettings; the dialog
// stores what its fields say and its effects reach the application (dark palette, torch
// threads, the Risk tab's run options, the View > Language menu); the About box names the
// versions of Qt, LibTorch and SQLite in use.
#include "core/demo_project.h"
#include "models/torch_runtime.h"
#include "ui/about_dialog.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui/project_controller.h"
#include "ui/risk/risk_view.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <sqlite3.h>

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

using namespace marketlens;
using namespace marketlens::ui;

namespace {
std::vector<double> levels(std::initializer_list<double> l)
{
    return std::vector<double>(l);
}

QAction* findAction(QMenu* menu, const QString& objectOrData)
{
    for (QAction* a : menu->actions()) {
        if (a->objectName() == objectOrData || a->data().toString() == objectOrData)
            return a;
        if (a->menu()) {
            if (QAction* inner = findAction(a->menu(), objectOrData))
                return inner;
        }
    }
    return nullptr;
}
} // namespace

class TestPreferences : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MarketLensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_preferences"));
        QSettings().clear();
        installPreferenceEffects(); // as the GUI does at start-up
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase()
    {
        QSettings().clear();
        applyTheme(ThemeChoice::Light);
    }

    void defaults()
    {
        const Preferences p = AppSettings::instance().preferences();
        QCOMPARE(p.language, QStringLiteral("system"));
        QCOMPARE(p.theme, ThemeChoice::System);
        QCOMPARE(p.confidenceLevels, levels({0.95, 0.99}));
        QCOMPARE(p.annualisationDays, 252);
        QCOMPARE(p.threads, 0);
        QVERIFY(p == AppSettings::defaults());
        QVERIFY(AppSettings::instance().effectiveThreads() >= 1);
    }

    void validation()
    {
        QCOMPARE(AppSettings::normaliseConfidences({0.99, 0.95, 0.95, 1.5, 0.3, 0.975}),
            levels({0.95, 0.975, 0.99}));
        QCOMPARE(AppSettings::normaliseConfidences({2.0}), levels({0.95, 0.99}));
        bool ok = false;
        QCOMPARE(AppSettings::parseConfidences(QStringLiteral("97.5, 0.99"), &ok),
            levels({0.975, 0.99}));
        QVERIFY(ok);
        QCOMPARE(
            AppSettings::parseConfidences(QStringLiteral("0,95; 0,99"), &ok), levels({0.95, 0.99}));
        QVERIFY(ok);
        QCOMPARE(
            AppSettings::parseConfidences(QStringLiteral("99 %  95 %"), &ok), levels({0.95, 0.99}));
        QVERIFY(ok);
        QVERIFY(AppSettings::parseConfidences(QStringLiteral("0.95, abc"), &ok).empty());
        QVERIFY(!ok);
        QVERIFY(AppSettings::parseConfidences(QStringLiteral("0.3"), &ok).empty());
        QVERIFY(!ok);
        QVERIFY(AppSettings::parseConfidences(QString(), &ok).empty());
        QVERIFY(!ok);
        QCOMPARE(AppSettings::normaliseAnnualisationDays(0), 252);
        QCOMPARE(AppSettings::normaliseAnnualisationDays(365), 365);
        QCOMPARE(AppSettings::normaliseAnnualisationDays(400), 252);
        QCOMPARE(AppSettings::normaliseThreads(-1), 0);
        QCOMPARE(AppSettings::normaliseThreads(4), 4);
        QCOMPARE(AppSettings::normaliseThreads(100000), 0);
        QCOMPARE(AppSettings::normaliseLanguage(QStringLiteral("fr")), QStringLiteral("system"));
        QCOMPARE(AppSettings::normaliseLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));

        // Invalid stored values read as their defaults.
        QSettings s;
        s.setValue(QStringLiteral("ui/theme"), QStringLiteral("purple"));
        s.setValue(QStringLiteral("risk/confidenceLevels"), QStringLiteral("0.95, nonsense"));
        s.setValue(QStringLiteral("risk/annualisationDays"), QStringLiteral("many"));
        s.setValue(QStringLiteral("compute/threads"), 999);
        s.setValue(QLatin1String(kLanguageSettingsKey), QStringLiteral("klingon"));
        QVERIFY(AppSettings::instance().preferences() == AppSettings::defaults());
    }

    void roundTrip()
    {
        AppSettings& settings = AppSettings::instance();
        QSignalSpy spy(&settings, &AppSettings::preferencesChanged);
        Preferences p;
        p.language = QStringLiteral("de");
        p.theme = ThemeChoice::Light;
        p.confidenceLevels = {0.99, 0.9, 0.975};
        p.annualisationDays = 365;
        p.threads = 3;
        settings.setPreferences(p);
        QCOMPARE(spy.count(), 1);
        const Preferences back = settings.preferences();
        QCOMPARE(back.language, QStringLiteral("de"));
        QCOMPARE(back.theme, ThemeChoice::Light);
        QCOMPARE(back.confidenceLevels, levels({0.9, 0.975, 0.99}));
        QCOMPARE(back.annualisationDays, 365);
        QCOMPARE(back.threads, 3);
        // Stored locale-independently under the documented keys.
        QSettings s;
        QCOMPARE(s.value(QStringLiteral("risk/confidenceLevels")).toString(),
            QStringLiteral("0.9, 0.975, 0.99"));
        QCOMPARE(s.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
        QCOMPARE(s.value(QLatin1String(kLanguageSettingsKey)).toString(), QStringLiteral("de"));
        // The same values again: no change signal.
        settings.setPreferences(back);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(models::torchRuntimeInfo().intraOpThreads, 3);
    }

    void darkThemeChangesPaletteAndCharts()
    {
        QChartView view;
        view.setChart(new QChart);
        applyTheme(ThemeChoice::Light);
        const QColor lightWindow = QApplication::palette().color(QPalette::Window);
        QVERIFY2(lightWindow.lightness() > 200, qPrintable(lightWindow.name()));
        QVERIFY(!isDarkTheme());
        QCOMPARE(view.chart()->backgroundBrush().color(), QColor(Qt::white));

        applyTheme(ThemeChoice::Dark);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0x2D, 0x2D, 0x30));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(0x1E, 0x1E, 0x1F));
        QVERIFY(isDarkTheme());
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        // The open chart follows: dark background, light labels.
        QCOMPARE(view.chart()->backgroundBrush().color(), QColor(0x1E, 0x1E, 0x1F));
        QCOMPARE(view.chart()->legend()->labelColor(), QColor(0xD8, 0xD8, 0xD8));

        applyTheme(ThemeChoice::Light);
        QCOMPARE(QApplication::palette().color(QPalette::Window), lightWindow);
        QCOMPARE(view.chart()->legend()->labelColor(), QColor(0x33, 0x33, 0x33));
    }

    void dialogAppliesValues()
    {
        applyTheme(ThemeChoice::Light);
        PreferencesDialog dialog;
        auto* theme = dialog.findChild<QComboBox*>(QStringLiteral("themeBox"));
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageBox"));
        auto* confidences = dialog.findChild<QLineEdit*>(QStringLiteral("confidenceEdit"));
        auto* days = dialog.findChild<QSpinBox*>(QStringLiteral("annualisationSpin"));
        auto* threads = dialog.findChild<QSpinBox*>(QStringLiteral("threadsSpin"));
        QVERIFY(theme && language && confidences && days && threads);
        // Starts from the stored (default) values.
        QCOMPARE(confidences->text(), QStringLiteral("0.95, 0.99"));
        QCOMPARE(days->value(), 252);
        QCOMPARE(threads->value(), 0);
        QCOMPARE(language->currentData().toString(), QStringLiteral("system"));

        theme->setCurrentIndex(theme->findData(int(ThemeChoice::Dark)));
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        confidences->setText(QStringLiteral("99.5, 95"));
        days->setValue(260);
        threads->setValue(2);
        QVERIFY(dialog.apply());
        const Preferences p = AppSettings::instance().preferences();
        QCOMPARE(p.theme, ThemeChoice::Dark);
        QCOMPARE(p.language, QStringLiteral("zh_CN"));
        QCOMPARE(p.confidenceLevels, levels({0.95, 0.995}));
        QCOMPARE(p.annualisationDays, 260);
        QCOMPARE(p.threads, 2);
        QCOMPARE(confidences->text(), QStringLiteral("0.95, 0.995")); // normalised
        // The new language shows after a restart, and the dialog keeps saying so.
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("languageNote"))->isVisibleTo(&dialog));
        // Effects: the dark palette at once, torch's thread count.
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0x2D, 0x2D, 0x30));
        QCOMPARE(models::torchRuntimeInfo().intraOpThreads, 2);

        // An invalid list is refused and nothing is stored.
        confidences->setText(QStringLiteral("0.3"));
        days->setValue(300);
        QVERIFY(!dialog.apply());
        QCOMPARE(AppSettings::instance().annualisationDays(), 260);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("confidenceNote"))->isVisibleTo(&dialog));

        // Restore Defaults fills the fields; OK stores them and the light... system theme.
        dialog.restoreDefaults();
        QCOMPARE(confidences->text(), QStringLiteral("0.95, 0.99"));
        QCOMPARE(days->value(), 252);
        QCOMPARE(theme->currentData().toInt(), int(ThemeChoice::System));
        dialog.accept();
        QVERIFY(AppSettings::instance().preferences() == AppSettings::defaults());
        QVERIFY(!isDarkTheme());
    }

    void riskRunsUseTheDefaults()
    {
        Preferences p;
        p.confidenceLevels = {0.9, 0.99};
        p.annualisationDays = 365;
        p.threads = 3;
        AppSettings::instance().setPreferences(p);
        ProjectController project;
        RiskView view(&project);
        view.setConfidenceText(QStringLiteral("0.975"));
        const auto options = view.currentOptions();
        QVERIFY(options);
        QCOMPARE(options->confidences, levels({0.975, 0.9, 0.99}));
        QCOMPARE(options->conventions.periodsPerYear, 365.0);
        QCOMPARE(options->threads, 3u);
    }

    void mainWindowMenusShareTheSetting()
    {
        MainWindow window;
        QMenu* edit = nullptr;
        QMenu* view = nullptr;
        for (QAction* a : window.menuBar()->actions()) {
            if (a->text() == QStringLiteral("&Edit"))
                edit = a->menu();
            if (a->text() == QStringLiteral("&View"))
                view = a->menu();
        }
        QVERIFY(edit && view);
        QAction* prefs = findAction(edit, QStringLiteral("preferencesAction"));
        QVERIFY(prefs);
        QVERIFY(prefs->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        QCOMPARE(prefs->menuRole(), QAction::PreferencesRole);

        QAction* german = findAction(view, QStringLiteral("de"));
        QAction* system = findAction(view, QStringLiteral("system"));
        QVERIFY(german && system);
        QVERIFY(system->isChecked());
        AppSettings::instance().setLanguage(QStringLiteral("de")); // e.g. from the dialog
        QVERIFY(german->isChecked());
        QVERIFY(!system->isChecked());
        system->trigger(); // the menu writes the key the dialog reads
        QCOMPARE(AppSettings::instance().language(), QStringLiteral("system"));
        QCOMPARE(PreferencesDialog()
                     .findChild<QComboBox*>(QStringLiteral("languageBox"))
                     ->currentData()
                     .toString(),
            QStringLiteral("system"));
    }

    void aboutNamesTheVersions()
    {
        AboutDialog about;
        const QString text = about.text();
        const QString torch = QString::fromStdString(models::torchRuntimeInfo().version);
        const QString sqlite = QString::fromLatin1(sqlite3_libversion());
        QVERIFY(!torch.isEmpty());
        QVERIFY2(text.contains(QLatin1String(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(torch), qPrintable(text));
        QVERIFY2(text.contains(sqlite), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));

        const QString versions = aboutVersionsText();
        QVERIFY(
            versions.contains(QStringLiteral("Qt: %1 (built with %2)")
                                  .arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR))));
        QVERIFY(versions.contains(QStringLiteral("LibTorch: ") + torch + QLatin1Char('\n')));
        QVERIFY(versions.contains(QStringLiteral("SQLite: ") + sqlite + QLatin1Char('\n')));
        QVERIFY(versions.contains(QStringLiteral("Boost: 1.")));
        QVERIFY(versions.contains(QStringLiteral("Data folder: ")));

        auto* copy = about.findChild<QPushButton*>(QStringLiteral("copyVersionsButton"));
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), versions);
    }

    // Screenshots for a human look (not a check): MARKETLENS_GRAB_DIR=/some/folder.
    void grabForReview()
    {
        const QString dir = qEnvironmentVariable("MARKETLENS_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set MARKETLENS_GRAB_DIR to write the screenshots");
        applyTheme(ThemeChoice::Dark);
        PreferencesDialog prefs;
        prefs.findChild<QLineEdit*>(QStringLiteral("confidenceEdit"))
            ->setText(QStringLiteral("0.95, 0.975, 0.99"));
        prefs.show();
        QVERIFY(prefs.grab().save(dir + QStringLiteral("/preferences_dark.png")));
        AboutDialog about;
        about.show();
        QVERIFY(about.grab().save(dir + QStringLiteral("/about_dark.png")));
        MainWindow window;
        const auto demo = core::ensureDemoProject();
        QVERIFY(demo);
        QVERIFY(window.openProject(QString::fromStdString(*demo)));
        window.resize(1400, 860);
        window.show();
        QTest::qWait(300);
        QVERIFY(window.grab().save(dir + QStringLiteral("/main_dark.png")));
        if (auto* tabs = window.findChild<QTabWidget*>()) {
            tabs->setCurrentIndex(1); // Risk
            auto* risk = window.findChild<RiskView*>();
            QVERIFY(risk && risk->run());
            QTRY_VERIFY_WITH_TIMEOUT(!risk->isRunning(), 120000);
            QTest::qWait(300);
            QVERIFY(window.grab().save(dir + QStringLiteral("/risk_dark.png")));
        }
        applyTheme(ThemeChoice::Light);
        QTest::qWait(100);
        QVERIFY(window.grab().save(dir + QStringLiteral("/risk_light.png")));
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
