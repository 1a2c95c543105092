// Risk runs in the project file (table risk_runs, schema version 3, docs/project-file.md).
// `parameters` holds the run options plus what a run list shows (tickers, date range), so listing
// never parses the large `results` document.
#include "core/project_store.h"
#include "core/risk/risk_report.h"
#include "core/risk/risk_report_inputs.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace marketlens::core::risk {
namespace {

QString k(const char* key)
{
    return QString::fromLatin1(key);
}

std::string compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<QJsonObject> parseObject(const std::string& text, std::int64_t id, const char* column)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt,
            "risk run " + std::to_string(id) + ": " + column + " is not a JSON object ("
                + e.errorString().toStdString() + ")");
    return doc.object();
}

Result<RiskReport> reportFromRow(const std::string& results, std::int64_t id)
{
    auto json = parseObject(results, id, "results");
    if (!json)
        return json.error();
    auto report = riskReportFromJson(*json);
    if (!report) {
        Error e = report.error();
        if (e.code == ErrorCode::BadData)
            e.code = ErrorCode::Corrupt;
        e.message = "risk run " + std::to_string(id) + ": " + e.message;
        return e;
    }
    return report;
}

} // namespace

Result<std::int64_t> saveRiskRun(ProjectStore& store, const RiskReport& report)
{
    QJsonObject parameters = toJson(report.options);
    QJsonArray tickers;
    for (const std::string& t : report.portfolio.tickers)
        tickers.append(QString::fromStdString(t));
    parameters[k("tickers")] = tickers;
    parameters[k("portfolioName")] = QString::fromStdString(report.portfolio.figures.ticker);
    parameters[k("firstDate")] = report.firstDate
        ? QJsonValue(QString::fromStdString(report.firstDate->toIso()))
        : QJsonValue(QJsonValue::Null);
    parameters[k("lastDate")] = report.lastDate
        ? QJsonValue(QString::fromStdString(report.lastDate->toIso()))
        : QJsonValue(QJsonValue::Null);
    parameters[k("observations")] = qint64(report.observations);
    const std::string results = compact(toJson(report));
    Database& db = store.db();
    Transaction tx(db);
    if (auto s = tx.begin(); !s)
        return s.error();
    auto st = db.prepare("INSERT INTO risk_runs (created_at, name, parameters, results, data_hash) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return st.error();
    st->bind(1, std::string_view(report.createdAt.empty() ? utcNowIso() : report.createdAt));
    st->bind(2, std::string_view(report.options.name));
    st->bind(3, std::string_view(compact(parameters)));
    st->bind(4, std::string_view(results));
    st->bind(5, std::string_view(report.dataHash));
    if (auto s = st->run(); !s)
        return s.error();
    const std::int64_t id = db.lastInsertRowId();
    if (auto s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<std::vector<RiskRunInfo>> listRiskRuns(ProjectStore& store)
{
    auto st = store.db().prepare("SELECT id, created_at, name, parameters, data_hash FROM "
                                 "risk_runs ORDER BY created_at DESC, id DESC");
    if (!st)
        return st.error();
    std::vector<RiskRunInfo> out;
    const Status rows = st->forEachRow([&]() -> Status {
        RiskRunInfo info;
        info.id = st->columnInt(0);
        info.createdAt = st->columnText(1);
        info.name = st->columnText(2);
        info.dataHash = st->columnText(4);
        auto json = parseObject(st->columnText(3), info.id, "parameters");
        if (!json)
            return json.error();
        auto options = riskRunOptionsFromJson(*json);
        if (!options)
            return makeError(ErrorCode::Corrupt,
                "risk run " + std::to_string(info.id) + ": " + options.error().message);
        info.portfolio = json->value(k("portfolioName")).toString().toStdString();
        for (const QJsonValue& t : json->value(k("tickers")).toArray())
            info.tickers.push_back(t.toString().toStdString());
        info.confidences = options->confidences;
        info.methods = options->methods;
        info.firstDate = Date::fromIso(json->value(k("firstDate")).toString().toStdString());
        info.lastDate = Date::fromIso(json->value(k("lastDate")).toString().toStdString());
        out.push_back(std::move(info));
        return {};
    });
    if (!rows)
        return rows.error();
    return out;
}

Result<RiskReport> loadRiskRun(ProjectStore& store, std::int64_t id)
{
    auto st = store.db().prepare("SELECT results FROM risk_runs WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, "no risk run with id " + std::to_string(id));
    return reportFromRow(st->columnText(0), id);
}

Result<std::optional<RiskReport>> latestRiskRun(ProjectStore& store)
{
    auto st = store.db().prepare(
        "SELECT id, results FROM risk_runs ORDER BY created_at DESC, id DESC LIMIT 1");
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<RiskReport>();
    auto report = reportFromRow(st->columnText(1), st->columnInt(0));
    if (!report)
        return report.error();
    return std::optional<RiskReport>(std::move(*report));
}

Status deleteRiskRun(ProjectStore& store, std::int64_t id)
{
    auto st = store.db().prepare("DELETE FROM risk_runs WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind(1, id);
    return st->runOnExistingRow("no risk run with id " + std::to_string(id));
}

Result<std::int64_t> riskRunCount(ProjectStore& store)
{
    return store.db().queryInt("SELECT count(*) FROM risk_runs");
}

Result<bool> isRiskRunStale(ProjectStore& store, const RiskReport& report, const Progress& progress)
{
    auto in = loadRiskInputs(store, report.options, progress);
    if (!in) {
        if (in.error().code == ErrorCode::NotFound || in.error().code == ErrorCode::BadData)
            return true; // the instruments or prices the run used are gone
        return in.error();
    }
    return in->dataHash != report.dataHash;
}

} // namespace marketlens::core::risk
