#pragma once
// The bundled demo project: real DowJones30 closing prices (R package fBasics), Microsoft OHLCV
// (fBasics msft.dat) and an example portfolio of a few Dow stocks, shipped as CSV files in the
// Qt resources (resources/demo/) and imported into a project on first use.

#include "result.h"

#include <string>

namespace marketlens::core {

// <user data folder>/demo.mlens (QStandardPaths::AppDataLocation; the application name must be set).
std::string demoProjectPath();
// Creates the demo project at demoProjectPath() when missing; returns that path.
Result<std::string> ensureDemoProject();
// Writes a new demo project to `path` (fails when the file exists).
Status writeDemoProject(const std::string& path);

} // namespace marketlens::core
