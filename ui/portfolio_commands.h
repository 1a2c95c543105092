#pragma once
// Undoable edits of portfolios and holdings. Every edit is one PortfolioChangeCommand holding the
// whole portfolio before and after it (std::nullopt where the portfolio does not exist: before a
// "New Portfolio", after a "Delete Portfolio"), so undo and redo restore exactly what was stored.
//
// applyPortfolioChange() writes one such change in ONE core::Transaction and first checks that the
// project still holds the `from` state; a portfolio changed elsewhere (an import, another window)
// is never overwritten by an old history entry: the change fails and nothing is written.

#include "core/project_store.h"
#include "core/result.h"
#include "core/types.h"

#include <QString>
#include <QUndoCommand>

#include <functional>
#include <optional>

namespace marketlens::ui {

class ProjectController;

// Same name, base currency and holdings (in order, values compared exactly); ids are ignored.
bool samePortfolio(const core::Portfolio& a, const core::Portfolio& b);
bool samePortfolios(const std::vector<core::Portfolio>& a, const std::vector<core::Portfolio>& b);

// Replaces `from` by `to` in `store` in one transaction (see above). Errors: NotFound when `from`
// is gone, InvalidArgument when it differs from what is stored or `to`'s name is taken, and any
// store or SQLite error; the file is unchanged after any error.
core::Status applyPortfolioChange(core::ProjectStore& store,
    const std::optional<core::Portfolio>& from, const std::optional<core::Portfolio>& to);

class PortfolioChangeCommand : public QUndoCommand {
public:
    // Called with the error of a failed undo/redo (the file is then unchanged; the owner of the
    // stack clears it once the stack operation has returned) and after each successful one.
    using FailureHandler = std::function<void(const core::Error&)>;
    using AppliedHandler = std::function<void(const std::optional<core::Portfolio>& state)>;

    // `text` is the action text ("Change Quantity of MSFT"). The change is expected to be applied
    // already when the command is pushed (the editor applies it first, to report errors before
    // anything enters the history); the first redo() that QUndoStack::push() calls is skipped.
    PortfolioChangeCommand(ProjectController* project, const QString& text,
        std::optional<core::Portfolio> before, std::optional<core::Portfolio> after,
        FailureHandler onFailure, AppliedHandler onApplied);

    void undo() override;
    void redo() override;

    const std::optional<core::Portfolio>& before() const { return m_before; }
    const std::optional<core::Portfolio>& after() const { return m_after; }

private:
    void apply(
        const std::optional<core::Portfolio>& from, const std::optional<core::Portfolio>& to);

    ProjectController* m_project;
    std::optional<core::Portfolio> m_before;
    std::optional<core::Portfolio> m_after;
    FailureHandler m_onFailure;
    AppliedHandler m_onApplied;
    bool m_applied = true; // the change was applied before the push
};

} // namespace marketlens::ui
