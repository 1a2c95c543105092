#pragma once
// Starts the GUI: creates the QApplication, the main window, opens `projectPath` (or the demo
// project when empty) and runs the event loop. Returns the process exit code.
// Desktop integration: the desktop file name is "marketlens" (installer/linux/marketlens.desktop)
// and a FileOpenHandler opens the .mlens files that the desktop hands over as QEvent::FileOpen
// (macOS Finder does so instead of passing them in argv).

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace marketlens::ui {

class MainWindow;

int runGui(int& argc, char** argv, const QString& projectPath);

// Installed as an event filter on the application: each QFileOpenEvent opens its file as the
// project of the window (MainWindow::openProject, queued, so never inside the event's delivery).
// Files that arrive before setWindow() wait and are opened then, in order.
class FileOpenHandler : public QObject {
    Q_OBJECT
public:
    explicit FileOpenHandler(QObject* parent = nullptr);

    void setWindow(MainWindow* window);
    QStringList pendingFiles() const { return m_pending; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void openPending();

    QPointer<MainWindow> m_window;
    QStringList m_pending;
};

} // namespace marketlens::ui
