// lc-kiosk: the touch kiosk for signing up to and checking in at learning circles.
// A shell (shared/README.md, H3): parse arguments and config, log where things are, build the App, run.

#include <algorithm>
#include <cstdio>

#include <lc/core/text.hpp>
#include <lc/core/version.hpp>
#include <lc/speech/speaker.hpp>
#include <lc/ui/options.hpp>
#include <lc/ui/shell.hpp>

#include "app.hpp"

namespace {

constexpr const char* kSummary =
    "The learning circle kiosk: browse and sign up for circles, check in at a meeting.\n"
    "With none of --config, --db and --feed it runs the bundled demo.";

int refuse(const lc::Error& e) {
    std::fprintf(stderr, "lc-kiosk: %s\n", e.describe().c_str());
    return 2;
}

const std::vector<lc::ui::ExtraOption> kOptions = {
    {"--speech-log", true,
     "write each utterance as a JSON line {lang, text, audio_ms} (tests; it "
     "holds what patrons typed)"},
    {"--no-speech", false, "start without eSpeak NG (Read aloud then says nothing; for measuring speech's cost)"},
};

}  // namespace

int main(int argc, char** argv) {
    auto opts = lc::ui::parseAppOptions(argc, argv, kOptions);
    if (!opts) return refuse(opts.error());
    if (opts->help) {
        std::puts(lc::ui::appOptionsHelp("lc-kiosk", kSummary, kOptions).c_str());
        return 0;
    }

    auto data = lc::kiosk::openKioskData(*opts);
    if (!data) return refuse(data.error());
    // No personal data here: only where things are.
    std::fprintf(stderr, "lc-kiosk %s: config %s, db %s, feed %s%s\n", lc::kVersion,
                 data->config.path.empty() ? "(built-in)" : data->config.path.c_str(),
                 data->dbPath.c_str(),
                 data->feedUrl.empty() ? "(none)" : lc::text::redactCredentials(data->feedUrl).c_str(),
                 data->demo ? " (demo)" : "");

    const std::string lang = opts->lang.value_or(data->config.kiosk.defaultLanguage);
    lc::ui::ShellConfig shellConfig;
    shellConfig.title = "Learning circles — kiosk";
    shellConfig.domains = {"kiosk", "common"};
    shellConfig.options = *opts;
    shellConfig.defaultLang = lang;
    if (data->config.kiosk.highContrast) shellConfig.options.highContrast = true;
    auto keypad = lc::ui::keypadKeys(data->config.kiosk.keypad);
    if (!keypad) return refuse(keypad.error());
    shellConfig.keypad = std::move(*keypad);
    if (opts->textScale == 1.0f) {
        shellConfig.options.textScale = static_cast<float>(data->config.kiosk.textScale);
    }
    auto shell = lc::ui::Shell::create(shellConfig);
    if (!shell) {
        std::fprintf(stderr, "lc-kiosk: %s\n", shell.error().describe().c_str());
        return lc::ui::kExitStartup;
    }
    lc::speech::SpeakerOptions speech;
    if (auto log = opts->extra.find("--speech-log"); log != opts->extra.end()) speech.logPath = log->second;
    std::unique_ptr<lc::speech::Speaker> speaker;
    if (!opts->extra.count("--no-speech")) {
        auto started = lc::speech::Speaker::start(speech);
        if (!started) return refuse(started.error());
        speaker = std::move(*started);
    }
    const auto& layouts = data->config.kiosk.keyboardLayouts;
    (*shell)->ui().setArabicKeyboard(std::find(layouts.begin(), layouts.end(), "ar") != layouts.end());
    lc::kiosk::KioskApp app(*data, **shell, lang, speaker.get());
    return (*shell)->run(app);
}
