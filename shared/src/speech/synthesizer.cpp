#include "synthesizer.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

namespace lc::speech::detail {
namespace {

// eSpeak NG and ALSA are loaded with dlopen when speech is first needed, not linked: with
// eSpeak come PulseAudio's client and the codecs libsndfile links (about fifteen libraries, a
// few MB of a kiosk's memory), and most kiosks never speak. Only the headers are used at build
// time; the package depends on libespeak-ng1 and libasound2 by name.
template <typename F>
bool bind(void* lib, const char* name, F& fn) {
    fn = reinterpret_cast<F>(dlsym(lib, name));
    return fn != nullptr;
}

// Loads `soname` once and fills a Table of its functions with `bindAll`; nullptr when the
// library or one of the functions is missing. Never unloaded.
template <typename Table>
const Table* loadOnce(const char* soname, bool (*bindAll)(void* lib, Table& t)) {
    static Table table;
    static const Table* const loaded = [&]() -> const Table* {
        void* lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        return lib && bindAll(lib, table) ? &table : nullptr;
    }();
    return loaded;
}

struct Espeak {
    decltype(&espeak_Initialize) initialize = nullptr;
    decltype(&espeak_SetSynthCallback) setSynthCallback = nullptr;
    decltype(&espeak_SetVoiceByProperties) setVoiceByProperties = nullptr;
    decltype(&espeak_Synth) synth = nullptr;
};

const Espeak* espeak() {
    return loadOnce<Espeak>("libespeak-ng.so.1", [](void* lib, Espeak& e) {
        return bind(lib, "espeak_Initialize", e.initialize) &&
               bind(lib, "espeak_SetSynthCallback", e.setSynthCallback) &&
               bind(lib, "espeak_SetVoiceByProperties", e.setVoiceByProperties) &&
               bind(lib, "espeak_Synth", e.synth);
    });
}

struct Alsa {
    decltype(&snd_lib_error_set_handler) setErrorHandler = nullptr;
    decltype(&snd_pcm_open) open = nullptr;
    decltype(&snd_pcm_set_params) setParams = nullptr;
    decltype(&snd_pcm_close) close = nullptr;
    decltype(&snd_pcm_writei) writei = nullptr;
    decltype(&snd_pcm_recover) recover = nullptr;
    decltype(&snd_pcm_drop) drop = nullptr;
    decltype(&snd_pcm_drain) drain = nullptr;
    decltype(&snd_pcm_prepare) prepare = nullptr;
};

// Without libasound.so.2 there is no sound, as without a card.
const Alsa* alsa() {
    return loadOnce<Alsa>("libasound.so.2", [](void* lib, Alsa& a) {
        return bind(lib, "snd_lib_error_set_handler", a.setErrorHandler) &&
               bind(lib, "snd_pcm_open", a.open) && bind(lib, "snd_pcm_set_params", a.setParams) &&
               bind(lib, "snd_pcm_close", a.close) && bind(lib, "snd_pcm_writei", a.writei) &&
               bind(lib, "snd_pcm_recover", a.recover) && bind(lib, "snd_pcm_drop", a.drop) &&
               bind(lib, "snd_pcm_drain", a.drain) && bind(lib, "snd_pcm_prepare", a.prepare);
    });
}

// eSpeak NG hands the audio over in pieces; the utterance's buffer rides in user_data.
int collect(short* wav, int count, espeak_EVENT* events) {
    if (!wav || count <= 0 || !events) return 0;
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    if (out) out->insert(out->end(), wav, wav + count);
    return 0;
}

// ALSA prints to stderr when there is no card; a kiosk without speakers is normal.
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}

}  // namespace

Result<std::unique_ptr<Synthesizer>> Synthesizer::open(const std::string& dataPath) {
    // eSpeak NG is one process-wide engine, and espeak_Terminate() deadlocks on its own queue
    // thread in synchronous mode (Debian 12's 1.51): start it once, let process exit end it.
    const Espeak* e = espeak();
    if (!e)
        return fail(ErrorCode::Internal, "[speech.2]",
                    "cannot load eSpeak NG, libespeak-ng.so.1 (install libespeak-ng1)");
    static std::once_flag once;
    static int rate = 0;
    std::call_once(once, [&] {
        rate = e->initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, dataPath.empty() ? nullptr : dataPath.c_str(), 0);
        if (rate > 0) e->setSynthCallback(collect);
    });
    if (rate <= 0)
        return fail(ErrorCode::Internal, "[speech.2]",
                    "cannot start eSpeak NG (install espeak-ng-data)");
    return std::unique_ptr<Synthesizer>(new Synthesizer(rate));
}

Result<std::vector<std::int16_t>> Synthesizer::synthesize(const std::string& voice,
                                                          const std::string& text) {
    if (voice != m_voice) {
        espeak_VOICE wanted{};
        wanted.languages = voice.c_str();
        if (espeak()->setVoiceByProperties(&wanted) != EE_OK)
            return fail(ErrorCode::NotFound, "[speech.3]", "eSpeak NG has no voice for " + voice);
        m_voice = voice;
    }
    std::vector<std::int16_t> samples;
    const espeak_ERROR e = espeak()->synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, &samples);
    if (e != EE_OK)
        return fail(ErrorCode::Internal, "[speech.3]", "eSpeak NG could not synthesize");
    return samples;
}

std::unique_ptr<AudioSink> AudioSink::open(int sampleRate) {
    const Alsa* a = alsa();
    if (!a) return nullptr;
    a->setErrorHandler(quietAlsa);
    snd_pcm_t* pcm = nullptr;
    if (a->open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0) < 0) return nullptr;
    if (a->setParams(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                           static_cast<unsigned>(sampleRate), 1, 100000) < 0) {
        a->close(pcm);
        return nullptr;
    }
    return std::unique_ptr<AudioSink>(new AudioSink(pcm, sampleRate));
}

AudioSink::~AudioSink() { alsa()->close(static_cast<snd_pcm_t*>(m_pcm)); }

bool AudioSink::write(const std::int16_t* data, std::size_t frames) {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    while (frames > 0) {
        snd_pcm_sframes_t n = alsa()->writei(pcm, data, frames);
        if (n < 0) n = alsa()->recover(pcm, static_cast<int>(n), 1);
        if (n < 0) return false;
        data += n;
        frames -= static_cast<std::size_t>(n);
    }
    return true;
}

void AudioSink::stop() {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    alsa()->drop(pcm);
    alsa()->prepare(pcm);
}

void AudioSink::drain() {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    alsa()->drain(pcm);
    alsa()->prepare(pcm);
}

}  // namespace lc::speech::detail
