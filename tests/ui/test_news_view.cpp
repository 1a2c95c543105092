// News tab: NewsModel rows and columns from a project written with the news_store API, the
// NewsFilterModel filters (ticker, date range, score range, label, text) giving the rows chosen by
// hand, sorting by score and time, and the details pane's highlighted explanation words (their
// tooltips carry the weight, the background is green for positive and red for negative words).
#include "core/news/news_store.h"
#include "core/project_store.h"
#include "ui/news/news_filter_model.h"
#include "ui/news/news_model.h"
#include "ui/news/news_view.h"
#include "ui/project_controller.h"

#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QtTest>

using namespace marketlens;
namespace cn = marketlens::core::news;
using ui::NewsFilterModel;
using ui::NewsModel;

namespace {
// Noon UTC of a day, so the local day shown equals the UTC day in any time zone within +-11 h.
std::int64_t noon(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
}

cn::StoredNews news(std::int64_t ts, const char* headline, const char* body,
    std::vector<const char*> tickers, const char* label = "")
{
    cn::StoredNews n;
    n.timestamp = ts;
    n.headline = headline;
    n.body = body;
    n.source = "Test Wire";
    n.labelText = label;
    n.sourceFile = "hand.csv";
    for (const char* t : tickers)
        n.tickers.push_back({t, core::LinkReason::Explicit, t, 1});
    return n;
}

QStringList headlines(const QAbstractItemModel& model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, NewsModel::HeadlineColumn).data().toString();
    return out;
}
} // namespace

class TestNewsView : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::vector<std::int64_t> m_ids; // in insertion order: a, b, c, d

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("news.mlens"));
        auto store = core::ProjectStore::create(m_path.toStdString());
        QVERIFY2(store, store ? "" : store.error().toString().c_str());
        const std::vector<cn::StoredNews> items = {
            news(noon(2024, 1, 2), "Apple profit soars", "Quarterly profit beat estimates.",
                {"AAPL"}, "positive"),
            news(noon(2024, 1, 3), "Microsoft shares plunge", "A merger was called off.",
                {"MSFT", "AAPL"}, "negative"),
            news(noon(2024, 1, 5), "Markets flat", "", {"MSFT"}),
            news(noon(2024, 1, 8), "Unscored note", "Nothing to see.", {}),
        };
        for (const auto& n : items) {
            auto id = cn::insertNews(*store, n);
            QVERIFY2(id, id ? "" : id.error().toString().c_str());
            QVERIFY(*id > 0);
            m_ids.push_back(*id);
        }
        // "Apple profit soars": "profit" at 6 (+0.3), "soars" at 13 (+0.9).
        cn::StoredScore a {
            m_ids[0], 0.75, core::SentimentClass::Positive, {}, {{13, 5, 0.9}, {6, 6, 0.3}}};
        // "Microsoft shares plunge": "plunge" at 17 (-1.2).
        cn::StoredScore b {m_ids[1], -0.6, core::SentimentClass::Negative, {}, {{17, 6, -1.2}}};
        cn::StoredScore c {m_ids[2], 0.0, core::SentimentClass::Neutral, {}, {}};
        QVERIFY(cn::saveScores(*store, "lexicon", {a, b, c}));
        // Another model's scores are kept beside the lexicon's.
        cn::StoredScore other {m_ids[3], 0.2, core::SentimentClass::Positive, {0.1, 0.2, 0.7}, {}};
        QVERIFY(cn::saveScores(*store, "model:7", {other}));
    }

    void modelRowsAndColumns()
    {
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        NewsModel model;
        QVERIFY(model.load(*store, QStringLiteral("lexicon")));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(NewsModel::ColumnCount));
        QCOMPARE(model.scoredCount(), 3);
        QCOMPARE(headlines(model),
            QStringList({"Apple profit soars", "Microsoft shares plunge", "Markets flat",
                "Unscored note"}));
        const int b = model.rowOfId(m_ids[1]);
        QCOMPARE(model.index(b, NewsModel::TickersColumn).data().toString(),
            QStringLiteral("MSFT, AAPL"));
        QCOMPARE(
            model.index(b, NewsModel::SourceColumn).data().toString(), QStringLiteral("Test Wire"));
        QCOMPARE(model.index(b, NewsModel::ScoreColumn).data().toString(), QStringLiteral("-0.60"));
        QCOMPARE(
            model.index(b, NewsModel::LabelColumn).data().toString(), QStringLiteral("Negative"));
        QCOMPARE(model.index(b, NewsModel::FileLabelColumn).data().toString(),
            QStringLiteral("negative"));
        QCOMPARE(model.index(b, 0).data(NewsModel::DateRole).toDate(), QDate(2024, 1, 3));
        // The score cell is coloured on the diverging scale: red end for -0.6, green for +0.75.
        const QColor neg
            = model.index(b, NewsModel::ScoreColumn).data(Qt::BackgroundRole).value<QColor>();
        const QColor pos = model.index(model.rowOfId(m_ids[0]), NewsModel::ScoreColumn)
                               .data(Qt::BackgroundRole)
                               .value<QColor>();
        QVERIFY(neg.red() > neg.green());
        QVERIFY(pos.green() > pos.red());
        const int d = model.rowOfId(m_ids[3]);
        QVERIFY(!model.index(d, 0).data(NewsModel::ScoreRole).isValid());
        QVERIFY(model.index(d, NewsModel::ScoreColumn).data().toString().isEmpty());
        QCOMPARE(model.tickers(), QStringList({"AAPL", "MSFT"}));
        QCOMPARE(model.firstDate(), QDate(2024, 1, 2));
        QCOMPARE(model.lastDate(), QDate(2024, 1, 8));

        // Switching the model shows that model's scores only.
        auto other = cn::loadScores(*store, "model:7");
        QVERIFY(other);
        model.setScores(QStringLiteral("model:7"), *other);
        QCOMPARE(model.scoredCount(), 1);
        QCOMPARE(model.index(d, 0).data(NewsModel::ScoreRole).toDouble(), 0.2);
    }

    void filters()
    {
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        NewsModel model;
        QVERIFY(model.load(*store, QStringLiteral("lexicon")));
        NewsFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(NewsModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(filter.rowCount(), 4);

        filter.setTicker(QStringLiteral("AAPL"));
        QCOMPARE(headlines(filter), QStringList({"Apple profit soars", "Microsoft shares plunge"}));
        filter.setTicker(QStringLiteral("msft")); // case-insensitive
        QCOMPARE(headlines(filter), QStringList({"Microsoft shares plunge", "Markets flat"}));
        filter.reset();

        filter.setDateRange(QDate(2024, 1, 3), QDate(2024, 1, 5));
        QCOMPARE(headlines(filter), QStringList({"Microsoft shares plunge", "Markets flat"}));
        filter.setDateRange(QDate(2024, 1, 5), QDate());
        QCOMPARE(headlines(filter), QStringList({"Markets flat", "Unscored note"}));
        filter.setDateRange({}, QDate(2024, 1, 2));
        QCOMPARE(headlines(filter), QStringList({"Apple profit soars"}));
        filter.reset();

        // Score range: unscored items are hidden while a range is set.
        filter.setScoreRange(-0.1, std::nullopt);
        QCOMPARE(headlines(filter), QStringList({"Apple profit soars", "Markets flat"}));
        filter.setScoreRange(std::nullopt, 0.0);
        QCOMPARE(headlines(filter), QStringList({"Microsoft shares plunge", "Markets flat"}));
        filter.setScoreRange(std::nullopt, std::nullopt);
        filter.setLabel(core::SentimentClass::Negative);
        QCOMPARE(headlines(filter), QStringList({"Microsoft shares plunge"}));
        filter.reset();

        // Text: every word, case-insensitive, in headline or body.
        filter.setText(QStringLiteral("MERGER"));
        QCOMPARE(headlines(filter), QStringList({"Microsoft shares plunge"}));
        filter.setText(QStringLiteral("profit estimates"));
        QCOMPARE(headlines(filter), QStringList({"Apple profit soars"}));
        filter.setText(QStringLiteral("profit merger"));
        QCOMPARE(filter.rowCount(), 0);
        QVERIFY(filter.isFiltering());
        // Combined: ticker AAPL and a negative label.
        filter.reset();
        filter.setTicker(QStringLiteral("AAPL"));
        filter.setLabel(core::SentimentClass::Positive);
        QCOMPARE(headlines(filter), QStringList({"Apple profit soars"}));
        filter.reset();
        QVERIFY(!filter.isFiltering());
        QCOMPARE(filter.rowCount(), 4);
    }

    void sorting()
    {
        auto store = core::ProjectStore::open(m_path.toStdString());
        QVERIFY(store);
        NewsModel model;
        QVERIFY(model.load(*store, QStringLiteral("lexicon")));
        NewsFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(NewsModel::ScoreColumn, Qt::DescendingOrder);
        QCOMPARE(headlines(filter),
            QStringList({"Apple profit soars", "Markets flat", "Microsoft shares plunge",
                "Unscored note"}));
        filter.sort(NewsModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(headlines(filter),
            QStringList({"Unscored note", "Markets flat", "Microsoft shares plunge",
                "Apple profit soars"}));
        filter.sort(NewsModel::HeadlineColumn, Qt::AscendingOrder);
        QCOMPARE(headlines(filter).first(), QStringLiteral("Apple profit soars"));
        QCOMPARE(headlines(filter).last(), QStringLiteral("Unscored note"));
    }

    void explanationHtml()
    {
        const QString text = QStringLiteral("Apple profit soars <today>");
        const QString html = ui::explanationHtml(text, {{13, 5, 0.9}, {6, 6, 0.3}, {100, 3, 1.0}});
        QVERIFY(html.contains(QStringLiteral(">soars</span>")));
        QVERIFY(html.contains(QStringLiteral(">profit</span>")));
        QVERIFY(html.contains(QStringLiteral("&lt;today&gt;"))); // escaped, not markup
        QCOMPARE(html.count(QStringLiteral("<span")), 2); // the word outside the text is skipped
        QVERIFY(html.contains(QStringLiteral("+0.900")));
        // No highlight without weights: the escaped text only; hard-wrapped lines flow, blank
        // lines separate paragraphs.
        QCOMPARE(ui::explanationHtml(QStringLiteral("a < b\nc\n\nd"), {}),
            QStringLiteral("a &lt; b c<br><br>d"));
    }

    void viewShowsHighlightedDetails()
    {
        ui::ProjectController project;
        QVERIFY(project.openProject(m_path));
        ui::NewsView view(&project);
        view.resize(1000, 700);
        QCOMPARE(view.modelKey(), QStringLiteral("lexicon"));
        QCOMPARE(view.shownCount(), 4);
        // The model combo lists the lexicons and the scores of model:7.
        QVERIFY(view.modelCombo()->findData(QStringLiteral("lexicon")) >= 0);
        QVERIFY(view.modelCombo()->findData(QStringLiteral("model:7")) >= 0);
        QVERIFY(view.tickerCombo()->findData(QStringLiteral("MSFT")) >= 0);

        view.selectNews(m_ids[0]);
        QTextDocument* doc = view.details()->document();
        QVERIFY(doc->toPlainText().contains(QStringLiteral("Apple profit soars")));
        QVERIFY(doc->toPlainText().contains(QStringLiteral("Quarterly profit beat estimates.")));
        // The explanation positions index "headline\n\nbody": "soars" is highlighted green with
        // its weight as tooltip; the body's "profit" is not an explained word.
        QTextCursor soars = doc->find(QStringLiteral("soars"));
        QVERIFY(!soars.isNull());
        // find() selects the word; the char format at the end of a selection is the word's.
        QVERIFY(soars.charFormat().toolTip().contains(QStringLiteral("+0.900")));
        const QColor green = soars.charFormat().background().color();
        QVERIFY(green.green() > green.red());
        QTextCursor estimates = doc->find(QStringLiteral("estimates"));
        QVERIFY(!estimates.isNull());
        QVERIFY(estimates.charFormat().toolTip().isEmpty());

        view.selectNews(m_ids[1]);
        QTextCursor plunge = view.details()->document()->find(QStringLiteral("plunge"));
        QVERIFY(!plunge.isNull());
        const QColor red = plunge.charFormat().background().color();
        QVERIFY(red.red() > red.green());
        QVERIFY(plunge.charFormat().toolTip().contains(QStringLiteral("-1.200")));

        // The search box filters the table.
        view.searchEdit()->setText(QStringLiteral("merger"));
        QCOMPARE(view.shownCount(), 1);
        view.searchEdit()->clear();
        QCOMPARE(view.shownCount(), 4);
        // Another model: its scores only.
        view.setModelKey(QStringLiteral("model:7"));
        QCOMPARE(view.modelKey(), QStringLiteral("model:7"));
        QCOMPARE(view.model()->scoredCount(), 1);
    }
};

QTEST_MAIN(TestNewsView)
#include "test_news_view.moc"
