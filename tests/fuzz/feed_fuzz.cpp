// libFuzzer target: the list-feed parser, the one boundary where untrusted feed JSON becomes
// structs. Beyond "no crash", it checks the parser's promises: valid, bounded UTF-8 everywhere,
// ids unique, URLs http(s).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include <lc/feed/feed_parser.hpp>

#include "fuzz_check.hpp"

namespace {

using lc::feed::FeedLimits;
using lc::fuzz::check;
using lc::fuzz::checkText;

void checkCircle(const lc::Circle& c) {
    checkText(c.name, FeedLimits::kName, "name");
    checkText(c.courseTitle, FeedLimits::kCourseTitle, "course title");
    checkText(c.courseProvider, FeedLimits::kProvider, "provider");
    checkText(c.venue.name, FeedLimits::kVenue, "venue");
    checkText(c.venue.address, FeedLimits::kAddress, "address");
    checkText(c.venue.city, FeedLimits::kPlace, "city");
    checkText(c.venue.region, FeedLimits::kPlace, "region");
    checkText(c.venue.country, FeedLimits::kPlace, "country");
    checkText(c.language, FeedLimits::kShort, "language");
    checkText(c.timeZoneAbbrev, FeedLimits::kShort, "time_zone");
    checkText(c.status, FeedLimits::kShort, "status");
    check(c.facilitators.size() <= FeedLimits::kFacilitators, "facilitator count");
    for (const auto& f : c.facilitators) checkText(f, FeedLimits::kFacilitator, "facilitator");
    for (const std::string* u : {&c.url, &c.courseLink})
        check(u->empty() || lc::feed::isHttpUrl(*u), "url is http(s)");
    if (c.imageUrl) check(lc::feed::isHttpUrl(*c.imageUrl), "image url is http(s)");
    if (c.signupQuestion) checkText(*c.signupQuestion, FeedLimits::kQuestion, "question");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    auto page = lc::feed::parseFeedPage(body);
    if (!page) {
        check(!page.error().id.empty(), "error has an id");
        return 0;
    }
    check(page->count >= 0 && page->skipped >= 0, "counts non-negative");
    check(page->skipReasons.size() <= lc::feed::kMaxSkipReasons, "skip reasons bounded");
    for (const auto& r : page->skipReasons) check(lc::text::isValidUtf8(r), "skip reason UTF-8");
    std::unordered_set<std::int64_t> ids;
    for (const auto& c : page->circles) {
        check(ids.insert(c.id).second, "circle ids unique");
        checkCircle(c);
    }
    return 0;
}
