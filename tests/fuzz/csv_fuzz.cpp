// libFuzzer target: the roster CSV reader (lc::csv::parse) and what `lcctl import-roster` does
// with its header row and cells (trim, fold, the name/email/mobile checks).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <lc/core/csv.hpp>
#include <lc/core/names.hpp>
#include <lc/core/text.hpp>
#include <lc/core/validation.hpp>

#include "fuzz_check.hpp"

namespace {

using lc::fuzz::check;

constexpr std::size_t kMaxCell = 4096;

// The header logic of `lcctl import-roster`: the columns named name, email and mobile.
struct Columns {
    int name = -1, email = -1, mobile = -1;
};

Columns findColumns(const std::vector<std::string>& header) {
    Columns c;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = lc::names::fold(lc::text::trim(header[i]));
        if (h == "name") c.name = int(i);
        else if (h == "email") c.email = int(i);
        else if (h == "mobile") c.mobile = int(i);
    }
    return c;
}

// What the writer's formula guard makes of a cell, restated here as the oracle: an apostrophe
// before = + - @ tab or CR at the cell's start and after every ';' or tab (spreadsheets split there).
std::string guarded(std::string_view v) {
    std::string out;
    bool partStart = true;
    for (char c : v) {
        if (partStart && std::string_view("=+-@\t\r").find(c) != std::string_view::npos) out += '\'';
        out += c;
        partStart = c == ';' || c == '\t';
    }
    return out;
}

std::string cellAt(const std::vector<std::string>& cells, int col) {
    return col >= 0 && col < int(cells.size()) ? lc::text::trim(cells[std::size_t(col)]) : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto table = lc::csv::parse(text, 1000, kMaxCell);
    if (!table) {
        check(!table.error().id.empty(), "error has an id");
        return 0;
    }
    check(table->rows.size() == table->lines.size(), "a line number per row");
    int lastLine = 0;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        check(table->lines[r] > lastLine, "line numbers increase");
        lastLine = table->lines[r];
        for (const auto& cell : table->rows[r]) {
            check(lc::text::isValidUtf8(cell), "cell is UTF-8");
            check(cell.find('\0') == std::string::npos, "cell has no NUL");
            check(cell.size() <= kMaxCell, "cell bounded");
        }
    }
    if (table->rows.empty()) return 0;
    const Columns cols = findColumns(table->rows[0]);
    if (cols.name < 0) return 0;
    for (std::size_t r = 1; r < table->rows.size(); ++r) {
        const auto& cells = table->rows[r];
        (void)lc::validation::nameProblem(cellAt(cells, cols.name));
        const std::string email = cellAt(cells, cols.email);
        if (!email.empty()) (void)lc::validation::isValidEmail(email);
        const std::string mobile = cellAt(cells, cols.mobile);
        if (!mobile.empty()) (void)lc::validation::normaliseMobile(mobile, "US");
    }
    // What was read survives the writer: the same rows come back, formula cells with their apostrophe.
    std::string again;
    for (const auto& row : table->rows) again += lc::csv::row(row);
    auto back = lc::csv::parse(again, 1000, kMaxCell + 1);
    check(back.has_value(), "written rows parse");
    check(back->rows.size() == table->rows.size(), "written rows read back");
    for (std::size_t r = 0; r < back->rows.size(); ++r) {
        check(back->rows[r].size() == table->rows[r].size(), "written cells read back");
        for (std::size_t i = 0; i < back->rows[r].size(); ++i) {
            const std::string& v = table->rows[r][i];
            const bool bomFirst = r == 0 && i == 0 && v.rfind("\xEF\xBB\xBF", 0) == 0;
            if (!bomFirst) check(back->rows[r][i] == guarded(v), "cell round trip");
        }
    }
    return 0;
}
