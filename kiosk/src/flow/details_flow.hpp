#pragma once
// Circle details: everything on the card, the meeting dates, and a QR code of the P2PU page.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/clock.hpp>

#include "circle_card.hpp"
#include "flow_config.hpp"
#include "nav.hpp"
#include "ports.hpp"

namespace lc::kiosk {

/// What the Details screen draws.
struct DetailsView {
    CircleCard card;
    std::string address;
    std::vector<std::string> meetingDates;  ///< upcoming meetings, "Tuesday, December 1, 6:00 PM"
    std::string qrUrl;                      ///< "" when the feed gave no valid https URL
    std::string refusal;                    ///< why signup is not possible, "" when it is
    bool canSignUp = false;
    std::optional<CircleCard> alternative;  ///< when refused: the next circle of the course
    bool found = false;  ///< false when the circle has gone from the store
};

/// Start the signup form for this circle.
struct StartSignup {};
/// Show the next circle of the same course instead.
struct ShowAlternative {};
using DetailsIntent = std::variant<StartSignup, ShowAlternative, GoBack>;

/// The Details flow.
class DetailsFlow {
public:
    DetailsFlow(const CircleCatalog& catalog, const Clock& clock, const Translator& tr,
                const FlowConfig& config);
    /// Shows a circle.
    void open(std::int64_t circleId);
    /// The details of the open circle.
    DetailsView view() const;
    /// Handles an intent; returns where to go next, if anywhere.
    std::optional<Route> apply(const DetailsIntent& intent);
    /// Forgets the circle.
    void reset();

private:
    const CircleCatalog& m_catalog;
    const Clock& m_clock;
    const Translator& m_tr;
    const FlowConfig& m_config;
    std::optional<CircleEntry> m_entry;
};

/// The entry for `id`, or nullopt.
std::optional<CircleEntry> findCircle(const CircleCatalog& catalog, std::int64_t id);

/// Only https:// URLs (feed content is untrusted) of a sane length; "" otherwise.
std::string safeUrl(const std::string& url);

}  // namespace lc::kiosk
