#include <lc/core/pin_policy.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace lc::pin {

namespace {

// A phone keypad (1 2 3 / 4 5 6 / 7 8 9 / _ 0 _): row and column of each digit.
constexpr std::array<std::array<int, 2>, 10> kKeypad{{
    {3, 1}, {0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2},
}};

bool allSameStep(std::string_view pin, int step) {
    for (std::size_t i = 1; i < pin.size(); ++i)
        if ((pin[i] - pin[i - 1] + 10) % 10 != (step + 10) % 10) return false;
    return true;
}

// Every digit a neighbour of the one before on the keypad (including diagonals and repeats):
// the walks people draw with a finger (2580, 147258, 159357).
bool keypadWalk(std::string_view pin) {
    for (std::size_t i = 1; i < pin.size(); ++i) {
        const auto& a = kKeypad[static_cast<std::size_t>(pin[i - 1] - '0')];
        const auto& b = kKeypad[static_cast<std::size_t>(pin[i] - '0')];
        if (std::abs(a[0] - b[0]) > 1 || std::abs(a[1] - b[1]) > 1) return false;
    }
    return true;
}

// Made only of straight keypad lines of three (rows, columns, diagonals, either way): 147258,
// 159357, 789123.
bool keypadLines(std::string_view pin) {
    static constexpr std::array<std::string_view, 16> kLines{
        "123", "456", "789", "147", "258", "369", "159", "357",
        "321", "654", "987", "741", "852", "963", "951", "753"};
    if (pin.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < pin.size(); i += 3)
        if (std::find(kLines.begin(), kLines.end(), pin.substr(i, 3)) == kLines.end()) return false;
    return true;
}

bool repeatsPrefix(std::string_view pin, std::size_t period) {
    if (pin.size() % period != 0 || pin.size() == period) return false;
    for (std::size_t i = period; i < pin.size(); ++i)
        if (pin[i] != pin[i - period]) return false;
    return true;
}

}  // namespace

std::string pinProblem(std::string_view pin) {
    if (pin.empty() || pin.find_first_not_of("0123456789") != std::string_view::npos)
        return "the PIN must be digits only";
    if (pin.size() < kMinDigits || pin.size() > kMaxDigits)
        return "the PIN must be " + std::to_string(kMinDigits) + " to " + std::to_string(kMaxDigits) + " digits";
    if (allSameStep(pin, 0)) return "the PIN repeats one digit";
    if (allSameStep(pin, 1) || allSameStep(pin, -1)) return "the PIN is a run of digits (like 123456)";
    if (repeatsPrefix(pin, 2) || repeatsPrefix(pin, 3)) return "the PIN repeats a short pattern";
    if (keypadWalk(pin) || keypadLines(pin)) return "the PIN is a pattern on the keypad";
    return {};
}

std::chrono::minutes lockoutLength(int n) {
    std::chrono::minutes length = kFirstLockout;
    for (int i = 1; i < n && length < kMaxLockout; ++i) length *= 2;
    return std::min(length, kMaxLockout);
}

}  // namespace lc::pin
