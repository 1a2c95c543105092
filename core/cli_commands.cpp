#include "cli_commands.h"

#include "cli_password.h"
#include "cli_support.h"
#include "demo_project.h"
#include "news/news_import.h"
#include "news/news_store.h"
#include "price_import.h"
#include "project_store.h"
#include "risk/risk_report.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace marketlens::core {
namespace {

constexpr const char* kUsage = R"(Usage:
  marketlens new FILE.mlens [--encrypt [--kdf moderate|interactive]] [--json]
      Create an empty project (--encrypt: protected by the password given as below).
  marketlens import FILE.mlens INPUT... [options]
      Import price, holdings or news files into an existing project, in one transaction.
        --kind K          auto (default), prices, long, wide, ohlcv, holdings or news; auto
                          takes .json/.jsonl/.xml/.rss/.atom/.txt articles and CSV files with a
                          headline column (and no price column) as news
        --ticker T        ticker of a single-instrument (OHLCV) file (default: from the file name)
        --portfolio NAME  portfolio of a holdings file (default: from the file name)
        --date-format F   auto, iso, ymd, mdy, dmy, or a pattern such as DD.MM.YYYY
        --tickers A,B     news: tickers every item is about (made instruments when missing)
        --label-scheme S  news: numeric labels as auto (default), binary (0/1), ternary (-1/0/1)
                          or continuous (<= -0.05 negative, >= 0.05 positive)
        --strict          import nothing when any row or item is bad (exit code 2)
        --json            print the result as one JSON document
  marketlens news FILE.mlens [--ticker T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
                  [--model KEY] [--json]
      Stored news (oldest first; the newest N with --limit, newest first) with their tickers,
      why each was linked, and the latest lexicon score (or that of --model KEY).
  marketlens aliases FILE.mlens [TICKER [NAME...] | TICKER --clear] [--json]
      Show or replace the company names news are linked by, then re-link the stored news.
  marketlens info FILE.mlens [--json]
      Instruments with row counts and date ranges, portfolios with holdings, the import log.
  marketlens risk FILE.mlens [options]
      Risk measures of a portfolio's holdings (or of given instruments) and of the portfolio:
      VaR/ES, volatility (sample, EWMA, GARCH), drawdown, Sharpe, Sortino, beta, component VaR,
      backtests, risk score. The run is stored in the project (see docs/cli.md for options).
  marketlens train FILE.mlens --ticker T --model mlp|cnn|lstm|gru|transformer [--horizon H]
                   [--window W] [--epochs N] [--seed S] [--device cpu|cuda]
                   [--features A,B,... | --sentiment] [--json]
      Train a forecaster on one instrument, store it, and print its test metrics beside the
      naive, drift, seasonal naive, moving average and linear AR baselines. --features picks the
      inputs (logret, vol20, volume, dow, sentiment); --sentiment adds the ticker's news index.
  marketlens forecast FILE.mlens --model ID [--ticker T] [--json]
      Median forecast with 80 % and 95 % bands and the naive forecast, from the last date.
  marketlens backtest FILE.mlens --ticker T --model KIND [--folds K] [--sliding]
                      [--features A,B,... | --sentiment] [--json]
      Walk-forward backtest with refits: metrics per fold and pooled, model vs baselines.
  marketlens models FILE.mlens [--json]
      Trained and imported models with their test metrics against the naive forecast.
  marketlens export-model FILE.mlens ID --out M.pt
      Write the model as TorchScript (M.pt) with its JSON side file (M.json); docs/models.md.
  marketlens import-model FILE.mlens M.pt [--meta M.json] [--ticker T]
      Validate and store a TorchScript forecaster trained elsewhere.
  marketlens import-model FILE.mlens M.pt --meta M.json --vocab vocab.txt
      Validate and store a BERT-style sentiment model (FinBERT-like; docs/models.md).
  marketlens sentiment FILE.mlens [--model lexicon|lexicon:vader|ID] [--all] [--no-explain]
                       [--json]
      Score the project's news not yet scored by the model (--all: every item), keep the scores
      beside other models' and rebuild the model's daily sentiment index.
  marketlens train-sentiment FILE.mlens [--model bow|transformer] [--folds K] [--epochs N]
                             [--seed S] [--json]
      Train a sentiment classifier on the project's labelled news, store it, and print its
      k-fold accuracy and macro-F1 beside the market-news lexicon and VADER on the same folds.
  marketlens signals FILE.mlens --ticker T --model rf|gbm|svm|logit|mlp [--horizon N]
                     [--classes 2|3] [--threshold X] [--cost-bps B] [--slippage-bps B]
                     [--long-short] [--market T] [--folds K] [--no-search] [--no-save]
                     [--explain DATE] [--seed S] [--json]
      Trading-signal classifier: metrics beside the majority and always-up baselines, backtest
      with costs beside buy-and-hold, top features and why today's signal (docs/signals.md).
  marketlens tailrisk FILE.mlens [--portfolio NAME] [--json]
      Learned probability of a loss beyond the 95 % VaR within 5 days, per holding.
  marketlens report FILE.mlens --out R.pdf|R.html [--portfolio NAME] [--sections A,B,...]
                    [--confidence 0.95,0.99] [--window N] [--json]
      The project's report (data summary, holdings, risk table and charts, models) as a
      paginated vector PDF or one self-contained HTML file.
  marketlens save-as FILE.mlens DEST.mlens [--json]
      Copy the project to DEST atomically (DEST is replaced only by the complete copy).
  marketlens password FILE.mlens --set | --change | --remove [--new-password-file F]
                      [--kdf moderate|interactive] [--json]
      Protect a project with a password, change it, or remove it. The new password is the
      first line of --new-password-file F or MARKETLENS_NEW_PASSWORD; the current one is given
      as for every command (below).
  marketlens demo [FILE.mlens] [--json]
      Write the demo project to FILE, or create it in the user data folder.
  marketlens gui [FILE.mlens]
      Start the graphical interface (also: no arguments, or just a FILE.mlens).
  marketlens --help | --version

Encrypted projects: every command takes --password-file F (the password is the first line of F)
or reads the MARKETLENS_PASSWORD environment variable; a wrong password is an error (exit 2).
A bare project name such as demo.mlens that is not in the current folder is looked up in the
user data folder; "demo.mlens" is created there on first use.
Exit codes: 0 ok (rejected rows are reported on stderr), 1 usage error, 2 bad data or file.
)";

} // namespace

// Helpers shared with the other command files, declared in cli_support.h.
namespace cli {

QString parseArgs(const QStringList& args, const QStringList& flagNames,
    const QStringList& valueNames, Args& parsed)
{
    bool optionsEnded = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (optionsEnded || !a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            if (a == QLatin1String("--") && !optionsEnded) {
                optionsEnded = true;
                continue;
            }
            parsed.positional << a;
            continue;
        }
        QString name = a.mid(2);
        QString value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq >= 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flagNames.contains(name) && !inlineValue) {
            parsed.flags << name;
        } else if (valueNames.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return QStringLiteral("option --%1 needs a value").arg(name);
                value = args[++i];
            }
            parsed.values[name] = value;
        } else {
            return QStringLiteral("unknown option %1").arg(a);
        }
    }
    return {};
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return "Ok";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::Io:
        return "Io";
    case ErrorCode::BadData:
        return "BadData";
    case ErrorCode::NotAProject:
        return "NotAProject";
    case ErrorCode::Corrupt:
        return "Corrupt";
    case ErrorCode::TooNew:
        return "TooNew";
    case ErrorCode::Database:
        return "Database";
    case ErrorCode::Cancelled:
        return "Cancelled";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::PasswordRequired:
        return "PasswordRequired";
    case ErrorCode::WrongPassword:
        return "WrongPassword";
    case ErrorCode::Tampered:
        return "Tampered";
    }
    return "Unknown";
}

QJsonValue jsonNumber(std::optional<double> v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonDate(const std::optional<Date>& d)
{
    return d ? QJsonValue(q(d->toIso())) : QJsonValue(QJsonValue::Null);
}

QJsonObject errorJson(const Error& e)
{
    QJsonObject o;
    o[QStringLiteral("code")] = QString::fromLatin1(errorCodeName(e.code));
    o[QStringLiteral("message")] = q(e.message);
    o[QStringLiteral("file")] = q(e.file);
    o[QStringLiteral("line")] = static_cast<qint64>(e.line);
    return o;
}

void printJson(QTextStream& out, const QJsonObject& o)
{
    out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// Reports a core error: the message on stderr, and with --json a failure document on stdout.
int fail(const Error& e, bool json, QTextStream& out, QTextStream& err)
{
    err << "marketlens: " << q(e.toString()) << Qt::endl;
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = false;
        o[QStringLiteral("error")] = errorJson(e);
        printJson(out, o);
    }
    return kExitData;
}

int usage(const QString& message, QTextStream& err)
{
    err << "marketlens: " << message << "\n"
        << "Try 'marketlens --help' for more information." << Qt::endl;
    return kExitUsage;
}

// The project path for commands that work on an existing project. A bare "demo.mlens" that
// exists nowhere is created in the user data folder, so the documented tour just works.
Result<std::string> projectForReading(const QString& arg)
{
    const QString path = resolveProjectPath(arg);
    if (!QFileInfo::exists(path) && arg == QLatin1String("demo.mlens"))
        return ensureDemoProject();
    return path.toStdString();
}

} // namespace cli

namespace {
using namespace cli;

// ---- new ----

int cmdNew(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args, {QStringLiteral("json"), QStringLiteral("encrypt")},
                                    {QStringLiteral("kdf")}, a);
        !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("new needs exactly one FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    const std::string path = a.positional.first().toStdString();
    if (a.has(QStringLiteral("encrypt")))
        return cmdNewEncrypted(path, a.values.value(QStringLiteral("kdf")), json, out, err);
    auto store = ProjectStore::create(path);
    if (!store)
        return fail(store.error(), json, out, err);
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(path);
        o[QStringLiteral("schemaVersion")] = ProjectStore::kSchemaVersion;
        printJson(out, o);
    } else {
        out << "created " << q(path) << Qt::endl;
    }
    return kExitOk;
}

// ---- info ----

// Rows with a full open/high/low/close per instrument id (candlesticks possible).
Result<QMap<qint64, qint64>> ohlcCounts(Database& db)
{
    auto st = db.prepare("SELECT instrument_id, count(*) FROM prices WHERE open IS NOT NULL AND "
                         "high IS NOT NULL AND low IS NOT NULL AND close IS NOT NULL "
                         "GROUP BY instrument_id");
    if (!st)
        return st.error();
    QMap<qint64, qint64> counts;
    const Status rows = st->forEachRow([&]() -> Status {
        counts[st->columnInt(0)] = st->columnInt(1);
        return {};
    });
    if (!rows)
        return rows.error();
    return counts;
}

QString fmtNumber(std::optional<double> v)
{
    return v && std::isfinite(*v) ? QString::number(*v, 'g', 12) : QStringLiteral("-");
}

int cmdInfo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args, {QStringLiteral("json")}, {}, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() != 1)
        return usage(QStringLiteral("info needs exactly one project FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    auto path = projectForReading(a.positional.first());
    if (!path)
        return fail(path.error(), json, out, err);
    auto store = ProjectStore::open(*path);
    if (!store)
        return fail(store.error(), json, out, err);
    auto version = store->schemaVersion();
    auto instruments = store->instruments();
    auto portfolios = store->portfolios();
    auto log = store->importLog();
    auto ohlc = ohlcCounts(store->db());
    auto riskRuns = risk::riskRunCount(*store);
    auto newsItems = news::newsCount(*store);
    for (const Error* e :
        {version ? nullptr : &version.error(), instruments ? nullptr : &instruments.error(),
            portfolios ? nullptr : &portfolios.error(), log ? nullptr : &log.error(),
            ohlc ? nullptr : &ohlc.error(), riskRuns ? nullptr : &riskRuns.error(),
            newsItems ? nullptr : &newsItems.error()}) {
        if (e)
            return fail(*e, json, out, err);
    }

    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(*path);
        o[QStringLiteral("schemaVersion")] = *version;
        o[QStringLiteral("encrypted")] = store->isEncrypted();
        QJsonArray ins;
        for (const InstrumentInfo& i : *instruments) {
            QJsonObject io;
            io[QStringLiteral("ticker")] = q(i.ticker);
            io[QStringLiteral("name")] = q(i.name);
            io[QStringLiteral("currency")] = q(i.currency);
            io[QStringLiteral("rows")] = static_cast<qint64>(i.priceCount);
            io[QStringLiteral("ohlcRows")] = ohlc->value(i.id, 0);
            io[QStringLiteral("firstDate")] = jsonDate(i.firstDate);
            io[QStringLiteral("lastDate")] = jsonDate(i.lastDate);
            ins.append(io);
        }
        o[QStringLiteral("instruments")] = ins;
        QJsonArray ps;
        for (const Portfolio& p : *portfolios) {
            QJsonObject po;
            po[QStringLiteral("name")] = q(p.name);
            po[QStringLiteral("baseCurrency")] = q(p.baseCurrency);
            QJsonArray hs;
            for (const Holding& h : p.holdings) {
                QJsonObject ho;
                ho[QStringLiteral("ticker")] = q(h.ticker);
                ho[QStringLiteral("quantity")] = jsonNumber(h.quantity);
                ho[QStringLiteral("weight")] = jsonNumber(h.weight);
                ho[QStringLiteral("costBasis")] = jsonNumber(h.costBasis);
                ho[QStringLiteral("currency")] = q(h.currency);
                hs.append(ho);
            }
            po[QStringLiteral("holdings")] = hs;
            ps.append(po);
        }
        o[QStringLiteral("portfolios")] = ps;
        QJsonArray imports;
        for (const ImportLogEntry& e : *log) {
            QJsonObject eo;
            eo[QStringLiteral("file")] = q(e.fileName);
            eo[QStringLiteral("sha256")] = q(e.sha256);
            eo[QStringLiteral("importedAt")] = q(e.importedAt);
            eo[QStringLiteral("kind")] = q(e.kind);
            eo[QStringLiteral("rowsAccepted")] = static_cast<qint64>(e.rowsAccepted);
            eo[QStringLiteral("rowsRejected")] = static_cast<qint64>(e.rowsRejected);
            imports.append(eo);
        }
        o[QStringLiteral("imports")] = imports;
        o[QStringLiteral("riskRuns")] = static_cast<qint64>(*riskRuns);
        o[QStringLiteral("newsItems")] = static_cast<qint64>(*newsItems);
        printJson(out, o);
        return kExitOk;
    }

    out << "Project " << q(*path) << " (file version " << *version
        << (store->isEncrypted() ? ", encrypted" : "") << ")\n\n";
    out << "Instruments (" << static_cast<qint64>(instruments->size()) << "):\n";
    for (const InstrumentInfo& i : *instruments) {
        out << "  " << q(i.ticker).leftJustified(10) << ' '
            << QString::number(i.priceCount).rightJustified(8) << " rows  "
            << (i.firstDate ? q(i.firstDate->toIso()) : QStringLiteral("-")) << " .. "
            << (i.lastDate ? q(i.lastDate->toIso()) : QStringLiteral("-"));
        if (const qint64 n = ohlc->value(i.id, 0); n > 0)
            out << "  (" << n << " with OHLC)";
        out << '\n';
    }
    out << "\nPortfolios (" << static_cast<qint64>(portfolios->size()) << "):\n";
    for (const Portfolio& p : *portfolios) {
        out << "  " << q(p.name) << " (" << static_cast<qint64>(p.holdings.size())
            << " holdings)\n";
        out << "    " << QStringLiteral("ticker").leftJustified(10) << ' '
            << QStringLiteral("quantity").rightJustified(12) << ' '
            << QStringLiteral("weight").rightJustified(8) << ' '
            << QStringLiteral("cost basis").rightJustified(12) << "  currency\n";
        for (const Holding& h : p.holdings)
            out << "    " << q(h.ticker).leftJustified(10) << ' '
                << fmtNumber(h.quantity).rightJustified(12) << ' '
                << fmtNumber(h.weight).rightJustified(8) << ' '
                << fmtNumber(h.costBasis).rightJustified(12) << "  " << q(h.currency) << '\n';
    }
    out << "\nImports (" << static_cast<qint64>(log->size()) << "):\n";
    for (const ImportLogEntry& e : *log)
        out << "  " << q(e.importedAt) << "  " << q(e.kind).leftJustified(12) << ' '
            << e.rowsAccepted << " accepted, " << e.rowsRejected << " rejected  " << q(e.fileName)
            << '\n';
    out << "\nRisk runs: " << static_cast<qint64>(*riskRuns) << '\n';
    out << "News items: " << static_cast<qint64>(*newsItems) << '\n';
    out.flush();
    return kExitOk;
}

// ---- demo ----

int cmdDemo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Args a;
    if (const QString e = parseArgs(args, {QStringLiteral("json")}, {}, a); !e.isEmpty())
        return usage(e, err);
    if (a.positional.size() > 1)
        return usage(QStringLiteral("demo takes at most one FILE"), err);
    const bool json = a.has(QStringLiteral("json"));
    std::string path;
    bool created = true;
    if (a.positional.isEmpty()) {
        path = demoProjectPath();
        created = !QFileInfo::exists(q(path));
        auto r = ensureDemoProject();
        if (!r)
            return fail(r.error(), json, out, err);
    } else {
        path = a.positional.first().toStdString();
        if (auto s = writeDemoProject(path); !s)
            return fail(s.error(), json, out, err);
    }
    if (json) {
        QJsonObject o;
        o[QStringLiteral("ok")] = true;
        o[QStringLiteral("project")] = q(path);
        o[QStringLiteral("created")] = created;
        printJson(out, o);
    } else {
        out << (created ? "created demo project " : "demo project exists: ") << q(path) << Qt::endl;
    }
    return kExitOk;
}

QString version()
{
    const QString v = QCoreApplication::applicationVersion();
    return v.isEmpty() ? QStringLiteral("unknown") : v;
}

} // namespace

bool isCliCommand(const QString& arg)
{
    static const QStringList commands
        = {QStringLiteral("new"), QStringLiteral("import"), QStringLiteral("info"),
            QStringLiteral("demo"), QStringLiteral("risk"), QStringLiteral("news"),
            QStringLiteral("aliases"), QStringLiteral("save-as"), QStringLiteral("password"),
            QStringLiteral("help"), QStringLiteral("--help"),
            QStringLiteral("-h"), QStringLiteral("--version"), QStringLiteral("-v")};
    return commands.contains(arg);
}

QString resolveProjectPath(const QString& arg)
{
    const QFileInfo given(arg);
    const bool bare = !arg.contains(QLatin1Char('/')) && !arg.contains(QLatin1Char('\\'));
    if (given.exists() || !bare)
        return arg;
    const QString inData = QDir(QFileInfo(q(demoProjectPath())).absolutePath()).filePath(arg);
    return QFileInfo::exists(inData) ? inData : arg;
}

int runCli(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty())
        return usage(QStringLiteral("no command given"), err);
    const QString cmd = args.first();
    const QStringList rest = args.mid(1);
    if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h")
        || cmd == QLatin1String("help")) {
        out << kUsage;
        out.flush();
        return kExitOk;
    }
    if (cmd == QLatin1String("--version") || cmd == QLatin1String("-v")) {
        out << "marketlens " << version() << Qt::endl;
        return kExitOk;
    }
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        out << kUsage;
        out.flush();
        return kExitOk;
    }
    if (cmd == QLatin1String("new"))
        return cmdNew(rest, out, err);
    if (cmd == QLatin1String("import"))
        return cmdImport(rest, out, err);
    if (cmd == QLatin1String("info"))
        return cmdInfo(rest, out, err);
    if (cmd == QLatin1String("demo"))
        return cmdDemo(rest, out, err);
    if (cmd == QLatin1String("risk"))
        return cli::cmdRisk(rest, out, err);
    if (cmd == QLatin1String("news"))
        return cli::cmdNews(rest, out, err);
    if (cmd == QLatin1String("aliases"))
        return cli::cmdAliases(rest, out, err);
    if (cmd == QLatin1String("password"))
        return cli::cmdPassword(rest, out, err);
    if (cmd == QLatin1String("save-as"))
        return cli::cmdSaveAs(rest, out, err);
    if (cmd
        == QLatin1String("gui")) // main() starts the GUI for `gui [FILE]`; anything more is wrong
        return usage(QStringLiteral("gui takes at most one FILE"), err);
    return usage(QStringLiteral("unknown command '%1'").arg(cmd), err);
}

} // namespace marketlens::core
