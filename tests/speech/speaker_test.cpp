#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <lc/speech/speaker.hpp>

namespace {

std::vector<nlohmann::json> readLog(const std::string& path) {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

// Synthesis only: a test never plays audio, whatever the machine has.
lc::speech::SpeakerOptions options(std::string log) {
    lc::speech::SpeakerOptions o;
    o.logPath = std::move(log);
    o.playAudio = false;
    return o;
}

}  // namespace

TEST_CASE("Speaker", "[speech]") {
    const auto log = (std::filesystem::temp_directory_path() /
                      ("lc-speech-" + std::to_string(::getpid()) + ".jsonl")).string();

    SECTION("each language's voice produces audio, logged as one JSON line per utterance") {
        {
            auto speaker = lc::speech::Speaker::start(options(log));
            REQUIRE(speaker);
            (*speaker)->say({{"en", "Check in"}, {"fr", "Cercles d'apprentissage"}});
            (*speaker)->say({{"es", "Inscríbete"}, {"sw", "Karibu kwenye maktaba"}});
        }  // the destructor synthesizes what is queued and finishes the log
        const auto lines = readLog(log);
        REQUIRE(lines.size() == 4);
        CHECK(lines[1]["lang"] == "fr");
        CHECK(lines[1]["text"] == "Cercles d'apprentissage");
        CHECK(lines[3]["lang"] == "sw");
        for (const auto& l : lines) CHECK(l["audio_ms"].get<long>() > 200);
        // A longer sentence takes longer to say: the figure is the real audio's length.
        CHECK(lines[3]["audio_ms"].get<long>() > lines[0]["audio_ms"].get<long>());
    }

    SECTION("new speech interrupts playback only: every utterance is still synthesized") {
        auto speaker = lc::speech::Speaker::start(options(""));
        REQUIRE(speaker);
        for (int i = 0; i < 5; ++i) (*speaker)->say({{"en", "Utterance number " + std::to_string(i)}});
        (*speaker)->flush();
        const auto spoken = (*speaker)->spoken();
        REQUIRE(spoken.size() == 5);
        CHECK(spoken[4].text == "Utterance number 4");
        CHECK(spoken[4].audioMs > 0);
        CHECK_FALSE((*speaker)->playing());
    }

    SECTION("an unwritable log is refused with a clear error") {
        auto speaker = lc::speech::Speaker::start(options("/nonexistent/dir/speech.jsonl"));
        REQUIRE_FALSE(speaker);
        CHECK(speaker.error().id == "[speech.1]");
    }
    std::remove(log.c_str());
}
