// Pretrained BERT-style sentiment models (models/bert_sentiment.h, docs/models.md): the side file
// and vocabulary checks of the import, the forward pass through an opaque TorchScript module,
// windows and their aggregation, and explanations by occlusion. Torch exceptions are caught here
// and become core::Error.
#include "models/bert_sentiment.h"

#include "models/bert_detail.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;
using core::SentimentClass;
using core::forecast::ModelRecord;
using core::news::BertTokenizer;
using core::news::BertWindows;
using core::news::StoredScore;
using core::news::WordWeight;

namespace bert_detail {

constexpr int kForwardBatch = 32; // windows per forward pass

core::Result<std::vector<std::vector<float>>> BertRuntime::logits(
    const std::vector<Row>& rows) const
{
    std::vector<std::vector<float>> out(rows.size());
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    // Similar lengths in one batch: less padding to compute.
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return rows[a].size() < rows[b].size(); });
    for (std::size_t start = 0; start < order.size(); start += kForwardBatch) {
        const std::size_t end = std::min(order.size(), start + kForwardBatch);
        std::vector<Row> batch;
        for (std::size_t i = start; i < end; ++i)
            batch.push_back(rows[order[i]]);
        auto r = forward(batch);
        if (!r)
            return r.error();
        for (std::size_t i = start; i < end; ++i)
            out[order[i]] = std::move((*r)[i - start]);
    }
    return out;
}

core::Result<std::vector<std::vector<float>>> BertRuntime::forward(
    const std::vector<Row>& rows) const
{
    std::size_t length = 0;
    for (const Row& r : rows)
        length = std::max(length, r.size());
    if (padToMax)
        length = std::max(length, std::size_t(meta.maxLength));
    const auto n = std::int64_t(rows.size()), len = std::int64_t(length);
    try {
        c10::InferenceMode inference;
        auto ids = torch::full({n, len}, std::int64_t(tokenizer->padId()), torch::kInt64);
        auto mask = torch::zeros({n, len}, torch::kInt64);
        auto* pIds = ids.data_ptr<std::int64_t>();
        auto* pMask = mask.data_ptr<std::int64_t>();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::copy(rows[i].begin(), rows[i].end(), pIds + i * length);
            std::fill(pMask + i * length, pMask + i * length + rows[i].size(), 1);
        }
        std::vector<torch::jit::IValue> inputs {ids, mask};
        if (tokenTypes)
            inputs.emplace_back(torch::zeros({n, len}, torch::kInt64));
        torch::jit::IValue result = const_cast<torch::jit::Module&>(module).forward(inputs);
        if (result.isTuple() && !result.toTupleRef().elements().empty())
            result = result.toTupleRef().elements()[0];
        else if (result.isGenericDict()) {
            auto dict = result.toGenericDict();
            if (!dict.contains(std::string("logits")))
                return makeError(
                    ErrorCode::BadData, "the model returns a dict without a \"logits\" entry");
            result = dict.at(std::string("logits"));
        }
        if (!result.isTensor())
            return makeError(ErrorCode::BadData,
                "the model must return logits (a tensor, a tuple whose first entry is one, or "
                "a dict with \"logits\")");
        const auto y = result.toTensor().to(torch::kCPU, torch::kFloat32).contiguous();
        const auto classes = std::int64_t(meta.labels.size());
        if (y.dim() != 2 || y.size(0) != n || y.size(1) != classes) {
            std::string shape;
            for (std::int64_t d : y.sizes())
                shape += (shape.empty() ? "" : ", ") + std::to_string(d);
            return makeError(ErrorCode::BadData,
                "the model's logits have shape [" + shape + "] for a batch of " + std::to_string(n)
                    + "; expected [" + std::to_string(n) + ", " + std::to_string(classes)
                    + "] (one per entry of \"labels\")");
        }
        std::vector<std::vector<float>> out(rows.size());
        const float* p = y.data_ptr<float>();
        for (std::int64_t i = 0; i < n; ++i) {
            out[std::size_t(i)].assign(p + i * classes, p + (i + 1) * classes);
            for (float v : out[std::size_t(i)]) {
                if (!std::isfinite(v))
                    return makeError(ErrorCode::BadData, "the model's logits are not finite");
            }
        }
        return out;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::BadData, "the model fails to run: " + torchMessage(e));
    }
}

Row rowOf(const core::news::BertEncoding& e)
{
    return Row(e.inputIds.begin(), e.inputIds.begin() + e.tokenCount);
}

std::vector<double> softmax(const std::vector<float>& logits)
{
    std::vector<double> p(logits.size());
    const double top = *std::max_element(logits.begin(), logits.end());
    double sum = 0;
    for (std::size_t i = 0; i < logits.size(); ++i)
        sum += (p[i] = std::exp(double(logits[i]) - top));
    for (double& v : p)
        v /= sum;
    return p;
}

StoredScore toScore(const std::vector<double>& probs, const std::vector<SentimentClass>& labels)
{
    StoredScore s;
    s.probabilities.assign(3, 0.0);
    double best = -1;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        s.probabilities[std::size_t(int(labels[i]) + 1)] = probs[i];
        if (probs[i] > best) {
            best = probs[i];
            s.label = labels[i];
        }
    }
    s.score = std::clamp(s.probabilities[2] - s.probabilities[0], -1.0, 1.0);
    return s;
}

} // namespace bert_detail

using namespace bert_detail;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// ---- the side file ----

const QStringList& knownMetaFields()
{
    static const QStringList fields {QStringLiteral("format"), QStringLiteral("version"),
        QStringLiteral("labels"), QStringLiteral("do_lower_case"), QStringLiteral("strip_accents"),
        QStringLiteral("tokenize_chinese_chars"), QStringLiteral("max_length"),
        QStringLiteral("stride"), QStringLiteral("token_type_ids"), QStringLiteral("name"),
        QStringLiteral("description")};
    return fields;
}

core::Result<BertMeta> parseMeta(const QJsonObject& o, const std::string& file)
{
    auto bad = [&](const std::string& why) { return makeError(ErrorCode::BadData, why, file); };
    auto field = [&](const char* name) { return o.value(QLatin1String(name)); };
    for (const QString& key : o.keys()) {
        if (!knownMetaFields().contains(key))
            return bad("unknown field \"" + key.toStdString() + "\" (a typo? see docs/models.md)");
    }
    if (field("format").toString() != QLatin1String(kSentimentMetaFormat))
        return bad(std::string("field \"format\" must be \"") + kSentimentMetaFormat + "\"");
    if (field("version").toInt(0) != 1 || !field("version").isDouble())
        return bad("field \"version\" must be 1");
    BertMeta m;
    const QJsonValue labels = field("labels");
    if (labels.isUndefined())
        return bad("field \"labels\" is missing (the logits' order, e.g. [\"negative\", "
                   "\"neutral\", \"positive\"])");
    if (!labels.isArray() || labels.toArray().size() < 2 || labels.toArray().size() > 3)
        return bad("field \"labels\" must be an array of 2 or 3 of \"negative\", \"neutral\", "
                   "\"positive\"");
    for (const QJsonValue& v : labels.toArray()) {
        const QString l = v.toString().trimmed().toLower();
        SentimentClass c = SentimentClass::Neutral;
        if (l == QLatin1String("negative"))
            c = SentimentClass::Negative;
        else if (l == QLatin1String("positive"))
            c = SentimentClass::Positive;
        else if (l != QLatin1String("neutral"))
            return bad("field \"labels\": \"" + v.toString().toStdString()
                + "\" is not one of negative, neutral, positive");
        if (std::find(m.labels.begin(), m.labels.end(), c) != m.labels.end())
            return bad("field \"labels\" names \"" + l.toStdString() + "\" twice");
        m.labels.push_back(c);
    }
    if (!field("do_lower_case").isBool())
        return bad("field \"do_lower_case\" must be true or false (as the model was trained)");
    m.tokenizer.doLowerCase = field("do_lower_case").toBool();
    if (field("strip_accents").isBool())
        m.tokenizer.stripAccents = field("strip_accents").toBool();
    else if (!field("strip_accents").isUndefined() && !field("strip_accents").isNull())
        return bad("field \"strip_accents\" must be true, false or null");
    if (!field("tokenize_chinese_chars").isUndefined()) {
        if (!field("tokenize_chinese_chars").isBool())
            return bad("field \"tokenize_chinese_chars\" must be true or false");
        m.tokenizer.tokenizeChineseChars = field("tokenize_chinese_chars").toBool();
    }
    const QJsonValue maxLength = field("max_length");
    if (!maxLength.isDouble() || maxLength.toDouble() != std::floor(maxLength.toDouble())
        || maxLength.toDouble() < 8 || maxLength.toDouble() > 8192)
        return bad("field \"max_length\" must be a whole number from 8 to 8192 (the model's "
                   "longest input in tokens, [CLS] and [SEP] included)");
    m.maxLength = maxLength.toInt();
    const int room = m.maxLength - 2;
    m.stride = std::min(32, room / 4);
    if (const QJsonValue s = field("stride"); !s.isUndefined()) {
        if (!s.isDouble() || s.toDouble() != std::floor(s.toDouble()) || s.toDouble() < 0
            || s.toDouble() >= room)
            return bad("field \"stride\" must be a whole number from 0 to max_length - 3 ("
                + std::to_string(room - 1) + ")");
        m.stride = s.toInt();
    }
    if (const QJsonValue t = field("token_type_ids"); !t.isUndefined()) {
        if (!t.isBool())
            return bad("field \"token_type_ids\" must be true or false");
        m.tokenTypeIds = t.toBool();
    }
    if (const QJsonValue n = field("name"); !n.isUndefined() && !n.isString())
        return bad("field \"name\" must be a string");
    m.name = field("name").toString().trimmed().toStdString();
    return m;
}

// ---- the module ----

// Arguments of forward() besides self.
int forwardArity(torch::jit::Module& module)
{
    return int(module.get_method("forward").function().getSchema().arguments().size()) - 1;
}

core::Result<torch::jit::Module> loadModule(const std::string& bytes, const std::string& what)
{
    auto model = ScriptModel::fromBytes(bytes);
    if (!model) {
        std::string why = model.error().message;
        const std::string prefix = "model bytes: ";
        if (why.rfind(prefix, 0) == 0)
            why = why.substr(prefix.size());
        return makeError(ErrorCode::BadData, why, what);
    }
    return model->impl()->module;
}

// Resolves the inputs forward() takes; an error for an arity that cannot be right.
core::Status resolveInputs(BertRuntime& rt, const std::string& ptPath)
{
    int arity = 0;
    try {
        arity = forwardArity(rt.module);
    } catch (const std::exception& e) {
        return makeError(
            ErrorCode::BadData, "cannot read forward()'s arguments: " + torchMessage(e), ptPath);
    }
    if (arity < 2)
        return makeError(ErrorCode::BadData,
            "forward() takes " + std::to_string(arity)
                + " argument(s); a sentiment model takes (input_ids, attention_mask[, "
                  "token_type_ids])",
            ptPath);
    if (rt.meta.tokenTypeIds && *rt.meta.tokenTypeIds && arity < 3)
        return makeError(ErrorCode::BadData,
            "the side file says \"token_type_ids\": true but forward() takes only 2 arguments",
            ptPath);
    rt.tokenTypes = rt.meta.tokenTypeIds.value_or(arity >= 3);
    return {};
}

struct TextWindows {
    BertWindows windows;
    Row pieces; // the whole text's pieces
    std::vector<std::size_t> rows; // index of each window's row in the batch
};

// ---- the scorer ----

class BertScorer final : public core::news::SentimentScorer {
public:
    BertScorer(BertRuntime runtime, std::string key, std::string name)
        : m_rt(std::move(runtime))
        , m_key(std::move(key))
        , m_name(std::move(name))
    {
    }
    std::string modelKey() const override { return m_key; }
    std::string displayName() const override { return m_name; }
    int preferredBatch() const override { return 16; }

    core::Result<std::vector<StoredScore>> scoreTexts(
        const std::vector<QString>& texts, bool explain) const override
    {
        std::vector<TextWindows> items(texts.size());
        std::vector<Row> rows;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            auto w = m_rt.tokenizer->encodeWindows(texts[t], m_rt.meta.maxLength, m_rt.meta.stride);
            if (!w)
                return w.error();
            items[t].windows = std::move(*w);
            items[t].pieces.resize(std::size_t(items[t].windows.totalPieces));
            for (const auto& e : items[t].windows.windows) {
                std::copy(e.inputIds.begin() + 1, e.inputIds.begin() + 1 + e.pieceCount,
                    items[t].pieces.begin() + e.firstPiece);
                items[t].rows.push_back(rows.size());
                rows.push_back(rowOf(e));
            }
        }
        auto logits = m_rt.logits(rows);
        if (!logits)
            return logits.error();
        std::vector<std::vector<double>> probs(logits->size());
        for (std::size_t i = 0; i < probs.size(); ++i)
            probs[i] = softmax((*logits)[i]);
        std::vector<StoredScore> out;
        for (const TextWindows& item : items) {
            std::vector<std::vector<double>> windowProbs;
            for (std::size_t r : item.rows)
                windowProbs.push_back(probs[r]);
            auto mean = core::news::aggregateWindows(item.windows, windowProbs);
            if (!mean)
                return mean.error();
            out.push_back(toScore(*mean, m_rt.meta.labels));
        }
        if (explain) {
            for (std::size_t t = 0; t < texts.size(); ++t) {
                std::vector<std::vector<double>> windowProbs;
                for (std::size_t r : items[t].rows)
                    windowProbs.push_back(probs[r]);
                auto e = occlusionWeights(
                    m_rt, texts[t], items[t].windows, items[t].pieces, windowProbs, out[t].score);
                if (!e)
                    return e.error();
                out[t].explanation = std::move(*e);
            }
        }
        return out;
    }

private:
    BertRuntime m_rt;
    std::string m_key;
    std::string m_name;
};

// The runtime of a stored record: side file and vocabulary from hyperParamsJson, module from
// the weights.
core::Result<BertRuntime> runtimeOf(const ModelRecord& record)
{
    const std::string what = "model " + std::to_string(record.id) + " (" + record.name + ")";
    if (record.kind != "sentiment_bert")
        return makeError(ErrorCode::BadData,
            what + " is a '" + record.kind
                + "' model, not a BERT-style sentiment model (sentiment_bert)");
    const QJsonObject h
        = QJsonDocument::fromJson(QByteArray::fromStdString(record.hyperParamsJson)).object();
    auto meta = parseMeta(h.value(QLatin1String("meta")).toObject(), what + " side file");
    if (!meta)
        return meta.error();
    BertRuntime rt;
    rt.meta = std::move(*meta);
    auto tok = BertTokenizer::fromVocabData(h.value(QLatin1String("vocab")).toString().toUtf8(),
        qs(what + " vocabulary"), rt.meta.tokenizer);
    if (!tok)
        return tok.error();
    rt.tokenizer = std::move(*tok);
    auto module = loadModule(record.weights, what);
    if (!module)
        return module.error();
    rt.module = std::move(*module);
    rt.tokenTypes = h.value(QLatin1String("token_type_ids")).toBool(true);
    rt.padToMax = h.value(QLatin1String("pad_to_max_length")).toBool(false);
    return rt;
}

// Files are read whole, so their size is checked first (docs/hostile-files.md): a side file
// is a few hundred bytes and a vocabulary about 230 KB; a model file is checked again by
// ScriptModel.
core::Result<QByteArray> readFile(const std::string& path, const char* what)
{
    QFile f(qs(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            std::string("cannot read the ") + what + ": " + f.errorString().toStdString(), path);
    const std::string kind = what;
    const qint64 limit = kind == "model file" ? qint64(2) << 30
        : kind == "vocabulary"                ? qint64(64) << 20
                                              : qint64(16) << 20;
    if (f.size() > limit)
        return makeError(ErrorCode::BadData,
            "the " + kind + " is larger than the limit of " + std::to_string(limit >> 20)
                + " MiB (" + std::to_string(f.size()) + " bytes)",
            path);
    return f.readAll();
}

std::string shapeText(const std::vector<Row>& rows, int length)
{
    return "[" + std::to_string(rows.size()) + ", " + std::to_string(length) + "]";
}

} // namespace

core::Result<ModelRecord> importBertModel(
    const std::string& ptPath, const std::string& metaPath, const std::string& vocabPath)
{
    auto metaBytes = readFile(metaPath, "model side file");
    if (!metaBytes)
        return metaBytes.error();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*metaBytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::BadData,
            "the side file must hold one JSON object"
                + (pe.error != QJsonParseError::NoError ? " (" + pe.errorString().toStdString()
                            + " at offset " + std::to_string(pe.offset) + ")"
                                                        : std::string()),
            metaPath);
    auto meta = parseMeta(doc.object(), metaPath);
    if (!meta)
        return meta.error();
    BertRuntime rt;
    rt.meta = std::move(*meta);

    auto vocabBytes = readFile(vocabPath, "vocabulary");
    if (!vocabBytes)
        return vocabBytes.error();
    auto tok = BertTokenizer::fromVocabData(*vocabBytes, qs(vocabPath), rt.meta.tokenizer);
    if (!tok) {
        core::Error e = tok.error();
        if (e.file.empty())
            e.file = vocabPath;
        return e;
    }
    rt.tokenizer = std::move(*tok);

    auto ptBytes = readFile(ptPath, "model file");
    if (!ptBytes)
        return ptBytes.error();
    ModelRecord m;
    m.weights = ptBytes->toStdString();
    auto module = loadModule(m.weights, ptPath);
    if (!module)
        return module.error();
    rt.module = std::move(*module);
    if (auto s = resolveInputs(rt, ptPath); !s)
        return s.error();

    // A full-length input (checks max_length against the model's positions), then two short
    // texts padded only to the longer (a model traced with a fixed length needs every input
    // padded to max_length: remembered).
    const BertTokenizer& t = *rt.tokenizer;
    Row full(std::size_t(rt.meta.maxLength), t.unkId());
    full.front() = t.clsId();
    full.back() = t.sepId();
    const std::string from
        = " (max_length from " + QFileInfo(qs(metaPath)).fileName().toStdString() + ")";
    if (auto r = rt.forward({full}); !r)
        return makeError(ErrorCode::BadData,
            "the model fails on an input of shape " + shapeText({full}, rt.meta.maxLength) + from
                + ": " + r.error().message,
            ptPath);
    std::vector<Row> shortRows;
    for (const QString& text :
        {QStringLiteral("Shares rose after strong results."), QStringLiteral("Sales fell.")})
        shortRows.push_back(rowOf(*t.encode(text, rt.meta.maxLength)));
    if (auto r = rt.forward(shortRows); !r) {
        if (r.error().message.find("logits have shape") != std::string::npos)
            return makeError(ErrorCode::BadData, r.error().message, ptPath);
        rt.padToMax = true;
        if (auto again = rt.forward(shortRows); !again)
            return makeError(ErrorCode::BadData,
                "the model fails on an input of shape " + shapeText(shortRows, rt.meta.maxLength)
                    + from + ": " + again.error().message,
                ptPath);
    }

    m.name = rt.meta.name.empty() ? QFileInfo(qs(ptPath)).completeBaseName().toStdString()
                                  : rt.meta.name;
    m.kind = "sentiment_bert";
    m.origin = "imported";
    m.window = rt.meta.maxLength; // tokens per window
    m.horizon = 1; // one score per text
    QJsonObject hyper;
    hyper[QStringLiteral("meta")] = doc.object();
    hyper[QStringLiteral("vocab")] = QString::fromUtf8(*vocabBytes);
    hyper[QStringLiteral("token_type_ids")] = rt.tokenTypes;
    hyper[QStringLiteral("pad_to_max_length")] = rt.padToMax;
    m.hyperParamsJson = QJsonDocument(hyper).toJson(QJsonDocument::Compact).toStdString();
    m.metricsJson = "{}";
    m.historyJson = "[]";
    m.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    return m;
}

core::Result<std::unique_ptr<core::news::SentimentScorer>> bertScorer(const ModelRecord& record)
{
    auto rt = runtimeOf(record);
    if (!rt)
        return rt.error();
    std::unique_ptr<core::news::SentimentScorer> scorer = std::make_unique<BertScorer>(
        std::move(*rt), "model:" + std::to_string(record.id), record.name);
    return scorer;
}

core::Result<std::vector<std::vector<float>>> bertLogits(
    const ModelRecord& record, const std::vector<QString>& texts)
{
    auto rt = runtimeOf(record);
    if (!rt)
        return rt.error();
    std::vector<Row> rows;
    for (const QString& text : texts) {
        auto e = rt->tokenizer->encode(text, rt->meta.maxLength);
        if (!e)
            return e.error();
        rows.push_back(rowOf(*e));
    }
    return rt->logits(rows);
}

} // namespace marketlens::models
