#include <lc/feed/feed_url.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace lc::feed {

namespace {

std::string lowerScheme(std::string_view url) {
    const auto colon = url.find("://");
    std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return scheme;
}

std::vector<std::string> splitQuery(std::string_view query) {
    std::vector<std::string> parts;
    while (!query.empty()) {
        const auto amp = query.find('&');
        std::string_view part = query.substr(0, amp);
        if (!part.empty()) parts.emplace_back(part);
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return parts;
}

int positiveInt(std::string_view s) {
    if (s.empty() || s.size() > 9) return 0;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

PagedFeedUrl pagedFeedUrl(const std::string& url, int defaultPageSize) {
    std::string_view rest(url);
    rest = rest.substr(0, rest.find('#'));
    const auto q = rest.find('?');
    PagedFeedUrl out;
    out.pageSize = defaultPageSize;
    out.base = std::string(rest.substr(0, q));
    if (q == std::string_view::npos) return out;
    std::string kept;
    for (const std::string& part : splitQuery(rest.substr(q + 1))) {
        const std::string_view name = std::string_view(part).substr(0, part.find('='));
        if (name == "limit") {
            const auto eq = part.find('=');
            if (int n = eq == std::string::npos ? 0 : positiveInt(std::string_view(part).substr(eq + 1)); n > 0)
                out.pageSize = n;
            continue;
        }
        if (name == "offset") continue;
        kept += (kept.empty() ? "" : "&") + part;
    }
    if (!kept.empty()) out.base += "?" + kept;
    return out;
}

std::string pageUrl(const PagedFeedUrl& paged, int offset) {
    const char sep = paged.base.find('?') == std::string::npos ? '?' : '&';
    return paged.base + sep + "limit=" + std::to_string(paged.pageSize) + "&offset=" + std::to_string(offset);
}

std::string originOf(const std::string& url) {
    const std::string scheme = lowerScheme(url);
    if (scheme != "http" && scheme != "https") return {};
    std::string_view rest = std::string_view(url).substr(scheme.size() + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (rest.empty()) return {};
    return scheme + "://" + std::string(rest);
}

std::string defaultSignupEndpoint(const std::string& feedUrl) {
    const std::string origin = originOf(feedUrl);
    return origin.empty() ? std::string() : origin + "/api/signup/";
}

}  // namespace lc::feed
