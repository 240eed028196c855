// Name search over 100,000 roster entries (shared/README.md budget: < 2 ms per keystroke, p99).
// Folds every name once, as the roster import does, then replays typing: each keystroke folds
// the query and scans every folded name with names::matches. Prints p50/p99/max per keystroke.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <time.h>

#include <lc/core/names.hpp>

namespace {

constexpr std::size_t kEntries = 100'000;

// A small deterministic generator, so every run searches the same roster.
class Lcg {
public:
    std::uint32_t next() {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(m_state >> 33);
    }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) { return items[next() % N]; }

private:
    std::uint64_t m_state = 42;
};

const char* const kFirst[] = {"María", "José", "Ana", "Wanjiru", "Juan", "Élodie", "Søren",
                              "Chidi", "Amina", "Grace", "Kwame", "Lucía", "Zoë", "Björn",
                              "Fatuma", "Aisha", "Michael", "Jennifer", "Nguyễn", "Ñusta",
                              "Jean-Pierre", "Mohammed", "Olga", "Seán", "Łukasz", "Peter"};
const char* const kLast[] = {"Gómez", "García", "Kamau", "Otieno", "Dupont", "Müller",
                             "O'Brien", "Smith", "Johnson", "Mwangi", "Okafor", "Hernández",
                             "Nakamura", "Wałęsa", "Achieng", "Fernández", "Martín", "Kowalski",
                             "Mensah", "Uwimana", "Rodríguez", "López", "Thompson", "Straße"};

std::vector<std::string> makeRoster() {
    Lcg rng;
    std::vector<std::string> names;
    names.reserve(kEntries);
    for (std::size_t i = 0; i < kEntries; ++i) {
        std::string name = rng.pick(kFirst);
        if (rng.next() % 4 == 0) name += std::string(" ") + rng.pick(kFirst);
        name += std::string(" ") + rng.pick(kLast);
        if (rng.next() % 8 == 0) name += std::string("-") + rng.pick(kLast);
        names.push_back(std::move(name));
    }
    return names;
}

double ms(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// This thread's CPU time, in ms: unlike wall time, it does not count time the scheduler gave
// to other processes (the bench machine is shared with builds).
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

const char* const kTyped[] = {"maria gomez", "jose garcia", "wanjiru kamau", "élodie dupont",
                              "søren müller", "zoe", "mwangi", "o'brien", "jean pierre",
                              "ana lopez", "xavier", "luk wal"};

struct Samples {
    std::vector<double> wall;
    std::vector<double> cpu;
    std::size_t hits = 0;
};

// `v` sorted.
double quantile(const std::vector<double>& v, double q) {
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

void report(const char* what, Samples& s) {
    const std::size_t n = s.wall.size();
    std::sort(s.wall.begin(), s.wall.end());
    std::sort(s.cpu.begin(), s.cpu.end());
    std::printf("%s (%zu keystrokes, avg %.0f hits):\n", what, n, static_cast<double>(s.hits) / n);
    std::printf("  wall p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", quantile(s.wall, 0.5),
                quantile(s.wall, 0.99), s.wall.back());
    std::printf("  cpu  p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", quantile(s.cpu, 0.5),
                quantile(s.cpu, 0.99), s.cpu.back());
}

// Replays typing each of kTyped, one keystroke at a time, five times over.
template <class Search>
Samples replay(Search&& search) {
    Samples s;
    for (int round = 0; round < 5; ++round) {
        for (const std::string full : kTyped) {
            for (std::size_t len = 1; len <= full.size(); ++len) {
                const auto wall = std::chrono::steady_clock::now();
                const double cpu = cpuMs();
                s.hits += search(full.substr(0, len));
                s.cpu.push_back(cpuMs() - cpu);
                s.wall.push_back(ms(std::chrono::steady_clock::now() - wall));
            }
        }
    }
    return s;
}

}  // namespace

int main() {
    using Clock = std::chrono::steady_clock;
    const std::vector<std::string> roster = makeRoster();

    const auto foldStart = Clock::now();
    lc::names::NameIndex index;
    for (const std::string& name : roster) index.add(name);
    const double foldMs = ms(Clock::now() - foldStart);
    std::printf("name search: %zu entries, NameIndex built (fold each once) in %.1f ms\n",
                roster.size(), foldMs);

    std::vector<std::uint32_t> hits;
    hits.reserve(roster.size());
    Samples indexed = replay([&](const std::string& typed) {
        index.search(typed, hits);
        return hits.size();
    });
    report("NameIndex::search (fold query + filtered scan)", indexed);

    std::vector<std::string> folded;
    folded.reserve(roster.size());
    for (std::size_t i = 0; i < index.size(); ++i) folded.emplace_back(index.folded(i));
    Samples plain = replay([&](const std::string& typed) {
        const std::string query = lc::names::fold(typed);
        std::size_t count = 0;
        for (const std::string& name : folded) count += lc::names::matches(name, query);
        return count;
    });
    report("plain loop of names::matches over std::vector<std::string>", plain);

    // Wall time includes whatever the scheduler gave to other processes; on a loaded machine
    // (see the load average) CPU time is the figure that belongs to this code.
    double load[1] = {0.0};
    getloadavg(load, 1);
    std::printf("budget < 2 ms per keystroke (p99), NameIndex: cpu %s, wall %s (load average %.1f)\n",
                quantile(indexed.cpu, 0.99) < 2.0 ? "met" : "NOT met",
                quantile(indexed.wall, 0.99) < 2.0 ? "met" : "NOT met", load[0]);
    return 0;
}
