#pragma once
// `marketlens report FILE.mlens --out R.pdf|R.html [--portfolio NAME] [--sections a,b,...]
//                    [--confidence 0.95,0.99] [--window N] [--json]`
// (docs/cli.md). Lives in ui/ because rendering needs QtGui; app/main.cpp creates a
// QGuiApplication (offscreen platform when none is set) before calling it.
// Output format from the --out suffix (.pdf, .html/.htm); anything else is a usage error.
// Exit codes as core::CliExitCode: 0 done, 1 usage, 2 data/file error (nothing written).
// --json prints {"output": path, "format": "pdf", "pages": n (pdf), "sections": [...],
//                "seconds": t}.

#include <QString>
#include <QStringList>

class QTextStream;

namespace marketlens::ui {

bool isReportCliCommand(const QString& arg); // "report"
int runReportCli(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace marketlens::ui
