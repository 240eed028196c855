#include <lc/core/csv.hpp>

#include <lc/core/text.hpp>

namespace lc::csv {

namespace {

bool startsFormula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

std::string cell(std::string_view value) {
    // The cell, and every part of it a spreadsheet might split off (French and Spanish ones split
    // on ';', some on tab), get an apostrophe before a leading = + - @.
    std::string v;
    v.reserve(value.size() + 2);
    bool partStart = true;
    for (char c : value) {
        if (partStart && startsFormula(c)) v += '\'';
        v += c;
        partStart = c == ';' || c == '\t';
    }
    const bool quote = v.find_first_of(",;\"\r\n\t") != std::string::npos;
    if (!quote) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += cell(cells[i]);
    }
    out += "\r\n";
    return out;
}

Result<Table> parse(std::string_view text, std::size_t maxRows, std::size_t maxCell) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!text::isValidUtf8(text))
        return fail(ErrorCode::Parse, "[csv.1]", "the file is not valid UTF-8 (save it as CSV UTF-8)");
    if (text.find('\0') != std::string_view::npos)
        return fail(ErrorCode::Parse, "[csv.2]", "the file contains a NUL byte");
    Table t;
    std::vector<std::string> current;
    std::string field;
    int line = 1;
    int rowLine = 1;
    bool inQuotes = false;
    bool fieldStarted = false;
    const auto endField = [&] {
        current.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    const auto endRow = [&] {
        endField();
        // A blank line is not a row.
        if (!(current.size() == 1 && current[0].empty())) {
            t.rows.push_back(std::move(current));
            t.lines.push_back(rowLine);
        }
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRow();
            ++line;
            rowLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
        if (field.size() > maxCell)
            return fail(ErrorCode::Parse, "[csv.3]", "line " + std::to_string(line) + ": a cell is longer than " + std::to_string(maxCell) + " bytes");
        if (t.rows.size() > maxRows)
            return fail(ErrorCode::Parse, "[csv.4]", "more than " + std::to_string(maxRows) + " rows");
    }
    if (inQuotes)
        return fail(ErrorCode::Parse, "[csv.5]", "line " + std::to_string(rowLine) + ": a quoted cell is never closed");
    if (!field.empty() || !current.empty()) endRow();
    return t;
}

}  // namespace lc::csv
