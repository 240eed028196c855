#pragma once
// HttpTransport over libcurl: timeouts, a body cap, TLS verification always on, at most 3
// redirects for a GET (kept on https when it starts there; a POST follows none), gzip, a proxy from the config or the environment, and a User-Agent with our version.

#include <chrono>
#include <cstddef>
#include <string>

#include <lc/core/config.hpp>
#include <lc/feed/http_transport.hpp>

namespace lc::feed {

/// `learning-circle-kiosk/<lc::kVersion>`.
std::string defaultUserAgent();

/// How CurlTransport behaves. Defaults suit a kiosk on library Wi-Fi.
struct CurlOptions {
    std::chrono::milliseconds connectTimeout{10'000};  ///< TCP + TLS handshake
    std::chrono::milliseconds totalTimeout{60'000};    ///< the whole transfer, slow bodies too
    std::size_t maxBodyBytes = 20u * 1024u * 1024u;    ///< the transfer is aborted past this
    std::string caBundle;  ///< a PEM file for libraries that inspect TLS; "" = system CAs
    std::string proxy;     ///< "" = curl's usual environment variables (https_proxy, no_proxy...)
    std::string userAgent = defaultUserAgent();
    long maxRedirects = 3;

    /// The options a config's `feed` section asks for.
    static CurlOptions fromConfig(const FeedConfig& feed);
};

/// curl_global_init / curl_global_cleanup: construct one in main before any thread starts.
class CurlGlobal {
public:
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

/// libcurl, one easy handle per request (CURLOPT_NOSIGNAL, so it is safe in worker threads).
/// Only http and https are allowed. A GET follows redirects (only to https when the URL is https);
/// a POST follows none: its 3xx is returned as the response. Errors carry the ids in net_error,
/// with credentials in URLs redacted.
/// Thread-safety: get() and postJson() may run concurrently from several threads.
class CurlTransport final : public HttpTransport {
public:
    /// A transport with these options.
    explicit CurlTransport(CurlOptions options = {});

    Result<HttpResponse> get(const std::string& url, const HttpHeaders& headers) override;
    Result<HttpResponse> postJson(const std::string& url, const std::string& json,
                                  const HttpHeaders& headers = {}) override;

    /// The options in effect.
    const CurlOptions& options() const { return m_options; }

private:
    Result<HttpResponse> perform(const std::string& url, const std::string* postBody,
                                 const HttpHeaders& headers);

    CurlOptions m_options;
};

}  // namespace lc::feed
