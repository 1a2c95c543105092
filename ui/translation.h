#pragma once
// User-interface language. MarketLens ships its translations as .qm files embedded under the
// resource prefix ":/i18n" (marketlens_<lang>.qm, built from translations/*.ts); Qt's own
// strings (standard dialogs, About Qt) come from the system's qtbase_<lang>.qm when present.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace marketlens::ui {

// QSettings key holding the chosen language: "system" (default), "en", "zh_CN", "de", ...
inline constexpr const char* kLanguageSettingsKey = "ui/language";

// Language codes the UI offers besides "system" ("en" is the untranslated source).
QStringList availableLanguages();

// Installs the translators for `language` ("system" or empty: QLocale::system(); otherwise a
// locale name such as "zh_CN"). Translators installed by an earlier call are removed first, so
// it may be called again (the new language shows in widgets created afterwards). Returns true
// when a MarketLens translation was loaded (for English: its plural forms only); false for a
// language without one.
bool installTranslations(QCoreApplication& app, const QString& language);

} // namespace marketlens::ui
