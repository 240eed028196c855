#include <lc/ui/i18n.hpp>

#include <boost/locale.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace lc::ui {

struct Catalogs::Impl {
    struct Lang {
        std::locale locale;
        std::vector<int> domainIds;  ///< per Catalogs::domains(), -1 when absent
    };
    std::map<std::string, Lang, std::less<>> langs;
};

namespace {

// A locale name Boost.Locale accepts for each language; the .mo lookup falls back to <lang>/.
std::string localeName(std::string_view lang) {
    if (lang == "fr") return "fr_FR.UTF-8";
    if (lang == "es") return "es_ES.UTF-8";
    if (lang == "sw") return "sw_KE.UTF-8";
    return "en_US.UTF-8";
}

using Facet = boost::locale::message_format<char>;

const Catalogs::Impl::Lang* findLang(const Catalogs::Impl& impl, std::string_view lang) {
    auto it = impl.langs.find(lang);
    if (it == impl.langs.end()) it = impl.langs.find(std::string_view("en"));
    return it == impl.langs.end() ? nullptr : &it->second;
}

// The translation in the first domain that has it, or nullptr.
const char* lookup(const Catalogs::Impl& impl, std::string_view lang, const char* context,
                   const std::string& id, std::optional<long> n = std::nullopt) {
    const auto* l = findLang(impl, lang);
    if (!l || !std::has_facet<Facet>(l->locale)) return nullptr;
    const auto& facet = std::use_facet<Facet>(l->locale);
    for (int d : l->domainIds) {
        if (d < 0) continue;
        const char* s = n ? facet.get(d, context, id.c_str(), static_cast<int>(*n))
                          : facet.get(d, context, id.c_str());
        if (s) return s;
    }
    return nullptr;
}

bool domainCompiled(const std::string& dir, const std::string& domain) {
    for (auto lang : kLanguages) {
        std::error_code ec;
        if (std::filesystem::exists(std::filesystem::path(dir) / std::string(lang) /
                                        "LC_MESSAGES" / (domain + ".mo"),
                                    ec))
            return true;
    }
    return false;
}

}  // namespace

bool isSupportedLanguage(std::string_view lang) {
    for (auto l : kLanguages)
        if (l == lang) return true;
    return false;
}

std::string defaultMessagesDir() {
    if (const char* env = std::getenv("LC_MESSAGES_DIR"); env && *env) return env;
    std::error_code ec;
    if (std::filesystem::is_directory(LC_MESSAGES_BUILD_DIR, ec)) return LC_MESSAGES_BUILD_DIR;
    return LC_MESSAGES_INSTALL_DIR;
}

Result<Catalogs> Catalogs::load(const std::string& messagesDir, std::vector<std::string> domains) {
    // A domain with no compiled catalog at all is skipped (an app may not have strings yet);
    // nothing at all means a wrong directory.
    std::vector<std::string> present;
    for (const auto& d : domains)
        if (domainCompiled(messagesDir, d)) present.push_back(d);
    if (present.empty())
        return fail(ErrorCode::NotFound, "[ui.i18n.1]",
                    "no compiled translations under " + messagesDir);
    boost::locale::generator gen;
    // Only the message catalogs: the other facets (collation, number and date formats, ...) would
    // load ICU's data for each language, and nothing here uses them.
    gen.categories(boost::locale::message_facet);
    gen.add_messages_path(messagesDir);
    for (const auto& d : present) gen.add_messages_domain(d + "/UTF-8");
    auto impl = std::make_shared<Impl>();
    for (auto lang : kLanguages) {
        Impl::Lang l{gen(localeName(lang)), {}};
        if (std::has_facet<Facet>(l.locale)) {
            const auto& facet = std::use_facet<Facet>(l.locale);
            for (const auto& d : domains) {
                bool ok = false;
                for (const auto& p : present) ok = ok || p == d;
                l.domainIds.push_back(ok ? facet.domain(d) : -1);
            }
        }
        impl->langs.emplace(std::string(lang), std::move(l));
    }
    Catalogs c;
    c.m_domains = std::move(domains);
    c.m_impl = std::move(impl);
    return c;
}

std::string Catalogs::tr(std::string_view lang, std::string_view msgid) const {
    const std::string id(msgid);
    const char* s = m_impl ? lookup(*m_impl, lang, nullptr, id) : nullptr;
    return s ? std::string(s) : id;
}

std::string Catalogs::trc(std::string_view lang, std::string_view context,
                          std::string_view msgid) const {
    const std::string id(msgid), ctx(context);
    const char* s = m_impl ? lookup(*m_impl, lang, ctx.c_str(), id) : nullptr;
    return s ? std::string(s) : id;
}

std::string Catalogs::trn(std::string_view lang, std::string_view singular,
                          std::string_view plural, long n) const {
    const std::string id(singular);
    const char* s = m_impl ? lookup(*m_impl, lang, nullptr, id, n) : nullptr;
    if (s) return s;
    return n == 1 ? id : std::string(plural);
}

bool Catalogs::has(std::string_view lang, std::string_view msgid) const {
    return m_impl && lookup(*m_impl, lang, nullptr, std::string(msgid)) != nullptr;
}

std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                const auto name = pattern.substr(i + 1, close - i - 1);
                const std::string* value = nullptr;
                for (const auto& [k, v] : values)
                    if (k == name) value = &v;
                if (value) {
                    out += *value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

}  // namespace lc::ui
