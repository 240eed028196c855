// Every user-visible kiosk string has a real translation in fr, es and sw (kiosk.po).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <lc/core/signup_rules.hpp>
#include <lc/ui/i18n.hpp>

#include "fakes.hpp"

using namespace lc;

namespace {

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The msgids passed to tr("...") in the kiosk's sources (adjacent literals joined).
std::set<std::string> sourceMsgids() {
    std::set<std::string> out;
    const std::regex call(R"re(\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re");
    const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
    for (const auto& e : std::filesystem::recursive_directory_iterator(LC_KIOSK_SRC_DIR)) {
        if (e.path().extension() != ".cpp") continue;
        const std::string src = readAll(e.path());
        for (std::sregex_iterator it(src.begin(), src.end(), call), end; it != end; ++it) {
            std::string joined;
            const std::string args = (*it)[1];
            for (std::sregex_iterator l(args.begin(), args.end(), literal); l != end; ++l) joined += (*l)[1];
            if (joined.find('\\') == std::string::npos) out.insert(joined);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("kiosk catalogs", "[kiosk]") {
    auto ids = sourceMsgids();
    REQUIRE(ids.size() > 80);
    ids.insert("Your name");
    // The messages lc::validateSignup gives back, shown beside the fields.
    SignupForm bad;
    bad.email = "x";
    bad.mobile = "1";
    Circle c = kiosk::testing::chicagoCircle();
    c.signupQuestion = "?";
    for (auto state : {SignupState::Full, SignupState::Closed, SignupState::Ended}) {
        SignupContext ctx{&c, state, "US", false};
        for (const auto& e : validateSignup(bad, ctx).errors) ids.insert(e.message);
    }
    for (const char* lang : {"fr", "es", "sw"}) {
        const auto po = ui::readPoFile(std::string(LC_ASSETS_DIR) + "/i18n/" + lang + "/kiosk.po");
        REQUIRE(po);
        std::set<std::string> translated;
        for (const auto& e : *po) {
            if (!e.fuzzy && !e.msgstr.empty() && !e.msgstr[0].empty()) translated.insert(e.msgid);
        }
        for (const auto& id : ids) {
            INFO(lang << ": " << id);
            CHECK(translated.count(id) == 1);
        }
    }
}
