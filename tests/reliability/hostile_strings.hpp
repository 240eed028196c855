#pragma once
// Reads tests/data/hostile.txt and decodes its escape notation (documented at the top of the file).

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <lc/core/text.hpp>

namespace lc::reliability {

/// Decodes one line of hostile.txt (without the @repeat prefix).
inline std::string decodeHostile(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\' || i + 1 == line.size()) {
            out += line[i];
            continue;
        }
        const char e = line[++i];
        if (e == '\\') out += '\\';
        else if (e == '0') out += '\0';
        else if (e == 'n') out += '\n';
        else if (e == 'r') out += '\r';
        else if (e == 't') out += '\t';
        else if (e == 'e') continue;
        else if (e == 'x') {
            out += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else if (e == 'u') {
            const std::size_t close = line.find('}', i);
            lc::text::appendUtf8(out, char32_t(std::stoul(line.substr(i + 2, close - i - 2), nullptr, 16)));
            i = close;
        } else {
            throw std::runtime_error("hostile.txt: unknown escape \\" + std::string(1, e));
        }
    }
    return out;
}

/// Every string of the file, decoded, in file order.
inline std::vector<std::string> loadHostile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("@repeat ", 0) == 0) {
            const std::size_t space = line.find(' ', 8);
            const int n = std::stoi(line.substr(8, space - 8));
            const std::string unit = decodeHostile(line.substr(space + 1));
            std::string s;
            for (int k = 0; k < n; ++k) s += unit;
            out.push_back(std::move(s));
        } else {
            out.push_back(decodeHostile(line));
        }
    }
    return out;
}

}  // namespace lc::reliability
