#pragma once
// Helpers for the sync and outbox tests: a store in a temp file, the fixed "now" of the sample
// feed, and a transport that always fails (for timeouts, which only transport tests wait for).

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/feed/http_transport.hpp>
#include <lc/store/database.hpp>

namespace lc::testing {

/// 2026-11-30T12:00:00Z, the server date of the sample feed.
inline Instant sampleNow() { return Instant{std::chrono::seconds{1796040000}}; }

/// A store file in a fresh temp directory, removed at scope end.
class TempStore {
public:
    TempStore() {
        std::string pattern = (std::filesystem::temp_directory_path() / "lc-net-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_dir = pattern;
        m_db.emplace(open());
    }
    ~TempStore() {
        m_db.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    store::Database& db() { return *m_db; }
    /// Another connection to the same file (another "process").
    store::Database open() const {
        auto db = store::Database::open(path());
        if (!db) throw std::runtime_error(db.error().describe());
        return std::move(db).value();
    }
    std::string path() const { return m_dir + "/lc.db"; }

private:
    std::string m_dir;
    std::optional<store::Database> m_db;
};

/// The sample feed's items, for serving changed feeds.
inline nlohmann::json sampleItems() {
    std::ifstream in(LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str())["items"];
}

/// A transport whose every call fails with one error.
class FailingTransport final : public feed::HttpTransport {
public:
    explicit FailingTransport(Error e) : m_error(std::move(e)) {}
    Result<feed::HttpResponse> get(const std::string&, const feed::HttpHeaders&) override {
        ++calls;
        return fail(m_error);
    }
    Result<feed::HttpResponse> postJson(const std::string&, const std::string&,
                                        const feed::HttpHeaders&) override {
        ++calls;
        return fail(m_error);
    }
    int calls = 0;

private:
    Error m_error;
};

}  // namespace lc::testing
