// Feeds from the file system: `--feed file:///...`, a plain path, and the bundled demo feed.

#include <lc/feed/feed_parser.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lc::feed {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Result<std::string> percentDecode(std::string_view s, const std::string& url) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const int hi = i + 2 < s.size() ? hexValue(s[i + 1]) : -1;
        const int lo = i + 2 < s.size() ? hexValue(s[i + 2]) : -1;
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            return fail(ErrorCode::InvalidInput, "[feed.file.3]", "bad percent-escape in the file URL '" + url + "'");
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

/// "file:///srv/feed.json" and "file://localhost/srv/feed.json" → "/srv/feed.json"; a plain path
/// is returned as it is.
Result<std::string> pathFromArgument(const std::string& arg) {
    if (!startsWithNoCase(arg, "file://")) return arg;
    std::string_view rest = std::string_view(arg).substr(7);
    if (!rest.empty() && rest.front() != '/') {
        const std::size_t slash = rest.find('/');
        const std::string_view host = rest.substr(0, slash);
        if (slash == std::string_view::npos || host.size() != 9 || !startsWithNoCase(host, "localhost"))
            return fail(ErrorCode::InvalidInput, "[feed.file.3]",
                        "a file URL must name a local absolute path (file:///path): '" + arg + "'");
        rest = rest.substr(slash);
    }
    if (rest.empty())
        return fail(ErrorCode::InvalidInput, "[feed.file.3]", "the file URL '" + arg + "' names no file");
    return percentDecode(rest, arg);
}

Result<std::string> readBounded(const std::string& path) {
    const auto cannotRead = [&](int err) {
        return fail(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, "[feed.file.1]",
                    "cannot read " + path + ": " + std::strerror(err));
    };
    errno = 0;
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) return cannotRead(errno);
    std::string data;
    char buffer[64 * 1024];
    while (true) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
        data.append(buffer, n);
        if (data.size() > kMaxFeedBytes)
            return fail(ErrorCode::Parse, "[feed.file.2]",
                        path + " is larger than " + std::to_string(kMaxFeedBytes / (1024 * 1024)) + " MB");
        if (n < sizeof buffer) break;
    }
    if (std::ferror(file.get())) return cannotRead(errno ? errno : EIO);
    return data;
}

}  // namespace

Result<FeedPage> parseFeedFile(const std::string& pathOrFileUrl) {
    auto path = pathFromArgument(pathOrFileUrl);
    if (!path) return fail(path.error());
    auto body = readBounded(*path);
    if (!body) return fail(body.error());
    auto page = parseFeedPage(*body);
    if (!page) {
        Error e = page.error();
        e.message = *path + ": " + e.message;
        return fail(std::move(e));
    }
    return page;
}

}  // namespace lc::feed
