#include "synthesizer.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include <alsa/asoundlib.h>
#include <espeak-ng/speak_lib.h>

namespace lc::speech::detail {
namespace {

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
    static std::once_flag once;
    static int rate = 0;
    std::call_once(once, [&] {
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                 dataPath.empty() ? nullptr : dataPath.c_str(), 0);
        if (rate > 0) espeak_SetSynthCallback(collect);
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
        if (espeak_SetVoiceByProperties(&wanted) != EE_OK)
            return fail(ErrorCode::NotFound, "[speech.3]", "eSpeak NG has no voice for " + voice);
        m_voice = voice;
    }
    std::vector<std::int16_t> samples;
    const espeak_ERROR e = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, &samples);
    if (e != EE_OK)
        return fail(ErrorCode::Internal, "[speech.3]", "eSpeak NG could not synthesize");
    return samples;
}

std::unique_ptr<AudioSink> AudioSink::open(int sampleRate) {
    snd_lib_error_set_handler(quietAlsa);
    snd_pcm_t* pcm = nullptr;
    if (snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0) < 0) return nullptr;
    if (snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                           static_cast<unsigned>(sampleRate), 1, 100000) < 0) {
        snd_pcm_close(pcm);
        return nullptr;
    }
    return std::unique_ptr<AudioSink>(new AudioSink(pcm, sampleRate));
}

AudioSink::~AudioSink() { snd_pcm_close(static_cast<snd_pcm_t*>(m_pcm)); }

bool AudioSink::write(const std::int16_t* data, std::size_t frames) {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    while (frames > 0) {
        snd_pcm_sframes_t n = snd_pcm_writei(pcm, data, frames);
        if (n < 0) n = snd_pcm_recover(pcm, static_cast<int>(n), 1);
        if (n < 0) return false;
        data += n;
        frames -= static_cast<std::size_t>(n);
    }
    return true;
}

void AudioSink::stop() {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    snd_pcm_drop(pcm);
    snd_pcm_prepare(pcm);
}

void AudioSink::drain() {
    auto* pcm = static_cast<snd_pcm_t*>(m_pcm);
    snd_pcm_drain(pcm);
    snd_pcm_prepare(pcm);
}

}  // namespace lc::speech::detail
