#include <catch2/catch.hpp>

#include <lc/ui/fonts.hpp>
#include <lc/ui/i18n.hpp>

#include <imgui.h>

#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace lc::ui;

namespace {

lc::Date ymd(int y, unsigned m, unsigned d) {
    return lc::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Every .po under assets/i18n, by language then domain.
std::map<std::string, std::map<std::string, std::vector<PoEntry>>> allCatalogs() {
    std::map<std::string, std::map<std::string, std::vector<PoEntry>>> out;
    for (const auto& langDir : fs::directory_iterator(fs::path(LC_ASSETS_DIR) / "i18n")) {
        if (!langDir.is_directory()) continue;
        for (const auto& f : fs::directory_iterator(langDir.path())) {
            if (f.path().extension() != ".po") continue;
            auto entries = readPoFile(f.path().string());
            INFO(f.path().string());
            REQUIRE(entries);
            out[langDir.path().filename().string()][f.path().stem().string()] = *entries;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Catalogs", "[ui]") {
    auto c = Catalogs::load(LC_MESSAGES_BUILD_DIR, {"common"});
    REQUIRE(c);

    SECTION("translates at run time without system locales") {
        CHECK(c->tr("en", "One moment…") == "One moment…");
        CHECK(c->tr("fr", "One moment…") == "Un instant…");
        CHECK(c->tr("es", "One moment…") == "Un momento…");
        CHECK(c->tr("sw", "One moment…") == "Subiri kidogo…");
        CHECK(c->trc("fr", "month", "May") == "mai");
        CHECK(c->trc("fr", "short month", "May") == "mai");
        CHECK(c->tr("fr", "no such text") == "no such text");
        CHECK(c->tr("de", "One moment…") == "One moment…");  // unknown language: English
        CHECK(c->has("fr", "One moment…"));
        CHECK_FALSE(c->has("fr", "no such text"));
        CHECK(c->trn("fr", "{n} seat", "{n} seats", 2) == "{n} seats");
    }
    SECTION("a missing directory is an error") {
        auto bad = Catalogs::load("/nonexistent/i18n", {"common"});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[ui.i18n.1]");
    }
    SECTION("dates and times the way each language writes them") {
        const auto d = ymd(2026, 12, 1);
        CHECK(formatDate(*c, "en", d) == "Tuesday, December\u00a01");
        CHECK(formatDate(*c, "fr", d) == "mardi\u00a01er\u00a0décembre");
        CHECK(formatDate(*c, "es", d) == "martes, 1\u00a0de\u00a0diciembre");
        CHECK(formatDate(*c, "sw", d) == "Jumanne, 1\u00a0Desemba");
        CHECK(formatShortDate(*c, "en", d) == "Dec\u00a01");
        CHECK(formatShortDate(*c, "fr", d) == "1er\u00a0déc.");
        const lc::TimeOfDay six{18 * 60};
        CHECK(formatTime(*c, "en", six) == "6:00\u00a0PM");
        CHECK(formatTime(*c, "en", lc::TimeOfDay{5}) == "12:05\u00a0AM");
        CHECK(formatTime(*c, "en", lc::TimeOfDay{12 * 60}) == "12:00\u00a0PM");
        CHECK(formatTime(*c, "fr", six) == "18\u00a0h\u00a000");
        CHECK(formatTime(*c, "es", six) == "18:00");
        CHECK(formatTime(*c, "sw", lc::TimeOfDay{9 * 60 + 30}) == "9:30");
        CHECK(formatTimeRange(*c, "fr", six, lc::TimeOfDay{20 * 60}) == "18\u00a0h\u00a000 – 20\u00a0h\u00a000");
        const auto t = lc::parseInstant("2026-12-02T00:00:00Z");
        REQUIRE(t);
        CHECK(formatDateTime(*c, "en", *t, "America/Chicago") == "Tuesday, December\u00a01, 6:00\u00a0PM");
        CHECK(formatDateTime(*c, "fr", *t, "America/Chicago") == "mardi\u00a01er\u00a0décembre à\u00a018\u00a0h\u00a000");
        CHECK(formatDateTime(*c, "sw", *t, "Africa/Nairobi") == "Jumatano, 2\u00a0Desemba, saa\u00a03:00");
        CHECK(formatDateTime(*c, "en", *t, "Not/AZone") == "Wednesday, December\u00a02, 12:00\u00a0AM");
    }
    SECTION("format fills named placeholders") {
        CHECK(format("Week {n} of {m}", {{"n", "3"}, {"m", "6"}}) == "Week 3 of 6");
        CHECK(format("{x} {unknown} {", {{"x", "a"}}) == "a {unknown} {");
    }
}

TEST_CASE("Catalog completeness", "[ui]") {
    const auto all = allCatalogs();
    REQUIRE(all.count("en"));
    std::set<std::string> domains;
    for (const auto& [lang, byDomain] : all)
        for (const auto& [domain, entries] : byDomain) domains.insert(domain);

    SECTION("every msgid of every domain has an fr, es and sw translation") {
        std::vector<std::string> problems;
        for (const auto& domain : domains) {
            std::set<std::pair<std::string, std::string>> ids;  // (context, msgid) in any language
            for (const auto& [lang, byDomain] : all)
                if (auto it = byDomain.find(domain); it != byDomain.end())
                    for (const auto& e : it->second) ids.insert({e.context, e.msgid});
            for (const char* lang : {"fr", "es", "sw"}) {
                std::map<std::pair<std::string, std::string>, const PoEntry*> have;
                if (auto l = all.find(lang); l != all.end())
                    if (auto d = l->second.find(domain); d != l->second.end())
                        for (const auto& e : d->second) have[{e.context, e.msgid}] = &e;
                for (const auto& id : ids) {
                    auto it = have.find(id);
                    bool ok = it != have.end() && !it->second->fuzzy && !it->second->msgstr.empty();
                    if (ok)
                        for (const auto& s : it->second->msgstr) ok = ok && !s.empty();
                    if (!ok) problems.push_back(std::string(lang) + "/" + domain + ".po: \"" + id.second + "\"");
                }
            }
        }
        INFO(problems.size() << " untranslated; first: " << (problems.empty() ? "" : problems[0]));
        CHECK(problems.empty());
    }
    SECTION("every catalog's text can be drawn with our fonts (no placeholder glyphs)") {
        ImGuiContext* ctx = ImGui::CreateContext();
        auto fonts = Fonts::create();
        REQUIRE(fonts);
        std::string everything;
        for (const auto& [lang, byDomain] : all)
            for (const auto& [domain, entries] : byDomain)
                for (const auto& e : entries) {
                    everything += e.msgid;
                    for (const auto& s : e.msgstr) everything += s;
                }
        fonts->require(everything);
        Metrics m;
        fonts->build(m);
        const std::u32string missing = fonts->missing(everything);
        std::string list;
        for (char32_t cp : missing) list += std::to_string(static_cast<unsigned>(cp)) + " ";
        INFO("code points without a glyph: " << list);
        CHECK(missing.empty());
        CHECK(fonts->missing("😀") == U"😀");
        ImGui::DestroyContext(ctx);
    }
}
