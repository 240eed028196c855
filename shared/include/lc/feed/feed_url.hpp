#pragma once
// Feed and signup URLs: paging parameters added to the configured list URL (its other filters
// kept), and the signup endpoint derived from the feed's origin.

#include <string>

namespace lc::feed {

/// A list URL ready for paging: everything but `limit`/`offset`, and the page size.
struct PagedFeedUrl {
    std::string base;   ///< the URL without limit, offset and fragment
    int pageSize = 100;  ///< the URL's own `limit` when it had a positive one
};

/// Upstream's default page size when paginating (p2pu-api.md §1).
inline constexpr int kDefaultPageSize = 100;

/// Splits a configured feed URL: a `limit` in it sets the page size, `offset` is dropped, every
/// other parameter (team_id, city, scope...) is kept in its order.
PagedFeedUrl pagedFeedUrl(const std::string& url, int defaultPageSize = kDefaultPageSize);

/// The URL of the page starting at `offset`: base + limit + offset (always both).
std::string pageUrl(const PagedFeedUrl& paged, int offset);

/// "https://host[:port]" of an http(s) URL (userinfo dropped); "" when it is not one.
std::string originOf(const std::string& url);

/// `/api/signup/` on the feed URL's origin; "" when the feed is not an http(s) URL.
std::string defaultSignupEndpoint(const std::string& feedUrl);

}  // namespace lc::feed
