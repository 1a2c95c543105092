#pragma once
// AppSettings: the user's preferences (Edit > Preferences), typed, validated and stored in
// QSettings under the keys below. Reads never fail: a missing or invalid stored value gives its
// default. Writes validate first (see the normalise* functions) and emit preferencesChanged()
// once when something actually changed. GUI thread only (one process-wide instance).
//
// Keys (QSettings of the application): ui/language (kLanguageSettingsKey, shared with View >
// Language), ui/theme ("system", "light", "dark"), risk/confidenceLevels ("0.95,0.99", '.'
// decimals whatever the locale), risk/annualisationDays, compute/threads (0 = all cores).

#include <QObject>
#include <QString>

#include <vector>

namespace marketlens::ui {

enum class ThemeChoice { System, Light, Dark };

struct Preferences {
    QString language = QStringLiteral("system"); // "system" or a code of availableLanguages()
    ThemeChoice theme = ThemeChoice::System;
    // Confidence levels every GUI risk run computes besides the one selected in the Risk tab;
    // sorted, unique, each in [kMinConfidence, kMaxConfidence].
    std::vector<double> confidenceLevels {0.95, 0.99};
    int annualisationDays = 252; // periods per year of daily returns, [1, 366]
    int threads = 0; // worker threads of risk runs and torch; 0 = all cores, else [1, 256]

    bool operator==(const Preferences&) const = default;
};

class AppSettings : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinConfidence = 0.5;
    static constexpr double kMaxConfidence = 0.9999;
    static constexpr int kMaxConfidenceLevels = 6;
    static constexpr int kMaxThreads = 256;

    // The process-wide instance (created on first use, parented to no one).
    static AppSettings& instance();

    static Preferences defaults() { return {}; }
    // Stored preferences, each value validated (an invalid one is replaced by its default).
    Preferences preferences() const;
    QString language() const;
    ThemeChoice theme() const;
    std::vector<double> confidenceLevels() const;
    int annualisationDays() const;
    int threads() const;
    // threads(), or the CPU count when it is 0.
    int effectiveThreads() const;

    // Validates and stores; emits preferencesChanged() when a stored value changed.
    void setPreferences(const Preferences& preferences);
    void setLanguage(const QString& language);
    void setTheme(ThemeChoice theme);

    // Validation, also used by the dialog. Invalid input gives the default.
    static QString normaliseLanguage(const QString& language);
    static std::vector<double> normaliseConfidences(std::vector<double> levels);
    static int normaliseAnnualisationDays(int days);
    static int normaliseThreads(int threads);
    static Preferences normalised(Preferences preferences);

    // "system", "light", "dark" and back (unknown text: System).
    static QString themeKey(ThemeChoice theme);
    static ThemeChoice themeFromKey(const QString& key);
    // Confidence levels as stored and typed: "0.95, 0.99" ('.' decimals). parseConfidences
    // accepts ',' ';' or spaces between levels, percentages ("97.5") and a decimal comma
    // ("0,95; 0,99"); an empty result with *ok false when any part is not a level in range.
    static QString confidencesToText(const std::vector<double>& levels);
    static std::vector<double> parseConfidences(const QString& text, bool* ok = nullptr);

Q_SIGNALS:
    void preferencesChanged(
        const marketlens::ui::Preferences& now, const marketlens::ui::Preferences& before);

private:
    AppSettings() = default;
};

} // namespace marketlens::ui
