#include <lc/core/config.hpp>
#include <lc/core/config_check.hpp>

#include <cctype>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <lc/core/schedule.hpp>
#include <lc/core/text.hpp>

namespace lc {
namespace {

using nlohmann::json;

// Walks one JSON object, reading known keys and reporting the first problem with its path.
class ObjectReader {
public:
    ObjectReader(const json& obj, std::string path, std::string& error)
        : m_obj(obj), m_path(std::move(path)), m_error(error) {}

    // Reports keys that were never asked for; call after every read.
    void finish() {
        if (!m_error.empty()) return;
        for (const auto& [key, value] : m_obj.items()) {
            if (!m_known.count(key)) {
                fail(key, "unknown key");
                return;
            }
        }
    }

    void str(const char* key, std::string& out, std::size_t maxChars = 1024) {
        if (const json* v = take(key)) {
            if (!v->is_string()) return fail(key, "expected a string");
            const auto& s = v->get_ref<const std::string&>();
            if (!text::isValidUtf8(s) || text::codepointCount(s) > maxChars)
                return fail(key, "not valid UTF-8 or too long");
            out = s;
        }
    }
    void integer(const char* key, int& out, int min, int max) {
        if (const json* v = take(key)) {
            if (!v->is_number_integer()) return fail(key, "expected an integer");
            const auto n = v->get<long long>();
            if (n < min || n > max)
                return fail(key, "must be between " + std::to_string(min) + " and " +
                                     std::to_string(max));
            out = static_cast<int>(n);
        }
    }
    void number(const char* key, double& out, double min, double max) {
        if (const json* v = take(key)) {
            if (!v->is_number()) return fail(key, "expected a number");
            const double d = v->get<double>();
            if (d < min || d > max) return fail(key, "out of range");
            out = d;
        }
    }
    void boolean(const char* key, bool& out) {
        if (const json* v = take(key)) {
            if (!v->is_boolean()) return fail(key, "expected true or false");
            out = v->get<bool>();
        }
    }
    void strings(const char* key, std::vector<std::string>& out) {
        if (const json* v = take(key)) {
            if (!v->is_array()) return fail(key, "expected an array of strings");
            out.clear();
            for (const auto& e : *v) {
                if (!e.is_string()) return fail(key, "expected an array of strings");
                out.push_back(e.get<std::string>());
            }
        }
    }
    // Returns the member if present and an object; reports a wrong type.
    const json* object(const char* key) {
        const json* v = take(key);
        if (v && !v->is_object()) {
            fail(key, "expected an object");
            return nullptr;
        }
        return v;
    }
    const json* array(const char* key) {
        const json* v = take(key);
        if (v && !v->is_array()) {
            fail(key, "expected an array");
            return nullptr;
        }
        return v;
    }
    std::string pathOf(const std::string& key) const {
        return m_path.empty() ? key : m_path + "." + key;
    }
    void fail(const std::string& key, const std::string& what) {
        if (m_error.empty()) m_error = pathOf(key) + ": " + what;
    }
    bool ok() const { return m_error.empty(); }

private:
    const json* take(const char* key) {
        m_known.insert(key);
        if (!m_error.empty()) return nullptr;
        const auto it = m_obj.find(key);
        return it == m_obj.end() ? nullptr : &*it;
    }

    const json& m_obj;
    std::string m_path;
    std::string& m_error;
    std::set<std::string> m_known;
};

bool parseHhMm(const std::string& s, TimeOfDay& out) {
    if (s.size() != 5 || s[2] != ':') return false;
    for (int i : {0, 1, 3, 4})
        if (s[i] < '0' || s[i] > '9') return false;
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
    out = TimeOfDay{h * 60 + m};
    return true;
}

void checkZone(ObjectReader& r, const char* key, const std::string& zone) {
    if (!zone.empty() && !schedule::isKnownZone(zone)) r.fail(key, "unknown IANA time zone '" + zone + "'");
}

void readLibrary(ObjectReader& top, Config& cfg, std::string& err) {
    const json* lib = top.object("library");
    if (!lib) return;
    ObjectReader r(*lib, "library", err);
    r.str("name", cfg.libraryName, 256);
    r.str("time_zone", cfg.timeZone, 64);
    r.str("country", cfg.country, 2);
    r.str("data_controller", cfg.signup.dataController, 1024);
    checkZone(r, "time_zone", cfg.timeZone);
    r.finish();
}

void readVenues(ObjectReader& top, Config& cfg, std::string& err) {
    const json* venues = top.array("venues");
    if (!venues) return;
    for (std::size_t i = 0; i < venues->size() && err.empty(); ++i) {
        const std::string path = "venues[" + std::to_string(i) + "]";
        if (!(*venues)[i].is_object()) {
            err = path + ": expected an object";
            return;
        }
        VenueConfig v;
        ObjectReader r((*venues)[i], path, err);
        r.str("name", v.name, 256);
        r.str("city", v.city, 128);
        r.str("time_zone", v.timeZone, 64);
        r.str("default_room", v.defaultRoom, 128);
        checkZone(r, "time_zone", v.timeZone);
        if (r.ok() && text::trim(v.name).empty()) r.fail("name", "required");
        r.finish();
        cfg.venues.push_back(std::move(v));
    }
}

void readMaps(ObjectReader& top, Config& cfg, std::string& err) {
    if (const json* rooms = top.object("circle_rooms")) {
        for (const auto& [key, value] : rooms->items()) {
            char* end = nullptr;
            const long long id = std::strtoll(key.c_str(), &end, 10);
            if (key.empty() || *end != '\0' || id <= 0) {
                err = "circle_rooms." + key + ": key must be a circle id";
                return;
            }
            if (!value.is_string()) {
                err = "circle_rooms." + key + ": expected a string";
                return;
            }
            cfg.circleRooms[id] = value.get<std::string>();
        }
    }
    if (const json* zones = top.object("time_zones")) {
        for (const auto& [key, value] : zones->items()) {
            if (!value.is_string() || !schedule::isKnownZone(value.get<std::string>())) {
                err = "time_zones." + key + ": expected an IANA time zone name";
                return;
            }
            cfg.zoneByCity[key] = value.get<std::string>();
        }
    }
}

void readFeed(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("feed");
    if (!o) return;
    ObjectReader r(*o, "feed", err);
    r.str("url", cfg.feed.url, 2048);
    r.str("signup_url", cfg.feed.signupUrl, 2048);
    r.integer("refresh_minutes", cfg.feed.refreshMinutes, 1, 24 * 60);
    r.str("ca_bundle", cfg.feed.caBundle, 1024);
    r.str("proxy", cfg.feed.proxy, 1024);
    r.integer("connect_timeout_s", cfg.feed.connectTimeoutS, 1, 300);
    r.integer("total_timeout_s", cfg.feed.totalTimeoutS, 1, 3600);
    r.integer("max_body_mb", cfg.feed.maxBodyMb, 1, 500);
    r.finish();
}

void readSignup(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("signup");
    if (!o) return;
    ObjectReader r(*o, "signup", err);
    r.boolean("allow_mobile_only", cfg.signup.allowMobileOnly);
    r.str("consent_version", cfg.signup.consentVersion, 64);
    r.integer("rate_limit_per_10min", cfg.signup.rateLimitPer10Min, 1, 1000);
    r.boolean("push_from_apps", cfg.signup.pushFromApps);
    r.integer("retention_days", cfg.signup.retentionDays, 1, 3650);
    r.finish();
}

void readKiosk(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("kiosk");
    if (!o) return;
    KioskConfig& k = cfg.kiosk;
    ObjectReader r(*o, "kiosk", err);
    r.strings("languages", k.languages);
    r.str("default_language", k.defaultLanguage, 8);
    r.integer("idle_prompt_s", k.idlePromptS, 10, 3600);
    r.integer("idle_reset_s", k.idleResetS, 15, 3600);
    r.integer("checkin_before_min", k.checkinBeforeMin, 0, 240);
    r.integer("checkin_after_min", k.checkinAfterMin, 0, 240);
    r.integer("staff_relock_s", k.staffRelockS, 15, 3600);
    r.str("export_dir", k.exportDir, 1024);
    r.boolean("high_contrast", k.highContrast);
    r.number("text_scale", k.textScale, 0.5, 3.0);
    r.integer("screen_width_mm", k.screenWidthMm, 50, 5000);
    r.integer("screen_height_mm", k.screenHeightMm, 50, 5000);
    r.strings("keyboard_layouts", k.keyboardLayouts);
    for (const auto& layout : k.keyboardLayouts)
        if (layout != "ar") r.fail("keyboard_layouts", "unknown layout '" + layout + "' (known: ar)");
    if (const json* keypad = r.object("keypad")) {
        static const std::set<std::string> kActions{"up", "down", "left", "right", "enter", "back", "help"};
        for (const auto& [action, key] : keypad->items()) {
            if (!kActions.count(action)) {
                r.fail("keypad." + action, "unknown action (up, down, left, right, enter, back, help)");
                break;
            }
            if (!key.is_string() || key.get_ref<const std::string&>().empty() || key.get_ref<const std::string&>().size() > 16) {
                r.fail("keypad." + action, "expected a key name such as \"KP_8\" or \"F1\"");
                break;
            }
            k.keypad[action] = key.get<std::string>();
        }
    }
    if (r.ok() && k.idleResetS <= k.idlePromptS)
        r.fail("idle_reset_s", "must be greater than idle_prompt_s");
    r.finish();
}

void readOpeningHours(const json& o, DisplayConfig& d, std::string& err) {
    static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    ObjectReader r(o, "display.opening_hours", err);
    for (int i = 0; i < 7 && r.ok(); ++i) {
        const json* day = r.array(kDays[i]);
        if (!day) continue;
        OpeningHours h;
        if (day->empty()) continue;  // [] = closed all day
        if (day->size() != 2 || !(*day)[0].is_string() || !(*day)[1].is_string() ||
            !parseHhMm((*day)[0].get<std::string>(), h.open) ||
            !parseHhMm((*day)[1].get<std::string>(), h.close) || h.close <= h.open) {
            r.fail(kDays[i], "expected [\"HH:MM\", \"HH:MM\"] with opening before closing, or []");
            continue;
        }
        d.openingHours[i] = h;
    }
    r.finish();
    d.hasOpeningHours = true;
}

void readDisplay(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("display");
    if (!o) return;
    DisplayConfig& d = cfg.display;
    ObjectReader r(*o, "display", err);
    r.strings("languages", d.languages);
    r.integer("language_switch_s", d.languageSwitchS, 5, 3600);
    r.integer("rotation_s", d.rotationS, 3, 3600);
    r.str("room", d.room, 128);
    r.integer("stale_after_h", d.staleAfterH, 1, 24 * 30);
    r.str("screen_on_command", d.screenOnCommand, 1024);
    r.str("screen_off_command", d.screenOffCommand, 1024);
    r.boolean("burn_in_shift", d.burnInShift);
    if (const json* hours = r.object("opening_hours")) readOpeningHours(*hours, d, err);
    r.finish();
}

// https, or http to this machine only (a test receiver): personal data never crosses a network in
// clear text.
bool isSafeWebhookUrl(const std::string& url) {
    std::string lower = url;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower.rfind("https://", 0) == 0) return lower.size() > 8;
    for (const char* loopback : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        const std::string prefix = loopback;
        if (lower.rfind(prefix, 0) == 0 &&
            (lower.size() == prefix.size() || lower[prefix.size()] == ':' || lower[prefix.size()] == '/'))
            return true;
    }
    return false;
}

void readWebhook(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("webhook");
    if (!o) return;
    ObjectReader r(*o, "webhook", err);
    r.str("url", cfg.webhook.url, 2048);
    r.str("secret", cfg.webhook.secret, 256);
    if (r.ok() && !cfg.webhook.url.empty() && !isSafeWebhookUrl(cfg.webhook.url))
        r.fail("url", "must be an https:// URL (http:// only to 127.0.0.1, localhost or [::1])");
    if (r.ok() && !cfg.webhook.url.empty() && cfg.webhook.secret.size() < 16)
        r.fail("secret", "needs at least 16 characters when webhook.url is set");
    r.finish();
}

bool isDeviceName(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
    return true;
}

void readFleet(ObjectReader& top, Config& cfg, std::string& err) {
    const json* o = top.object("fleet");
    if (!o) return;
    ObjectReader r(*o, "fleet", err);
    r.str("database", cfg.fleet.database, 2048);
    r.str("device", cfg.fleet.device, 64);
    r.integer("claim_timeout_ms", cfg.fleet.claimTimeoutMs, 100, 30000);
    if (r.ok() && cfg.fleet.database.empty()) r.fail("database", "needs a libpq connection string or URI");
    if (r.ok() && !isDeviceName(cfg.fleet.device))
        r.fail("device", "needs a unique name of 1 to 64 letters, digits, '-', '_' or '.'");
    r.finish();
    if (err.empty() && cfg.libraryName.empty())
        err = "fleet: needs library.name, the name the devices of one library share";
}

bool checkLanguages(const std::vector<std::string>& langs, const std::string& path, std::string& err) {
    static const std::set<std::string> kKnown{"en", "fr", "es", "sw"};
    for (const auto& l : langs) {
        if (!kKnown.count(l)) {
            err = path + ": unsupported language '" + text::truncateChars(l, 16) +
                  "' (en, fr, es or sw)";
            return false;
        }
    }
    if (langs.empty()) err = path + ": needs at least one language";
    return !langs.empty();
}

}  // namespace

Result<Config> parseConfig(std::string_view text) {
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) return fail(ErrorCode::Parse, "[config.1]", "not valid JSON");
    if (!doc.is_object()) return fail(ErrorCode::Parse, "[config.2]", "expected a JSON object at the top");
    Config cfg;
    std::string err;
    ObjectReader top(doc, "", err);
    readLibrary(top, cfg, err);
    readVenues(top, cfg, err);
    readMaps(top, cfg, err);
    readFeed(top, cfg, err);
    readSignup(top, cfg, err);
    readKiosk(top, cfg, err);
    readDisplay(top, cfg, err);
    readWebhook(top, cfg, err);
    readFleet(top, cfg, err);
    top.finish();
    if (err.empty()) checkLanguages(cfg.kiosk.languages, "kiosk.languages", err);
    if (err.empty()) checkLanguages(cfg.display.languages, "display.languages", err);
    if (err.empty() && cfg.display.languages.size() > 2)
        err = "display.languages: one language, or two that alternate";
    if (err.empty() && !checkLanguages({cfg.kiosk.defaultLanguage}, "kiosk.default_language", err)) {
    }
    if (!err.empty()) return fail(ErrorCode::InvalidInput, "[config.3]", err);
    for (auto& v : cfg.venues)
        if (v.timeZone.empty()) v.timeZone = cfg.timeZone;
    return cfg;
}


const VenueConfig* venueFor(const Config& cfg, const Circle& c) {
    for (const auto& v : cfg.venues) {
        if (venueKey(v.name) == venueKey(c.venue.name) &&
            (v.city.empty() || venueKey(v.city) == venueKey(c.venue.city)))
            return &v;
    }
    return nullptr;
}

std::string configuredZone(const Config& cfg, const Circle& c) {
    if (const VenueConfig* v = venueFor(cfg, c); v && !v->timeZone.empty()) return v->timeZone;
    if (auto it = cfg.zoneByCity.find(c.venue.city); it != cfg.zoneByCity.end()) return it->second;
    if (auto it = cfg.zoneByCity.find(c.venue.name); it != cfg.zoneByCity.end()) return it->second;
    // The library's own zone only speaks for its own venues; with venues listed, others are unknown.
    if (cfg.venues.empty()) return cfg.timeZone;
    return {};
}

std::string roomFor(const Config& cfg, const Circle& c) {
    if (auto it = cfg.circleRooms.find(c.id); it != cfg.circleRooms.end()) return it->second;
    if (const VenueConfig* v = venueFor(cfg, c)) return v->defaultRoom;
    return {};
}

bool servesCircle(const Config& cfg, const Circle& c) {
    return cfg.venues.empty() || venueFor(cfg, c) != nullptr;
}

}  // namespace lc
