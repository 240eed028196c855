#pragma once
// The library's configuration: one JSON file. An unknown key or a wrong type is reported with its
// path and the program refuses to start rather than guess (shared/README.md).

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc {

/// A venue this device serves, with what the feed lacks.
struct VenueConfig {
    std::string name;      ///< matched against the feed's `venue`, ignoring case, accents, punctuation and spacing
    std::string city;      ///< optional: disambiguates venues of the same name
    std::string timeZone;  ///< IANA; defaults to the library's
    std::string defaultRoom;
};

/// Opening hours of one weekday as local minutes since midnight; closed when nullopt.
struct OpeningHours {
    TimeOfDay open{};
    TimeOfDay close{};
};

struct FeedConfig {
    std::string url;        ///< P2PU list URL (may carry team_id, city, scope), https or file://
    std::string signupUrl;  ///< default: /api/signup/ on the feed URL's origin
    int refreshMinutes = 15;
    std::string caBundle;
    std::string proxy;
    int connectTimeoutS = 10;
    int totalTimeoutS = 60;
    int maxBodyMb = 20;
};

struct SignupConfig {
    bool allowMobileOnly = false;
    std::string consentVersion = "2026-11-01";
    std::string dataController;  ///< who holds the data, shown in the privacy notice
    int rateLimitPer10Min = 6;
    bool pushFromApps = false;   ///< installed boxes: the lc-sync timer pushes; the demo: the apps
    int retentionDays = 90;
};

struct KioskConfig {
    std::vector<std::string> languages{"en", "fr", "es", "sw"};
    std::string defaultLanguage = "en";
    int idlePromptS = 60;
    int idleResetS = 75;
    int checkinBeforeMin = 30;
    int checkinAfterMin = 30;
    int staffRelockS = 120;
    std::string exportDir;
    bool highContrast = false;
    double textScale = 1.0;
    /// The screen's visible size in millimetres as mounted (portrait: the narrow side is the
    /// width); large text sizes type from it. 0 = not given (a 24-inch 16:9 panel is assumed).
    int screenWidthMm = 0;
    int screenHeightMm = 0;
    /// A USB keypad's keys: action ("up", "down", "left", "right", "enter", "back", "help") →
    /// key name ("KP_8", "F1"); lc_ui checks the names when the kiosk starts.
    std::map<std::string, std::string> keypad;
    /// On-screen keyboard pages besides Latin: "ar" adds an Arabic page.
    std::vector<std::string> keyboardLayouts;
};

struct DisplayConfig {
    std::vector<std::string> languages{"en"};  ///< two alternate (fr/en, sw/en)
    int languageSwitchS = 30;
    int rotationS = 12;
    std::string room;  ///< serve one room only
    int staleAfterH = 24;
    /// Monday first; an all-empty array means "always open".
    std::array<std::optional<OpeningHours>, 7> openingHours{};
    bool hasOpeningHours = false;
    std::string screenOnCommand;
    std::string screenOffCommand;
    bool burnInShift = true;
};

struct WebhookConfig {
    std::string url;
    std::string secret;
};

/// Fleet mode: the devices of a library system share one PostgreSQL (README "Running a fleet").
struct FleetConfig {
    std::string database;      ///< libpq connection string or URI; "" = no fleet
    std::string device;        ///< this device's name, unique in the fleet
    int claimTimeoutMs = 1500; ///< how long a signup waits for its seat before deciding alone
    /// Whether fleet mode is on.
    bool enabled() const { return !database.empty(); }
};

/// Everything a config file can say. Defaults are the demo's.
struct Config {
    std::string libraryName;
    std::string timeZone;  ///< the library's IANA zone
    std::string country;   ///< ISO 3166 alpha-2, for national phone numbers
    std::vector<VenueConfig> venues;            ///< empty: every venue in the store
    std::map<std::int64_t, std::string> circleRooms;
    std::map<std::string, std::string> zoneByCity;  ///< extra city → IANA zone hints
    FeedConfig feed;
    SignupConfig signup;
    KioskConfig kiosk;
    DisplayConfig display;
    WebhookConfig webhook;
    FleetConfig fleet;
    std::string path;  ///< where it was read from; "" for the built-in default
    /// Set by loadConfig when the file holds a secret (webhook.secret) and users other than its
    /// owner and group can read it; the apps log it and `lcctl status` shows it. "" when fine.
    std::string exposureWarning;
};

/// Parses a config from JSON text; errors name the JSON path ("[config.3] kiosk.idle_reset_s:
/// expected an integer").
Result<Config> parseConfig(std::string_view json);

/// Reads and parses a config file, and sets Config::exposureWarning from its mode.
Result<Config> loadConfig(const std::string& path);

/// The venue config that serves this circle, or nullptr.
const VenueConfig* venueFor(const Config& cfg, const Circle& c);

/// The IANA zone for a circle from the config: its venue's zone, a city hint, or the library's;
/// "" when the config says nothing (the caller then guesses, with a warning).
std::string configuredZone(const Config& cfg, const Circle& c);

/// The room name of a circle: by circle id, else its venue's default room, else "".
std::string roomFor(const Config& cfg, const Circle& c);

/// True when this device serves the circle (no venues configured: every circle).
bool servesCircle(const Config& cfg, const Circle& c);

}  // namespace lc
