#pragma once
// Field rules, exactly as upstream P2PU applies them where it applies them (p2pu-api.md §8).

#include <cstddef>
#include <string>
#include <string_view>

#include <lc/core/result.hpp>

namespace lc::validation {

/// Field bounds, shared by every entry point (the UI can cap its inputs with them).
inline constexpr std::size_t kMaxNameChars = 128;     ///< upstream's Application.name
inline constexpr std::size_t kMaxEmailBytes = 254;    ///< upstream's EmailField
inline constexpr std::size_t kMaxMobileBytes = 32;    ///< what a person types, before E.164
inline constexpr std::size_t kMaxAnswerChars = 2000;  ///< goals, support, the circle's question

/// Upstream's email rule (Django's validator as api/schema.py uses it), and at most 254 bytes.
bool isValidEmail(std::string_view email);

/// Normalises a mobile number to E.164 with libphonenumber, reading national numbers in the
/// region `regionCode` ("KE": "0712 345 678" → "+254712345678"; a feed country name such as
/// "Kenya" is read through regionForCountry; "" or unknown: only "+..." numbers). Fails with
/// ErrorCode::InvalidInput, "[validation.mobile.1]" (unparseable, or over 32 bytes) or
/// "[validation.mobile.2]" (not a valid number). libphonenumber's logging is silenced, since it
/// would log numbers. Thread-safety: safe from any thread.
Result<std::string> normaliseMobile(std::string_view input, std::string_view regionCode);

/// ISO 3166 alpha-2 region for a feed country name ("Kenya" → "KE", "United States of America" →
/// "US", "France" → "FR"); "" when unknown.
std::string regionForCountry(std::string_view country);

/// A person's name: trimmed, 1-128 characters, no control characters. The message is the
/// English msgid of the problem, empty when valid.
std::string nameProblem(std::string_view trimmedName);

}  // namespace lc::validation
