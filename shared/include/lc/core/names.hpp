#pragma once
// Name matching for check-in ("mar" finds "María", "jose" finds "José") and masking for public
// screens ("María G."), with as many surname letters as it takes to tell people apart.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lc::names {

/// Case- and accent-folded form of a name (ICU through Boost.Locale): "María José" → "maria jose".
/// Thread-safety: safe from any thread.
std::string fold(std::string_view name);

/// Whether every word of the folded query starts some word of the folded name, in order-free
/// fashion ("gom mar" matches "María Gómez"). An empty query matches nothing.
bool matches(std::string_view foldedName, std::string_view foldedQuery);

/// Masked names for one list: first name plus the first letter of the last word and a dot
/// ("María G."), taking more letters of the surname while two different people look alike.
/// Single-word names stay as they are. Output order follows input order.
std::vector<std::string> maskAll(const std::vector<std::string>& fullNames);

/// The first word of a name ("Welcome, María!").
std::string firstName(std::string_view fullName);

/// A list of names folded once, searched as someone types: matches() on each name, behind a
/// 64-bit signature of word starts that rejects most names with one AND. 100,000 names take
/// about 0.2 ms a keystroke (tests/bench/name_search_bench.cpp).
/// Thread-safety: const methods are safe from any thread; add() and clear() need exclusive access.
class NameIndex {
public:
    /// Folds and adds a name; returns its position (0, 1, 2... in the order added).
    std::size_t add(std::string_view name);
    /// Number of names added.
    std::size_t size() const { return m_masks.size(); }
    /// Forgets every name.
    void clear();
    /// The folded form of the name at `position`.
    std::string_view folded(std::size_t position) const;
    /// Positions of the names matching `query` (folded here), in order, at most `limit`; `out`
    /// is cleared first and reused, so a caller keeping it allocates nothing per keystroke.
    void search(std::string_view query, std::vector<std::uint32_t>& out,
                std::size_t limit = SIZE_MAX) const;

private:
    std::string m_text;                   ///< folded names, back to back
    std::vector<std::uint32_t> m_ends;    ///< end offset of each name in m_text
    std::vector<std::uint64_t> m_masks;   ///< signature of each name's word starts
};

}  // namespace lc::names
