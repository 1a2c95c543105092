#pragma once
// ReportDialog: Report > Create Report… (Ctrl+Shift+R). The analyst picks the portfolio, the
// sections and the VaR confidence levels and sees the PDF's pages as a live preview (rebuilt
// shortly after each change, off the GUI thread by a ReportController, with progress, ETA and
// Cancel in the main window's jobs bar), zooms it, and saves the report as PDF or HTML. Errors
// go to the Issues panel (MainWindow::reportError); the choices are remembered (QSettings group
// "report"). One dialog per main window, non-modal; hiding it cancels a running preview.

#include "report_controller.h"

#include "core/report/report_builder.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QStringList>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace marketlens::ui {

class MainWindow;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(MainWindow* window);
    ~ReportDialog() override;

    // The report the dialog's choices describe (sections empty = all that apply).
    core::report::ReportOptions options() const;
    ReportController* controller() const { return m_controller; }
    int pageCount() const { return int(m_pageLabels.size()); }
    // A preview is waiting for its short delay or running.
    bool isPreviewPending() const;
    // Ids of the section checkboxes in report order, and toggling one (tests, settings).
    QStringList sectionIds() const { return m_sectionOrder; }
    void setSectionChecked(const QString& id, bool checked);
    // Zoom as a factor of 96 dpi; 0 = fit the page width to the preview.
    void setZoom(double factor);
    // Starts saving to `path` without asking; false when nothing was started.
    bool saveReport(const QString& path, ReportController::Format format);
    // Rebuilds the preview now (re-reading the project).
    void refresh();

Q_SIGNALS:
    // The preview shows `pages` page images of the newest choices.
    void previewShown(int pages);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildUi();
    void loadPortfolios();
    void restoreSettings();
    void saveSettings() const;
    void schedulePreview();
    void startPreview();
    void onPreviewFinished(int request, bool ok);
    void onSaveFinished(const QString& path, bool ok, double seconds);
    void askAndSave(ReportController::Format format);
    void showPages();
    void layoutPages();
    void updateButtons();
    double displayScale() const; // preview pixels per 96-dpi pixel
    int renderDpi() const;

    MainWindow* m_window;
    ReportController* m_controller = nullptr;
    QComboBox* m_portfolio = nullptr;
    QHash<QString, QCheckBox*> m_sections;
    QStringList m_sectionOrder;
    QList<QPair<double, QCheckBox*>> m_confidences;
    QSpinBox* m_backtestWindow = nullptr;
    QComboBox* m_zoom = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_pagesHost = nullptr;
    QVBoxLayout* m_pagesLayout = nullptr;
    QList<QLabel*> m_pageLabels;
    QLabel* m_status = nullptr;
    QPushButton* m_savePdf = nullptr;
    QPushButton* m_saveHtml = nullptr;
    QTimer* m_debounce = nullptr;
    int m_renderedDpi = 0; // of the pages shown
    int m_requestedDpi = 0; // of the newest preview
    QString m_lastReported; // the preview error last sent to the Issues panel
    bool m_restoring = false;
};

// Adds "Create Report…" (Ctrl+Shift+R) to `menu`; returns the action (the toolbar shows it too).
// It is enabled while the open project has prices.
QAction* addReportMenuActions(QMenu* menu, MainWindow* window);
// Opens, or raises, the report dialog of `window`.
ReportDialog* showReportDialog(MainWindow* window);

} // namespace marketlens::ui
