#include "portfolio_editor.h"

#include "holdings_model.h"
#include "portfolio_commands.h"
#include "project_controller.h"

#include <QKeySequence>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QUndoStack>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace marketlens::ui {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

PortfolioEditor::PortfolioEditor(ProjectController* project, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_project(project)
    , m_dialogParent(dialogParent)
{
    m_stack = new QUndoStack(this);
    createActions();
    connect(m_project, &ProjectController::dataReloaded, this, &PortfolioEditor::onDataReloaded);
    connect(m_project, &ProjectController::projectOpened, this, &PortfolioEditor::onProjectOpened);
    onProjectOpened();
}

PortfolioEditor::~PortfolioEditor() = default;

// ---------------------------------------------------------------- parsing

PortfolioEditor::Parsed PortfolioEditor::parseNumber(
    const QVariant& value, const QString& what, bool percent, bool allowNegative)
{
    Parsed out;
    double v = 0.0;
    const int type = value.typeId();
    if (type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong
        || type == QMetaType::Float) {
        v = value.toDouble();
    } else {
        QString text = value.toString().trimmed();
        if (percent && text.endsWith(QLatin1Char('%')))
            text = text.chopped(1).trimmed();
        if (text.isEmpty()) {
            out.ok = true; // cleared
            return out;
        }
        bool ok = false;
        v = QLocale().toDouble(text, &ok);
        if (!ok)
            v = QLocale::c().toDouble(text, &ok);
        if (!ok) {
            out.error = tr("%1: '%2' is not a number").arg(what, text);
            return out;
        }
    }
    if (!std::isfinite(v)) {
        out.error = tr("%1 must be a finite number").arg(what);
        return out;
    }
    if (!allowNegative && v < 0) {
        out.error = tr("%1 cannot be negative").arg(what);
        return out;
    }
    out.ok = true;
    out.value = percent ? v / 100.0 : v;
    return out;
}

PortfolioEditor::Parsed PortfolioEditor::parseCurrency(const QVariant& value, QString* currency)
{
    Parsed out;
    const QString text = value.toString().trimmed().toUpper();
    static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
    if (!text.isEmpty() && !code.match(text).hasMatch()) {
        out.error = tr("Currency: '%1' is not a three-letter code such as USD").arg(text);
        return out;
    }
    out.ok = true;
    if (currency)
        *currency = text;
    return out;
}

// ---------------------------------------------------------------- edits

bool PortfolioEditor::canEditNamed(const QString& title, const QString& name)
{
    if (!canEdit(title))
        return false;
    if (name.isEmpty()) {
        Q_EMIT rejected(tr("A portfolio needs a name"));
        return false;
    }
    return true;
}

bool PortfolioEditor::canEdit(const QString& title)
{
    if (!m_project->isOpen()) {
        Q_EMIT rejected(tr("%1: no project is open").arg(title));
        return false;
    }
    if (m_project->isBusy()) {
        Q_EMIT rejected(tr("%1: an import is running; edit when it has finished").arg(title));
        return false;
    }
    return true;
}

std::optional<core::Portfolio> PortfolioEditor::storedPortfolio(
    const QString& title, const QString& name)
{
    auto stored = m_project->store().portfolio(name.toStdString());
    if (!stored) {
        Q_EMIT errorOccurred(title, qs(stored.error().toString()));
        return std::nullopt;
    }
    return std::move(*stored);
}

bool PortfolioEditor::execute(const QString& title, const QString& text,
    const std::optional<core::Portfolio>& before, const std::optional<core::Portfolio>& after)
{
    if (auto st = applyPortfolioChange(m_project->store(), before, after); !st) {
        Q_EMIT errorOccurred(title,
            tr("%1 failed; the project is unchanged.\n\n%2").arg(text, qs(st.error().toString())));
        return false;
    }
    m_stack->push(new PortfolioChangeCommand(
        m_project, text, before, after,
        [this](const core::Error& error) { onCommandFailed(error); },
        [this](const std::optional<core::Portfolio>& state) {
            afterChange(state ? qs(state->name) : QString());
        }));
    afterChange(after ? qs(after->name) : QString());
    Q_EMIT message(
        tr("%1 (%2 undoes it)")
            .arg(text, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    return true;
}

void PortfolioEditor::afterChange(const QString& name)
{
    m_selfReload = true;
    const core::Status st = m_project->reload();
    m_selfReload = false;
    if (!st)
        Q_EMIT errorOccurred(tr("Reload"), qs(st.error().toString()));
    m_snapshot = m_project->portfolios();
    if (!name.isEmpty())
        Q_EMIT portfolioChanged(name);
    updateActions();
}

bool PortfolioEditor::editHolding(
    const QString& portfolio, const QString& ticker, int column, const QVariant& value)
{
    QString what;
    switch (column) {
    case HoldingsModel::Quantity:
        what = tr("Quantity");
        break;
    case HoldingsModel::Weight:
        what = tr("Weight");
        break;
    case HoldingsModel::CostBasis:
        what = tr("Cost Basis");
        break;
    case HoldingsModel::Currency:
        what = tr("Currency");
        break;
    default:
        Q_EMIT rejected(tr("This column cannot be edited"));
        return false;
    }
    const QString title = tr("Change %1 of %2").arg(what, ticker);
    if (!canEdit(title))
        return false;
    const auto before = storedPortfolio(title, portfolio);
    if (!before)
        return false;
    core::Portfolio after = *before;
    auto it = std::find_if(after.holdings.begin(), after.holdings.end(),
        [&](const core::Holding& h) { return qs(h.ticker) == ticker; });
    if (it == after.holdings.end()) {
        Q_EMIT errorOccurred(title, tr("%1 is not in portfolio %2").arg(ticker, portfolio));
        return false;
    }
    Parsed parsed;
    if (column == HoldingsModel::Currency) {
        QString currency;
        parsed = parseCurrency(value, &currency);
        it->currency = currency.toStdString();
    } else {
        parsed = parseNumber(
            value, what, column == HoldingsModel::Weight, column != HoldingsModel::CostBasis);
        if (column == HoldingsModel::Quantity)
            it->quantity = parsed.value;
        else if (column == HoldingsModel::Weight)
            it->weight = parsed.value;
        else
            it->costBasis = parsed.value;
    }
    if (!parsed.ok) {
        Q_EMIT rejected(parsed.error);
        return false;
    }
    if (!it->quantity && !it->weight) {
        Q_EMIT rejected(tr("%1 needs a quantity or a weight; clear one, not both").arg(ticker));
        return false;
    }
    if (samePortfolio(*before, after))
        return true;
    return execute(title, title, before, after);
}

bool PortfolioEditor::addHolding(const QString& portfolio, const core::Holding& holding)
{
    core::Holding h = holding;
    h.ticker = QString::fromStdString(h.ticker).trimmed().toUpper().toStdString();
    const QString ticker = qs(h.ticker);
    const QString title = tr("Add Holding %1").arg(ticker);
    if (!canEdit(title))
        return false;
    if (ticker.isEmpty() || (!h.quantity && !h.weight)) {
        Q_EMIT rejected(tr("A holding needs a ticker and a quantity or a weight"));
        return false;
    }
    for (const auto& v : {h.quantity, h.weight, h.costBasis}) {
        if (v && !std::isfinite(*v)) {
            Q_EMIT rejected(tr("%1: numbers must be finite").arg(ticker));
            return false;
        }
    }
    const auto before = storedPortfolio(title, portfolio);
    if (!before)
        return false;
    for (const auto& existing : before->holdings) {
        if (existing.ticker == h.ticker) {
            Q_EMIT rejected(tr("%1 is already in portfolio %2").arg(ticker, portfolio));
            return false;
        }
    }
    core::Portfolio after = *before;
    after.holdings.push_back(h);
    return execute(title, title, before, after);
}

bool PortfolioEditor::removeHoldings(const QString& portfolio, const QStringList& tickers)
{
    if (tickers.isEmpty())
        return true;
    const QString title = tickers.size() == 1
        ? tr("Remove Holding %1").arg(tickers.first())
        : tr("Remove %1 Holdings").arg(QLocale().toString(qlonglong(tickers.size())));
    if (!canEdit(title))
        return false;
    const auto before = storedPortfolio(title, portfolio);
    if (!before)
        return false;
    core::Portfolio after = *before;
    std::erase_if(
        after.holdings, [&](const core::Holding& h) { return tickers.contains(qs(h.ticker)); });
    if (after.holdings.size() == before->holdings.size())
        return true;
    return execute(title, title, before, after);
}

bool PortfolioEditor::newPortfolio(const QString& name, const QString& baseCurrency)
{
    const QString trimmed = name.trimmed();
    const QString title = tr("New Portfolio %1").arg(trimmed);
    if (!canEditNamed(title, trimmed))
        return false;
    core::Portfolio p;
    p.name = trimmed.toStdString();
    p.baseCurrency = baseCurrency.trimmed().toUpper().toStdString();
    return execute(title, title, std::nullopt, p);
}

bool PortfolioEditor::renamePortfolio(const QString& from, const QString& to)
{
    const QString trimmed = to.trimmed();
    const QString title = tr("Rename Portfolio %1 to %2").arg(from, trimmed);
    if (!canEditNamed(title, trimmed))
        return false;
    if (trimmed == from)
        return true;
    const auto before = storedPortfolio(title, from);
    if (!before)
        return false;
    core::Portfolio after = *before;
    after.name = trimmed.toStdString();
    return execute(title, title, before, after);
}

bool PortfolioEditor::duplicatePortfolio(const QString& from, const QString& to)
{
    const QString trimmed = to.trimmed();
    const QString title = tr("Duplicate Portfolio %1").arg(from);
    if (!canEditNamed(title, trimmed))
        return false;
    auto copy = storedPortfolio(title, from);
    if (!copy)
        return false;
    copy->id = 0;
    copy->name = trimmed.toStdString();
    return execute(title, title, std::nullopt, copy);
}

bool PortfolioEditor::deletePortfolio(const QString& name)
{
    const QString title = tr("Delete Portfolio %1").arg(name);
    if (!canEdit(title))
        return false;
    const auto before = storedPortfolio(title, name);
    if (!before)
        return false;
    return execute(title, title, before, std::nullopt);
}

// ---------------------------------------------------------------- undo / redo

bool PortfolioEditor::undo()
{
    if (!m_stack->canUndo() || !canEdit(tr("Undo")))
        return false;
    m_operation = tr("Undo");
    m_stack->undo();
    const bool ok = !m_pendingError;
    handleFailure();
    return ok;
}

bool PortfolioEditor::redo()
{
    if (!m_stack->canRedo() || !canEdit(tr("Redo")))
        return false;
    m_operation = tr("Redo");
    m_stack->redo();
    const bool ok = !m_pendingError;
    handleFailure();
    return ok;
}

void PortfolioEditor::onCommandFailed(const core::Error& error)
{
    // The stack cannot be cleared while it is undoing; finish the job once it has returned
    // (undo()/redo() do it at once, a later event loop pass for any other caller).
    m_pendingError = error;
    QTimer::singleShot(0, this, &PortfolioEditor::handleFailure);
}

void PortfolioEditor::handleFailure()
{
    const QString operation = m_operation.isEmpty() ? tr("Undo/Redo") : m_operation;
    m_operation.clear();
    if (!m_pendingError)
        return;
    const core::Error error = *m_pendingError;
    m_pendingError.reset();
    m_stack->clear();
    afterChange({});
    Q_EMIT errorOccurred(operation,
        tr("%1 failed; the project file is unchanged and the edit history was cleared.\n\n%2")
            .arg(operation, qs(error.toString())));
}

void PortfolioEditor::onDataReloaded()
{
    if (m_selfReload)
        return;
    if (m_snapshotPath == m_project->path() && m_stack->count() > 0
        && !samePortfolios(m_snapshot, m_project->portfolios())) {
        m_stack->clear();
        Q_EMIT message(tr("Edit history cleared: portfolios were replaced by an import"));
    }
    m_snapshot = m_project->portfolios();
    m_snapshotPath = m_project->path();
    updateActions();
}

void PortfolioEditor::onProjectOpened()
{
    m_stack->clear();
    m_pendingError.reset();
    m_snapshot = m_project->portfolios();
    m_snapshotPath = m_project->path();
    updateActions();
}

} // namespace marketlens::ui
