#pragma once
// Edit > Preferences: language, theme, default confidence levels, annualisation days and worker
// threads (see AppSettings). OK applies and closes, Apply applies, Cancel drops unapplied edits,
// Restore Defaults puts the defaults into the fields (applied with OK or Apply). An invalid
// confidence list keeps the dialog open with the reason shown under the field.
//
// installPreferenceEffects() makes stored changes take effect in the running application: the
// theme at once (ui/theme.h), the thread count for torch (models/torch_runtime.h); risk runs read
// their confidence levels, annualisation and threads from AppSettings when they start; a new
// language shows after a restart.

#include "app_settings.h"

#include <QDialog>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace marketlens::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // The fields as preferences; *ok false (and an empty confidence list) when the confidence
    // text is not a list of levels.
    Preferences values(bool* ok = nullptr) const;
    void setValues(const Preferences& preferences);
    // Stores the fields through AppSettings; false (nothing stored) when they are invalid.
    bool apply();
    void restoreDefaults();

    void accept() override;

private:
    void updateNotes();

    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_confidences = nullptr;
    QSpinBox* m_days = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_languageNote = nullptr;
    QLabel* m_confidenceNote = nullptr;
};

// Connects AppSettings::preferencesChanged to the effects above and applies the stored theme and
// thread count now. Call once at start-up, after the QApplication exists (again: no effect).
void installPreferenceEffects();

// The Edit menu's "Preferences…" action (QKeySequence::Preferences and Ctrl+,), opening one
// non-blocking dialog over `window`.
QAction* createPreferencesAction(QWidget* window);

} // namespace marketlens::ui
