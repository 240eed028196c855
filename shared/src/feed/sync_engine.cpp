#include <lc/feed/sync_engine.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <set>
#include <string_view>

#include <lc/core/text.hpp>
#include <lc/feed/feed_parser.hpp>
#include <lc/feed/feed_url.hpp>
#include <lc/feed/ingest.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "page_scan.hpp"

namespace lc::feed {

namespace {

using std::chrono::seconds;

/// The validators one page came with, keyed by its offset.
struct PageValidators {
    int offset = 0;
    std::string etag;
    std::string lastModified;
};

/// FNV-1a, 64 bits: enough to tell an unchanged feed from a changed one (not a security hash).
class Fnv64 {
public:
    void add(std::string_view s) {
        for (unsigned char c : s) m_h = (m_h ^ c) * 1099511628211ULL;
        m_h = (m_h ^ 0xffU) * 1099511628211ULL;  // separator so "ab"+"c" ≠ "a"+"bc"
    }
    std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_h));
        return buf;
    }

private:
    std::uint64_t m_h = 14695981039346656037ULL;
};

/// What a successful pull leaves for the sync state besides the result.
struct Outcome {
    PullResult result;
    std::vector<PageValidators> validators;
    std::string hash;
    std::optional<seconds> maxAge;
};

/// Filled on failures the server explained (Retry-After on 429/503).
struct FailureInfo {
    std::optional<Instant> retryAfter;
};

/// The context of one HTTP pull.
struct Pull {
    HttpTransport& http;
    store::Database& db;
    const Config& cfg;
    const PullOptions& options;
    Instant now;
    FailureInfo& failure;
    PagedFeedUrl paged;
    Outcome out;
    std::vector<std::string> skipReasons;  ///< the parser's, over every page
};

// The sync state stores one "offset<TAB>value" line per page in etag and lastModified.
std::vector<PageValidators> decodeValidators(const store::SyncState& s) {
    std::vector<PageValidators> pages;
    auto parse = [&pages](const std::string& text, bool etag) {
        std::size_t start = 0;
        while (start < text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            const std::string line = text.substr(start, end - start);
            start = end + 1;
            const auto tab = line.find('\t');
            if (tab == std::string::npos) continue;
            const int offset = std::atoi(line.substr(0, tab).c_str());
            auto it = std::find_if(pages.begin(), pages.end(), [&](auto& p) { return p.offset == offset; });
            if (it == pages.end()) it = pages.insert(pages.end(), PageValidators{offset, {}, {}});
            (etag ? it->etag : it->lastModified) = line.substr(tab + 1);
        }
    };
    parse(s.etag, true);
    parse(s.lastModified, false);
    std::sort(pages.begin(), pages.end(), [](auto& a, auto& b) { return a.offset < b.offset; });
    return pages;
}

void encodeValidators(const std::vector<PageValidators>& pages, store::SyncState& s) {
    s.etag.clear();
    s.lastModified.clear();
    for (const auto& p : pages) {
        if (!p.etag.empty()) s.etag += std::to_string(p.offset) + "\t" + p.etag + "\n";
        if (!p.lastModified.empty()) s.lastModified += std::to_string(p.offset) + "\t" + p.lastModified + "\n";
    }
}

bool hasValidators(const std::vector<PageValidators>& pages) {
    return std::any_of(pages.begin(), pages.end(),
                       [](auto& p) { return !p.etag.empty() || !p.lastModified.empty(); });
}

// What ingest depends on besides the feed: a config change must re-ingest an unchanged feed.
std::string configFingerprint(const Config& cfg, const std::string& url) {
    Fnv64 h;
    h.add(url);
    h.add(cfg.timeZone);
    for (const auto& v : cfg.venues) {
        h.add(v.name);
        h.add(v.city);
        h.add(v.timeZone);
    }
    for (const auto& [city, zone] : cfg.zoneByCity) {
        h.add(city);
        h.add(zone);
    }
    return h.hex();
}

Error statusError(const HttpResponse& r, FailureInfo& failure, Instant now) {
    if (r.status == 429 || r.status == 503)
        if (auto ra = r.header("retry-after")) failure.retryAfter = parseRetryAfter(*ra, now);
    return {ErrorCode::Upstream, sync_error::kHttpStatus,
            "the feed answered HTTP " + std::to_string(r.status) + " instead of 200"};
}

Result<HttpResponse> fetch(Pull& p, int offset, const HttpHeaders& headers) {
    ++p.out.result.requests;
    auto r = p.http.get(pageUrl(p.paged, offset), headers);
    if (!r) return fail(r.error());
    p.out.result.bytes += r->body.size();
    return r;
}

// Asks every remembered page conditionally. True only when every one answered 304.
Result<bool> allPagesNotModified(Pull& p, const std::vector<PageValidators>& pages) {
    for (const auto& page : pages) {
        HttpHeaders headers;
        if (!page.etag.empty()) headers.emplace_back("If-None-Match", page.etag);
        if (!page.lastModified.empty()) headers.emplace_back("If-Modified-Since", page.lastModified);
        if (headers.empty()) return false;
        auto r = fetch(p, page.offset, headers);
        if (!r) return fail(r.error());
        if (r->status == 304) {
            if (!p.out.maxAge)
                if (auto cc = r->header("cache-control")) p.out.maxAge = parseMaxAge(*cc);
            continue;
        }
        if (r->status != 200) return fail(statusError(*r, p.failure, p.now));
        return false;  // changed: the caller re-reads every page, so the snapshot stays coherent
    }
    return true;
}

// One page of the full read: checked, hashed and kept for parsing; returns how many items it held.
Result<int> fetchPage(Pull& p, int offset, long long& count, std::vector<std::string>& bodies, Fnv64& hash) {
    auto r = fetch(p, offset, {});
    if (!r) return fail(r.error());
    if (r->status == 304)
        return fail(ErrorCode::Upstream, sync_error::kProtocol, "the feed answered 304 to an unconditional GET");
    if (r->status != 200) return fail(statusError(*r, p.failure, p.now));
    auto envelope = detail::scanPage(r->body);
    if (!envelope) {
        auto page = parseFeedPage(r->body);  // for its precise error ("looks like HTML", ...)
        if (!page) return fail(page.error());
        envelope = detail::PageEnvelope{page->count, static_cast<int>(page->circles.size()) + page->skipped};
    }
    if (count < 0) count = envelope->count;
    if (envelope->count != count)
        return fail(ErrorCode::Parse, sync_error::kCountChanged,
                    "the feed's count changed while paging (" + std::to_string(count) + " → " +
                        std::to_string(envelope->count) + ")");
    if (p.out.result.bytes > kMaxFeedBytes)
        return fail(ErrorCode::Parse, sync_error::kProtocol, "the feed is larger than 50 MB in all");
    hash.add(r->body);
    p.out.validators.push_back({offset, r->header("etag").value_or(""), r->header("last-modified").value_or("")});
    if (offset == 0)
        if (auto cc = r->header("cache-control")) p.out.maxAge = parseMaxAge(*cc);
    bodies.push_back(std::move(r->body));
    return envelope->items;
}

// Every page, until `count` items arrived. Bodies are parsed only if the feed changed.
Result<std::vector<std::string>> fetchAllPages(Pull& p, Fnv64& hash, long long& count) {
    std::vector<std::string> bodies;
    long long offset = 0;
    for (int page = 0; page < p.options.maxPages; ++page) {
        auto items = fetchPage(p, static_cast<int>(offset), count, bodies, hash);
        if (!items) return fail(items.error());
        offset += *items;
        if (offset >= count || *items == 0) break;
    }
    if (offset != count)
        return fail(ErrorCode::Parse, sync_error::kCountMismatch,
                    "the feed's count is " + std::to_string(count) + " but " + std::to_string(offset) +
                        " items arrived");
    return bodies;
}

Result<std::vector<Circle>> parsePages(Pull& p, const std::vector<std::string>& bodies) {
    std::vector<Circle> circles;
    std::set<std::int64_t> ids;
    for (const auto& body : bodies) {
        auto page = parseFeedPage(body);
        if (!page) return fail(page.error());
        p.out.result.skipped += page->skipped;
        p.skipReasons.insert(p.skipReasons.end(), page->skipReasons.begin(), page->skipReasons.end());
        for (auto& c : page->circles) {
            if (ids.insert(c.id).second) circles.push_back(std::move(c));
            else {  // the same circle on two pages (the feed moved under us)
                ++p.out.result.skipped;
                p.skipReasons.push_back("circle " + std::to_string(c.id) + ": on two pages");
            }
        }
    }
    return circles;
}

Result<int> snapshotSize(store::Database& db) {
    auto all = store::CircleRepository(db).all();
    if (!all) return fail(all.error());
    return static_cast<int>(all->size());
}

Result<Outcome> pullHttp(Pull& p, const store::SyncState& state) {
    auto snapshot = store::CircleRepository(p.db).snapshot();
    if (!snapshot) return fail(snapshot.error());
    const bool canSkip = p.options.conditional && snapshot->has_value() && !state.feedHash.empty();
    const auto remembered = decodeValidators(state);
    if (canSkip && hasValidators(remembered)) {
        auto same = allPagesNotModified(p, remembered);
        if (!same) return fail(same.error());
        if (*same) {
            p.out.validators = remembered;
            p.out.hash = state.feedHash;
            p.out.result.notModified = true;
            auto n = snapshotSize(p.db);
            if (!n) return fail(n.error());
            p.out.result.circles = *n;
            return std::move(p.out);
        }
    }
    Fnv64 hash;
    hash.add(configFingerprint(p.cfg, p.paged.base));
    long long count = -1;
    auto bodies = fetchAllPages(p, hash, count);
    if (!bodies) return fail(bodies.error());
    p.out.hash = hash.hex();
    if (canSkip && p.out.hash == state.feedHash) {
        // Byte-identical pages: the snapshot holds every item but the ones skipped last time.
        p.out.result.notModified = true;
        p.out.result.skipped = (*snapshot)->skipped;
        p.out.result.circles = static_cast<int>(count) - (*snapshot)->skipped;
        return std::move(p.out);
    }
    auto circles = parsePages(p, *bodies);
    if (!circles) return fail(circles.error());
    bodies->clear();
    const int skipped = p.out.result.skipped;
    auto report = ingestCircles(p.db, std::move(*circles), skipped, p.cfg,
                                {p.now, text::redactCredentials(p.options.feedUrl), skipped}, std::move(p.skipReasons));
    if (!report) return fail(report.error());
    p.out.result.circles = report->circles;
    p.out.result.skipped = report->skipped;
    p.out.result.warnings = std::move(report->warnings);
    p.out.result.skipSummary = std::move(report->skipSummary);
    return std::move(p.out);
}

Result<Outcome> pullFile(store::Database& db, const Config& cfg, const std::string& path, Instant now) {
    auto page = parseFeedFile(path);
    if (!page) return fail(page.error());
    auto report = ingestCircles(db, std::move(page->circles), page->skipped, cfg,
                                {now, path, page->skipped}, std::move(page->skipReasons));
    if (!report) return fail(report.error());
    Outcome out;
    out.result.circles = report->circles;
    out.result.skipped = report->skipped;
    out.result.warnings = std::move(report->warnings);
    out.result.skipSummary = std::move(report->skipSummary);
    return out;
}

}  // namespace

Result<PullResult> pullFeed(HttpTransport& http, store::Database& db, const Config& cfg,
                            const Clock& clock, const UniformRandom& random, const PullOptions& options) {
    store::SyncStateRepository repo(db);
    auto state = repo.get();
    if (!state) return fail(state.error());
    const Instant now = clock.now();
    const SyncPolicy policy = SyncPolicy::fromConfig(cfg.feed);
    FailureInfo failure;
    Result<Outcome> outcome = Unexpected{};
    if (isHttpUrl(options.feedUrl)) {
        Pull pull{http, db, cfg, options, now, failure, pagedFeedUrl(options.feedUrl), {}, {}};
        outcome = pullHttp(pull, *state);
    } else {
        outcome = pullFile(db, cfg, options.feedUrl, now);
    }

    store::SyncState next = *state;
    next.lastAttempt = now;
    if (outcome) {
        next.lastSuccess = now;
        next.lastError.clear();
        next.consecutiveFailures = 0;
        next.retryAfter.reset();
        next.nextDueAt = nextDueAfterSuccess(now, outcome->maxAge, policy, random);
        encodeValidators(outcome->validators, next);
        next.feedHash = outcome->hash;
    } else {
        next.lastError = outcome.error().describe();
        next.consecutiveFailures = state->consecutiveFailures + 1;
        next.retryAfter = failure.retryAfter;
        next.nextDueAt = nextDueAfterFailure(now, next.consecutiveFailures, failure.retryAfter, policy, random);
    }
    if (auto w = repo.put(next); !w) return fail(w.error());
    if (!outcome) return fail(outcome.error());
    return std::move(outcome->result);
}

}  // namespace lc::feed
