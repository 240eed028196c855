#include <lc/feed/curl_transport.hpp>

#include <algorithm>
#include <cctype>
#include <memory>

#include <curl/curl.h>

#include <lc/core/text.hpp>
#include <lc/core/version.hpp>

namespace lc::feed {

namespace {

struct EasyDeleter {
    void operator()(CURL* h) const noexcept { curl_easy_cleanup(h); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

/// What the callbacks fill while a transfer runs.
struct Transfer {
    HttpResponse response;
    std::size_t cap = 0;
    bool overCap = false;
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t->response.body.size() + n > t->cap) {
        t->overCap = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, n);
    return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) {
        t->response.headers.clear();  // a new response (after a redirect or 100-continue)
        return n;
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0)
        t->response.headers.emplace_back(lower(std::string(line.substr(0, colon))),
                                         lc::text::trim(line.substr(colon + 1)));
    return n;
}

Error classify(CURLcode code, const Transfer& t, const std::string& url, const char* detail) {
    const std::string why = (detail && *detail) ? detail : curl_easy_strerror(code);
    const std::string where = " (" + lc::text::redactCredentials(url.substr(0, url.find('?'))) + ")";
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return {ErrorCode::Network, net_error::kConnect, "cannot connect: " + why + where};
    case CURLE_OPERATION_TIMEDOUT:
        return {ErrorCode::Network, net_error::kTimeout, "timed out: " + why + where};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return {ErrorCode::Network, net_error::kTls, "TLS failed: " + why + where};
    case CURLE_FILESIZE_EXCEEDED:
        return {ErrorCode::Network, net_error::kTooLarge, "response larger than the cap" + where};
    case CURLE_WRITE_ERROR:
        if (t.overCap)
            return {ErrorCode::Network, net_error::kTooLarge, "response larger than the cap" + where};
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        return {ErrorCode::Network, net_error::kRedirects, "too many redirects" + where};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return {ErrorCode::InvalidInput, net_error::kBadUrl,
                "not a usable http(s) URL" + (code == CURLE_UNSUPPORTED_PROTOCOL ? " (or a redirect to http from https)" : std::string()) +
                    ": " + lc::text::redactCredentials(why)};
    default:
        break;
    }
    return {ErrorCode::Network, net_error::kTransfer, "transfer failed: " + lc::text::redactCredentials(why) + where};
}

bool startsHttps(const std::string& url) { return lower(url.substr(0, 8)) == "https://"; }

/// Options common to every request; false when curl refused one (it never should).
/// A POST never follows a redirect: its 3xx comes back as the response, and the body (a patron's
/// name, email, mobile) goes nowhere else. A GET follows redirects, staying on https when it
/// started there, and never sends credentials to another host (curl's default).
bool setCommon(CURL* h, const CurlOptions& o, Transfer& t, char* errorBuffer, bool post,
               const std::string& url) {
    bool ok = true;
    auto set = [&](CURLcode rc) { ok = ok && rc == CURLE_OK; };
    set(curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L));
    set(curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer));
    set(curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https"));
    set(curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, startsHttps(url) ? "https" : "http,https"));
    set(curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, post ? 0L : 1L));
    set(curl_easy_setopt(h, CURLOPT_MAXREDIRS, o.maxRedirects));
    set(curl_easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L));
    set(curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connectTimeout.count())));
    set(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.totalTimeout.count())));
    set(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.maxBodyBytes)));
    set(curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""));  // every decoder curl has: gzip...
    set(curl_easy_setopt(h, CURLOPT_USERAGENT, o.userAgent.c_str()));
    set(curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L));  // always; no option turns it off
    set(curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L));
    if (!o.caBundle.empty()) set(curl_easy_setopt(h, CURLOPT_CAINFO, o.caBundle.c_str()));
    if (!o.proxy.empty()) set(curl_easy_setopt(h, CURLOPT_PROXY, o.proxy.c_str()));
    set(curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody));
    set(curl_easy_setopt(h, CURLOPT_WRITEDATA, &t));
    set(curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader));
    set(curl_easy_setopt(h, CURLOPT_HEADERDATA, &t));
    return ok;
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    const std::string wanted = lower(std::string(name));
    for (const auto& [key, value] : headers)
        if (key == wanted) return value;
    return std::nullopt;
}

std::string defaultUserAgent() { return std::string("learning-circle-kiosk/") + lc::kVersion; }

CurlOptions CurlOptions::fromConfig(const FeedConfig& feed) {
    CurlOptions o;
    o.connectTimeout = std::chrono::seconds(std::max(1, feed.connectTimeoutS));
    o.totalTimeout = std::chrono::seconds(std::max(1, feed.totalTimeoutS));
    o.maxBodyBytes = static_cast<std::size_t>(std::max(1, feed.maxBodyMb)) * 1024u * 1024u;
    o.caBundle = feed.caBundle;
    o.proxy = feed.proxy;
    return o;
}

CurlGlobal::CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

CurlTransport::CurlTransport(CurlOptions options) : m_options(std::move(options)) {}

Result<HttpResponse> CurlTransport::get(const std::string& url, const HttpHeaders& headers) {
    return perform(url, nullptr, headers);
}

Result<HttpResponse> CurlTransport::postJson(const std::string& url, const std::string& json,
                                             const HttpHeaders& headers) {
    return perform(url, &json, headers);
}

Result<HttpResponse> CurlTransport::perform(const std::string& url, const std::string* postBody,
                                            const HttpHeaders& headers) {
    EasyPtr handle(curl_easy_init());
    if (!handle) return fail(ErrorCode::Internal, net_error::kInternal, "curl_easy_init failed");
    Transfer t;
    t.cap = m_options.maxBodyBytes;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    CURL* h = handle.get();
    if (!setCommon(h, m_options, t, errorBuffer, postBody != nullptr, url))
        return fail(ErrorCode::Internal, net_error::kInternal, "libcurl refused an option");

    SlistPtr list;
    auto append = [&list](const std::string& line) {
        curl_slist* next = curl_slist_append(list.get(), line.c_str());
        if (next) {
            (void)list.release();  // curl_slist_append returned the (possibly same) head
            list.reset(next);
        }
    };
    append("Accept: application/json");
    if (postBody) append("Content-Type: application/json");
    for (const auto& [name, value] : headers) append(name + ": " + value);

    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list.get());
    if (postBody) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(postBody->size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, postBody->c_str());
    }
    const CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) return fail(classify(rc, t, url, errorBuffer));
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &t.response.status);
    return std::move(t.response);
}

}  // namespace lc::feed
