#pragma once
// SentimentTrainDialog: the settings of a sentiment model training (Models > Train Sentiment
// Model…): architecture (bag of n-grams or small Transformer), cross-validation folds, epochs
// (0 = the architecture's default), seed and an optional name; the last values are remembered
// (QSettings "news/train/..."). It says how many labelled items the project holds.
//
// SentimentTrainResultDialog: what a training gave: per fold and on average the model's
// accuracy and macro-F1 next to the market-news lexicon's and VADER's on the same held-out
// folds, with a verdict; "Score News With It" asks for scoring with the new model.

#include "ui/news/news_controller.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QPushButton;

namespace marketlens::ui {

class SentimentTrainDialog : public QDialog {
    Q_OBJECT
public:
    // `labelled`: labelled news items in the project (-1 when unknown).
    explicit SentimentTrainDialog(qint64 labelled, QWidget* parent = nullptr);

    // The request (projectPath left empty for the caller).
    SentimentTrainRequest request() const;
    void setRequest(const SentimentTrainRequest& request);
    // Stores the current values as the next defaults.
    void remember() const;

private:
    QComboBox* m_kind = nullptr;
    QSpinBox* m_folds = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_seed = nullptr;
    QLineEdit* m_name = nullptr;
};

class SentimentTrainResultDialog : public QDialog {
    Q_OBJECT
public:
    explicit SentimentTrainResultDialog(
        const SentimentTrainResult& result, QWidget* parent = nullptr);

    QString verdictText() const;
    QPushButton* scoreButton() const { return m_score; }

Q_SIGNALS:
    void scoreRequested(const QString& modelKey);

private:
    QLabel* m_verdict = nullptr;
    QPushButton* m_score = nullptr;
};

} // namespace marketlens::ui
