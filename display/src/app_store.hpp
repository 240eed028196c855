#pragma once
// The display's DisplaySource over lc_store (read-only use of the repositories).

#include <memory>
#include <string>

#include <lc/store/database.hpp>

#include "flow/display_source.hpp"

namespace lc::display {

/// Reads circles, pending signups and sync state from the store at `path`.
class StoreSource final : public DisplaySource {
public:
    /// Opens the store ([store.open.*] errors).
    static Result<std::unique_ptr<StoreSource>> open(const std::string& path);
    Result<StoreData> load() override;

private:
    explicit StoreSource(lc::store::Database db) : m_db(std::move(db)) {}
    lc::store::Database m_db;
};

}  // namespace lc::display
