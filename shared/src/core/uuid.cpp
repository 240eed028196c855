#include <lc/core/uuid.hpp>

#include <uuid/uuid.h>

namespace lc {

std::string newUuid() {
    uuid_t raw;
    uuid_generate_random(raw);
    char text[37];
    uuid_unparse_lower(raw, text);
    return text;
}

}  // namespace lc
