#pragma once
// ChartExportDialog: file, format (PNG, SVG, PDF), size in pixels and resolution (DPI) of a chart
// export. The choices (format, size, DPI, folder) are remembered in QSettings under
// "chartExport/"; "Screen size" sets the chart's on-screen size at the chosen DPI. The suffix of
// the file follows the format. GUI thread only.

#include "chart_export.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace marketlens::ui {

class ChartExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ChartExportDialog(QWidget* chart, QWidget* parent = nullptr);

    ChartExportOptions options() const;
    QString path() const;
    void setPath(const QString& path);
    void setOptions(const ChartExportOptions& options);

    // Shows the dialog for `chart`, exports on OK (a message box on failure) and remembers the
    // choices. False when cancelled or failed.
    static bool exportChart(QWidget* chart, QWidget* parent);

    void accept() override;

private:
    void browse();
    void formatChanged();
    void useScreenSize();
    void updateSummary();
    void saveSettings() const;

    QWidget* m_chart;
    QLineEdit* m_path;
    QComboBox* m_format;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QSpinBox* m_dpi;
    QLabel* m_summary;
};

} // namespace marketlens::ui
