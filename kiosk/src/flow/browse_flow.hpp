#pragma once
// Browse: the circles at this library's venues, soonest first, filtered by language.

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

/// One language filter button.
struct LanguageChip {
    std::string code;   ///< "" for "All"
    std::string label;  ///< "All", "English", "Español"
    bool selected = false;
};

/// What the Browse screen draws.
struct BrowseView {
    std::vector<CircleCard> cards;
    std::vector<LanguageChip> languages;  ///< shown when more than one language is on offer
    std::string emptyMessage;             ///< "" when there are cards
};

/// Show only circles in this language ("" for all).
struct FilterLanguage {
    std::string code;
};
/// Open a circle's details.
struct OpenCircle {
    std::int64_t id = 0;
};
using BrowseIntent = std::variant<FilterLanguage, OpenCircle, GoBack>;

/// The Browse flow. Reads the catalog on refresh() only.
class BrowseFlow {
public:
    BrowseFlow(const CircleCatalog& catalog, const Clock& clock, const Translator& tr,
               const FlowConfig& config);
    /// Reloads the circles from the catalog.
    void refresh();
    /// The cards, soonest first, with the language filter applied.
    BrowseView view() const;
    /// Handles an intent; returns where to go next, if anywhere.
    std::optional<Route> apply(const BrowseIntent& intent);
    /// Forgets the filter.
    void reset();

private:
    const CircleCatalog& m_catalog;
    const Clock& m_clock;
    const Translator& m_tr;
    const FlowConfig& m_config;
    std::vector<CircleEntry> m_entries;
    std::string m_filter;
};

/// Circles served here, soonest upcoming meeting first, ended ones dropped.
std::vector<CircleEntry> circlesHere(std::vector<CircleEntry> all, const FlowConfig& config,
                                     Instant now);

/// The soonest open circle served here of the same course as `me` (not `me` itself), if any.
std::optional<CircleEntry> nextOfSameCourse(const CircleCatalog& catalog, const Circle& me,
                                            const FlowConfig& config, Instant now);

}  // namespace lc::kiosk
