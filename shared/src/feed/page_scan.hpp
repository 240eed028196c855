#pragma once
// Internal to lc_feed: a fast look at a list page's envelope (count and how many items) with
// nlohmann's SAX interface, without building circles. An unchanged feed is recognised by its hash
// and needs no more than this; a changed one is then parsed in full by parseFeedPage.

#include <optional>
#include <string_view>

namespace lc::feed::detail {

/// The envelope of one list page.
struct PageEnvelope {
    long long count = 0;  ///< upstream's `count`
    int items = 0;        ///< elements of `items`, good or bad
};

/// The envelope, or nullopt when the body is not a JSON object with an integer `count` ≥ 0 and an
/// `items` array (the caller then asks parseFeedPage for the precise error).
std::optional<PageEnvelope> scanPage(std::string_view body);

}  // namespace lc::feed::detail
