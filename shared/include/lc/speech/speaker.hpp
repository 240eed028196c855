#pragma once
// Speech output for the kiosk (closed functionality must speak what it shows): text in the
// screen's language goes to eSpeak NG on a thread of its own, so asking to speak never delays a
// frame. Every utterance asked for is synthesized in full into memory (and logged with the
// length of its audio when a log is wanted); only its playback is cut short when newer speech
// arrives. With no audio device the audio is synthesized and dropped.
//
//     auto speaker = lc::speech::Speaker::start({.logPath = "speech.jsonl"});
//     (*speaker)->say({{"fr", "Cercles d'apprentissage"}});   // returns at once

#include <memory>
#include <string>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::speech {

/// One thing to say, in a language of the UI ("en", "fr", "es", "sw").
struct Utterance {
    std::string lang;
    std::string text;
};

/// What the synthesizer made of an utterance.
struct Spoken {
    std::string lang;
    std::string text;
    long audioMs = 0;  ///< length of the audio produced (0 when the voice failed)
};

/// How to start the speaker.
struct SpeakerOptions {
    std::string logPath;     ///< "" = no log; else one JSON line per utterance (tests)
    bool playAudio = true;   ///< false: synthesize only, never open an audio device
    std::string dataPath;    ///< eSpeak NG data folder; "" = the library's default
};

/// The eSpeak NG voice name used for a UI language ("sw" → "sw", unknown → "en").
std::string voiceFor(const std::string& lang);

/// Speech on a worker thread. Thread-safety: say() and spoken() from any thread; the
/// destructor from the owner's thread, once.
class Speaker {
public:
    /// Opens the log (truncating it) and starts the thread; eSpeak NG and the audio device are
    /// set up on that thread when the first utterance comes. "[speech.1]" when the log cannot
    /// be written.
    [[nodiscard]] static Result<std::unique_ptr<Speaker>> start(SpeakerOptions options);
    /// Synthesizes (without playing) everything still queued, finishes the log, joins.
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    /// Queues `batch` to be said in order; playback of anything said before stops.
    void say(std::vector<Utterance> batch);
    /// Waits until every queued utterance is synthesized (tests and measurements).
    void flush();
    /// What was synthesized so far, in order.
    std::vector<Spoken> spoken() const;
    /// True when audio goes to a device (known once the first utterance was handled).
    bool playing() const;

    struct Impl;

private:
    explicit Speaker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace lc::speech
