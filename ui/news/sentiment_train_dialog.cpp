#include "sentiment_train_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace marketlens::ui {

SentimentTrainDialog::SentimentTrainDialog(qint64 labelled, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Train Sentiment Model"));
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Bag of n-grams (fast)"), QStringLiteral("bow"));
    m_kind->addItem(tr("Small Transformer"), QStringLiteral("transformer"));
    m_kind->setToolTip(tr("Bag of n-grams: an EmbeddingBag over word uni- and bi-grams, strong on "
                          "short texts. Transformer: 2 layers, 4 heads, slower."));
    form->addRow(tr("&Architecture:"), m_kind);
    m_folds = new QSpinBox(this);
    m_folds->setRange(0, 20);
    m_folds->setSpecialValueText(tr("No cross-validation"));
    m_folds->setToolTip(tr("Stratified k-fold cross-validation: the model and the lexicons are "
                           "scored on the same held-out folds"));
    form->addRow(tr("Cross-validation &folds:"), m_folds);
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(0, 500);
    m_epochs->setSpecialValueText(tr("Default"));
    m_epochs->setToolTip(tr("Passes over the training data (0: the architecture's default)"));
    form->addRow(tr("&Epochs:"), m_epochs);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1'000'000'000);
    m_seed->setToolTip(tr("Seeds the folds, the shuffling and the weights: the same seed gives "
                          "the same model on the CPU"));
    form->addRow(tr("&Seed:"), m_seed);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Automatic"));
    m_name->setToolTip(tr("Name of the stored model"));
    form->addRow(tr("&Name:"), m_name);

    auto* note = new QLabel(this);
    note->setWordWrap(true);
    note->setText(labelled < 0 ? tr("The model learns from the project's labelled news.")
            : labelled == 0
            ? tr("The project has no labelled news: import a news file with a label column "
                 "first.")
            : tr("The model learns from the project's %1 labelled news items.")
                  .arg(QLocale().toString(labelled)));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(labelled != 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    QSettings settings;
    SentimentTrainRequest remembered;
    models::parseTextModelKind(
        settings.value(QStringLiteral("news/train/kind"), QStringLiteral("bow"))
            .toString()
            .toStdString(),
        remembered.kind);
    remembered.folds = settings.value(QStringLiteral("news/train/folds"), 5).toInt();
    remembered.epochs = settings.value(QStringLiteral("news/train/epochs"), 0).toInt();
    remembered.seed = settings.value(QStringLiteral("news/train/seed"), 42).toULongLong();
    setRequest(remembered);
}

SentimentTrainRequest SentimentTrainDialog::request() const
{
    SentimentTrainRequest r;
    models::parseTextModelKind(m_kind->currentData().toString().toStdString(), r.kind);
    r.folds = m_folds->value() == 1 ? 2 : m_folds->value();
    r.epochs = m_epochs->value();
    r.seed = quint64(m_seed->value());
    r.name = m_name->text().trimmed();
    return r;
}

void SentimentTrainDialog::setRequest(const SentimentTrainRequest& request)
{
    m_kind->setCurrentIndex(
        std::max(0, m_kind->findData(QString::fromLatin1(models::textModelKindKey(request.kind)))));
    m_folds->setValue(request.folds);
    m_epochs->setValue(request.epochs);
    m_seed->setValue(int(std::min<quint64>(request.seed, 1'000'000'000)));
    m_name->setText(request.name);
}

void SentimentTrainDialog::remember() const
{
    const SentimentTrainRequest r = request();
    QSettings settings;
    settings.setValue(
        QStringLiteral("news/train/kind"), QString::fromLatin1(models::textModelKindKey(r.kind)));
    settings.setValue(QStringLiteral("news/train/folds"), r.folds);
    settings.setValue(QStringLiteral("news/train/epochs"), r.epochs);
    settings.setValue(QStringLiteral("news/train/seed"), qulonglong(r.seed));
}

SentimentTrainResultDialog::SentimentTrainResultDialog(
    const SentimentTrainResult& result, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sentiment Model Trained"));
    const QLocale locale;
    const auto pct
        = [&locale](double v) { return locale.toString(v * 100.0, 'f', 1) + QStringLiteral(" %"); };
    auto* layout = new QVBoxLayout(this);
    auto* summary = new QLabel(this);
    summary->setWordWrap(true);
    summary->setText(
        tr("<b>%1</b> (%2) learnt from %3 labelled items in %4 s and is stored in "
           "the project.")
            .arg(result.name.toHtmlEscaped(),
                QString::fromLatin1(models::textModelKindKey(result.kind)),
                locale.toString(result.examples), locale.toString(result.seconds, 'f', 1)));
    layout->addWidget(summary);

    const models::CrossValidation& cv = result.validation;
    if (cv.folds > 0) {
        auto* table = new QTableWidget(int(cv.perFold.size()) + 1, 7, this);
        table->setObjectName(QStringLiteral("cvTable"));
        table->setHorizontalHeaderLabels(
            {tr("Fold"), tr("Items"), tr("Model accuracy"), tr("Model macro-F1"),
                tr("Lexicon accuracy"), tr("Lexicon macro-F1"), tr("VADER accuracy")});
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        const auto fill = [&](int row, const QString& name, const models::FoldMetrics& m) {
            const QStringList cells {name, locale.toString(qlonglong(m.testSize)), pct(m.accuracy),
                pct(m.macroF1), pct(m.lexiconAccuracy), pct(m.lexiconMacroF1),
                pct(m.vaderAccuracy)};
            for (int c = 0; c < cells.size(); ++c) {
                auto* cell = new QTableWidgetItem(cells[c]);
                cell->setTextAlignment(
                    Qt::Alignment(c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
                if (name.isEmpty() || row == int(cv.perFold.size())) {
                    QFont f = cell->font();
                    f.setBold(true);
                    cell->setFont(f);
                }
                table->setItem(row, c, cell);
            }
        };
        for (std::size_t i = 0; i < cv.perFold.size(); ++i)
            fill(int(i), locale.toString(int(i + 1)), cv.perFold[i]);
        fill(int(cv.perFold.size()), tr("Mean"), cv.mean);
        table->resizeColumnsToContents();
        table->setToolTip(tr("Scores on the held-out part of each fold; the lexicons are scored "
                             "on the same items"));
        layout->addWidget(table);
        const double gain
            = cv.mean.accuracy - std::max(cv.mean.lexiconAccuracy, cv.mean.vaderAccuracy);
        m_verdict = new QLabel(this);
        m_verdict->setWordWrap(true);
        m_verdict->setText(gain > 0
                ? tr("The model beats the better lexicon by %1 accuracy points on held-out "
                     "folds (macro-F1 %2 vs %3).")
                      .arg(locale.toString(gain * 100.0, 'f', 1), pct(cv.mean.macroF1),
                          pct(std::max(cv.mean.lexiconMacroF1, cv.mean.vaderMacroF1)))
                : tr("The model does not beat the lexicons on held-out folds (%1 vs %2 "
                     "accuracy): more labelled news may help.")
                      .arg(pct(cv.mean.accuracy),
                          pct(std::max(cv.mean.lexiconAccuracy, cv.mean.vaderAccuracy))));
        layout->addWidget(m_verdict);
    } else {
        m_verdict = new QLabel(tr("Trained without cross-validation: no held-out scores."), this);
        layout->addWidget(m_verdict);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_score = buttons->addButton(tr("&Score News With It"), QDialogButtonBox::ActionRole);
    m_score->setToolTip(tr("Score every news item with the new model (the other models' scores "
                           "are kept)"));
    connect(m_score, &QPushButton::clicked, this, [this, key = result.modelKey] {
        Q_EMIT scoreRequested(key);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, sizeHint().height());
}

QString SentimentTrainResultDialog::verdictText() const
{
    return m_verdict ? m_verdict->text() : QString();
}

} // namespace marketlens::ui
