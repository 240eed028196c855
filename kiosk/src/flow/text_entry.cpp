#include "text_entry.hpp"

#include <sodium.h>

#include <algorithm>

#include <lc/core/text.hpp>

namespace lc::kiosk {

void typeInto(std::string& value, std::string_view typed, std::size_t maxChars) {
    const std::string clean = text::repairUtf8(typed);
    std::size_t pos = 0;
    std::size_t count = text::codepointCount(value);
    while (pos < clean.size() && count < maxChars) {
        const std::size_t start = pos;
        const char32_t cp = text::nextCodepoint(clean, pos);
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
        value.append(clean, start, pos - start);
        ++count;
    }
}

void backspace(std::string& value) {
    if (value.empty()) return;
    std::size_t i = value.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) --i;
    value.erase(i);
}

void zeroFill(std::string& s) {
    // The whole buffer, spare capacity included (it may hold a longer earlier value), through
    // sodium_memzero: a plain fill before the free may be elided by the optimiser.
    const std::size_t size = s.size();
    s.resize(s.capacity());
    sodium_memzero(s.data(), s.size());
    s.resize(size);
}

void wipe(std::string& s) {
    zeroFill(s);
    s.clear();
    s.shrink_to_fit();
}

}  // namespace lc::kiosk
