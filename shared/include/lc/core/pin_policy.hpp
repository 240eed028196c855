#pragma once
// The staff PIN's rules, shared by `lcctl set-pin` and the kiosk's PIN gate: long enough and not
// guessable, and lockouts that double so a PIN cannot be brute-forced in any useful time.

#include <chrono>
#include <string>
#include <string_view>

namespace lc::pin {

/// Shortest and longest PIN.
inline constexpr std::size_t kMinDigits = 6;
inline constexpr std::size_t kMaxDigits = 12;

/// Wrong PINs in a row that start a lockout.
inline constexpr int kMaxFailures = 5;
/// The first lockout; each further one doubles, up to kMaxLockout.
inline constexpr std::chrono::minutes kFirstLockout{5};
inline constexpr std::chrono::minutes kMaxLockout{24 * 60};

/// Why `pin` cannot be the staff PIN ("" when it can): not 6 to 12 digits, one digit repeated
/// (000000), a run up or down (123456, 987654, also wrapping 890123), a row, column or diagonal
/// walk of the keypad (each digit next to the one before: 258963, 147852) or straight keypad
/// lines of three (147258, 159357), or a repeated pair or triple (121212, 482482).
std::string pinProblem(std::string_view pin);

/// How long the n-th lockout in a row lasts (n ≥ 1): 5 min, 10, 20, ... capped at 24 h.
std::chrono::minutes lockoutLength(int n);

}  // namespace lc::pin
