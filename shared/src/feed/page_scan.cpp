#include "page_scan.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace lc::feed::detail {

namespace {

using json = nlohmann::json;

/// Tracks depth; counts the elements of the top-level `items` array; keeps the top-level `count`.
class EnvelopeSax final : public nlohmann::json_sax<json> {
public:
    bool null() override { return scalar(std::nullopt); }
    bool boolean(bool) override { return scalar(std::nullopt); }
    bool number_integer(number_integer_t v) override { return scalar(static_cast<long long>(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        return scalar(v > static_cast<number_unsigned_t>(1LL << 40) ? std::nullopt
                                                                  : std::optional<long long>(static_cast<long long>(v)));
    }
    bool number_float(number_float_t, const string_t&) override { return scalar(std::nullopt); }
    bool string(string_t&) override { return scalar(std::nullopt); }
    bool binary(binary_t&) override { return scalar(std::nullopt); }
    bool start_object(std::size_t) override {
        if (m_depth == 0) m_topObject = true;
        element();
        ++m_depth;
        return true;
    }
    bool end_object() override {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t) override {
        if (m_depth == 0) return false;  // a top-level array is not a page
        element();
        if (m_depth == 1 && m_key == "items") {
            m_sawItems = true;
            m_inItems = true;
        }
        ++m_depth;
        return true;
    }
    bool end_array() override {
        --m_depth;
        if (m_depth == 1) m_inItems = false;
        return true;
    }
    bool key(string_t& k) override {
        if (m_depth == 1) m_key = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

    std::optional<PageEnvelope> result() const {
        if (!m_topObject || !m_sawItems || !m_count || *m_count < 0) return std::nullopt;
        return PageEnvelope{*m_count, m_items};
    }

private:
    void element() {
        if (m_inItems && m_depth == 2) ++m_items;
    }
    bool scalar(std::optional<long long> integer) {
        if (m_depth == 0) return false;  // a bare scalar is not a page
        element();
        if (m_depth == 1 && m_key == "count") m_count = integer;
        return true;
    }

    int m_depth = 0;
    std::string m_key;
    bool m_topObject = false;
    bool m_sawItems = false;
    bool m_inItems = false;
    std::optional<long long> m_count;
    int m_items = 0;
};

}  // namespace

std::optional<PageEnvelope> scanPage(std::string_view body) {
    EnvelopeSax sax;
    if (!json::sax_parse(body, &sax)) return std::nullopt;
    return sax.result();
}

}  // namespace lc::feed::detail
