#pragma once
// ModelsPanel: the table of models stored in the project (ModelsModel behind a sort proxy),
// newest first until the analyst sorts by a column. Selecting a row emits modelSelected(id);
// renaming a model in the table emits renameRequested(id, name). GUI thread only.

#include <QWidget>

#include <vector>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace marketlens::core::forecast {
struct ModelRecord;
}

namespace marketlens::ui {

class ModelsModel;

class ModelsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPanel(QWidget* parent = nullptr);

    // Replaces the rows, keeping the selected model selected when it is still there.
    void setRecords(std::vector<core::forecast::ModelRecord> records);
    qint64 currentId() const; // 0 when nothing is selected
    void selectId(qint64 id);

    ModelsModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void modelSelected(qint64 id); // 0: selection cleared
    void renameRequested(qint64 id, const QString& name);
    void activated(qint64 id);

private:
    void fitColumns();

    ModelsModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace marketlens::ui
