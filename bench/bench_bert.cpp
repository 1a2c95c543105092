// BERT-style sentiment inference against PyTorch (Debian's python3-torch): a BERT-base-sized
// encoder (12 layers, hidden 768, 12 heads, feed-forward 3072, sequence 128) made at run time by
// bench/bench_bert_peer.py into a temporary folder (the ~420 MB model is never committed),
// imported with importBertModel and run through the scorer path (tokenisation, windows, forward,
// softmax, aggregation; no explanations) on the same sentences that PyTorch then runs as the
// eager module and as the saved TorchScript file, with the same thread count, in one run.
// Sentences per second by wall clock and per process CPU second (steadier when other work shares
// the cores); repetitions alternate MarketLens and PyTorch and the medians are compared. The first
// sentence's logits are compared too (the two must agree).
// Usage: bench_bert [--threads N] [--sentences S] [--reps R] [--layers L] [--no-peer]
#include "models/bert_sentiment.h"
#include "models/torch_runtime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace marketlens;
using namespace marketlens::models;

namespace {

double cpuSeconds()
{
    return double(std::clock()) / double(CLOCKS_PER_SEC);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

bool runPython(const QStringList& args, QByteArray& output)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), args);
    if (!python.waitForFinished(1800000) || python.exitCode() != 0) {
        std::printf("PyTorch peer failed (is python3-torch installed?): %s\n",
            python.readAllStandardError().constData());
        return false;
    }
    output = python.readAllStandardOutput();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    auto intArg = [&](const char* name, int fallback) {
        const int i = int(args.indexOf(QString::fromLatin1(name)));
        return i > 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    const int threads = intArg("--threads", int(std::max(1u, std::thread::hardware_concurrency())));
    const int sentences = intArg("--sentences", 32), reps = intArg("--reps", 3);
    const int layers = intArg("--layers", 12);
    const bool peer = !args.contains(QStringLiteral("--no-peer"));
    const auto info = initTorchRuntime(threads);
    std::printf("bench_bert: BERT-base-sized encoder (%d layers, hidden 768, 12 heads, FFN 3072), "
                "sequence 128, %d sentences in batches of 32; %d torch threads (LibTorch %s), "
                "%d reps\n",
        layers, sentences, info.intraOpThreads, info.version.c_str(), reps);

    QTemporaryDir dir;
    const QString script = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath()
        + QStringLiteral("/bench_bert_peer.py");
    QByteArray made;
    QElapsedTimer clock;
    clock.start();
    if (!dir.isValid()
        || !runPython(
            {script, QStringLiteral("make"), dir.path(), QStringLiteral("--layers"),
                QString::number(layers), QStringLiteral("--sentences"), QString::number(sentences)},
            made))
        return 1;
    std::printf("model made by PyTorch in %.1f s (%.0f MB)\n", clock.elapsed() / 1000.0,
        QFileInfo(dir.filePath(QStringLiteral("bert.pt"))).size() / 1e6);

    clock.restart();
    auto record = importBertModel(dir.filePath(QStringLiteral("bert.pt")).toStdString(),
        dir.filePath(QStringLiteral("bert.json")).toStdString(),
        dir.filePath(QStringLiteral("vocab.txt")).toStdString());
    if (!record) {
        std::printf("import failed: %s\n", record.error().toString().c_str());
        return 1;
    }
    auto scorer = bertScorer(*record);
    if (!scorer) {
        std::printf("scorer failed: %s\n", scorer.error().toString().c_str());
        return 1;
    }
    std::printf("imported and opened in MarketLens in %.1f s\n", clock.elapsed() / 1000.0);
    std::vector<QString> texts;
    QFile f(dir.filePath(QStringLiteral("texts.txt")));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            texts.push_back(line);
    }

    auto ourRun = [&](double& wall, double& cpu) {
        QElapsedTimer t;
        t.start();
        const double c0 = cpuSeconds();
        auto scores = (*scorer)->scoreTexts(texts, false);
        if (!scores) {
            std::printf("scoring failed: %s\n", scores.error().toString().c_str());
            return false;
        }
        wall = double(texts.size()) / (double(t.nsecsElapsed()) / 1e9);
        cpu = double(texts.size()) / (cpuSeconds() - c0);
        return true;
    };
    double w = 0, c = 0;
    if (!ourRun(w, c)) // warm-up (TorchScript profiles its first runs)
        return 1;

    std::map<std::string, std::vector<double>> wall, cpu;
    std::vector<double> peerLogits;
    for (int rep = 0; rep < reps; ++rep) {
        if (!ourRun(w, c))
            return 1;
        wall["MarketLens"].push_back(w);
        cpu["MarketLens"].push_back(c);
        std::printf(
            "  rep %d MarketLens     %7.3f sentences/s (%7.3f per CPU second)\n", rep + 1, w, c);
        if (!peer)
            continue;
        QByteArray out;
        if (!runPython(
                {script, QStringLiteral("time"), dir.path(), QStringLiteral("--threads"),
                    QString::number(info.intraOpThreads), QStringLiteral("--reps"),
                    QStringLiteral("1"), QStringLiteral("--layers"), QString::number(layers)},
                out))
            return 1;
        std::istringstream lines(out.toStdString());
        std::string line;
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string name;
            fields >> name;
            if (name == "logits") {
                peerLogits.clear();
                for (double v = 0; fields >> v;)
                    peerLogits.push_back(v);
                continue;
            }
            double pw = 0, pc = 0;
            fields >> pw >> pc;
            const std::string key = "PyTorch " + name;
            wall[key].push_back(pw);
            cpu[key].push_back(pc);
            std::printf("  rep %d %-14s %7.3f sentences/s (%7.3f per CPU second)\n", rep + 1,
                key.c_str(), pw, pc);
        }
    }

    // bertLogits (opens the record each call: deserialising ~420 MB) on the first sentence.
    clock.restart();
    auto logits = bertLogits(*record, {texts.front()});
    if (!logits) {
        std::printf("bertLogits failed: %s\n", logits.error().toString().c_str());
        return 1;
    }
    std::printf("\nbertLogits on one sentence, opening the model included: %.1f s\n",
        clock.elapsed() / 1000.0);
    if (!peerLogits.empty()) {
        double diff = 0;
        for (std::size_t i = 0; i < peerLogits.size() && i < logits->front().size(); ++i)
            diff = std::max(diff, std::abs(peerLogits[i] - logits->front()[i]));
        std::printf(
            "first sentence's logits: MarketLens and PyTorch differ by at most %.2g\n", diff);
    }

    const double ours = median(wall["MarketLens"]), oursCpu = median(cpu["MarketLens"]);
    std::printf(
        "\n%-16s %14s %14s %8s %8s\n", "", "sentences/s", "per CPU s", "ratio", "CPU ratio");
    std::printf("%-16s %14.3f %14.3f\n", "MarketLens", ours, oursCpu);
    for (const char* name : {"PyTorch eager", "PyTorch jit"}) {
        const double a = median(wall[name]), b = median(cpu[name]);
        if (a > 0 && b > 0)
            std::printf("%-16s %14.3f %14.3f %7.2fx %7.2fx\n", name, a, b, ours / a, oursCpu / b);
    }
    std::printf("medians of %d interleaved repetitions; ratio = MarketLens / PyTorch, target >= "
                "1.0\n",
        reps);
    return 0;
}
