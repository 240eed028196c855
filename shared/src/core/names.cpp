#include <lc/core/names.hpp>

#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

#include <cstring>
#include <locale>
#include <unordered_map>
#include <unordered_set>

#include <lc/core/text.hpp>

namespace lc::names {
namespace {

// The ICU-backed locale used for normalisation and case folding. Built once, on first use: a
// function-local static, whose initialisation C++11 makes thread-safe. A std::locale is
// immutable, and Boost.Locale's ICU converters create their ICU objects per call, so sharing it
// across threads is safe. The backend is chosen on a copy of the global manager, so nothing
// global is changed.
const std::locale& foldLocale() {
    static const std::locale loc = [] {
        boost::locale::localization_backend_manager manager =
            boost::locale::localization_backend_manager::global();
        manager.select("icu");
        boost::locale::generator gen(manager);
        return gen("en_US.UTF-8");
    }();
    return loc;
}

// Nonspacing marks left by NFD: combining diacritics and their extensions, plus the Hebrew and
// Arabic vowel points (folding both sides the same way keeps matching symmetric).
bool isCombiningMark(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x0591 && c <= 0x05C7) ||
           (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x3099 || c == 0x309A;
}

// Characters that join the letters around them when folded: apostrophes ("O'Brien" → "obrien")
// and the Catalan middle dot ("Col·lell").
bool isJoiner(char32_t c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B7 || c == '`';
}

// Characters that separate words: white space, ASCII punctuation and symbols, Latin-1 and
// general punctuation, CJK punctuation, and U+FFFD (where invalid bytes were).
bool isSeparator(char32_t c) {
    if (c < 0x80) {
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
    return text::isSpace(c) || (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
           (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFFFD;
}

// Letters that have no decomposition but that people type without their stroke or ligature.
const char* latinFallback(char32_t c) {
    switch (c) {
        case 0x00F8: return "o";   // ø
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x0142: return "l";   // ł
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // ı
        case 0x0127: return "h";   // ħ
        case 0x00DF: return "ss";  // ß, should case folding leave it
        default: return nullptr;
    }
}

// Appends `word` bytes to `out`, with one space between words.
class WordWriter {
public:
    explicit WordWriter(std::string& out) : m_out(out) {}
    void separator() { m_pendingSpace = !m_out.empty(); }
    void put(std::string_view bytes) {
        if (m_pendingSpace) m_out += ' ';
        m_pendingSpace = false;
        m_out += bytes;
    }
    void put(char32_t c) {
        if (m_pendingSpace) m_out += ' ';
        m_pendingSpace = false;
        text::appendUtf8(m_out, c);
    }

private:
    std::string& m_out;
    bool m_pendingSpace = false;
};

// Most names are ASCII: lower-case them by hand, without ICU.
std::string foldAscii(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    WordWriter writer(out);
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (isJoiner(c)) continue;
        if (isSeparator(c)) {
            writer.separator();
        } else {
            const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
            writer.put(std::string_view(&lower, 1));
        }
    }
    return out;
}

// Drops marks, maps stroked letters, joins on apostrophes and splits on punctuation.
std::string cleanFolded(std::string_view folded) {
    std::string out;
    out.reserve(folded.size());
    WordWriter writer(out);
    for (std::size_t pos = 0; pos < folded.size();) {
        const char32_t c = text::nextCodepoint(folded, pos);
        if (isCombiningMark(c) || isJoiner(c)) continue;
        if (isSeparator(c)) {
            writer.separator();
        } else if (const char* fallback = latinFallback(c)) {
            writer.put(std::string_view(fallback));
        } else {
            writer.put(c);
        }
    }
    return out;
}

bool isAscii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// Whether some word of `name` (words separated by single spaces) starts with `word`.
bool someWordStartsWith(std::string_view name, std::string_view word) {
    const std::size_t n = word.size();
    if (n > name.size()) return false;
    const char first = word.front();
    const char* const data = name.data();
    const std::size_t last = name.size() - n;
    std::size_t pos = 0;
    while (pos <= last) {
        if (data[pos] == first && std::memcmp(data + pos, word.data(), n) == 0) return true;
        const void* space = std::memchr(data + pos, ' ', name.size() - pos);
        if (space == nullptr) return false;
        pos = static_cast<std::size_t>(static_cast<const char*>(space) - data) + 1;
    }
    return false;
}

// Words of a raw (untrimmed, Unicode-spaced) name, as views into it.
std::vector<std::string_view> splitWords(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t start = std::string_view::npos;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t at = pos;
        const bool space = text::isSpace(text::nextCodepoint(s, pos));
        if (space && start != std::string_view::npos) {
            words.push_back(s.substr(start, at - start));
            start = std::string_view::npos;
        } else if (!space && start == std::string_view::npos) {
            start = at;
        }
    }
    if (start != std::string_view::npos) words.push_back(s.substr(start));
    return words;
}

// One entry of maskAll's list.
struct MaskEntry {
    std::string_view first;
    std::string_view surname;    // empty for a single-word name
    std::size_t surnameLetters;  // letters (code points that are not marks) in the surname
    std::size_t shown = 0;       // letters of the surname shown
    std::string folded;          // fold of the whole name: who is "a different person"
};

// The first `letters` letters of `word`, with the marks that follow them.
std::string_view letterPrefix(std::string_view word, std::size_t letters) {
    std::size_t pos = 0;
    std::size_t count = 0;
    while (pos < word.size()) {
        std::size_t next = pos;
        const char32_t c = text::nextCodepoint(word, next);
        if (!isCombiningMark(c)) {
            if (count == letters) break;
            ++count;
        }
        pos = next;
    }
    return word.substr(0, pos);
}

std::size_t letterCount(std::string_view word) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < word.size();) count += !isCombiningMark(text::nextCodepoint(word, pos));
    return count;
}

std::string maskOf(const MaskEntry& e) {
    std::string out(e.first);
    if (e.surname.empty()) return out;
    out += ' ';
    out += letterPrefix(e.surname, e.shown);
    if (e.shown < e.surnameLetters) out += '.';
    return out;
}

// Shows one more surname letter for everyone in a group of look-alike masks that holds more
// than one person. Returns whether anything changed.
bool widenLookAlikes(std::vector<MaskEntry>& entries, const std::vector<std::string>& masks) {
    std::unordered_map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < entries.size(); ++i) groups[fold(masks[i])].push_back(i);
    bool changed = false;
    for (const auto& [key, members] : groups) {
        if (members.size() < 2) continue;
        std::unordered_set<std::string_view> people;
        for (const std::size_t i : members) people.insert(entries[i].folded);
        if (people.size() < 2) continue;
        for (const std::size_t i : members) {
            if (entries[i].shown < entries[i].surnameLetters) {
                ++entries[i].shown;
                changed = true;
            }
        }
    }
    return changed;
}

// A word's bits in a signature: one of 32 for its first byte, one of 32 for its first two bytes.
// ASCII letters get a bit each; other bytes share the rest.
std::uint64_t wordBits(std::string_view word) {
    const auto b0 = static_cast<unsigned char>(word[0]);
    std::uint64_t bits = std::uint64_t{1} << (b0 >= 'a' && b0 <= 'z' ? b0 - 'a' : 26 + b0 % 6);
    if (word.size() > 1) {
        const auto b1 = static_cast<unsigned char>(word[1]);
        bits |= std::uint64_t{1} << (32 + (b0 * 31u + b1) % 32u);
    }
    return bits;
}

// The union of wordBits over the words of a folded text.
std::uint64_t signature(std::string_view folded) {
    std::uint64_t mask = 0;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        if (folded[pos] == ' ') {
            ++pos;
            continue;
        }
        std::size_t end = folded.find(' ', pos);
        if (end == std::string_view::npos) end = folded.size();
        mask |= wordBits(folded.substr(pos, end - pos));
        pos = end;
    }
    return mask;
}

}  // namespace

std::string fold(std::string_view name) {
    std::string valid = text::isValidUtf8(name) ? std::string(name) : text::repairUtf8(name);
    if (isAscii(valid)) return foldAscii(valid);
    try {
        const std::locale& loc = foldLocale();
        const std::string nfd = boost::locale::normalize(valid, boost::locale::norm_nfd, loc);
        // Folding can bring marks back (U+0130 → "i" + U+0307), so marks go after it.
        return cleanFolded(boost::locale::fold_case(nfd, loc));
    } catch (const std::exception&) {
        // ICU unavailable or refusing the text: lower-case the ASCII letters, keep the rest.
        for (char& c : valid) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return cleanFolded(valid);
    }
}

bool matches(std::string_view foldedName, std::string_view foldedQuery) {
    bool anyWord = false;
    std::size_t pos = 0;
    while (pos < foldedQuery.size()) {
        if (foldedQuery[pos] == ' ') {
            ++pos;
            continue;
        }
        std::size_t end = foldedQuery.find(' ', pos);
        if (end == std::string_view::npos) end = foldedQuery.size();
        if (!someWordStartsWith(foldedName, foldedQuery.substr(pos, end - pos))) return false;
        anyWord = true;
        pos = end;
    }
    return anyWord;
}

std::vector<std::string> maskAll(const std::vector<std::string>& fullNames) {
    std::vector<MaskEntry> entries;
    entries.reserve(fullNames.size());
    for (const std::string& name : fullNames) {
        const std::vector<std::string_view> words = splitWords(name);
        MaskEntry e{};
        if (!words.empty()) e.first = words.front();
        if (words.size() > 1) {
            e.surname = words.back();
            e.surnameLetters = letterCount(e.surname);
            e.shown = 1;
        }
        e.folded = fold(name);
        entries.push_back(std::move(e));
    }
    std::vector<std::string> masks(entries.size());
    // Each round shows at least one more letter of some surname, so this ends.
    while (true) {
        for (std::size_t i = 0; i < entries.size(); ++i) masks[i] = maskOf(entries[i]);
        if (!widenLookAlikes(entries, masks)) break;
    }
    return masks;
}

std::string firstName(std::string_view fullName) {
    const std::vector<std::string_view> words = splitWords(fullName);
    return words.empty() ? std::string() : std::string(words.front());
}

std::size_t NameIndex::add(std::string_view name) {
    const std::string f = fold(name);
    m_text += f;
    m_ends.push_back(static_cast<std::uint32_t>(m_text.size()));
    m_masks.push_back(signature(f));
    return m_masks.size() - 1;
}

void NameIndex::clear() {
    m_text.clear();
    m_ends.clear();
    m_masks.clear();
}

std::string_view NameIndex::folded(std::size_t position) const {
    const std::size_t begin = position == 0 ? 0 : m_ends[position - 1];
    return std::string_view(m_text).substr(begin, m_ends[position] - begin);
}

void NameIndex::search(std::string_view query, std::vector<std::uint32_t>& out,
                       std::size_t limit) const {
    out.clear();
    const std::string q = fold(query);
    const std::uint64_t want = signature(q);
    if (want == 0) return;  // an empty query matches nothing
    const std::string_view text(m_text);
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < m_masks.size() && out.size() < limit; ++i) {
        const std::uint32_t end = m_ends[i];
        // Most names lack some query word's start: one AND rejects them.
        if ((m_masks[i] & want) == want && matches(text.substr(begin, end - begin), q)) {
            out.push_back(static_cast<std::uint32_t>(i));
        }
        begin = end;
    }
}

}  // namespace lc::names
