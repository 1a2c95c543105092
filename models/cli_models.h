#pragma once
// The model commands of the `marketlens` command line (docs/cli.md), living in models/ because
// they train and run networks. app/main.cpp sends these commands here and the rest to
// core::runCli. Same conventions as core/cli_commands.h (exit codes, --json, errors on stderr).
//   train FILE.mlens --ticker T --model KIND [--horizon H] [--window W] [--epochs N] [--seed S]
//         [--device cpu|cuda] [--json]
//   forecast FILE.mlens --model ID [--json]
//   backtest FILE.mlens --ticker T --model KIND [--folds K] [--sliding] [--json]
//   models FILE.mlens [--json]
//   export-model FILE.mlens ID --out M.pt        (writes M.pt and M.json)
//   import-model FILE.mlens M.pt --meta M.json [--ticker T] [--json]
//   tailrisk FILE.mlens [--portfolio NAME] [--json]
//   sentiment FILE.mlens [--model lexicon|lexicon:vader|ID] [--all] [--no-explain] [--json]
//   train-sentiment FILE.mlens [--model bow|transformer] [--folds K] [--epochs N] [--seed S] [--json]
//   import-model FILE.mlens M.pt --meta M.json --vocab vocab.txt   (a BERT-style sentiment model)
//   signals FILE.mlens --ticker T --model rf|gbm|svm|logit|mlp [--horizon N] [--classes 2|3]
//           [--threshold X] [--cost-bps B] [--slippage-bps B] [--long-short] [--market T]
//           [--folds K] [--no-search] [--no-save] [--explain DATE] [--seed S] [--json]

#include <QString>
#include <QStringList>

class QTextStream;

namespace marketlens::models {

bool isModelCliCommand(const QString& arg);
int runModelCli(const QStringList& args, QTextStream& out, QTextStream& err);

// One function per command (cli_models.cpp, cli_tailrisk.cpp, cli_sentiment.cpp,
// cli_train_sentiment.cpp).
int cmdTailRisk(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdSentiment(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdTrainSentiment(const QStringList& args, QTextStream& out, QTextStream& err);
int cmdSignals(const QStringList& args, QTextStream& out, QTextStream& err); // cli_signals.cpp

} // namespace marketlens::models
