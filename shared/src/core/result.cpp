#include <lc/core/result.hpp>

#include <lc/core/text.hpp>

namespace lc {

std::string Error::describe() const {
    return text::redactCredentials(id.empty() ? message : id + " " + message);
}

}  // namespace lc
