#pragma once
// Shared by the fuzz targets: an invariant that, when broken, aborts so that libFuzzer (or the
// gcc replay driver) reports the input that broke it.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <lc/core/text.hpp>

namespace lc::fuzz {

/// Aborts with `what` when `ok` is false.
inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// Aborts unless `s` is valid UTF-8 with no NUL byte and at most `maxChars` code points.
inline void checkText(std::string_view s, std::size_t maxChars, const char* what) {
    check(lc::text::isValidUtf8(s), what);
    check(s.find('\0') == std::string_view::npos, what);
    check(lc::text::codepointCount(s) <= maxChars, what);
}

}  // namespace lc::fuzz
