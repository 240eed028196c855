#pragma once
// RFC 4180 CSV in UTF-8: a writer that neutralises spreadsheet formulas and a bounded reader.

#include <string>
#include <string_view>
#include <vector>

#include <lc/core/result.hpp>

namespace lc::csv {

/// One cell, quoted when it holds a separator (`,` or `;`), a quote, a tab or a line break; the
/// cell, and each `;`- or tab-separated part of it, that begins with = + - @ (or tab/CR) gets an
/// apostrophe first, so that no spreadsheet, whatever separator it splits on, runs a formula.
std::string cell(std::string_view value);

/// One line: cells joined by commas, ended by CRLF.
std::string row(const std::vector<std::string>& cells);

/// A parsed CSV: rows of cells, with the 1-based line number each row starts on.
struct Table {
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
};

/// Parses RFC 4180 text (quoted cells, "" escapes, CRLF or LF, a UTF-8 BOM skipped). Fails on an
/// unterminated quote, invalid UTF-8, a NUL byte, more than `maxRows` rows or a cell over
/// `maxCell` bytes, naming the line.
Result<Table> parse(std::string_view text, std::size_t maxRows = 100000, std::size_t maxCell = 4096);

}  // namespace lc::csv
