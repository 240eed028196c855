#pragma once
// Typing on the on-screen keyboard: which layout is up, shift, and editing a field's text.

#include <cstddef>
#include <string>
#include <string_view>

namespace lc::kiosk {

/// The on-screen keyboard's key sets.
enum class KeyboardLayout { Letters, Accents, Email, Phone };

/// The keyboard's own state, cleared with everything else on idle reset.
struct KeyboardState {
    KeyboardLayout layout = KeyboardLayout::Letters;
    bool shift = false;
    bool visible = false;
};

/// Keys typed on the on-screen keyboard ("\n" is Enter: next field).
struct TypeText {
    std::string text;
};
/// The backspace key.
struct Backspace {};
/// A layout key (?123, àé, @).
struct SetLayout {
    KeyboardLayout layout = KeyboardLayout::Letters;
};
/// The shift key.
struct ToggleShift {};

/// Appends typed text to `value`, keeping at most `maxChars` characters and dropping control
/// characters (the keyboard never sends them, a script might).
void typeInto(std::string& value, std::string_view typed, std::size_t maxChars);

/// Removes the last character (a whole UTF-8 sequence).
void backspace(std::string& value);

/// Overwrites every byte of a string's buffer (spare capacity too) with zeros, keeping its size;
/// the writes are not optimised away.
void zeroFill(std::string& s);

/// Zeroes a string's buffer, then clears and releases it, so a freed buffer keeps nothing typed.
void wipe(std::string& s);

}  // namespace lc::kiosk
