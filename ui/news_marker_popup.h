#pragma once
// NewsMarkerPopup: what a click on a news marker of the price chart opens: for each item its
// headline, time, source, the score and label of the chosen model, and the scored text with the
// words that moved the score highlighted (green pushed towards positive, red towards negative,
// stronger tint for a larger weight), followed by those words and their weights.
// A Qt::Popup frame: it closes on a click outside or Esc. GUI thread only.

#include "core/news/news_store.h"

#include <QFrame>

#include <optional>
#include <vector>

class QLabel;
class QTextBrowser;

namespace marketlens::ui {

class NewsMarkerPopup : public QFrame {
    Q_OBJECT
public:
    struct Item {
        core::news::StoredNews news; // with its body
        std::optional<core::news::StoredScore> score; // of the chosen model, if scored
    };

    explicit NewsMarkerPopup(QWidget* parent = nullptr);

    // `modelName` is shown with the scores ("Lexicon").
    void setItems(const std::vector<Item>& items, const QString& modelName);
    // Shows the popup beside `globalPos`, kept on the screen.
    void showNear(const QPoint& globalPos);

    QString html() const { return m_html; }
    int itemCount() const { return m_count; }

    // `text` as HTML with the explanation's spans (UTF-16 positions into `text`) highlighted;
    // overlapping or out-of-range spans are skipped. Line breaks become <br>.
    static QString highlightedHtml(
        const QString& text, const std::vector<core::news::WordWeight>& words);
    // "negative", "neutral", "positive" in the UI language.
    static QString labelName(core::SentimentClass label);

private:
    QLabel* m_title = nullptr;
    QTextBrowser* m_text = nullptr;
    QString m_html;
    int m_count = 0;
};

} // namespace marketlens::ui
