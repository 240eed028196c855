#pragma once
#include <string>

namespace lc {
/// A new random (version 4) UUID in lower-case text form, from libuuid.
std::string newUuid();
}  // namespace lc
