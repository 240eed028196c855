#include <lc/core/validation.hpp>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <set>

#include <lc/core/names.hpp>
#include <lc/core/text.hpp>

namespace lc::validation {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxLabel = 63;

bool isAsciiAlnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Django's dot-atom character class: [-!#$%&'*+/=?^_`{}|~0-9A-Z], case-insensitive.
bool isAtomChar(unsigned char c) {
    static constexpr std::string_view kSpecials = "-!#$%&'*+/=?^_`{}|~";
    return isAsciiAlnum(c) || kSpecials.find(static_cast<char>(c)) != std::string_view::npos;
}

// Django's quoted-string: [\001-\010\013\014\016-\037!#-\[\]-\177] unescaped...
bool isQuotedChar(unsigned char c) {
    return (c >= 0x01 && c <= 0x08) || c == 0x0B || c == 0x0C || (c >= 0x0E && c <= 0x1F) ||
           c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7F);
}

// ...or a backslash followed by [\001-\011\013\014\016-\177].
bool isEscapableChar(unsigned char c) {
    return (c >= 0x01 && c <= 0x09) || c == 0x0B || c == 0x0C || (c >= 0x0E && c <= 0x7F);
}

bool isDotAtomLocal(std::string_view local) {
    if (local.empty()) return false;
    bool atomEmpty = true;
    for (const char ch : local) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.') {
            if (atomEmpty) return false;
            atomEmpty = true;
        } else if (isAtomChar(c)) {
            atomEmpty = false;
        } else {
            return false;
        }
    }
    return !atomEmpty;
}

bool isQuotedLocal(std::string_view local) {
    if (local.size() < 2 || local.front() != '"' || local.back() != '"') return false;
    const std::string_view inner = local.substr(1, local.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
        const auto c = static_cast<unsigned char>(inner[i]);
        if (c == '\\') {
            // A backslash always starts an escape (it is not in the unescaped class), so the
            // regex cannot backtrack into another reading: this scan is exact.
            if (i + 1 >= inner.size() || !isEscapableChar(static_cast<unsigned char>(inner[i + 1])))
                return false;
            ++i;
        } else if (!isQuotedChar(c)) {
            return false;
        }
    }
    return true;
}

// (?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+ then [A-Z0-9-]{2,63}(?<!-), anchored. The last
// label has no dot, so the labels are exactly the dot-separated parts.
bool isValidDomain(std::string_view domain) {
    const std::size_t lastDot = domain.rfind('.');
    if (lastDot == std::string_view::npos) return false;
    const std::string_view last = domain.substr(lastDot + 1);
    if (last.size() < 2 || last.size() > kMaxLabel || last.back() == '-') return false;
    for (const char c : last) {
        if (!isAsciiAlnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    std::string_view rest = domain.substr(0, lastDot);
    while (true) {
        const std::size_t dot = rest.find('.');
        const std::string_view label = rest.substr(0, dot);
        if (label.empty() || label.size() > kMaxLabel || label.front() == '-' ||
            label.back() == '-')
            return false;
        for (const char c : label) {
            if (!isAsciiAlnum(static_cast<unsigned char>(c)) && c != '-') return false;
        }
        if (dot == std::string_view::npos) return true;
        rest = rest.substr(dot + 1);
    }
}

// The one PhoneNumberUtil, with a logger that discards everything: libphonenumber logs the
// numbers it cannot parse, and numbers are personal data. Built on first use (C++11 guarantees
// a thread-safe initialisation of a function-local static); PhoneNumberUtil is itself a
// process-wide singleton whose const methods are safe from any thread.
const PhoneNumberUtil& phoneUtil() {
    static const PhoneNumberUtil* const util = [] {
        PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
        u->SetLogger(new i18n::phonenumbers::NullLogger());  // takes ownership
        return u;
    }();
    return *util;
}

std::string asciiUpper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

struct CountryRegion {
    std::string_view foldedName;  // as names::fold gives it
    std::string_view region;
};

// Folded country names as the feed spells them (English, and a few local spellings).
constexpr std::array kCountries{
    CountryRegion{"united states of america", "US"}, CountryRegion{"united states", "US"},
    CountryRegion{"usa", "US"}, CountryRegion{"kenya", "KE"}, CountryRegion{"france", "FR"},
    CountryRegion{"tanzania", "TZ"}, CountryRegion{"united republic of tanzania", "TZ"},
    CountryRegion{"tanzania united republic of", "TZ"}, CountryRegion{"uganda", "UG"},
    CountryRegion{"spain", "ES"}, CountryRegion{"espana", "ES"}, CountryRegion{"mexico", "MX"},
    CountryRegion{"canada", "CA"}, CountryRegion{"south africa", "ZA"},
    CountryRegion{"nigeria", "NG"}, CountryRegion{"ghana", "GH"}, CountryRegion{"rwanda", "RW"},
    CountryRegion{"colombia", "CO"}, CountryRegion{"peru", "PE"}, CountryRegion{"germany", "DE"},
    CountryRegion{"deutschland", "DE"}, CountryRegion{"united kingdom", "GB"},
    CountryRegion{"united kingdom of great britain and northern ireland", "GB"},
    CountryRegion{"uk", "GB"}, CountryRegion{"great britain", "GB"},
    CountryRegion{"england", "GB"}, CountryRegion{"scotland", "GB"}, CountryRegion{"wales", "GB"},
    CountryRegion{"northern ireland", "GB"}, CountryRegion{"ireland", "IE"},
    CountryRegion{"brazil", "BR"}, CountryRegion{"brasil", "BR"}, CountryRegion{"argentina", "AR"},
    CountryRegion{"chile", "CL"}, CountryRegion{"ecuador", "EC"}, CountryRegion{"bolivia", "BO"},
    CountryRegion{"guatemala", "GT"}, CountryRegion{"costa rica", "CR"},
    CountryRegion{"puerto rico", "PR"}, CountryRegion{"venezuela", "VE"},
    CountryRegion{"uruguay", "UY"}, CountryRegion{"paraguay", "PY"},
    CountryRegion{"dominican republic", "DO"}, CountryRegion{"el salvador", "SV"},
    CountryRegion{"honduras", "HN"}, CountryRegion{"nicaragua", "NI"},
    CountryRegion{"panama", "PA"}, CountryRegion{"india", "IN"}, CountryRegion{"australia", "AU"},
    CountryRegion{"new zealand", "NZ"}, CountryRegion{"italy", "IT"},
    CountryRegion{"portugal", "PT"}, CountryRegion{"netherlands", "NL"},
    CountryRegion{"belgium", "BE"}, CountryRegion{"switzerland", "CH"},
    CountryRegion{"austria", "AT"}, CountryRegion{"sweden", "SE"}, CountryRegion{"norway", "NO"},
    CountryRegion{"denmark", "DK"}, CountryRegion{"finland", "FI"}, CountryRegion{"poland", "PL"},
    CountryRegion{"greece", "GR"}, CountryRegion{"egypt", "EG"}, CountryRegion{"ethiopia", "ET"},
    CountryRegion{"zambia", "ZM"}, CountryRegion{"zimbabwe", "ZW"}, CountryRegion{"malawi", "MW"},
    CountryRegion{"botswana", "BW"}, CountryRegion{"namibia", "NA"},
    CountryRegion{"mozambique", "MZ"}, CountryRegion{"senegal", "SN"},
    CountryRegion{"cameroon", "CM"}, CountryRegion{"cote divoire", "CI"},
    CountryRegion{"ivory coast", "CI"}, CountryRegion{"morocco", "MA"},
    CountryRegion{"liberia", "LR"}, CountryRegion{"sierra leone", "SL"},
    CountryRegion{"burundi", "BI"}, CountryRegion{"south sudan", "SS"},
    CountryRegion{"somalia", "SO"}, CountryRegion{"democratic republic of the congo", "CD"},
    CountryRegion{"philippines", "PH"}, CountryRegion{"indonesia", "ID"},
    CountryRegion{"pakistan", "PK"}, CountryRegion{"bangladesh", "BD"},
    CountryRegion{"nepal", "NP"}, CountryRegion{"japan", "JP"}, CountryRegion{"china", "CN"},
    CountryRegion{"south korea", "KR"}, CountryRegion{"vietnam", "VN"},
    CountryRegion{"viet nam", "VN"}, CountryRegion{"singapore", "SG"},
    CountryRegion{"malaysia", "MY"}, CountryRegion{"turkey", "TR"}, CountryRegion{"israel", "IL"},
    CountryRegion{"lebanon", "LB"}, CountryRegion{"jordan", "JO"},
};

}  // namespace

bool isValidEmail(std::string_view email) {
    if (email.empty() || email.size() > kMaxEmailBytes) return false;
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    // Django accepts control characters inside a quoted local part; we do not: they would reach
    // terminals, exports and the webhook's receiver.
    if (text::hasControlChars(email)) return false;
    return (isDotAtomLocal(local) || isQuotedLocal(local)) && isValidDomain(domain);
}

Result<std::string> normaliseMobile(std::string_view input, std::string_view regionCode) {
    if (input.size() > kMaxMobileBytes || !text::isValidUtf8(input)) {
        return fail(ErrorCode::InvalidInput, "[validation.mobile.1]",
                    "Please enter a valid phone number.");
    }
    const PhoneNumberUtil& util = phoneUtil();
    std::string region = asciiUpper(regionCode);
    if (region.size() != 2) region = regionForCountry(regionCode);  // "Kenya" works too
    if (region.empty()) region = "ZZ";  // unknown: only +-prefixed numbers parse
    PhoneNumber number;
    if (util.Parse(std::string(input), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return fail(ErrorCode::InvalidInput, "[validation.mobile.1]",
                    "Please enter a valid phone number.");
    }
    if (!util.IsValidNumber(number)) {
        return fail(ErrorCode::InvalidInput, "[validation.mobile.2]",
                    "Please enter a valid phone number.");
    }
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return e164;
}

std::string regionForCountry(std::string_view country) {
    if (country.size() > 128) return {};
    const std::string folded = names::fold(country);
    for (const CountryRegion& entry : kCountries) {
        if (entry.foldedName == folded) return std::string(entry.region);
    }
    // An ISO code typed as such ("KE", "fr"), when libphonenumber knows the region.
    if (folded.size() == 2) {
        const std::string code = asciiUpper(folded);
        std::set<std::string> regions;
        phoneUtil().GetSupportedRegions(&regions);
        if (regions.count(code) != 0) return code;
    }
    return {};
}

std::string nameProblem(std::string_view trimmedName) {
    if (trimmedName.empty()) return "Please enter your name.";
    if (!text::isValidUtf8(trimmedName) || text::hasControlChars(trimmedName))
        return "That name contains characters that are not allowed.";
    if (text::codepointCount(trimmedName) > kMaxNameChars)
        return "That name is too long (128 characters at most).";
    return {};
}

}  // namespace lc::validation
