#include "portfolio_commands.h"

#include "project_controller.h"

namespace marketlens::ui {

namespace {
bool sameNumber(const std::optional<double>& a, const std::optional<double>& b)
{
    // Exact: the history must restore the very value that was stored.
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

bool sameHolding(const core::Holding& a, const core::Holding& b)
{
    return a.ticker == b.ticker && sameNumber(a.quantity, b.quantity)
        && sameNumber(a.weight, b.weight) && sameNumber(a.costBasis, b.costBasis)
        && a.currency == b.currency;
}
} // namespace

bool samePortfolio(const core::Portfolio& a, const core::Portfolio& b)
{
    if (a.name != b.name || a.baseCurrency != b.baseCurrency
        || a.holdings.size() != b.holdings.size())
        return false;
    for (std::size_t i = 0; i < a.holdings.size(); ++i) {
        if (!sameHolding(a.holdings[i], b.holdings[i]))
            return false;
    }
    return true;
}

bool samePortfolios(const std::vector<core::Portfolio>& a, const std::vector<core::Portfolio>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!samePortfolio(a[i], b[i]))
            return false;
    }
    return true;
}

core::Status applyPortfolioChange(core::ProjectStore& store,
    const std::optional<core::Portfolio>& from, const std::optional<core::Portfolio>& to)
{
    using core::ErrorCode;
    using core::makeError;
    if (!from && !to)
        return {};
    if (!store.isOpen())
        return makeError(ErrorCode::InvalidArgument, "no project is open");
    core::Transaction tx(store.db());
    if (auto st = tx.begin(); !st)
        return st;
    if (from) {
        auto stored = store.portfolio(from->name);
        if (!stored)
            return stored.error();
        if (!samePortfolio(*stored, *from))
            return makeError(ErrorCode::InvalidArgument,
                "portfolio '" + from->name
                    + "' was changed outside the edit history (by an import?); nothing was "
                      "changed");
    }
    if (from && !to) {
        if (auto st = store.deletePortfolio(from->name); !st)
            return st;
    } else if (!from) {
        // A new portfolio must not silently replace an existing one (writePortfolio would).
        auto existing = store.portfolio(to->name);
        if (existing)
            return makeError(
                ErrorCode::InvalidArgument, "a portfolio named '" + to->name + "' already exists");
        if (existing.error().code != ErrorCode::NotFound)
            return existing.error();
        if (auto id = store.writePortfolio(*to); !id)
            return id.error();
    } else {
        if (from->name != to->name) {
            if (auto st = store.renamePortfolio(from->name, to->name); !st)
                return st;
        }
        core::Portfolio renamed = *from;
        renamed.name = to->name;
        if (!samePortfolio(renamed, *to)) {
            if (auto id = store.writePortfolio(*to); !id)
                return id.error();
        }
    }
    return tx.commit();
}

PortfolioChangeCommand::PortfolioChangeCommand(ProjectController* project, const QString& text,
    std::optional<core::Portfolio> before, std::optional<core::Portfolio> after,
    FailureHandler onFailure, AppliedHandler onApplied)
    : QUndoCommand(text)
    , m_project(project)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_onFailure(std::move(onFailure))
    , m_onApplied(std::move(onApplied))
{
}

void PortfolioChangeCommand::redo()
{
    if (m_applied) { // QUndoStack::push() calls redo(); the editor already wrote the change
        m_applied = false;
        return;
    }
    apply(m_before, m_after);
}

void PortfolioChangeCommand::undo()
{
    apply(m_after, m_before);
}

void PortfolioChangeCommand::apply(
    const std::optional<core::Portfolio>& from, const std::optional<core::Portfolio>& to)
{
    core::Status st = core::makeError(core::ErrorCode::InvalidArgument, "no project is open");
    if (m_project && m_project->isBusy())
        st = core::makeError(core::ErrorCode::InvalidArgument,
            "the project is busy with an import; try again when it has finished");
    else if (m_project)
        st = applyPortfolioChange(m_project->store(), from, to);
    if (!st) {
        if (m_onFailure)
            m_onFailure(st.error());
        return;
    }
    if (m_onApplied)
        m_onApplied(to ? to : from);
}

} // namespace marketlens::ui
