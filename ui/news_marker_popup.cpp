#include "news_marker_popup.h"

#include "sentiment_palette.h"
#include "ui/locale_format.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {
namespace {

constexpr int kListedWords = 8;

QColor mix(const QColor& a, const QColor& b, double t)
{
    const auto m = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()));
}

QString signedNumber(double v)
{
    const QString text = QLocale().toString(v, 'f', 2);
    return v > 0.0 ? QLocale().positiveSign() + text : text;
}

// The spans of `words` inside [begin, end) of the text, moved to start at 0.
std::vector<core::news::WordWeight> wordsIn(
    const std::vector<core::news::WordWeight>& words, int begin, int end)
{
    std::vector<core::news::WordWeight> out;
    for (core::news::WordWeight w : words) {
        if (w.position >= begin && w.position + w.length <= end) {
            w.position -= begin;
            out.push_back(w);
        }
    }
    return out;
}

QString escapedLines(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

NewsMarkerPopup::NewsMarkerPopup(QWidget* parent)
    : QFrame(parent, Qt::Popup)
{
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QTextBrowser(this);
    m_text->setOpenExternalLinks(true);
    m_text->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    resize(500, 380);
}

QString NewsMarkerPopup::labelName(core::SentimentClass label)
{
    switch (label) {
    case core::SentimentClass::Negative:
        return tr("negative");
    case core::SentimentClass::Positive:
        return tr("positive");
    case core::SentimentClass::Neutral:
        break;
    }
    return tr("neutral");
}

QString NewsMarkerPopup::highlightedHtml(
    const QString& text, const std::vector<core::news::WordWeight>& words)
{
    std::vector<core::news::WordWeight> spans;
    double strongest = 0.0;
    for (const auto& w : words) {
        if (w.position >= 0 && w.length > 0 && w.position + w.length <= text.size()
            && w.weight != 0.0 && std::isfinite(w.weight)) {
            spans.push_back(w);
            strongest = std::max(strongest, std::abs(w.weight));
        }
    }
    std::sort(spans.begin(), spans.end(),
        [](const auto& a, const auto& b) { return a.position < b.position; });
    const QColor base = QApplication::palette().color(QPalette::Base);
    QString html;
    int at = 0;
    for (const auto& w : spans) {
        if (w.position < at)
            continue; // overlaps the previous span
        html += escapedLines(text.mid(at, w.position - at));
        // Tint grows with the weight: 30 % of the scale's end colour for the weakest word,
        // 75 % for the strongest.
        const double t = 0.30 + 0.45 * std::abs(w.weight) / strongest;
        const QColor end = w.weight > 0 ? sentimentPositiveColor() : sentimentNegativeColor();
        html += QStringLiteral("<span style=\"background-color:%1\" title=\"%2\">%3</span>")
                    .arg(mix(base, end, t).name(), signedNumber(w.weight),
                        escapedLines(text.mid(w.position, w.length)));
        at = w.position + w.length;
    }
    html += escapedLines(text.mid(at));
    return html;
}

void NewsMarkerPopup::setItems(const std::vector<Item>& items, const QString& modelName)
{
    m_count = int(items.size());
    m_title->setText(tr("%n news item(s)", nullptr, m_count));
    QString html;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        const core::news::StoredNews& n = item.news;
        if (i > 0)
            html += QStringLiteral("<hr>");
        const QString text = QString::fromStdString(core::news::scoringText(n));
        const int headLen = int(QString::fromStdString(n.headline).size());
        const std::vector<core::news::WordWeight> none;
        const auto& words = item.score ? item.score->explanation : none;
        html += QStringLiteral("<p style=\"margin-bottom:2px\"><b>%1</b></p>")
                    .arg(highlightedHtml(text.left(headLen), wordsIn(words, 0, headLen)));

        QStringList meta;
        const QDateTime when = QDateTime::fromSecsSinceEpoch(n.timestamp, Qt::UTC);
        meta << (n.dateOnly ? displayDate(when.date()) : displayDateTime(when.toLocalTime()));
        if (!n.source.empty())
            meta << QString::fromStdString(n.source).toHtmlEscaped();
        QStringList tickers;
        for (const auto& t : n.tickers)
            tickers << QString::fromStdString(t.ticker);
        if (!tickers.isEmpty())
            meta << tickers.join(QStringLiteral(", ")).toHtmlEscaped();
        if (!n.url.empty())
            meta << QStringLiteral("<a href=\"%1\">%2</a>")
                        .arg(QString::fromStdString(n.url).toHtmlEscaped(), tr("source"));
        html += QStringLiteral("<p style=\"margin-top:0\"><small>%1</small></p>")
                    .arg(meta.join(QStringLiteral(" &middot; ")));

        if (item.score) {
            const core::news::StoredScore& s = *item.score;
            html += QStringLiteral("<p><span style=\"color:%1\">&#9632;</span> %2</p>")
                        .arg(sentimentColor(s.score).name(),
                            tr("Score %1, %2 (%3)")
                                .arg(signedNumber(s.score), labelName(s.label),
                                    modelName.toHtmlEscaped()));
        } else {
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("Not scored by %1").arg(modelName.toHtmlEscaped()));
        }
        if (text.size() > headLen + 2)
            html += QStringLiteral("<p>%1</p>")
                        .arg(highlightedHtml(
                            text.mid(headLen + 2), wordsIn(words, headLen + 2, int(text.size()))));
        if (!words.empty()) {
            QStringList listed;
            for (std::size_t k = 0; k < words.size() && int(k) < kListedWords; ++k) {
                const auto& w = words[k];
                if (w.position < 0 || w.position + w.length > text.size())
                    continue;
                listed << QStringLiteral("%1&nbsp;(%2)")
                              .arg(text.mid(w.position, w.length).toHtmlEscaped(),
                                  signedNumber(w.weight));
            }
            if (!listed.isEmpty())
                html += QStringLiteral("<p><small>%1 %2</small></p>")
                            .arg(tr("Words that moved the score:"),
                                listed.join(QStringLiteral(", ")));
        }
    }
    m_html = html;
    m_text->setHtml(html);
    // As tall as the text (one short item needs no empty page below it), at most 440 px.
    // Measured on a copy: the browser's own document is laid out for its current viewport.
    QTextDocument measure;
    measure.setDefaultFont(m_text->font());
    measure.setDocumentMargin(m_text->document()->documentMargin());
    measure.setHtml(html);
    measure.setTextWidth(width() - 16);
    const int h = int(std::ceil(measure.size().height())) + m_title->sizeHint().height() + 32;
    resize(width(), std::clamp(h, 120, 440));
}

void NewsMarkerPopup::showNear(const QPoint& globalPos)
{
    QPoint at = globalPos + QPoint(12, 12);
    if (const QScreen* screen = QApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        if (at.x() + width() > area.right())
            at.setX(globalPos.x() - 12 - width());
        if (at.y() + height() > area.bottom())
            at.setY(globalPos.y() - 12 - height());
        at.setX(std::max(at.x(), area.left()));
        at.setY(std::max(at.y(), area.top()));
    }
    move(at);
    show();
    raise();
}

} // namespace marketlens::ui
