// PortfolioEditor's actions, their state, the views they are installed in, and the dialogs
// they open; the edits themselves, parsing and undo/redo live in portfolio_editor.cpp.
#include "portfolio_editor.h"

#include "holding_dialog.h"
#include "holdings_model.h"
#include "prices_tab.h"
#include "project_controller.h"
#include "project_tree.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QUndoStack>

namespace marketlens::ui {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace
// ---------------------------------------------------------------- actions

void PortfolioEditor::createActions()
{
    m_undo = new QAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, this, [this] { undo(); });
    m_redo = new QAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo"), this);
    m_redo->setShortcut(QKeySequence::Redo);
    connect(m_redo, &QAction::triggered, this, [this] { redo(); });
    connect(m_stack, &QUndoStack::undoTextChanged, this, [this](const QString& text) {
        m_undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(m_stack, &QUndoStack::redoTextChanged, this, [this](const QString& text) {
        m_redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    connect(m_stack, &QUndoStack::indexChanged, this, &PortfolioEditor::updateActions);
    connect(m_stack, &QUndoStack::cleanChanged, this, &PortfolioEditor::updateActions);

    m_addHolding = new QAction(tr("&Add Holding…"), this);
    m_addHolding->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addHolding->setToolTip(
        tr("Add a holding to the portfolio shown in the holdings table (Ins)"));
    connect(m_addHolding, &QAction::triggered, this, &PortfolioEditor::onAddHolding);
    m_removeHoldings = new QAction(tr("&Remove Holdings"), this);
    m_removeHoldings->setShortcut(QKeySequence::Delete);
    m_removeHoldings->setToolTip(tr("Remove the selected holdings from the portfolio (Del)"));
    connect(m_removeHoldings, &QAction::triggered, this, &PortfolioEditor::onRemoveHoldings);
    m_newPortfolio = new QAction(icon("portfolio"), tr("New &Portfolio…"), this);
    m_newPortfolio->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newPortfolio->setToolTip(tr("Create an empty portfolio (Ctrl+Shift+N)"));
    connect(m_newPortfolio, &QAction::triggered, this, &PortfolioEditor::onNewPortfolio);
    m_renamePortfolio = new QAction(tr("Rena&me Portfolio…"), this);
    m_renamePortfolio->setToolTip(tr("Rename the portfolio (F2 in the project tree)"));
    connect(m_renamePortfolio, &QAction::triggered, this, &PortfolioEditor::onRenamePortfolio);
    m_duplicatePortfolio = new QAction(tr("D&uplicate Portfolio…"), this);
    m_duplicatePortfolio->setToolTip(tr("Copy the portfolio and its holdings under a new name"));
    connect(
        m_duplicatePortfolio, &QAction::triggered, this, &PortfolioEditor::onDuplicatePortfolio);
    m_deletePortfolio = new QAction(tr("De&lete Portfolio"), this);
    m_deletePortfolio->setShortcut(QKeySequence::Delete);
    m_deletePortfolio->setToolTip(
        tr("Delete the portfolio and its holdings (Del in the project tree; Undo brings it back)"));
    connect(m_deletePortfolio, &QAction::triggered, this, &PortfolioEditor::onDeletePortfolio);
    for (QAction* a : {m_undo, m_redo, m_addHolding, m_removeHoldings, m_newPortfolio,
             m_renamePortfolio, m_duplicatePortfolio, m_deletePortfolio})
        a->setStatusTip(a->toolTip());
    // Del means "remove holdings" in the table and "delete portfolio" in the tree: each shortcut
    // is live only while its view has the focus (attach() adds the actions to the views), so
    // text fields keep their own Del.
    m_removeHoldings->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deletePortfolio->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_addHolding->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

void PortfolioEditor::addToMenu(QMenu* edit) const
{
    edit->addSeparator();
    edit->addAction(m_addHolding);
    edit->addAction(m_removeHoldings);
    edit->addSeparator();
    edit->addAction(m_newPortfolio);
    edit->addAction(m_renamePortfolio);
    edit->addAction(m_duplicatePortfolio);
    edit->addAction(m_deletePortfolio);
}

void PortfolioEditor::attach(PricesTab* prices, ProjectTree* tree)
{
    m_prices = prices;
    m_tree = tree;
    if (m_prices) {
        m_prices->holdingsModel()->setEditHandler(
            [this](const QString& portfolio, const QString& ticker, int column,
                const QVariant& value) { return editHolding(portfolio, ticker, column, value); });
        QTableView* view = m_prices->holdingsView();
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* separator = new QAction(this);
        separator->setSeparator(true);
        view->addActions({m_addHolding, m_removeHoldings, separator, m_undo, m_redo});
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PortfolioEditor::updateActions);
        connect(
            view->model(), &QAbstractItemModel::modelReset, this, &PortfolioEditor::updateActions);
    }
    if (m_tree) {
        m_tree->addAction(m_deletePortfolio);
        connect(m_tree, &ProjectTree::portfolioRenameRequested, this,
            [this](const QString& from, const QString& to) { renamePortfolio(from, to); });
        connect(m_tree, &ProjectTree::portfolioMenuRequested, this, &PortfolioEditor::showTreeMenu);
        connect(m_tree, &QTreeWidget::currentItemChanged, this, &PortfolioEditor::updateActions);
        // The target of the portfolio actions depends on which view has the focus.
        connect(qApp, &QApplication::focusChanged, this, &PortfolioEditor::updateActions);
    }
    updateActions();
}

void PortfolioEditor::updateActions()
{
    const bool editable = m_project->isOpen() && !m_project->isBusy();
    const bool portfolio = editable && !targetPortfolio().isEmpty();
    const bool shown
        = editable && m_prices && !m_prices->holdingsModel()->portfolioName().isEmpty();
    m_undo->setEnabled(editable && m_stack->canUndo());
    m_redo->setEnabled(editable && m_stack->canRedo());
    m_addHolding->setEnabled(shown);
    m_removeHoldings->setEnabled(shown && !selectedTickers().isEmpty());
    m_newPortfolio->setEnabled(editable);
    m_renamePortfolio->setEnabled(portfolio);
    m_duplicatePortfolio->setEnabled(portfolio);
    m_deletePortfolio->setEnabled(portfolio);
}

QString PortfolioEditor::targetPortfolio() const
{
    if (!m_contextPortfolio.isEmpty())
        return m_contextPortfolio;
    if (m_tree && m_tree->hasFocus()) {
        // Only a portfolio row itself: Del on an instrument or a holding row of the tree must
        // not delete the portfolio the holdings table happens to show.
        const QTreeWidgetItem* item = m_tree->currentItem();
        const bool portfolio
            = item && item->data(0, ProjectTree::KindRole).toInt() == ProjectTree::PortfolioItem;
        return portfolio ? item->data(0, ProjectTree::KeyRole).toString() : QString();
    }
    return m_prices ? m_prices->holdingsModel()->portfolioName() : QString();
}

QStringList PortfolioEditor::selectedTickers() const
{
    QStringList tickers;
    if (!m_prices)
        return tickers;
    const QTableView* view = m_prices->holdingsView();
    const QModelIndexList rows = view->selectionModel()->selectedRows(HoldingsModel::Ticker);
    for (const QModelIndex& index : rows)
        tickers << index.data(HoldingsModel::SortRole).toString();
    return tickers;
}

QString PortfolioEditor::uniquePortfolioName(const QString& base) const
{
    auto taken = [this](const QString& name) {
        for (const auto& p : m_project->portfolios()) {
            if (qs(p.name) == name)
                return true;
        }
        return false;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!taken(name))
            return name;
    }
}

// ---------------------------------------------------------------- dialogs

void PortfolioEditor::showTreeMenu(const QString& portfolio, const QPoint& globalPos)
{
    m_contextPortfolio = portfolio;
    updateActions();
    QMenu menu(m_tree);
    menu.addAction(m_newPortfolio);
    if (!portfolio.isEmpty()) {
        menu.addAction(m_renamePortfolio);
        menu.addAction(m_duplicatePortfolio);
        menu.addAction(m_deletePortfolio);
    }
    menu.addSeparator();
    menu.addAction(m_undo);
    menu.addAction(m_redo);
    // Triggered actions run inside exec(), while m_contextPortfolio still names the target.
    menu.exec(globalPos);
    m_contextPortfolio.clear();
    updateActions();
}

void PortfolioEditor::onAddHolding()
{
    if (!m_prices)
        return;
    const QString portfolio = m_prices->holdingsModel()->portfolioName();
    if (portfolio.isEmpty() || !canEdit(tr("Add Holding")))
        return;
    QStringList taken;
    QString currency;
    for (const auto& p : m_project->portfolios()) {
        if (qs(p.name) != portfolio)
            continue;
        currency = qs(p.baseCurrency);
        for (const auto& h : p.holdings)
            taken << qs(h.ticker);
    }
    AddHoldingDialog dialog(portfolio, m_project->instruments(), taken, currency, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted && dialog.isValid())
        addHolding(portfolio, dialog.holding());
}

void PortfolioEditor::onRemoveHoldings()
{
    if (!m_prices)
        return;
    const QStringList tickers = selectedTickers();
    if (tickers.isEmpty()) {
        Q_EMIT rejected(tr("Select the holdings to remove in the holdings table"));
        return;
    }
    removeHoldings(m_prices->holdingsModel()->portfolioName(), tickers);
}

void PortfolioEditor::onNewPortfolio()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_dialogParent, tr("New Portfolio"),
        tr("Name of the new portfolio:"), QLineEdit::Normal, uniquePortfolioName(tr("Portfolio")),
        &ok);
    if (ok)
        newPortfolio(name);
}

void PortfolioEditor::onRenamePortfolio()
{
    const QString from = targetPortfolio();
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(m_dialogParent, tr("Rename Portfolio"),
        tr("New name of portfolio %1:").arg(from), QLineEdit::Normal, from, &ok);
    if (ok)
        renamePortfolio(from, to);
}

void PortfolioEditor::onDuplicatePortfolio()
{
    const QString from = targetPortfolio();
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(m_dialogParent, tr("Duplicate Portfolio"),
        tr("Name of the copy of %1:").arg(from), QLineEdit::Normal,
        uniquePortfolioName(tr("%1 copy").arg(from)), &ok);
    if (ok)
        duplicatePortfolio(from, to);
}

void PortfolioEditor::onDeletePortfolio()
{
    const QString name = targetPortfolio();
    if (!name.isEmpty())
        deletePortfolio(name);
}

} // namespace marketlens::ui
