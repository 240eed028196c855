// Reading the config file (declared in lc/core/config.hpp; lc_core itself does no I/O).
#include <lc/core/config.hpp>

#include <sys/stat.h>

#include <lc/platform/files.hpp>

namespace lc {

Result<Config> loadConfig(const std::string& path) {
    auto text = platform::readFile(path);
    if (!text)
        return fail(text.error().code, "[config.4]", "cannot read config file " + path + ": " +
                                                         text.error().message.substr(text.error().message.rfind(": ") + 2));
    if (text->size() > 1024 * 1024)
        return fail(ErrorCode::InvalidInput, "[config.5]", path + ": larger than 1 MiB");
    auto cfg = parseConfig(*text);
    if (!cfg) return fail(cfg.error().code, cfg.error().id, path + ": " + cfg.error().message);
    cfg->path = path;
    struct stat st {};
    if (!cfg->webhook.secret.empty() && ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IROTH) != 0)
        cfg->exposureWarning = path + " holds webhook.secret and every user of this computer can read it: "
                                      "chmod 640 it (owner root, group learning-circles)";
    return cfg;
}

}  // namespace lc
