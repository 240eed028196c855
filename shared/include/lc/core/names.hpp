#pragma once
// Name matching for check-in ("mar" finds "María", "jose" finds "José") and masking for public
// screens ("María G."), with as many surname letters as it takes to tell people apart.

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

}  // namespace lc::names
