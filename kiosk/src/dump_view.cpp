// --dump-view: the view-model of the screen showing, as JSON. Personal data appears only as the
// screen shows it (masked names); the PIN never does.

#include <nlohmann/json.hpp>

#include "app.hpp"

namespace lc::kiosk {
namespace {

using nlohmann::json;

const char* screenName(Screen s) {
    switch (s) {
        case Screen::Home: return "home";
        case Screen::Browse: return "browse";
        case Screen::Details: return "details";
        case Screen::Signup: return "signup";
        case Screen::Checkin: return "checkin";
        case Screen::Staff: return "staff";
    }
    return "unknown";
}

constexpr const char* kSignupSteps[] = {"form",   "review",  "done",  "refused",
                                        "paused", "missing", "saving"};
constexpr const char* kCheckinSteps[] = {"unavailable", "no_circle", "choose_circle", "search", "welcome"};
constexpr const char* kStaffSteps[] = {"pin", "dashboard", "circle", "sync"};

json card(const CircleCard& c) {
    return {{"id", c.id},       {"name", c.name},   {"course", c.course},
            {"when", c.when},   {"dates", c.dates}, {"language", c.language},
            {"facilitators", c.facilitators},       {"place", c.place},
            {"seats", c.seats}, {"state", toString(c.state)}};
}

json signupJson(const SignupView& v) {
    json j{{"step", kSignupSteps[static_cast<int>(v.step)]}, {"circle", card(v.card)}};
    json fields = json::array();
    for (const auto& f : v.fields) {
        fields.push_back({{"id", f.id}, {"label", f.label}, {"value", f.value}, {"error", f.error},
                          {"focused", f.focused}});
    }
    j["fields"] = fields;
    j["consent"] = v.consent;
    j["consent_error"] = v.consentError;
    j["refusal"] = v.refusal;
    if (v.alternative) j["alternative"] = card(*v.alternative);
    j["done_when"] = v.doneWhen;
    j["done_place"] = v.donePlace;
    j["done_address"] = v.doneAddress;
    return j;
}

json checkinJson(const CheckinView& v) {
    json j{{"step", kCheckinSteps[static_cast<int>(v.step)]}, {"message", v.message},
           {"query", v.query}, {"welcome", v.welcome}};
    json rows = json::array();
    for (const auto& m : v.matches) rows.push_back(m.masked);
    j["matches"] = rows;
    json circles = json::array();
    for (const auto& c : v.circles) circles.push_back({{"id", c.circleId}, {"name", c.name}, {"when", c.when}});
    j["circles"] = circles;
    return j;
}

json staffJson(const StaffView& v) {
    json j{{"step", kStaffSteps[static_cast<int>(v.step)]}, {"pin_length", v.pinLength},
           {"message", v.pinMessage.empty() ? v.message : v.pinMessage}};
    if (v.step == StaffStep::Pin) return j;
    json today = json::array();
    for (const auto& r : v.today) {
        today.push_back({{"id", r.circleId}, {"name", r.name}, {"when", r.when},
                         {"expected", r.expected}, {"checked_in", r.checkedIn}});
    }
    j["today"] = today;
    j["sync"] = {{"pending", v.sync.pending}, {"rejected", v.sync.rejected},
                 {"needs_staff", v.sync.needsStaff}};
    return j;
}

}  // namespace

std::string screenLabel(const KioskFlow& flow) {
    if (flow.idlePrompt()) return "idle";
    const std::string s = screenName(flow.screen());
    switch (flow.screen()) {
        case Screen::Signup: return s + "." + kSignupSteps[static_cast<int>(flow.signup().view().step)];
        case Screen::Checkin: return s + "." + kCheckinSteps[static_cast<int>(flow.checkin().view().step)];
        case Screen::Staff: return s + "." + kStaffSteps[static_cast<int>(flow.staff().view().step)];
        default: return s;
    }
}

std::string dumpKioskView(const KioskFlow& flow, const std::string& language) {
    json j{{"screen", screenName(flow.screen())}, {"language", language},
           {"idle_prompt", flow.idlePrompt()}};
    switch (flow.screen()) {
        case Screen::Home: {
            const auto h = flow.homeView();
            j["view"] = {{"signup_paused", h.signupPaused}, {"checkin_offered", h.checkinOffered}};
            break;
        }
        case Screen::Browse: {
            json cards = json::array();
            for (const auto& c : flow.browse().view().cards) cards.push_back(card(c));
            j["view"] = {{"cards", cards}};
            break;
        }
        case Screen::Details: {
            const auto d = flow.details().view();
            j["view"] = {{"circle", card(d.card)}, {"qr_url", d.qrUrl}, {"refusal", d.refusal},
                         {"can_sign_up", d.canSignUp}, {"meetings", d.meetingDates}};
            break;
        }
        case Screen::Signup: j["view"] = signupJson(flow.signup().view()); break;
        case Screen::Checkin: j["view"] = checkinJson(flow.checkin().view()); break;
        case Screen::Staff: j["view"] = staffJson(flow.staff().view()); break;
    }
    return j.dump(2);
}

}  // namespace lc::kiosk
