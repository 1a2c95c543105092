#include "app_settings.h"

#include "translation.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <cmath>
#include <thread>

namespace marketlens::ui {

namespace {
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kConfidenceKey = QStringLiteral("risk/confidenceLevels");
const QString kAnnualisationKey = QStringLiteral("risk/annualisationDays");
const QString kThreadsKey = QStringLiteral("compute/threads");

int storedInt(const QSettings& settings, const QString& key, int fallback)
{
    bool ok = false;
    const int v = settings.value(key).toInt(&ok);
    return ok ? v : fallback;
}

// A level as the user writes it: 0.975 or a percentage 97.5 (also "97.5 %").
bool parseLevel(QString token, double& out)
{
    token.remove(QLatin1Char('%'));
    bool ok = false;
    double p = QLocale::c().toDouble(token.trimmed(), &ok);
    if (!ok)
        return false;
    if (p > 1.0 && p < 100.0)
        p /= 100.0;
    if (!(p >= AppSettings::kMinConfidence && p <= AppSettings::kMaxConfidence))
        return false;
    out = p;
    return true;
}
} // namespace

AppSettings& AppSettings::instance()
{
    static AppSettings* settings = new AppSettings; // lives until the process ends
    return *settings;
}

QString AppSettings::normaliseLanguage(const QString& language)
{
    const QString code = language.trimmed();
    return availableLanguages().contains(code) ? code : QStringLiteral("system");
}

std::vector<double> AppSettings::normaliseConfidences(std::vector<double> levels)
{
    std::vector<double> out;
    for (double p : levels) {
        if (!(p >= kMinConfidence && p <= kMaxConfidence))
            continue;
        // Stored and shown with at most 4 significant digits after "0.": round so that
        // 0.95 and 0.950000001 are the same level.
        p = std::round(p * 1e6) / 1e6;
        if (std::none_of(out.begin(), out.end(), [p](double q) { return std::abs(p - q) < 1e-9; }))
            out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    if (out.size() > std::size_t(kMaxConfidenceLevels))
        out.resize(std::size_t(kMaxConfidenceLevels));
    return out.empty() ? defaults().confidenceLevels : out;
}

int AppSettings::normaliseAnnualisationDays(int days)
{
    return days >= 1 && days <= 366 ? days : defaults().annualisationDays;
}

int AppSettings::normaliseThreads(int threads)
{
    return threads >= 0 && threads <= kMaxThreads ? threads : defaults().threads;
}

Preferences AppSettings::normalised(Preferences p)
{
    p.language = normaliseLanguage(p.language);
    p.confidenceLevels = normaliseConfidences(std::move(p.confidenceLevels));
    p.annualisationDays = normaliseAnnualisationDays(p.annualisationDays);
    p.threads = normaliseThreads(p.threads);
    return p;
}

QString AppSettings::themeKey(ThemeChoice theme)
{
    switch (theme) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice AppSettings::themeFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return ThemeChoice::Light;
    if (key == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

QString AppSettings::confidencesToText(const std::vector<double>& levels)
{
    QStringList parts;
    for (double p : levels)
        parts << QString::number(p, 'g', 6);
    return parts.join(QStringLiteral(", "));
}

std::vector<double> AppSettings::parseConfidences(const QString& text, bool* ok)
{
    // "0.95, 0.99" or, typed with a decimal comma, "0,95; 0,99": a comma between digits is a
    // decimal point only when the text has no '.' at all.
    static const QRegularExpression commaBetweenDigits(QStringLiteral("\\d,\\d"));
    const bool decimalComma = !text.contains(QLatin1Char('.')) && text.contains(commaBetweenDigits);
    static const QRegularExpression listSeparators(QStringLiteral("[,;\\s]+"));
    static const QRegularExpression decimalCommaSeparators(QStringLiteral("[;\\s]+"));
    const QStringList tokens
        = text.split(decimalComma ? decimalCommaSeparators : listSeparators, Qt::SkipEmptyParts);
    std::vector<double> levels;
    bool good = !tokens.isEmpty();
    for (QString token : tokens) {
        if (decimalComma)
            token.replace(QLatin1Char(','), QLatin1Char('.'));
        double p = 0.0;
        if (token == QLatin1String("%"))
            continue;
        if (parseLevel(token, p))
            levels.push_back(p);
        else
            good = false;
    }
    if (ok)
        *ok = good;
    return good ? normaliseConfidences(levels) : std::vector<double>();
}

QString AppSettings::language() const
{
    return normaliseLanguage(
        QSettings()
            .value(QLatin1String(kLanguageSettingsKey), QStringLiteral("system"))
            .toString());
}

ThemeChoice AppSettings::theme() const
{
    return themeFromKey(QSettings().value(kThemeKey).toString());
}

std::vector<double> AppSettings::confidenceLevels() const
{
    const QSettings settings;
    if (!settings.contains(kConfidenceKey))
        return defaults().confidenceLevels;
    bool ok = false;
    const auto levels = parseConfidences(settings.value(kConfidenceKey).toString(), &ok);
    return ok ? levels : defaults().confidenceLevels;
}

int AppSettings::annualisationDays() const
{
    return normaliseAnnualisationDays(
        storedInt(QSettings(), kAnnualisationKey, defaults().annualisationDays));
}

int AppSettings::threads() const
{
    return normaliseThreads(storedInt(QSettings(), kThreadsKey, defaults().threads));
}

int AppSettings::effectiveThreads() const
{
    const int n = threads();
    return n > 0 ? n : int(std::max(1u, std::thread::hardware_concurrency()));
}

Preferences AppSettings::preferences() const
{
    Preferences p;
    p.language = language();
    p.theme = theme();
    p.confidenceLevels = confidenceLevels();
    p.annualisationDays = annualisationDays();
    p.threads = threads();
    return p;
}

void AppSettings::setPreferences(const Preferences& preferences)
{
    const Preferences before = this->preferences();
    const Preferences now = normalised(preferences);
    QSettings settings;
    settings.setValue(QLatin1String(kLanguageSettingsKey), now.language);
    settings.setValue(kThemeKey, themeKey(now.theme));
    settings.setValue(kConfidenceKey, confidencesToText(now.confidenceLevels));
    settings.setValue(kAnnualisationKey, now.annualisationDays);
    settings.setValue(kThreadsKey, now.threads);
    if (now != before)
        Q_EMIT preferencesChanged(now, before);
}

void AppSettings::setLanguage(const QString& language)
{
    Preferences p = preferences();
    p.language = language;
    setPreferences(p);
}

void AppSettings::setTheme(ThemeChoice theme)
{
    Preferences p = preferences();
    p.theme = theme;
    setPreferences(p);
}

} // namespace marketlens::ui
