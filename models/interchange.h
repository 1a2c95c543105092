#pragma once
// Model interchange (torch-free header): a forecaster travels as a TorchScript file M.pt plus a
// JSON side file M.json that states its tensor contract (docs/models.md). Export writes both
// from a stored record so that PyTorch's torch.jit.load gives the same outputs; import reads a
// pair made elsewhere (torch.jit.script or torch.jit.trace), validates the side file strictly,
// loads the module and checks that a forward pass on zeros has the promised shape and is
// finite. Every failure is an Error naming the file and what is wrong; nothing throws.

#include "core/forecast/model_store.h"
#include "core/result.h"

#include <string>

namespace marketlens::models {

inline constexpr const char* kInterchangeFormat = "marketlens-forecaster";
inline constexpr int kInterchangeVersion = 1;

// The side file that goes with `ptPath`: "M.pt" -> "M.json" (any other name gets ".json" added).
std::string metaPathFor(const std::string& ptPath);

// The side file's JSON text for a forecaster record (InvalidArgument for a classifier or an
// incomplete record).
core::Result<std::string> modelMetaJson(const core::forecast::ModelRecord& record);

// Writes record.weights to `ptPath` and the side file to metaPathFor(ptPath), each atomically
// (temporary file + rename: a failed export leaves no partial file). Io on a write failure.
core::Status exportModel(const core::forecast::ModelRecord& record, const std::string& ptPath);

// Validates a side file's text and fills the record's contract fields (features, window,
// horizon, quantiles, scalers, training range, hash, seed, metrics, hyper-parameters, name,
// kind, ticker). BadData naming `metaPath` and the field on any missing, ill-typed or
// inconsistent value. No weights are read.
core::Result<core::forecast::ModelRecord> parseModelMeta(
    const std::string& json, const std::string& metaPath);

// Imports a TorchScript forecaster and its side file: a complete record with origin "imported",
// kind from the side file (or "imported"), id 0 (the caller stores it with saveModel).
// Errors: Io (a file cannot be read), BadData (malformed side file or module, a forward pass that
// fails, an output shape other than [batch, horizon, quantiles], a non-finite output).
core::Result<core::forecast::ModelRecord> importModel(
    const std::string& ptPath, const std::string& metaPath);

} // namespace marketlens::models
