#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace marketlens::ui {

namespace {
// Our translators are children of the application tagged with this name, so that a later call
// can find and remove them without keeping global state.
const QString kTranslatorName = QStringLiteral("marketlens_translator");

void removeInstalled(QCoreApplication& app)
{
    const auto translators
        = app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator* t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

bool install(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& dir)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(kTranslatorName);
    if (translator->load(locale, name, QStringLiteral("_"), dir)
        && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}
} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("de")};
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    removeInstalled(app);
    const QLocale locale = language.isEmpty() || language == QLatin1String("system")
        ? QLocale::system()
        : QLocale(language);
    // English is the source language: only its plural forms are loaded ("%n item(s)" as
    // "1 item", "2 items": translations/marketlens_en.ts), and no Qt translation, so that an
    // English choice on a German system gives English standard dialogs too.
    if (locale.language() == QLocale::English)
        return install(app, QLocale(QLocale::English), QStringLiteral("marketlens"),
            QStringLiteral(":/i18n"));
    install(
        app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(app, locale, QStringLiteral("marketlens"), QStringLiteral(":/i18n"));
}

} // namespace marketlens::ui
