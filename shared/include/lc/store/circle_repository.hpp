#pragma once
// The current feed snapshot: every circle of the last successful ingest, replaced as a whole.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/database.hpp>
#include <lc/store/statement_cache.hpp>

namespace lc::store {

/// What is known about the snapshot as a whole.
struct SnapshotMeta {
    Instant fetchedAt{};  ///< when the feed that produced it was fetched
    std::string source;   ///< the feed URL (or "demo", "file://...")
    int skipped = 0;      ///< items the parser skipped as malformed
};

/// Circles of the current snapshot. Thread-safety: as its Database.
class CircleRepository {
  public:
    /// Borrows `db`, which must outlive the repository.
    explicit CircleRepository(Database& db);

    /// Replaces every circle and the snapshot meta in one transaction: all or nothing, so a
    /// failed ingest (e.g. two circles with one id: [store.sql.4]) leaves the previous snapshot.
    Result<void> replaceSnapshot(const std::vector<Circle>& circles, const SnapshotMeta& meta);
    /// Every circle, sorted by id.
    Result<std::vector<Circle>> all();
    /// One circle, or nullopt.
    Result<std::optional<Circle>> byId(std::int64_t id);
    /// The snapshot meta, or nullopt before the first ingest.
    Result<std::optional<SnapshotMeta>> snapshot();

  private:
    StatementCache m_stmts;
};

}  // namespace lc::store
