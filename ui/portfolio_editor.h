#pragma once
// PortfolioEditor: user edits of portfolios and holdings, every one undoable. It owns the undo
// stack of the open project (cleared when another project is opened or Save As switches file)
// and the Edit actions (Undo/Redo, Add Holding, Remove Holdings, New/Rename/Duplicate/Delete
// Portfolio), wires them into the holdings table (in-place editing through
// HoldingsModel::setEditHandler, Delete key, context menu) and the project tree (F2 rename,
// context menu).
//
// Each edit: validate -> write the whole portfolio before/after in one core::Transaction
// (applyPortfolioChange) -> push a PortfolioChangeCommand -> ProjectController::reload(), whose
// dataReloaded signal refreshes the tree, the tables and the Risk tab. A failed write changes
// nothing and pushes nothing. A failed undo/redo (the portfolio was changed elsewhere, a disk
// error) leaves the file unchanged, is reported, and clears the history, which could no longer be
// replayed consistently.
//
// Imports: a committed import that changes any portfolio (holdings files replace a portfolio)
// clears the history; it is not itself undoable. Imports that leave portfolios as they were
// (prices) keep it.
//
// Input rules (the same as the holdings import where it has one): numbers are finite, typed in
// the UI locale (or with a '.' decimal point); quantity and weight may be negative (short
// positions, as imports allow); weight is typed in percent as shown (25 = 25 %, a trailing '%'
// is accepted); cost basis is >= 0; an empty cell clears the value, but a holding keeps a quantity
// or a weight; currency is empty or three letters (stored upper-case).

#include "core/result.h"
#include "core/types.h"

#include <QObject>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

class QAction;
class QMenu;
class QPoint;
class QUndoStack;
class QWidget;

namespace marketlens::ui {

class PricesTab;
class ProjectController;
class ProjectTree;

class PortfolioEditor : public QObject {
    Q_OBJECT
public:
    // `dialogParent` parents the dialogs (the main window).
    PortfolioEditor(ProjectController* project, QWidget* dialogParent);
    ~PortfolioEditor() override;

    // Installs the edit handler, actions, shortcuts and context menus on the views.
    void attach(PricesTab* prices, ProjectTree* tree);

    QUndoStack* undoStack() const { return m_stack; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    QAction* addHoldingAction() const { return m_addHolding; }
    QAction* removeHoldingsAction() const { return m_removeHoldings; }
    QAction* newPortfolioAction() const { return m_newPortfolio; }
    QAction* renamePortfolioAction() const { return m_renamePortfolio; }
    QAction* duplicatePortfolioAction() const { return m_duplicatePortfolio; }
    QAction* deletePortfolioAction() const { return m_deletePortfolio; }
    // Adds the actions to an Edit menu (after what it already holds).
    void addToMenu(QMenu* edit) const;

    // Programmatic edits, used by the actions, the views and tests. Each returns true when the
    // change was written (or there was nothing to change); false with nothing written when the
    // input is invalid (rejected(), no message box) or the project refused it (errorOccurred()).
    bool editHolding(
        const QString& portfolio, const QString& ticker, int column, const QVariant& value);
    bool addHolding(const QString& portfolio, const core::Holding& holding);
    bool removeHoldings(const QString& portfolio, const QStringList& tickers);
    bool newPortfolio(const QString& name, const QString& baseCurrency = {});
    bool renamePortfolio(const QString& from, const QString& to);
    bool duplicatePortfolio(const QString& from, const QString& to);
    bool deletePortfolio(const QString& name);
    // Undo/redo the last change; false (and reported) when it failed.
    bool undo();
    bool redo();

    // The portfolio the Rename/Duplicate/Delete actions act on: the one chosen in the project
    // tree when it has the focus, otherwise the one shown in the holdings table.
    QString targetPortfolio() const;
    // "base", or "base 2", "base 3"... when taken.
    QString uniquePortfolioName(const QString& base) const;
    // Enables the actions for the current state (project open, no import running, selection).
    void updateActions();

    // Parsing of typed values (see the input rules above). `what` names the field in messages.
    struct Parsed {
        bool ok = false;
        std::optional<double> value; // empty: the cell was cleared
        QString error;
    };
    static Parsed parseNumber(
        const QVariant& value, const QString& what, bool percent, bool allowNegative);
    static Parsed parseCurrency(const QVariant& value, QString* currency);

Q_SIGNALS:
    // A write, undo or redo failed (MainWindow::reportError).
    void errorOccurred(const QString& title, const QString& message);
    // Typed input was rejected; nothing changed (status bar and log).
    void rejected(const QString& message);
    // A change was written (status bar and log).
    void message(const QString& text);
    // This portfolio was just changed or restored: show it.
    void portfolioChanged(const QString& name);

private:
    bool canEdit(const QString& title);
    // canEdit(), and a portfolio name that is not empty (else rejected() says so).
    bool canEditNamed(const QString& title, const QString& name);
    bool execute(const QString& title, const QString& text,
        const std::optional<core::Portfolio>& before, const std::optional<core::Portfolio>& after);
    std::optional<core::Portfolio> storedPortfolio(const QString& title, const QString& name);
    void afterChange(const QString& name);
    void onCommandFailed(const core::Error& error);
    void handleFailure();
    void onDataReloaded();
    void onProjectOpened();
    void createActions();
    void showTreeMenu(const QString& portfolio, const QPoint& globalPos);
    void onAddHolding();
    void onRemoveHoldings();
    void onNewPortfolio();
    void onRenamePortfolio();
    void onDuplicatePortfolio();
    void onDeletePortfolio();
    QStringList selectedTickers() const;

    ProjectController* m_project;
    QWidget* m_dialogParent;
    PricesTab* m_prices = nullptr;
    ProjectTree* m_tree = nullptr;
    QUndoStack* m_stack = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_addHolding = nullptr;
    QAction* m_removeHoldings = nullptr;
    QAction* m_newPortfolio = nullptr;
    QAction* m_renamePortfolio = nullptr;
    QAction* m_duplicatePortfolio = nullptr;
    QAction* m_deletePortfolio = nullptr;
    QString m_contextPortfolio; // set while the tree's context menu is open
    std::vector<core::Portfolio> m_snapshot; // portfolios after our last change or reload
    QString m_snapshotPath;
    std::optional<core::Error> m_pendingError; // of a failed undo/redo
    QString m_operation; // "Undo" or "Redo" while one runs
    bool m_selfReload = false;
};

} // namespace marketlens::ui
