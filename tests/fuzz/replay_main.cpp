// The gcc driver that replays fuzz inputs without libFuzzer: each argument is a file or a folder
// of files, each file is handed once to LLVMFuzzerTestOneInput. A crash or a broken invariant
// aborts, which fails the CTest test.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int replayFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::cerr << "replay: cannot read " << p << "\n";
        return 1;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int files = 0, errors = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::vector<std::filesystem::path> inputs;
        if (std::filesystem::is_directory(arg)) {
            for (const auto& e : std::filesystem::directory_iterator(arg))
                if (e.is_regular_file() && e.path().filename() != ".keep") inputs.push_back(e.path());
        } else if (std::filesystem::exists(arg)) {
            inputs.push_back(arg);
        }
        for (const auto& p : inputs) {
            errors += replayFile(p);
            ++files;
        }
    }
    std::cout << "replayed " << files << " inputs\n";
    return errors == 0 ? 0 : 1;
}
