// Undoable edits of holdings and portfolios in an offscreen MainWindow over a real project (the Dow
// Jones 30 prices and the holdings.csv portfolio of tests/data): every edit reaches the file (read
// back through a second connection), the table's market value follows, undo restores the exact
// stored value in the file and the table, redo re-applies; invalid input changes nothing; the
// history is cleared when another project is opened or an import replaces the portfolio; a
// reopened project shows the saved edit.
#include "core/price_import.h"
#include "core/project_store.h"
#include "ui/holding_dialog.h"
#include "ui/holdings_model.h"
#include "ui/main_window.h"
#include "ui/portfolio_commands.h"
#include "ui/portfolio_editor.h"
#include "ui/prices_tab.h"
#include "ui/project_controller.h"
#include "ui/project_tree.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using marketlens::core::Holding;
using marketlens::core::Portfolio;
using marketlens::core::ProjectStore;
using namespace marketlens::ui;

namespace {
const QString kData = QStringLiteral(MARKETLENS_TEST_DATA);
const QString kPortfolio = QStringLiteral("holdings"); // named after holdings.csv

// Last close of `ticker` straight from the wide CSV (its last row), independent of the importer.
double lastCloseFromCsv(const QString& ticker)
{
    QFile f(kData + QStringLiteral("/dowjones30_prices.csv"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QStringList lines
        = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList header = lines.first().split(QLatin1Char(','));
    for (QString& h : header)
        h.remove(QLatin1Char('"'));
    const int col = int(header.indexOf(ticker));
    return lines.last().split(QLatin1Char(',')).value(col).toDouble();
}

// What another program reading the file sees.
std::optional<Portfolio> stored(const QString& path, const QString& name)
{
    auto store = ProjectStore::open(path.toStdString());
    if (!store)
        return std::nullopt;
    auto p = store->portfolio(name.toStdString());
    if (!p)
        return std::nullopt;
    return *p;
}

const Holding* find(const std::optional<Portfolio>& p, const char* ticker)
{
    if (!p)
        return nullptr;
    for (const Holding& h : p->holdings) {
        if (h.ticker == ticker)
            return &h;
    }
    return nullptr;
}

QStringList storedNames(const QString& path)
{
    QStringList out;
    auto store = ProjectStore::open(path.toStdString());
    auto all = store ? store->portfolios()
                     : marketlens::core::Result<std::vector<Portfolio>>(store.error());
    if (all) {
        for (const auto& p : *all)
            out << QString::fromStdString(p.name);
    }
    return out;
}

QString plain(const QString& actionText)
{
    return QString(actionText).remove(QLatin1Char('&'));
}
} // namespace

class TestHoldingsUndo : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_base; // the imported project every test starts from a copy of
    QString m_path;
    int m_n = 0;
    double m_msftClose = 0;
    std::unique_ptr<MainWindow> m_window;

    MainWindow& w() { return *m_window; }
    PortfolioEditor& editor() { return *m_window->portfolioEditor(); }
    HoldingsModel& model() { return *m_window->holdingsModel(); }
    QModelIndex cell(const char* ticker, int column)
    {
        return model().index(model().rowOf(QString::fromLatin1(ticker)), column);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName("MarketLensTest");
        QCoreApplication::setApplicationName("MarketLensUndoTest");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
        m_base = m_dir.filePath(QStringLiteral("base.mlens"));
        QVERIFY(ProjectStore::create(m_base.toStdString()));
        auto imported = marketlens::core::importFiles(m_base.toStdString(),
            {(kData + "/dowjones30_prices.csv").toStdString(),
                (kData + "/import/holdings.csv").toStdString()},
            {});
        QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
        m_msftClose = lastCloseFromCsv(QStringLiteral("MSFT"));
        QCOMPARE(m_msftClose, 43.38); // the last row of the file, read by eye
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("work%1.mlens").arg(++m_n));
        QVERIFY(QFile::copy(m_base, m_path));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(m_window->openProject(m_path));
        w().pricesTab()->showPortfolio(kPortfolio);
        QCOMPARE(model().portfolioName(), kPortfolio);
        QCOMPARE(model().rowCount(), 3); // AAPL, MSFT, KO
    }

    void cleanup() { m_window.reset(); }

    void editQuantityUndoRedo()
    {
        const QModelIndex qty = cell("MSFT", HoldingsModel::Quantity);
        QVERIFY(model().flags(qty) & Qt::ItemIsEditable);
        QVERIFY(!(model().flags(cell("MSFT", HoldingsModel::MarketValue)) & Qt::ItemIsEditable));
        QCOMPARE(qty.data(Qt::EditRole).toString(), QStringLiteral("50"));
        QCOMPARE(model().marketValue(qty.row()), 50 * m_msftClose);

        QVERIFY(model().setData(qty, QStringLiteral("75")));
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->quantity, 75.0);
        QCOMPARE(model().marketValue(model().rowOf("MSFT")), 75 * m_msftClose);
        QCOMPARE(cell("MSFT", HoldingsModel::Quantity).data().toString(), QStringLiteral("75"));
        QCOMPARE(
            plain(editor().undoAction()->text()), QStringLiteral("Undo Change Quantity of MSFT"));
        QVERIFY(editor().undoAction()->isEnabled());
        QCOMPARE(editor().undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));

        editor().undoAction()->trigger();
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->quantity, 50.0);
        QCOMPARE(model().marketValue(model().rowOf("MSFT")), 50 * m_msftClose);
        QCOMPARE(cell("MSFT", HoldingsModel::Quantity).data().toString(), QStringLiteral("50"));
        QCOMPARE(
            plain(editor().redoAction()->text()), QStringLiteral("Redo Change Quantity of MSFT"));

        QVERIFY(editor().redo());
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->quantity, 75.0);
        QCOMPARE(model().marketValue(model().rowOf("MSFT")), 75 * m_msftClose);
        // The other holdings were rewritten exactly as they were.
        const auto p = stored(m_path, kPortfolio);
        QCOMPARE(*find(p, "AAPL")->costBasis, 150.25);
        QCOMPARE(*find(p, "MSFT")->costBasis, 1210.5);
        QVERIFY(!find(p, "KO")->costBasis);
        QCOMPARE(find(p, "KO")->currency, std::string("EUR"));
    }

    void editThroughTheTableEditor()
    {
        QApplication::setActiveWindow(&w());
        QVERIFY(QTest::qWaitForWindowActive(&w()));
        QTableView* view = w().pricesTab()->holdingsView();
        view->setFocus();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
        const QModelIndex index = proxy->mapFromSource(cell("MSFT", HoldingsModel::CostBasis));
        view->setCurrentIndex(index);
        view->edit(index);
        auto* line = qobject_cast<QLineEdit*>(view->indexWidget(index));
        QVERIFY(line);
        QCOMPARE(line->text(), QStringLiteral("1210.5"));
        line->setText(QStringLiteral("1190.25"));
        QTest::keyClick(line, Qt::Key_Return); // the delegate commits from a queued call
        QTRY_COMPARE(*find(stored(m_path, kPortfolio), "MSFT")->costBasis, 1190.25);
        // The edited cell stays current after the reload, for keyboard work.
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), QStringLiteral("MSFT"));
        QCOMPARE(view->currentIndex().column(), int(HoldingsModel::CostBasis));
        QCOMPARE(QApplication::focusWidget(), view);
        QVERIFY(editor().undo());
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->costBasis, 1210.5);
    }

    void weightInPercentAndCurrency()
    {
        QVERIFY(model().setData(cell("KO", HoldingsModel::Weight), QStringLiteral("12.5 %")));
        QCOMPARE(*find(stored(m_path, kPortfolio), "KO")->weight, 0.125);
        QCOMPARE(cell("KO", HoldingsModel::Weight).data(Qt::EditRole).toString(),
            QStringLiteral("12.5"));
        QVERIFY(model().setData(cell("KO", HoldingsModel::Currency), QStringLiteral("chf")));
        QCOMPARE(find(stored(m_path, kPortfolio), "KO")->currency, std::string("CHF"));
        QCOMPARE(editor().undoStack()->count(), 2);
        // Short positions are allowed (as in imports).
        QVERIFY(model().setData(cell("AAPL", HoldingsModel::Quantity), -20.0));
        QCOMPARE(*find(stored(m_path, kPortfolio), "AAPL")->quantity, -20.0);
        QVERIFY(editor().undo());
        QVERIFY(editor().undo());
        QVERIFY(editor().undo());
        const auto p = stored(m_path, kPortfolio);
        QVERIFY(!find(p, "KO")->weight);
        QCOMPARE(find(p, "KO")->currency, std::string("EUR"));
        QCOMPARE(*find(p, "AAPL")->quantity, 100.0);
    }

    void invalidInputChangesNothing()
    {
        QSignalSpy rejected(&editor(), &PortfolioEditor::rejected);
        const auto before = stored(m_path, kPortfolio);
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("abc")));
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("inf")));
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Quantity), qQNaN()));
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::CostBasis), QStringLiteral("-3")));
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Currency), QStringLiteral("dollars")));
        // MSFT has no weight: clearing its quantity would leave it with neither.
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Quantity), QString()));
        QVERIFY(!model().setData(cell("MSFT", HoldingsModel::Ticker), QStringLiteral("IBM")));
        QCOMPARE(rejected.count(), 6); // the ticker column is simply not editable
        QVERIFY(rejected.last().first().toString().contains(QLatin1String("quantity or a weight")));
        QVERIFY(samePortfolio(*stored(m_path, kPortfolio), *before));
        QCOMPARE(editor().undoStack()->count(), 0);
        QVERIFY(!editor().undoAction()->isEnabled());
        // Unchanged text (an editor closed without typing) is no change at all.
        QVERIFY(model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("50")));
        QCOMPARE(editor().undoStack()->count(), 0);
        QCOMPARE(model().marketValue(model().rowOf("MSFT")), 50 * m_msftClose);
    }

    void addAndRemoveHoldings()
    {
        const auto original = stored(m_path, kPortfolio);
        Holding nvda {"nvda", 10.0, std::nullopt, 400.0, "USD"};
        QVERIFY(editor().addHolding(kPortfolio, nvda));
        auto p = stored(m_path, kPortfolio);
        QCOMPARE(p->holdings.size(), std::size_t(4));
        QCOMPARE(p->holdings.back().ticker, std::string("NVDA"));
        QCOMPARE(*p->holdings.back().costBasis, 400.0);
        QCOMPARE(model().rowCount(), 4);
        QVERIFY(std::isnan(model().marketValue(model().rowOf("NVDA")))); // no prices stored
        QVERIFY(!editor().addHolding(kPortfolio, nvda)); // already held
        QCOMPARE(plain(editor().undoAction()->text()), QStringLiteral("Undo Add Holding NVDA"));

        // Select MSFT and KO in the table and press Remove Holdings (Del).
        QTableView* view = w().pricesTab()->holdingsView();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
        view->clearSelection();
        for (const char* t : {"MSFT", "KO"})
            view->selectionModel()->select(proxy->mapFromSource(cell(t, 0)),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(editor().removeHoldingsAction()->isEnabled());
        editor().removeHoldingsAction()->trigger();
        p = stored(m_path, kPortfolio);
        QCOMPARE(p->holdings.size(), std::size_t(2));
        QVERIFY(!find(p, "MSFT") && !find(p, "KO"));
        QCOMPARE(plain(editor().undoAction()->text()), QStringLiteral("Undo Remove 2 Holdings"));

        QVERIFY(editor().undo()); // back: MSFT and KO in their places, with their values
        QVERIFY(editor().undo()); // no NVDA
        QVERIFY(samePortfolio(*stored(m_path, kPortfolio), *original));
        QCOMPARE(model().rowCount(), 3);
        QVERIFY(editor().redo());
        QVERIFY(editor().redo());
        QCOMPARE(stored(m_path, kPortfolio)->holdings.size(), std::size_t(2));
    }

    void addHoldingDialogValidates()
    {
        AddHoldingDialog dialog(kPortfolio, w().projectController()->instruments(),
            {QStringLiteral("AAPL"), QStringLiteral("MSFT")}, QStringLiteral("USD"), &w());
        QVERIFY(!dialog.isValid()); // empty
        // The Dow Jones 30 and AAPL, which only holdings.csv names.
        QCOMPARE(dialog.tickerEdit()->completer()->model()->rowCount(), 31);
        dialog.tickerEdit()->setText(QStringLiteral("msft"));
        dialog.quantityEdit()->setText(QStringLiteral("10"));
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.errorText().contains(QLatin1String("already in this portfolio")));
        dialog.tickerEdit()->setText(QStringLiteral("ibm"));
        dialog.quantityEdit()->setText(QStringLiteral("ten"));
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.errorText().contains(QLatin1String("not a number")));
        dialog.quantityEdit()->clear();
        QVERIFY(dialog.errorText().contains(QLatin1String("quantity or a weight")));
        dialog.weightEdit()->setText(QStringLiteral("2.5"));
        dialog.costEdit()->setText(QStringLiteral("-1"));
        QVERIFY(!dialog.isValid());
        dialog.costEdit()->setText(QStringLiteral("99.5"));
        QVERIFY(dialog.isValid());
        const Holding h = dialog.holding();
        QCOMPARE(h.ticker, std::string("IBM"));
        QVERIFY(!h.quantity);
        QCOMPARE(*h.weight, 0.025);
        QCOMPARE(*h.costBasis, 99.5);
        QCOMPARE(
            h.currency, std::string("USD")); // the portfolio's default (no instrument currency)
        QVERIFY(editor().addHolding(kPortfolio, h));
        QCOMPARE(*find(stored(m_path, kPortfolio), "IBM")->weight, 0.025);
    }

    void portfolioRoundTrips()
    {
        const auto original = stored(m_path, kPortfolio);
        QSignalSpy errors(&editor(), &PortfolioEditor::errorOccurred);
        QVERIFY(editor().newPortfolio(QStringLiteral("Growth"), QStringLiteral("usd")));
        QCOMPARE(storedNames(m_path), (QStringList {"Growth", "holdings"}));
        QCOMPARE(stored(m_path, "Growth")->baseCurrency, std::string("USD"));
        QCOMPARE(model().portfolioName(), QStringLiteral("Growth")); // shown at once

        // F2 in the project tree: the item's text is edited in place.
        ProjectTree* tree = w().projectTree();
        QTreeWidgetItem* item = nullptr;
        for (auto* it : tree->findItems(kPortfolio, Qt::MatchExactly | Qt::MatchRecursive)) {
            if (it->data(0, ProjectTree::KindRole).toInt() == ProjectTree::PortfolioItem)
                item = it;
        }
        QVERIFY(item && (item->flags() & Qt::ItemIsEditable));
        item->setText(0, QStringLiteral("Core"));
        QTRY_COMPARE(storedNames(m_path), (QStringList {"Core", "Growth"}));
        QVERIFY(samePortfolio(*stored(m_path, "Core"), [&] {
            Portfolio p = *original;
            p.name = "Core";
            return p;
        }()));
        QCOMPARE(plain(editor().undoAction()->text()),
            QStringLiteral("Undo Rename Portfolio holdings to Core"));

        // A name already used is refused, reported, and nothing changes.
        QVERIFY(!editor().renamePortfolio(QStringLiteral("Core"), QStringLiteral("Growth")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.first().at(1).toString().contains(QLatin1String("already exists")));
        QCOMPARE(editor().undoStack()->count(), 2);

        QVERIFY(editor().duplicatePortfolio(QStringLiteral("Core"), QStringLiteral("Core copy")));
        QCOMPARE(stored(m_path, "Core copy")->holdings.size(), std::size_t(3));
        QVERIFY(editor().deletePortfolio(QStringLiteral("Core")));
        QCOMPARE(storedNames(m_path), (QStringList {"Core copy", "Growth"}));
        QCOMPARE(
            plain(editor().undoAction()->text()), QStringLiteral("Undo Delete Portfolio Core"));

        while (editor().undoStack()->canUndo())
            QVERIFY(editor().undo());
        QCOMPARE(storedNames(m_path), QStringList {kPortfolio});
        QVERIFY(samePortfolio(*stored(m_path, kPortfolio), *original));
        QCOMPARE(w().projectController()->portfolios().size(), std::size_t(1));
        while (editor().undoStack()->canRedo())
            QVERIFY(editor().redo());
        QCOMPARE(storedNames(m_path), (QStringList {"Core copy", "Growth"}));
    }

    void keyboardShortcuts()
    {
        QApplication::setActiveWindow(&w());
        QVERIFY(QTest::qWaitForWindowActive(&w()));
        // Del in the holdings table removes the selected holdings, not the portfolio.
        QTableView* view = w().pricesTab()->holdingsView();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
        view->setFocus();
        view->selectionModel()->setCurrentIndex(proxy->mapFromSource(cell("MSFT", 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(!find(stored(m_path, kPortfolio), "MSFT"));
        QCOMPARE(stored(m_path, kPortfolio)->holdings.size(), std::size_t(2));
        QTest::keySequence(view, QKeySequence::Undo);
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->quantity, 50.0);

        // Del in the project tree deletes the current portfolio; F2 edits its name in place.
        ProjectTree* tree = w().projectTree();
        QTreeWidgetItem* item
            = tree->findItems(kPortfolio, Qt::MatchExactly | Qt::MatchRecursive).value(0);
        QVERIFY(item);
        tree->setFocus();
        tree->setCurrentItem(item);
        QCOMPARE(tree->currentPortfolio(), kPortfolio);
        QCOMPARE(editor().targetPortfolio(), kPortfolio);
        QTest::keyClick(tree, Qt::Key_F2);
        auto* nameEditor = qobject_cast<QLineEdit*>(tree->indexWidget(tree->currentIndex()));
        QVERIFY(nameEditor);
        QCOMPARE(nameEditor->text(), kPortfolio);
        QTest::keyClick(nameEditor, Qt::Key_Escape);
        QTRY_VERIFY(!tree->indexWidget(tree->currentIndex()));
        tree->setFocus();
        // On an instrument or a holding row, Del deletes nothing.
        for (const QString& key : {QStringLiteral("AA"), QStringLiteral("MSFT")}) {
            tree->setCurrentItem(
                tree->findItems(key, Qt::MatchExactly | Qt::MatchRecursive).value(0));
            QVERIFY(tree->currentItem());
            QVERIFY(editor().targetPortfolio().isEmpty());
            QVERIFY(!editor().deletePortfolioAction()->isEnabled());
            QTest::keyClick(tree, Qt::Key_Delete);
            QCOMPARE(storedNames(m_path), QStringList {kPortfolio});
        }
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Delete);
        QVERIFY(storedNames(m_path).isEmpty());
        QTest::keySequence(tree, QKeySequence::Undo);
        QCOMPARE(storedNames(m_path), QStringList {kPortfolio});
        QTest::keySequence(tree, QKeySequence::Redo);
        QVERIFY(storedNames(m_path).isEmpty());
    }

    void reopenShowsSavedEditAndClearsHistory()
    {
        QVERIFY(model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("75")));
        QVERIFY(editor().undoStack()->canUndo());
        QVERIFY(w().newProject()); // another project: its history starts empty
        QCOMPARE(editor().undoStack()->count(), 0);
        QVERIFY(!editor().undoAction()->isEnabled());
        QVERIFY(w().openProject(m_path));
        QCOMPARE(editor().undoStack()->count(), 0);
        w().pricesTab()->showPortfolio(kPortfolio);
        QCOMPARE(cell("MSFT", HoldingsModel::Quantity).data().toString(), QStringLiteral("75"));
        QCOMPARE(model().marketValue(model().rowOf("MSFT")), 75 * m_msftClose);
    }

    void importReplacingThePortfolioClearsHistory()
    {
        QVERIFY(model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("75")));
        QCOMPARE(editor().undoStack()->count(), 1);
        QSignalSpy finished(&w(), &MainWindow::importFinished);
        QVERIFY(w().importFiles({kData + "/import/holdings.csv"}));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(*find(stored(m_path, kPortfolio), "MSFT")->quantity, 50.0); // the file's value
        QCOMPARE(editor().undoStack()->count(), 0);
    }

    void undoAfterAnOutsideChangeFailsCleanly()
    {
        QVERIFY(model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("75")));
        {
            // Another program changes the portfolio behind the window's back.
            auto other = ProjectStore::open(m_path.toStdString());
            QVERIFY(other);
            Portfolio p = *other->portfolio(kPortfolio.toStdString());
            p.holdings[0].quantity = 1.0;
            QVERIFY(other->writePortfolio(p));
        }
        const auto outside = stored(m_path, kPortfolio);
        QSignalSpy errors(&editor(), &PortfolioEditor::errorOccurred);
        QVERIFY(!editor().undo());
        QCOMPARE(errors.count(), 1);
        QVERIFY(
            errors.first().at(1).toString().contains(QLatin1String("outside the edit history")));
        QVERIFY(samePortfolio(*stored(m_path, kPortfolio), *outside)); // not overwritten
        QCOMPARE(editor().undoStack()->count(), 0);
        QVERIFY(!editor().undoAction()->isEnabled());
        // The window shows what the file holds.
        QCOMPARE(cell("AAPL", HoldingsModel::Quantity).data().toString(), QStringLiteral("1"));
    }

    void editMenu()
    {
        QMenu* edit = nullptr;
        for (QAction* a : w().menuBar()->actions()) {
            if (plain(a->text()) == QLatin1String("Edit"))
                edit = a->menu();
        }
        QVERIFY(edit);
        QStringList texts;
        for (QAction* a : edit->actions())
            texts << plain(a->text());
        for (const char* t : {"Undo", "Redo", "Add Holding…", "Remove Holdings", "New Portfolio…",
                 "Rename Portfolio…", "Duplicate Portfolio…", "Delete Portfolio"})
            QVERIFY2(texts.contains(QString::fromUtf8(t)), t);
        QCOMPARE(editor().redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));

        const QString shots = qEnvironmentVariable("MARKETLENS_SHOTS");
        if (!shots.isEmpty()) { // screenshots for a look by eye
            QVERIFY(model().setData(cell("MSFT", HoldingsModel::Quantity), QStringLiteral("75")));
            QTableView* view = w().pricesTab()->holdingsView();
            auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
            const QModelIndex index = proxy->mapFromSource(cell("KO", HoldingsModel::Weight));
            view->setCurrentIndex(index);
            view->edit(index);
            if (auto* line = qobject_cast<QLineEdit*>(view->indexWidget(index)))
                line->setText(QStringLiteral("12.5"));
            w().grab().save(shots + QStringLiteral("/holdings_editing.png"));
            edit->popup(w().mapToGlobal(QPoint(60, 30)));
            QTest::qWait(50);
            edit->grab().save(shots + QStringLiteral("/edit_menu.png"));
            edit->hide();
            AddHoldingDialog dialog(kPortfolio, w().projectController()->instruments(),
                {QStringLiteral("MSFT")}, QStringLiteral("USD"), &w());
            dialog.tickerEdit()->setText(QStringLiteral("ibm"));
            dialog.quantityEdit()->setText(QStringLiteral("12,5x"));
            dialog.show();
            dialog.grab().save(shots + QStringLiteral("/add_holding_invalid.png"));
            dialog.quantityEdit()->setText(QStringLiteral("40"));
            dialog.grab().save(shots + QStringLiteral("/add_holding.png"));
        }
    }
};

QTEST_MAIN(TestHoldingsUndo)
#include "test_holdings_undo.moc"
