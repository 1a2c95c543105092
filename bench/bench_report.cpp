// The report of the demo project (issue 7: "renders in under 5 seconds"): build the document
// (core::report::buildReport, including its risk run) and render it to a paginated vector PDF
// and to a self-contained HTML file, median of 5 runs each, against the 5-second target.
// Peer, same run and same machine: Qt's own rich-text engine, QTextDocument, laying out and
// printing the report's HTML (reportHtml of the same document) to a PDF through QPdfWriter.
// It is the tool a Qt application would reach for first; it skips the inline SVG charts (its
// HTML subset has no <svg>), so it does less drawing than our PDF renderer.
// Usage: bench_report [--runs N] [--keep DIR]   (QT_QPA_PLATFORM=offscreen when unset)
#include "core/demo_project.h"
#include "core/project_store.h"
#include "core/report/report_builder.h"
#include "ui/report/report_render.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTextDocument>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace marketlens;

namespace {

constexpr double kTargetSeconds = 5.0;

double seconds(const std::function<bool()>& f, bool& ok)
{
    const auto t0 = std::chrono::steady_clock::now();
    ok = f() && ok;
    const auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration<double>(t1 - t0).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0.0 : (n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]));
}

int pdfPageCount(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray data = f.readAll();
    int n = 0;
    for (qsizetype i = data.indexOf("/Type /Page"); i >= 0; i = data.indexOf("/Type /Page", i + 1))
        n += data.mid(i + 11, 1) != "s" ? 1 : 0;
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int runs = 5;
    QString keep;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
        else {
            std::fprintf(stderr, "usage: bench_report [--runs N] [--keep DIR]\n");
            return 1;
        }
    }
    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(dir);
    const QString project = QDir(dir).filePath(QStringLiteral("demo.mlens"));
    QFile::remove(project);
    if (auto s = core::writeDemoProject(project.toStdString()); !s) {
        std::fprintf(stderr, "bench_report: %s\n", s.error().toString().c_str());
        return 2;
    }
    const QString pdfPath = QDir(dir).filePath(QStringLiteral("report.pdf"));
    const QString htmlPath = QDir(dir).filePath(QStringLiteral("report.html"));
    const QString peerPath = QDir(dir).filePath(QStringLiteral("peer_qtextdocument.pdf"));

    core::report::ReportOptions options;
    options.generator = "MarketLens bench";
    std::vector<double> build, pdf, html, peer;
    bool ok = true;
    core::report::ReportDocument last;
    for (int r = 0; r < runs; ++r) {
        // Each run opens the project as the command line does; every report builds afresh.
        auto store = core::ProjectStore::open(project.toStdString());
        if (!store) {
            std::fprintf(stderr, "bench_report: %s\n", store.error().toString().c_str());
            return 2;
        }
        core::report::ReportDocument doc;
        build.push_back(seconds(
            [&] {
                auto built = core::report::buildReport(*store, options);
                if (!built) {
                    std::fprintf(stderr, "build: %s\n", built.error().toString().c_str());
                    return false;
                }
                doc = std::move(*built);
                return true;
            },
            ok));
        pdf.push_back(seconds([&] { return ui::renderPdf(doc, pdfPath).ok(); }, ok));
        html.push_back(seconds([&] { return ui::renderHtml(doc, htmlPath).ok(); }, ok));
        // The peer gets the same HTML text our HTML file holds (producing it is not timed).
        const QString text = ui::reportHtml(doc);
        peer.push_back(seconds(
            [&] {
                QTextDocument textDoc;
                textDoc.setHtml(text);
                QPdfWriter writer(peerPath);
                writer.setPageSize(QPageSize(QPageSize::A4));
                writer.setResolution(300);
                textDoc.print(&writer);
                return true;
            },
            ok));
        last = std::move(doc);
    }
    if (!ok) {
        std::fprintf(stderr, "bench_report: a run failed\n");
        return 2;
    }
    const double b = median(build), p = median(pdf), h = median(html), q = median(peer);
    std::printf("demo report (%zu sections; median of %d runs, this machine)\n",
        last.sections.size(), runs);
    std::printf("  build document (data, risk run)  %7.3f s\n", b);
    std::printf(
        "  render PDF  %3d pages, %6.0f KB  %7.3f s   build + PDF  %7.3f s  %s (target < %.0f s)\n",
        pdfPageCount(pdfPath), double(QFileInfo(pdfPath).size()) / 1024.0, p, b + p,
        b + p < kTargetSeconds ? "PASS" : "FAIL", kTargetSeconds);
    std::printf(
        "  render HTML        %6.0f KB  %7.3f s   build + HTML %7.3f s  %s (target < %.0f s)\n",
        double(QFileInfo(htmlPath).size()) / 1024.0, h, b + h,
        b + h < kTargetSeconds ? "PASS" : "FAIL", kTargetSeconds);
    std::printf("peer: QTextDocument::print of the same HTML to PDF (no SVG charts)\n");
    std::printf("  peer PDF    %3d pages, %6.0f KB  %7.3f s\n", pdfPageCount(peerPath),
        double(QFileInfo(peerPath).size()) / 1024.0, q);
    std::printf("  ratio render PDF / peer: %.2f  (< 1: ours is faster)\n", q > 0 ? p / q : 0.0);
    if (!keep.isEmpty())
        std::printf("files kept in %s\n", qPrintable(dir));
    return b + p < kTargetSeconds && b + h < kTargetSeconds ? 0 : 3;
}
