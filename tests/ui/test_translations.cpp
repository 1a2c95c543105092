// Offscreen tests of the UI translations: the .qm files built from translations/*.ts are embedded
// under :/i18n, installTranslations() loads the chosen one, and a main window created afterwards
// shows translated menus; "en" gives the English source. The View > Language menu stores the
// choice in QSettings.
#include "ui/main_window.h"
#include "ui/translation.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

using namespace marketlens::ui;

namespace {
const char* const kContext = "marketlens::ui::MainWindow";

// The menu titles created by MainWindow::createMenus(), in English (the .ts source texts).
const char* const kMenuTitles[]
    = {"&File", "&Edit", "&View", "&Data", "&Analysis", "&Models", "&Report", "&Help"};

bool containsCjk(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QStringList menuBarTitles(const MainWindow& window)
{
    QStringList titles;
    for (const QAction* a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

QMenu* viewSubMenu(const MainWindow& window, const QString& viewTitle, const QString& title)
{
    for (QAction* a : window.menuBar()->actions()) {
        if (a->text() != viewTitle || !a->menu())
            continue;
        for (QAction* item : a->menu()->actions()) {
            if (item->menu() && item->text() == title)
                return item->menu();
        }
    }
    return nullptr;
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName("MarketLensTest");
        QCoreApplication::setApplicationName("MarketLensTranslationsTest");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    }

    void cleanup() { installTranslations(*qApp, QStringLiteral("en")); }

    void embeddedCatalogues()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/marketlens_zh_CN.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/marketlens_de.qm")));
        QCOMPARE(availableLanguages(),
            QStringList({QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("de")}));
    }

    void chineseMenus()
    {
        // Expected titles come from the embedded catalogue itself, i.e. from the .ts file.
        QTranslator reference;
        QVERIFY(reference.load(QStringLiteral(":/i18n/marketlens_zh_CN.qm")));
        QStringList expected;
        for (const char* title : kMenuTitles) {
            const QString zh = reference.translate(kContext, title);
            QVERIFY2(!zh.isEmpty(), title);
            QVERIFY2(zh != QLatin1String(title), title);
            QVERIFY2(containsCjk(zh), qPrintable(zh));
            expected << zh;
        }
        QCOMPARE(expected.first(), QStringLiteral("文件(&F)"));

        QVERIFY(installTranslations(*qApp, QStringLiteral("zh_CN")));
        MainWindow window;
        const QStringList titles = menuBarTitles(window);
        for (const QString& zh : expected)
            QVERIFY2(titles.contains(zh), qPrintable(titles.join(QLatin1Char('|'))));
        QCOMPARE(titles.first(), expected.first());
        QVERIFY(!titles.contains(QStringLiteral("&File")));

        // Actions inside the menus are translated too (File > Import Files…).
        const QString import = reference.translate(kContext, "&Import Files…");
        QCOMPARE(import, QStringLiteral("导入文件(&I)…"));
        const QMenu* file = window.menuBar()->actions().first()->menu();
        QVERIFY(file);
        bool found = false;
        for (const QAction* a : file->actions())
            found = found || a->text() == import;
        QVERIFY(found);
        // Tool buttons show "新建项目", not "新建项目(N)".
        QCOMPARE(file->actions().first()->iconText(), QStringLiteral("新建项目"));
        // Shortcuts are not part of the translation.
        QCOMPARE(file->actions().first()->shortcut(), QKeySequence(QKeySequence::New));
    }

    void englishPluralForms()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        const char* tree = "marketlens::ui::ProjectTree";
        QCOMPARE(QCoreApplication::translate(tree, "%n holding(s)", nullptr, 1),
            QStringLiteral("1 holding"));
        QCOMPARE(QCoreApplication::translate(tree, "%n holding(s)", nullptr, 5000),
            QStringLiteral("5000 holdings"));
        const char* weak = "Weak: only %n character(s); use at least %1.";
        QCOMPARE(QCoreApplication::translate("marketlens::ui::PasswordDialog", weak, nullptr, 1),
            QStringLiteral("Weak: only 1 character; use at least %1."));
        QCOMPARE(QCoreApplication::translate("marketlens::ui::PasswordDialog", weak, nullptr, 7),
            QStringLiteral("Weak: only 7 characters; use at least %1."));
        // Strings without a number are the source.
        QCOMPARE(QCoreApplication::translate(tree, "Portfolios"), QStringLiteral("Portfolios"));
    }

    void englishLeavesSource()
    {
        QVERIFY(installTranslations(*qApp, QStringLiteral("zh_CN")));
        // A second call replaces the translators installed by the first (English: its plural
        // forms only).
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")));
        MainWindow window;
        QStringList expected;
        for (const char* title : kMenuTitles)
            expected << QLatin1String(title);
        const QStringList titles = menuBarTitles(window);
        for (const QString& en : expected)
            QVERIFY2(titles.contains(en), qPrintable(titles.join(QLatin1Char('|'))));
        QCOMPARE(titles.first(), QStringLiteral("&File"));
        const QMenu* file = window.menuBar()->actions().first()->menu();
        QVERIFY(file);
        QCOMPARE(file->actions().first()->iconText(), QStringLiteral("New Project"));
    }

    void germanMenus()
    {
        QTranslator reference;
        QVERIFY(reference.load(QStringLiteral(":/i18n/marketlens_de.qm")));
        QCOMPARE(reference.translate(kContext, "&File"), QStringLiteral("&Datei"));
        QVERIFY(installTranslations(*qApp, QStringLiteral("de")));
        MainWindow window;
        QCOMPARE(menuBarTitles(window).first(), QStringLiteral("&Datei"));
    }

    void languageMenuStoresChoice()
    {
        QSettings().remove(QLatin1String(kLanguageSettingsKey));
        MainWindow window;
        QMenu* language = viewSubMenu(window, QStringLiteral("&View"), QStringLiteral("&Language"));
        QVERIFY(language);
        const QList<QAction*> choices = language->actions();
        QCOMPARE(choices.size(), 4);
        QStringList texts;
        for (const QAction* a : choices) {
            QVERIFY(a->isCheckable());
            texts << a->text();
        }
        QCOMPARE(texts,
            QStringList({QStringLiteral("&System Language"), QStringLiteral("English"),
                QStringLiteral("简体中文"), QStringLiteral("Deutsch")}));
        QVERIFY(choices.at(0)->isChecked()); // "system" is the default

        choices.at(2)->trigger();
        QCOMPARE(QSettings().value(QLatin1String(kLanguageSettingsKey)).toString(),
            QStringLiteral("zh_CN"));
        QVERIFY(choices.at(2)->isChecked());
        QVERIFY(!choices.at(0)->isChecked());

        // A new window shows the stored choice checked.
        MainWindow again;
        QMenu* language2 = viewSubMenu(again, QStringLiteral("&View"), QStringLiteral("&Language"));
        QVERIFY(language2);
        QVERIFY(language2->actions().at(2)->isChecked());
        QSettings().remove(QLatin1String(kLanguageSettingsKey));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
