#pragma once
// eSpeak NG behind a small class: text in, 16-bit mono samples out, synchronously. eSpeak NG
// keeps global state: it is started once per process, and one Synthesizer at a time uses it,
// from one thread.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::speech::detail {

/// Synthesizes into memory. Thread-safety: one thread (eSpeak NG is not reentrant).
class Synthesizer {
public:
    /// Initializes eSpeak NG in synchronous (retrieval) mode. "[speech.2]" when it cannot.
    [[nodiscard]] static Result<std::unique_ptr<Synthesizer>> open(const std::string& dataPath);
    Synthesizer(const Synthesizer&) = delete;
    Synthesizer& operator=(const Synthesizer&) = delete;

    /// The whole audio of `text` spoken by the voice `voice`; "[speech.3]" for an unknown voice
    /// or a synthesis error.
    [[nodiscard]] Result<std::vector<std::int16_t>> synthesize(const std::string& voice,
                                                               const std::string& text);
    /// Samples per second of what synthesize() returns.
    int sampleRate() const { return m_rate; }

private:
    explicit Synthesizer(int rate) : m_rate(rate) {}
    int m_rate = 22050;
    std::string m_voice;
};

/// An audio device to play 16-bit mono samples on; absent on a headless machine.
class AudioSink {
public:
    /// Opens ALSA's default device, or nullptr when there is none.
    static std::unique_ptr<AudioSink> open(int sampleRate);
    ~AudioSink();
    AudioSink(const AudioSink&) = delete;
    AudioSink& operator=(const AudioSink&) = delete;

    /// Plays `samples` in short chunks, checking `keepGoing()` between them; stops at once
    /// (dropping what the device buffered) when it turns false.
    template <typename F>
    void play(const std::vector<std::int16_t>& samples, F keepGoing) {
        const std::size_t chunk = static_cast<std::size_t>(m_rate) / 20;  // 50 ms
        for (std::size_t at = 0; at < samples.size(); at += chunk) {
            if (!keepGoing()) return stop();
            if (!write(samples.data() + at, std::min(chunk, samples.size() - at))) return;
        }
        drain();
    }

private:
    AudioSink(void* pcm, int rate) : m_pcm(pcm), m_rate(rate) {}
    bool write(const std::int16_t* data, std::size_t frames);
    void stop();
    void drain();
    void* m_pcm;  ///< snd_pcm_t*, kept out of this header
    int m_rate;
};

}  // namespace lc::speech::detail
