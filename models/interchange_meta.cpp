// The side file of model interchange (models/interchange.h): strict validation of the JSON text
// that travels with a TorchScript forecaster. Kept apart from interchange.cpp so that it needs no
// LibTorch: the fuzz target of tests/fuzz links it with marketlens_core alone.
#include "models/interchange.h"

#include "core/forecast/forecast_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace marketlens::models {
namespace {

using core::ErrorCode;
using core::makeError;
using core::forecast::ModelRecord;
using core::forecast::Scaler;

std::string compact(const QJsonValue& v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString();
    return {};
}

// Strict reader of the side file: every accessor records the first problem, naming the field.
class MetaReader {
public:
    MetaReader(QJsonObject root, std::string file)
        : m_root(std::move(root))
        , m_file(std::move(file))
    {
    }

    bool failed() const { return !m_problem.empty(); }
    core::Error error() const
    {
        return makeError(ErrorCode::BadData, "model side file: " + m_problem, m_file);
    }
    void problem(const std::string& text)
    {
        if (m_problem.empty())
            m_problem = text;
    }

    const QJsonObject& root() const { return m_root; }

    QJsonValue field(const QJsonObject& o, const char* name, const std::string& path, bool required)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() && required)
            problem("missing field \"" + path + "\"");
        return v;
    }

    std::string string(
        const QJsonObject& o, const char* name, const std::string& path, bool required)
    {
        const QJsonValue v = field(o, name, path, required);
        if (v.isUndefined() || (!required && v.isNull()))
            return {};
        if (!v.isString())
            problem("field \"" + path + "\" must be a string");
        return v.toString().toStdString();
    }

    // A whole number in [lo, hi]; `fallback` when optional and absent.
    long long integer(const QJsonObject& o, const char* name, const std::string& path,
        bool required, long long lo, long long hi, long long fallback = 0)
    {
        const QJsonValue v = field(o, name, path, required);
        if (v.isUndefined() || (!required && v.isNull()))
            return fallback;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d)) {
            problem("field \"" + path + "\" must be a whole number");
            return fallback;
        }
        if (d < double(lo) || d > double(hi)) {
            // d as a double: a huge value (1e85) does not fit a long long (UB found by fuzzing)
            problem("field \"" + path + "\" is " + QString::number(d, 'g', 17).toStdString()
                + ", expected " + std::to_string(lo) + ".." + std::to_string(hi));
            return fallback;
        }
        return (long long)d;
    }

    std::vector<double> numbers(const QJsonObject& o, const char* name, const std::string& path)
    {
        const QJsonValue v = field(o, name, path, true);
        std::vector<double> out;
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            problem("field \"" + path + "\" must be an array of numbers");
            return out;
        }
        for (const QJsonValue& x : v.toArray()) {
            if (!x.isDouble() || !std::isfinite(x.toDouble())) {
                problem("field \"" + path + "\" must hold finite numbers only");
                return {};
            }
            out.push_back(x.toDouble());
        }
        return out;
    }

    Scaler scaler(const char* name, std::size_t expected, const char* sizeWhat)
    {
        const std::string path(name);
        const QJsonValue v = field(m_root, name, path, true);
        Scaler s;
        if (v.isUndefined())
            return s;
        if (!v.isObject()) {
            problem("field \"" + path + "\" must be an object {\"mean\": [...], \"std\": [...]}");
            return s;
        }
        s.mean = numbers(v.toObject(), "mean", path + ".mean");
        s.std = numbers(v.toObject(), "std", path + ".std");
        if (failed())
            return s;
        for (const auto* part : {&s.mean, &s.std}) {
            if (part->size() != expected) {
                problem("field \"" + path + (part == &s.mean ? ".mean" : ".std") + "\" has "
                    + std::to_string(part->size()) + " values but there are "
                    + std::to_string(expected) + " " + sizeWhat);
                return s;
            }
        }
        if (std::any_of(s.std.begin(), s.std.end(), [](double x) { return !(x > 0); }))
            problem("field \"" + path + ".std\" must hold positive numbers");
        return s;
    }

    // An optional "shape" description [batch, a, b]: when given it must agree with the contract.
    void checkShape(const char* name, long long a, long long b)
    {
        const QJsonValue v = field(m_root, name, name, false);
        if (v.isUndefined() || v.isNull())
            return;
        const std::string path = std::string(name) + ".shape";
        const QJsonValue shape
            = v.isObject() ? v.toObject().value(QLatin1String("shape")) : QJsonValue();
        if (!shape.isArray() || shape.toArray().size() != 3) {
            problem("field \"" + path + "\" must be an array of 3 sizes [batch, ., .]");
            return;
        }
        const QJsonArray s = shape.toArray();
        if (s[1].toDouble(-1) != double(a) || s[2].toDouble(-1) != double(b))
            problem("field \"" + path + "\" is [batch, " + qstr(s[1]) + ", " + qstr(s[2])
                + "] but window/horizon and features/quantiles give [batch, " + std::to_string(a)
                + ", " + std::to_string(b) + "]");
    }

private:
    static std::string qstr(const QJsonValue& v)
    {
        return v.isDouble() ? QString::number(v.toDouble()).toStdString() : std::string("?");
    }

    QJsonObject m_root;
    std::string m_file;
    std::string m_problem;
};

const QStringList& knownTopLevelFields()
{
    static const QStringList fields = {
        QStringLiteral("format"),
        QStringLiteral("format_version"),
        QStringLiteral("name"),
        QStringLiteral("kind"),
        QStringLiteral("ticker"),
        QStringLiteral("description"),
        QStringLiteral("created_utc"),
        QStringLiteral("features"),
        QStringLiteral("window"),
        QStringLiteral("horizon"),
        QStringLiteral("quantiles"),
        QStringLiteral("feature_scaler"),
        QStringLiteral("target_scaler"),
        QStringLiteral("input"),
        QStringLiteral("output"),
        QStringLiteral("training"),
        QStringLiteral("metrics"),
        QStringLiteral("hyper_params"),
    };
    return fields;
}

// The quantile levels the forecast bands are read from (docs/models.md).
constexpr double kRequiredQuantiles[] = {0.025, 0.10, 0.50, 0.90, 0.975};

void readFeatures(MetaReader& r, ModelRecord& m)
{
    const QJsonValue v = r.field(r.root(), "features", "features", true);
    if (v.isUndefined())
        return;
    if (!v.isArray() || v.toArray().isEmpty()) {
        r.problem("field \"features\" must be a non-empty array of feature names");
        return;
    }
    const std::vector<std::string> known = core::forecast::knownFeatures();
    for (const QJsonValue& f : v.toArray()) {
        if (!f.isString()) {
            r.problem("field \"features\" must hold strings only");
            return;
        }
        const std::string name = f.toString().toStdString();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string list;
            for (const std::string& k : known)
                list += (list.empty() ? "" : ", ") + k;
            r.problem("unknown feature \"" + name + "\" (known: " + list + ")");
            return;
        }
        if (std::find(m.features.begin(), m.features.end(), name) != m.features.end()) {
            r.problem("feature \"" + name + "\" is listed twice");
            return;
        }
        m.features.push_back(name);
    }
}

void readQuantiles(MetaReader& r, ModelRecord& m)
{
    m.quantiles = r.numbers(r.root(), "quantiles", "quantiles");
    if (r.failed())
        return;
    for (std::size_t i = 0; i < m.quantiles.size(); ++i) {
        const double q = m.quantiles[i];
        if (!(q > 0 && q < 1)) {
            r.problem("quantile " + QString::number(q).toStdString() + " is not between 0 and 1");
            return;
        }
        if (i > 0 && !(q > m.quantiles[i - 1])) {
            r.problem("field \"quantiles\" must be strictly increasing");
            return;
        }
    }
    for (double need : kRequiredQuantiles) {
        const bool found = std::any_of(m.quantiles.begin(), m.quantiles.end(),
            [need](double q) { return std::abs(q - need) < 1e-9; });
        if (!found) {
            r.problem("field \"quantiles\" lacks the level " + QString::number(need).toStdString()
                + " (0.025, 0.1, 0.5, 0.9 and 0.975 are needed for the median and the 80 % "
                  "and 95 % bands)");
            return;
        }
    }
}

void readTraining(MetaReader& r, ModelRecord& m)
{
    const QJsonValue v = r.field(r.root(), "training", "training", false);
    if (v.isUndefined() || v.isNull())
        return;
    if (!v.isObject()) {
        r.problem("field \"training\" must be an object");
        return;
    }
    const QJsonObject t = v.toObject();
    for (const char* name : {"first", "last"}) {
        const std::string path = std::string("training.") + name;
        const std::string text = r.string(t, name, path, false);
        if (text.empty())
            continue;
        const auto d = core::Date::fromIso(text);
        if (!d) {
            r.problem("field \"" + path + "\" must be a date YYYY-MM-DD, not \"" + text + "\"");
            return;
        }
        (std::string_view(name) == "first" ? m.trainFirst : m.trainLast) = *d;
    }
    if (m.trainFirst && m.trainLast && *m.trainFirst > *m.trainLast)
        r.problem("field \"training.first\" is after \"training.last\"");
    m.dataHash = r.string(t, "data_hash", "training.data_hash", false);
    m.seed = std::uint64_t(r.integer(t, "seed", "training.seed", false, 0, (1LL << 53), 0));
}
} // namespace

core::Result<ModelRecord> parseModelMeta(const std::string& json, const std::string& metaPath)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &pe);
    if (pe.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadData,
            "model side file is not valid JSON: " + pe.errorString().toStdString() + " at offset "
                + std::to_string(pe.offset),
            metaPath);
    if (!doc.isObject())
        return makeError(ErrorCode::BadData, "model side file must hold one JSON object", metaPath);
    MetaReader r(doc.object(), metaPath);
    for (const QString& key : r.root().keys()) {
        if (!knownTopLevelFields().contains(key))
            r.problem("unknown field \"" + key.toStdString() + "\" (a typo? see docs/models.md)");
    }
    const std::string format = r.string(r.root(), "format", "format", true);
    if (!r.failed() && format != kInterchangeFormat)
        r.problem(
            "field \"format\" is \"" + format + "\", expected \"" + kInterchangeFormat + "\"");
    r.integer(r.root(), "format_version", "format_version", true, 1, kInterchangeVersion);
    ModelRecord m;
    m.origin = "imported";
    m.name = r.string(r.root(), "name", "name", false);
    m.kind = r.string(r.root(), "kind", "kind", false);
    if (m.kind.empty())
        m.kind = "imported";
    m.ticker = r.string(r.root(), "ticker", "ticker", false);
    readFeatures(r, m);
    m.window = int(r.integer(r.root(), "window", "window", true, 1, 100000));
    m.horizon = int(r.integer(r.root(), "horizon", "horizon", true, 1, 10000));
    readQuantiles(r, m);
    if (r.failed())
        return r.error();
    m.featureScaler = r.scaler("feature_scaler", m.features.size(), "features");
    m.targetScaler = r.scaler("target_scaler", std::size_t(m.horizon), "horizons");
    r.checkShape("input", m.window, (long long)m.features.size());
    r.checkShape("output", m.horizon, (long long)m.quantiles.size());
    readTraining(r, m);
    for (const char* name : {"metrics", "hyper_params"}) {
        const QJsonValue v = r.field(r.root(), name, name, false);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            r.problem("field \"" + std::string(name) + "\" must be an object");
    }
    if (r.failed())
        return r.error();
    m.metricsJson = compact(r.root().value(QLatin1String("metrics")));
    if (m.metricsJson.empty())
        m.metricsJson = "{}";
    m.hyperParamsJson = compact(r.root().value(QLatin1String("hyper_params")));
    if (m.hyperParamsJson.empty())
        m.hyperParamsJson = "{}";
    m.historyJson = "[]";
    return m;
}

} // namespace marketlens::models
