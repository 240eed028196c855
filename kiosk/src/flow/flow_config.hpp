#pragma once
// What the kiosk flows take from the library's configuration, with the defaults of issue #4.

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lc::kiosk {

/// Kiosk behaviour the configuration may change.
struct FlowConfig {
    std::vector<std::string> venues;  ///< venue names this kiosk serves; empty: every circle
    std::map<std::int64_t, std::string> circleRooms;  ///< `circle_rooms`: circle id → room
    std::map<std::string, std::string> venueRooms;    ///< venue name → its `default_room`
    std::chrono::minutes checkinBefore{30};  ///< check-in opens this long before a start
    std::chrono::minutes checkinAfter{30};   ///< and closes this long after it
    std::chrono::seconds idlePrompt{60};     ///< "Still there?" after this long without input
    std::chrono::seconds idleReset{75};      ///< back to Home, everything cleared
    std::chrono::seconds staffRelock{120};   ///< staff mode locks again when idle this long
    int maxSignupsPerWindow = 6;             ///< more than this pauses signup until staff resumes
    std::chrono::minutes signupWindow{10};
    bool allowMobileOnly = false;            ///< "No email? Use your phone number"
    std::string regionCode;                  ///< for national mobile numbers; "" → the venue's
    std::string libraryName;                 ///< `library.name`: the home screen's headline
    std::string dataController;              ///< named in the privacy notice ("" → libraryName)
    std::string privacyNotice;               ///< extra text from config, shown as is
    std::string consentVersion = "1";        ///< stored with each signup
    std::string exportFolder;                ///< where staff's CSV export goes (a USB stick)
};

}  // namespace lc::kiosk
