#include <lc/speech/speaker.hpp>

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "synthesizer.hpp"

namespace lc::speech {

std::string voiceFor(const std::string& lang) {
    // eSpeak NG's language names match ours for the kiosk's four languages.
    if (lang == "fr" || lang == "es" || lang == "sw" || lang == "en") return lang;
    return "en";
}

struct Speaker::Impl {
    struct Queued {
        Utterance what;
        unsigned long generation = 0;
    };

    SpeakerOptions options;
    std::ofstream log;
    mutable std::mutex mutex;
    std::condition_variable changed;
    std::deque<Queued> queue;
    std::vector<Spoken> done;
    unsigned long generation = 0;  ///< bumped by each say(): older playback stops
    bool busy = false;
    bool stopping = false;
    bool audio = false;
    std::thread worker;

    void run();
    Spoken synthesizeOne(detail::Synthesizer* synth, const Utterance& u,
                         std::vector<std::int16_t>& samples);
    void record(const Spoken& s);
    bool current(unsigned long g) const {
        std::lock_guard lock(mutex);
        return !stopping && g == generation;
    }
};

Spoken Speaker::Impl::synthesizeOne(detail::Synthesizer* synth, const Utterance& u,
                                    std::vector<std::int16_t>& samples) {
    Spoken s{u.lang, u.text, 0};
    if (!synth) return s;
    auto r = synth->synthesize(voiceFor(u.lang), u.text);
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().describe().c_str());
        return s;
    }
    samples = std::move(*r);
    s.audioMs = static_cast<long>(samples.size() * 1000 / static_cast<std::size_t>(synth->sampleRate()));
    return s;
}

void Speaker::Impl::record(const Spoken& s) {
    if (log.is_open()) {
        const nlohmann::json line = {{"lang", s.lang}, {"text", s.text}, {"audio_ms", s.audioMs}};
        log << line.dump() << '\n' << std::flush;
    }
    std::lock_guard lock(mutex);
    done.push_back(s);
}

void Speaker::Impl::run() {
    // eSpeak NG and the audio device are opened for the first utterance, not at start: a kiosk
    // whose patrons never turn speech on never loads them (synthesizer.cpp).
    std::unique_ptr<detail::Synthesizer> synth;
    std::unique_ptr<detail::AudioSink> sink;
    bool opened = false;
    for (;;) {
        Queued next;
        {
            std::unique_lock lock(mutex);
            busy = false;
            changed.notify_all();
            changed.wait(lock, [&] { return stopping || !queue.empty(); });
            if (queue.empty()) return;  // stopping, and nothing left to synthesize
            next = std::move(queue.front());
            queue.pop_front();
            busy = true;
        }
        if (!opened) {
            opened = true;
            auto made = detail::Synthesizer::open(options.dataPath);
            if (made) synth = std::move(*made);
            else std::fprintf(stderr, "%s\n", made.error().describe().c_str());
            if (synth && options.playAudio) sink = detail::AudioSink::open(synth->sampleRate());
            std::lock_guard lock(mutex);
            audio = sink != nullptr;
        }
        std::vector<std::int16_t> samples;
        record(synthesizeOne(synth.get(), next.what, samples));
        if (sink && !samples.empty() && current(next.generation))
            sink->play(samples, [&] { return current(next.generation); });
    }
}

Result<std::unique_ptr<Speaker>> Speaker::start(SpeakerOptions options) {
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    if (!impl->options.logPath.empty()) {
        impl->log.open(impl->options.logPath, std::ios::binary | std::ios::trunc);
        if (!impl->log)
            return fail(ErrorCode::Io, "[speech.1]",
                        "cannot write the speech log " + impl->options.logPath);
    }
    Impl* raw = impl.get();
    impl->worker = std::thread([raw] { raw->run(); });
    return std::unique_ptr<Speaker>(new Speaker(std::move(impl)));
}

Speaker::Speaker(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Speaker::~Speaker() {
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->changed.notify_all();
    m_impl->worker.join();
}

void Speaker::say(std::vector<Utterance> batch) {
    if (batch.empty()) return;
    {
        std::lock_guard lock(m_impl->mutex);
        const unsigned long g = ++m_impl->generation;
        for (auto& u : batch) m_impl->queue.push_back({std::move(u), g});
    }
    m_impl->changed.notify_all();
}

void Speaker::flush() {
    std::unique_lock lock(m_impl->mutex);
    m_impl->changed.wait(lock, [&] { return m_impl->queue.empty() && !m_impl->busy; });
}

std::vector<Spoken> Speaker::spoken() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->done;
}

bool Speaker::playing() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->audio;
}

}  // namespace lc::speech
