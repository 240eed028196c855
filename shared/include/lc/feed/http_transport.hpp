#pragma once
// HTTP behind an interface (shared/README.md, H13): the sync engine and the outbox talk to this; the
// curl implementation lives in curl_transport.hpp and tests may substitute a fake.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::feed {

/// Header lines as (name, value) pairs. Response names are lower-cased; request names as given.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// What the server answered. Any status is a response, not an error: 500 or 404 arrive here.
struct HttpResponse {
    long status = 0;      ///< the final status after redirects
    HttpHeaders headers;  ///< of the final response only, names lower-cased, values trimmed
    std::string body;     ///< decoded (gzip undone), at most the transport's size cap

    /// The first header with this name (any case), or nullopt.
    std::optional<std::string> header(std::string_view name) const;
};

/// Transport error ids. Transport failures are ErrorCode::Network; a malformed URL or a scheme
/// other than http/https is ErrorCode::InvalidInput.
namespace net_error {
inline constexpr const char* kConnect = "[feed.net.1]";    ///< refused, unreachable, DNS, proxy
inline constexpr const char* kTimeout = "[feed.net.2]";    ///< connect or total timeout
inline constexpr const char* kTls = "[feed.net.3]";        ///< TLS handshake or verification
inline constexpr const char* kTooLarge = "[feed.net.4]";   ///< body over the size cap
inline constexpr const char* kRedirects = "[feed.net.5]";  ///< more than the allowed redirects
inline constexpr const char* kTransfer = "[feed.net.6]";   ///< truncated, empty reply, reset...
inline constexpr const char* kBadUrl = "[feed.net.7]";     ///< malformed or unsupported URL
inline constexpr const char* kInternal = "[feed.net.8]";   ///< could not set up the transfer
}  // namespace net_error

/// Sends requests and returns what came back.
/// Thread-safety: implementations must allow concurrent calls from several threads.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;

    /// GET `url` with extra request headers (e.g. If-None-Match).
    virtual Result<HttpResponse> get(const std::string& url, const HttpHeaders& headers) = 0;

    /// POST `json` to `url` as `Content-Type: application/json`.
    virtual Result<HttpResponse> postJson(const std::string& url, const std::string& json,
                                          const HttpHeaders& headers = {}) = 0;
};

}  // namespace lc::feed
