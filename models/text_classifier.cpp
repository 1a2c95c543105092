// The LibTorch half of the trainable sentiment classifiers (models/text_classifier.h): the two
// TorchScript modules, the training loop and k-fold cross-validation against the lexicons (the
// stored model as a scorer: text_classifier_scorer.cpp). Every torch exception is converted to
// core::Error here.
//
// Both modules take (ids [B, T] int64, mask [B, T] float, lex [B, 2] float) and return logits
// [B, C]; `lex` holds the market-news and VADER lexicon compounds of the text, which the head
// reads beside the pooled text vector (the trained model starts from what the lexicons know and
// learns the corrections the labelled news teaches). embed() and classify() split forward() so
// explanations can take gradients with respect to the token embeddings.
#include "models/text_classifier.h"
#include "models/text_classifier_torch.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

namespace marketlens::models {

using core::ErrorCode;
using core::makeError;
using core::SentimentClass;
using namespace text_detail;

const char* textModelKindKey(TextModelKind kind)
{
    return kind == TextModelKind::Bow ? "bow" : "transformer";
}

bool parseTextModelKind(const std::string& text, TextModelKind& kind)
{
    if (text == "bow")
        kind = TextModelKind::Bow;
    else if (text == "transformer")
        kind = TextModelKind::Transformer;
    else
        return false;
    return true;
}

std::string CrossValidation::toJson() const
{
    auto fold = [](const FoldMetrics& m) {
        QJsonObject o;
        o[QStringLiteral("accuracy")] = m.accuracy;
        o[QStringLiteral("macroF1")] = m.macroF1;
        o[QStringLiteral("lexiconAccuracy")] = m.lexiconAccuracy;
        o[QStringLiteral("lexiconMacroF1")] = m.lexiconMacroF1;
        o[QStringLiteral("vaderAccuracy")] = m.vaderAccuracy;
        o[QStringLiteral("vaderMacroF1")] = m.vaderMacroF1;
        o[QStringLiteral("testSize")] = qint64(m.testSize);
        return o;
    };
    QJsonObject j;
    j[QStringLiteral("part")] = QStringLiteral("cross-validation");
    j[QStringLiteral("folds")] = folds;
    QJsonArray per;
    for (const FoldMetrics& m : perFold)
        per.append(fold(m));
    j[QStringLiteral("perFold")] = per;
    j[QStringLiteral("mean")] = fold(mean);
    return QJsonDocument(j).toJson(QJsonDocument::Compact).toStdString();
}

namespace text_detail {

Batch makeBatch(const std::vector<const EncodedRow*>& rows, const std::vector<const float*>& lex)
{
    std::size_t width = 1;
    for (const EncodedRow* r : rows)
        width = std::max(width, r->ids.size());
    const auto n = std::int64_t(rows.size()), w = std::int64_t(width);
    Batch b;
    b.ids = torch::zeros({n, w}, torch::kInt64);
    b.mask = torch::zeros({n, w}, torch::kFloat32);
    b.lex = torch::zeros({n, kLexiconFeatures}, torch::kFloat32);
    auto ids = b.ids.accessor<std::int64_t, 2>();
    auto mask = b.mask.accessor<float, 2>();
    auto lx = b.lex.accessor<float, 2>();
    for (std::int64_t i = 0; i < n; ++i) {
        const EncodedRow& r = *rows[std::size_t(i)];
        for (std::size_t j = 0; j < r.ids.size(); ++j) {
            ids[i][std::int64_t(j)] = r.ids[j];
            mask[i][std::int64_t(j)] = 1.f;
        }
        for (int k = 0; k < kLexiconFeatures; ++k)
            lx[i][k] = lex[std::size_t(i)][k];
    }
    return b;
}

std::vector<std::vector<double>> predictTexts(torch::jit::Module& module,
    const std::vector<std::vector<EncodedRow>>& texts, const std::vector<LexiconFeatures>& lex,
    std::size_t classes)
{
    torch::NoGradGuard noGrad;
    module.eval();
    std::vector<const EncodedRow*> rows;
    std::vector<const float*> lexRows;
    std::vector<std::size_t> owner;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        for (const EncodedRow& r : texts[t]) {
            rows.push_back(&r);
            lexRows.push_back(lex[t].values);
            owner.push_back(t);
        }
    }
    std::vector<std::vector<double>> probs(texts.size(), std::vector<double>(classes, 0.0));
    const std::size_t chunk = 256;
    for (std::size_t s = 0; s < rows.size(); s += chunk) {
        const std::size_t e = std::min(rows.size(), s + chunk);
        const Batch b
            = makeBatch({rows.begin() + std::ptrdiff_t(s), rows.begin() + std::ptrdiff_t(e)},
                {lexRows.begin() + std::ptrdiff_t(s), lexRows.begin() + std::ptrdiff_t(e)});
        const auto p = torch::softmax(module.forward({b.ids, b.mask, b.lex}).toTensor(), 1)
                           .to(torch::kFloat64)
                           .contiguous();
        auto acc = p.accessor<double, 2>();
        for (std::size_t i = s; i < e; ++i) {
            const std::size_t t = owner[i];
            for (std::size_t c = 0; c < classes; ++c)
                probs[t][c] += acc[std::int64_t(i - s)][std::int64_t(c)] / double(texts[t].size());
        }
    }
    return probs;
}

int predictedIndex(const std::vector<double>& p)
{
    return int(std::max_element(p.begin(), p.end()) - p.begin());
}

} // namespace text_detail

namespace {

using Clock = std::chrono::steady_clock;

// ---- the TorchScript modules ----

const char* kEmbed = "def embed(self, ids: Tensor) -> Tensor:\n"
                     "    return torch.embedding(self.emb, ids, 0, False, False)\n";
const char* kPool = "    m = mask.unsqueeze(2)\n"
                    "    h = torch.sum(h * m, [1]) / torch.clamp(torch.sum(m, [1]), 1.0)\n";
const char* kHead = "    return torch.linear(torch.cat([h, lex], 1), self.head_w, self.head_b)\n";

// Bow: forward() is the EmbeddingBag (mean, PAD excluded); classify() the same mean written out
// over embed()'s vectors, for explanations.
std::string bowSource()
{
    std::ostringstream s;
    s << kEmbed
      << "def classify(self, e: Tensor, mask: Tensor, lex: Tensor) -> Tensor:\n"
         "    h = e\n"
      << kPool << kHead
      << "def forward(self, ids: Tensor, mask: Tensor, lex: Tensor) -> Tensor:\n"
         "    n = ids.size(0)\n"
         "    t = ids.size(1)\n"
         "    offsets = torch.arange(0, n * t, t, dtype=4, device=ids.device)\n"
         "    bag = torch.embedding_bag(self.emb, ids.reshape([-1]), offsets, False, 1, False, "
         "None, False, 0)\n"
         "    h = bag[0]\n"
      << kHead;
    return s.str();
}

// Transformer: token + learned position embeddings, pre-LN encoder layers with a key padding
// mask (the same layer as models/network.cpp), final LayerNorm, mean over real tokens.
std::string transformerSource(ParamBuilder& p, const TextModelSettings& s)
{
    const std::int64_t d = s.embeddingDim, ff = 4 * d;
    std::ostringstream src;
    src << kEmbed
        << "def classify(self, e: Tensor, mask: Tensor, lex: Tensor) -> Tensor:\n"
           "    b = e.size(0)\n    t = e.size(1)\n"
           "    h = e + self.pos.narrow(0, 0, t)\n"
           "    h = torch.dropout(h, self.dropout, self.training)\n"
           "    bias = ((mask - 1.0) * 1e9).reshape([b, 1, 1, t])\n";
    for (int l = 0; l < s.layers; ++l) {
        const std::string pn = "e" + std::to_string(l) + "_";
        const std::string n = "self." + pn;
        p.layerNorm(pn + "ln1", d);
        p.param(pn + "qkv_w", p.uniform({3 * d, d}, std::sqrt(6.0 / double(4 * d))));
        p.param(pn + "qkv_b", torch::zeros({3 * d}));
        p.linear(pn + "out", d, d);
        p.layerNorm(pn + "ln2", d);
        p.linear(pn + "ff1", d, ff);
        p.linear(pn + "ff2", ff, d);
        src << "    a = torch.layer_norm(h, [self.dim], " << n << "ln1_w, " << n << "ln1_b, 1e-5)\n"
            << "    qkv = torch.linear(a, " << n << "qkv_w, " << n << "qkv_b)\n"
            << "    qkv = qkv.reshape([b, t, 3, self.heads, self.head_dim]).permute([2, 0, 3, 1, "
               "4])\n"
            << "    att = torch.matmul(qkv[0] * self.scale, qkv[1].transpose(-2, -1)) + bias\n"
            << "    att = torch.dropout(torch.softmax(att, -1), self.dropout, self.training)\n"
            << "    a = torch.matmul(att, qkv[2]).transpose(1, 2).reshape([b, t, self.dim])\n"
            << "    a = torch.linear(a, " << n << "out_w, " << n << "out_b)\n"
            << "    h = h + torch.dropout(a, self.dropout, self.training)\n"
            << "    a = torch.layer_norm(h, [self.dim], " << n << "ln2_w, " << n << "ln2_b, 1e-5)\n"
            << "    a = torch.gelu(torch.linear(a, " << n << "ff1_w, " << n << "ff1_b))\n"
            << "    a = torch.dropout(a, self.dropout, self.training)\n"
            << "    a = torch.linear(a, " << n << "ff2_w, " << n << "ff2_b)\n"
            << "    h = h + torch.dropout(a, self.dropout, self.training)\n";
    }
    p.layerNorm("ln", d);
    src << "    h = torch.layer_norm(h, [self.dim], self.ln_w, self.ln_b, 1e-5)\n"
        << kPool << "    h = torch.dropout(h, self.dropout, self.training)\n"
        << kHead
        << "def forward(self, ids: Tensor, mask: Tensor, lex: Tensor) -> Tensor:\n"
           "    return self.classify(self.embed(ids), mask, lex)\n";
    return src.str();
}

constexpr double kLexiconStart = 2.0;

torch::jit::Module buildModule(const TextModelSettings& s, std::uint64_t seed)
{
    const bool bow = s.kind == TextModelKind::Bow;
    torch::jit::Module m(
        bow ? "__torch__.marketlens.SentimentBow" : "__torch__.marketlens.SentimentTransformer");
    m.register_attribute("training", c10::BoolType::get(), true);
    ParamBuilder p(m, seed);
    const std::int64_t d = s.embeddingDim;
    const std::int64_t rows = s.vocabulary.size() + (bow ? s.hashBuckets : 0);
    // fastText's small uniform start for the bag; BERT-like N(0, 0.02)-scale for the encoder.
    auto emb = bow ? p.uniform({rows, d}, 1.0 / double(d)) : p.normal({rows, d}, 0.1);
    emb[kPadId].zero_();
    p.param("emb", emb);
    m.register_attribute("dim", c10::IntType::get(), d);
    std::string source;
    if (bow) {
        source = bowSource();
    } else {
        m.register_attribute("heads", c10::IntType::get(), std::int64_t(s.heads));
        m.register_attribute("head_dim", c10::IntType::get(), d / s.heads);
        m.register_attribute("scale", c10::FloatType::get(), 1.0 / std::sqrt(double(d / s.heads)));
        m.register_attribute("dropout", c10::FloatType::get(), s.dropout);
        p.param("pos", p.normal({s.maxLength, d}, 0.02));
        source = transformerSource(p, s);
    }
    // The head starts as the lexicons' decision (their compounds push towards the class of
    // their sign), so training learns corrections to it rather than rediscovering it.
    const auto classes = std::int64_t(s.classes.size());
    const double bound = 1.0 / std::sqrt(double(d + kLexiconFeatures));
    auto headW = p.uniform({classes, d + kLexiconFeatures}, bound);
    for (std::int64_t c = 0; c < classes; ++c)
        headW[c]
            .narrow(0, d, kLexiconFeatures)
            .fill_(kLexiconStart * int(s.classes[std::size_t(c)]));
    p.param("head_w", headW);
    p.param("head_b", p.uniform({classes}, bound));
    m.define(source);
    return m;
}

// ---- training ----

struct Prepared {
    std::vector<std::vector<WordToken>> tokens;
    std::vector<LexiconFeatures> lex;
    std::vector<int> labels; // index into classes
    std::vector<SentimentClass> classes;
};

struct FitResult {
    torch::jit::Module module;
    TextModelSettings settings;
    QJsonArray history;
};

struct JobProgress {
    const TextProgressFn* fn = nullptr;
    const std::atomic_bool* cancel = nullptr;
    Clock::time_point start = Clock::now(), lastReport = Clock::now();
    int folds = 0;
    long totalEpochs = 1, doneEpochs = 0;
};

int defaultEpochs(TextModelKind kind)
{
    return kind == TextModelKind::Bow ? 10 : 5;
}
double defaultRate(TextModelKind kind)
{
    return kind == TextModelKind::Bow ? 1e-2 : 1e-3;
}

// Linear warm-up over `warmup` steps, then cosine decay to a twentieth (as models/trainer.cpp).
double scheduledRate(double base, std::int64_t step, std::int64_t warmup, std::int64_t total)
{
    if (step < warmup)
        return base * double(step + 1) / double(warmup);
    const double low = base / 20.0;
    const double t = double(step - warmup) / double(std::max<std::int64_t>(1, total - warmup));
    return low + 0.5 * (base - low) * (1.0 + std::cos(std::numbers::pi * std::min(1.0, t)));
}

core::Result<FitResult> fit(const Prepared& data, const std::vector<std::size_t>& rows,
    const TextClassifierOptions& o, int fold, JobProgress& job)
{
    FitResult r;
    TextModelSettings& s = r.settings;
    s.kind = o.kind;
    s.classes = data.classes;
    s.vocabulary = buildVocabulary(data.tokens, rows, o.minWordCount);
    s.embeddingDim = o.embeddingDim;
    s.maxLength = o.maxLength;
    if (o.kind == TextModelKind::Bow) {
        // Table sized to the data (twice the distinct pairs, a power of two, at most
        // hashBuckets): 2^18 rows of 64 floats would be 67 MB for a few thousand pairs.
        const std::size_t want = 2 * distinctBigrams(data.tokens, rows);
        std::size_t buckets = 1024;
        while (buckets < want)
            buckets *= 2;
        s.hashBuckets = int(std::min<std::size_t>(buckets, std::size_t(o.hashBuckets)));
    }
    torch::manual_seed(o.seed); // dropout masks
    r.module = buildModule(s, o.seed);
    r.module.train();

    std::vector<std::vector<EncodedRow>> encoded;
    for (std::size_t i : rows)
        encoded.push_back(encodeText(data.tokens[i], s));
    std::vector<torch::Tensor> params;
    for (const auto& p : r.module.parameters())
        params.push_back(p);
    torch::optim::AdamW optimizer(
        params, torch::optim::AdamWOptions(o.learningRate).weight_decay(o.weightDecay));
    const std::int64_t n = std::int64_t(rows.size()), bs = std::max(1, o.batchSize);
    const std::int64_t batches = (n + bs - 1) / bs, total = batches * o.epochs;
    const std::int64_t warmup = o.kind == TextModelKind::Bow ? 0 : batches;
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 rng(o.seed ^ 0x9E3779B97F4A7C15ULL);
    std::int64_t step = 0;
    auto report = [&](int epoch, double loss, double epochPart) {
        if (!job.fn || !*job.fn)
            return;
        const auto now = Clock::now();
        job.lastReport = now;
        TextTrainProgress p;
        p.fold = fold;
        p.folds = job.folds;
        p.epoch = epoch;
        p.epochs = o.epochs;
        p.loss = loss;
        p.fraction = std::min(1.0, (double(job.doneEpochs) + epochPart) / double(job.totalEpochs));
        const double elapsed = std::chrono::duration<double>(now - job.start).count();
        p.etaSeconds = p.fraction > 0 ? elapsed * (1.0 - p.fraction) / p.fraction : -1;
        (*job.fn)(p);
    };
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[rng() % i]);
        double sum = 0.0;
        for (std::int64_t b = 0; b < batches; ++b) {
            if (job.cancel && job.cancel->load())
                return makeError(ErrorCode::Cancelled, "training cancelled");
            const std::int64_t first = b * bs, m = std::min(bs, n - first);
            std::vector<EncodedRow> batchRows;
            std::vector<const float*> lex;
            std::vector<std::int64_t> labels;
            for (std::int64_t k = first; k < first + m; ++k) {
                const std::size_t local = order[std::size_t(k)];
                EncodedRow row = encoded[local].front(); // the first window
                if (o.kind == TextModelKind::Transformer) {
                    // Word dropout to UNK: the UNK vector learns what unseen words look like.
                    for (auto& id : row.ids)
                        id = (rng() % 10 == 0) ? kUnkId : id;
                }
                batchRows.push_back(std::move(row));
                lex.push_back(data.lex[rows[local]].values);
                labels.push_back(data.labels[rows[local]]);
            }
            std::vector<const EncodedRow*> ptrs;
            for (const EncodedRow& row : batchRows)
                ptrs.push_back(&row);
            const Batch batch = makeBatch(ptrs, lex);
            const double rate = scheduledRate(o.learningRate, step, warmup, total);
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(rate);
            optimizer.zero_grad();
            const auto logits = r.module.forward({batch.ids, batch.mask, batch.lex}).toTensor();
            auto loss = torch::cross_entropy_loss(logits, torch::tensor(labels, torch::kInt64));
            loss.backward();
            torch::nn::utils::clip_grad_norm_(params, 1.0);
            optimizer.step();
            const double value = loss.item<double>();
            if (!std::isfinite(value))
                return makeError(ErrorCode::InvalidArgument, "training diverged (loss not finite)");
            sum += value * double(m);
            ++step;
            const auto now = Clock::now();
            if (now - job.lastReport > std::chrono::milliseconds(100))
                report(epoch, sum / double(first + m), double(b + 1) / double(batches));
        }
        ++job.doneEpochs;
        report(epoch, sum / double(std::max<std::int64_t>(1, n)), 0.0);
        QJsonObject h;
        h[QStringLiteral("epoch")] = epoch;
        h[QStringLiteral("trainLoss")] = sum / double(std::max<std::int64_t>(1, n));
        h[QStringLiteral("seconds")]
            = std::chrono::duration<double>(Clock::now() - epochStart).count();
        r.history.append(h);
    }
    r.module.eval();
    return r;
}

int classIndex(const std::vector<SentimentClass>& classes, SentimentClass c)
{
    const auto it = std::find(classes.begin(), classes.end(), c);
    return it == classes.end() ? -1 : int(it - classes.begin());
}

core::Result<TrainedTextClassifier> train(const std::vector<TextExample>& examples,
    TextClassifierOptions o, int folds, const TextProgressFn& progress,
    const std::atomic_bool* cancel)
{
    const auto start = Clock::now();
    if (o.epochs <= 0)
        o.epochs = defaultEpochs(o.kind);
    if (!(o.learningRate > 0))
        o.learningRate = defaultRate(o.kind);
    if (o.threads > 0)
        at::set_num_threads(o.threads);
    auto lexicons = Lexicons::builtIn();
    if (!lexicons)
        return lexicons.error();

    Prepared data;
    std::set<SentimentClass> present;
    for (const TextExample& e : examples)
        present.insert(e.label);
    data.classes.assign(present.begin(), present.end());
    for (const TextExample& e : examples) {
        data.tokens.push_back(wordTokens(e.text));
        data.lex.push_back(lexicons->features(e.text, false));
        data.labels.push_back(classIndex(data.classes, e.label));
    }

    JobProgress job;
    job.fn = &progress;
    job.cancel = cancel;
    job.start = start;
    job.folds = folds;
    job.totalEpochs = long(folds + 1) * o.epochs;
    TrainedTextClassifier out;
    out.validation.folds = folds;
    const std::vector<int> foldOf
        = folds >= 2 ? stratifiedFolds(data.labels, folds, o.seed) : std::vector<int>();
    for (int f = 0; f < folds; ++f) {
        std::vector<std::size_t> trainRows, testRows;
        for (std::size_t i = 0; i < examples.size(); ++i)
            (foldOf[i] == f ? testRows : trainRows).push_back(i);
        auto fitted = fit(data, trainRows, o, f + 1, job);
        if (!fitted)
            return fitted.error();
        std::vector<std::vector<EncodedRow>> encoded;
        std::vector<LexiconFeatures> lex;
        for (std::size_t i : testRows) {
            encoded.push_back(encodeText(data.tokens[i], fitted->settings));
            lex.push_back(data.lex[i]);
        }
        const auto probs = predictTexts(fitted->module, encoded, lex, data.classes.size());
        std::vector<int> truth, model, market, vader;
        const bool binary = data.classes.size() == 2;
        for (std::size_t k = 0; k < testRows.size(); ++k) {
            truth.push_back(data.labels[testRows[k]]);
            model.push_back(predictedIndex(probs[k]));
            market.push_back(classIndex(data.classes, lexicons->label(lex[k], 0, binary)));
            vader.push_back(classIndex(data.classes, lexicons->label(lex[k], 1, binary)));
        }
        FoldMetrics m;
        const int c = int(data.classes.size());
        classMetrics(truth, model, c, m.accuracy, m.macroF1);
        classMetrics(truth, market, c, m.lexiconAccuracy, m.lexiconMacroF1);
        classMetrics(truth, vader, c, m.vaderAccuracy, m.vaderMacroF1);
        m.testSize = std::int64_t(testRows.size());
        out.validation.perFold.push_back(m);
    }
    if (folds >= 2) {
        FoldMetrics& mean = out.validation.mean;
        for (const FoldMetrics& m : out.validation.perFold) {
            mean.accuracy += m.accuracy / folds;
            mean.macroF1 += m.macroF1 / folds;
            mean.lexiconAccuracy += m.lexiconAccuracy / folds;
            mean.lexiconMacroF1 += m.lexiconMacroF1 / folds;
            mean.vaderAccuracy += m.vaderAccuracy / folds;
            mean.vaderMacroF1 += m.vaderMacroF1 / folds;
            mean.testSize += m.testSize;
        }
    }

    std::vector<std::size_t> all(examples.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    auto final = fit(data, all, o, 0, job);
    if (!final)
        return final.error();
    std::ostringstream bytes;
    final->module.save(bytes);

    core::forecast::ModelRecord& rec = out.record;
    const bool bow = o.kind == TextModelKind::Bow;
    rec.name = std::string(bow ? "Sentiment BoW" : "Sentiment Transformer") + " ("
        + std::to_string(examples.size()) + " labelled)";
    rec.kind = bow ? "sentiment_bow" : "sentiment_transformer";
    rec.origin = "trained";
    rec.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    rec.features = {"text"};
    rec.window = bow ? 1 : final->settings.maxLength; // words per input row (bow: the whole text)
    rec.horizon = 1; // one score per text
    rec.hyperParamsJson = settingsToJson(final->settings, o);
    rec.seed = o.seed;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const TextExample& e : examples) {
        hash.addData(e.text.toUtf8());
        hash.addData(QByteArray(1, char(int(e.label) + 2)));
    }
    rec.dataHash = hash.result().toHex().toStdString();
    rec.metricsJson = out.validation.toJson();
    rec.historyJson = QJsonDocument(final->history).toJson(QJsonDocument::Compact).toStdString();
    rec.device = "cpu";
    rec.weights = bytes.str();
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    rec.trainSeconds = out.seconds;
    return out;
}

} // namespace

core::Result<TrainedTextClassifier> trainTextClassifier(const std::vector<TextExample>& examples,
    const TextClassifierOptions& options, int folds, const TextProgressFn& progress,
    const std::atomic_bool* cancel)
{
    std::set<SentimentClass> classes;
    for (const TextExample& e : examples)
        classes.insert(e.label);
    if (classes.size() < 2)
        return makeError(ErrorCode::InvalidArgument,
            "training needs labelled examples of at least two classes (found "
                + std::to_string(classes.size()) + ")");
    if (folds == 1 || folds < 0)
        return makeError(ErrorCode::InvalidArgument, "cross-validation needs at least 2 folds");
    if (folds >= 2 && examples.size() < std::size_t(2 * folds))
        return makeError(ErrorCode::InvalidArgument,
            "too few labelled examples for " + std::to_string(folds) + " folds (need "
                + std::to_string(2 * folds) + ", have " + std::to_string(examples.size()) + ")");
    if (options.embeddingDim < 1 || options.batchSize < 1 || options.maxLength < 1
        || options.hashBuckets < 1 || options.epochs < 0
        || (options.kind == TextModelKind::Transformer && options.embeddingDim % 4 != 0))
        return makeError(ErrorCode::InvalidArgument,
            "invalid classifier options (sizes must be positive; the Transformer's embedding "
            "size a multiple of its 4 heads)");
    try {
        return train(examples, options, folds, progress, cancel);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidArgument, "training failed: " + torchMessage(e));
    } catch (...) {
        return makeError(ErrorCode::InvalidArgument, "training failed");
    }
}

} // namespace marketlens::models
