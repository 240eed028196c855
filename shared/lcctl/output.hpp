#pragma once
// Output helpers shared by lcctl's subcommands.

#include <string>

#include <nlohmann/json.hpp>

#include <lc/core/result.hpp>
#include <lc/store/privacy_repository.hpp>

namespace lc::lcctl {

/// Writes `content` to `path` atomically (temp file + rename) with mode 0600: exports hold
/// personal data.
Result<void> writePrivateFile(const std::string& path, const std::string& content);

/// Everything held about one person, as export-person prints it.
nlohmann::json personJson(const store::PersonExport& data);

}  // namespace lc::lcctl
