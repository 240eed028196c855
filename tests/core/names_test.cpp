#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <lc/core/names.hpp>

using namespace lc::names;

namespace {
bool finds(const std::string& name, const std::string& query) {
    return matches(fold(name), fold(query));
}
}  // namespace

TEST_CASE("Names", "[core]") {
    SECTION("fold drops case and accents") {
        CHECK(fold("María José") == "maria jose");
        CHECK(fold("ÉLODIE") == "elodie");
        CHECK(fold("Ñandú") == "nandu");
        CHECK(fold("Straße") == "strasse");
        CHECK(fold("STRASSE") == "strasse");
        CHECK(fold("Søren Ærø") == "soren aero");
        CHECK(fold("Łukasz Wałęsa") == "lukasz walesa");
        CHECK(fold("François Œuvray") == "francois oeuvray");
        CHECK(fold("Nguyễn Thị Minh Khai") == "nguyen thi minh khai");
        CHECK(fold("İstanbul") == "istanbul");
        CHECK(fold("Ana") == "ana");
        CHECK(fold("Wanjiru Kamau") == "wanjiru kamau");
        CHECK(fold("Ζωή") == "ζωη");
        CHECK(fold("Анна") == "анна");
        CHECK(fold("李小龙") == "李小龙");
    }

    SECTION("fold is the same for composed and decomposed input") {
        CHECK(fold("Jos\xC3\xA9") == fold("Jose\xCC\x81"));  // é vs e + U+0301
        CHECK(fold("Jose\xCC\x81") == "jose");
    }

    SECTION("fold collapses spaces and punctuation into single spaces") {
        CHECK(fold("  María   José  ") == "maria jose");
        CHECK(fold("Jean-Pierre") == "jean pierre");
        CHECK(fold("O'Brien") == "obrien");
        CHECK(fold("O\xE2\x80\x99" "Brien") == "obrien");  // typographic apostrophe
        CHECK(fold("Ana\xC2\xA0María") == "ana maria");      // no-break space
        CHECK(fold("Smith, John") == "smith john");
        CHECK(fold("") == "");
        CHECK(fold("   ") == "");
        CHECK(fold("---") == "");
    }

    SECTION("fold survives invalid UTF-8") {
        CHECK(fold("Ana\xff\xfeMaría") == "ana maria");
    }

    SECTION("each query word starts some word of the name") {
        CHECK(finds("María", "mar"));
        CHECK(finds("José", "jose"));
        CHECK(finds("María Gómez", "gom"));
        CHECK(finds("María Gómez", "GÓM"));
        CHECK(finds("María Gómez", "gom mar"));
        CHECK(finds("María Gómez", "maría gómez"));
        CHECK(finds("Jean-Pierre Dupont", "pierre"));
        CHECK(finds("Seán O'Brien", "obri"));
        CHECK(finds("Seán O'Brien", "o'bri"));
        CHECK(finds("Ana", "  ana  "));
        CHECK_FALSE(finds("María Gómez", "ome"));   // inside a word, not at its start
        CHECK_FALSE(finds("María Gómez", "mar x"));  // every word must match
        CHECK_FALSE(finds("María Gómez", "gomezz"));
        CHECK_FALSE(finds("Ana", "anas"));
        CHECK_FALSE(finds("Ana", ""));
        CHECK_FALSE(finds("Ana", "   "));
        CHECK_FALSE(finds("", "a"));
        CHECK_FALSE(matches("", ""));
    }

    SECTION("look-alike names are found by either spelling") {
        CHECK(finds("Maria Gomez", "maría"));
        CHECK(finds("MARÍA GÓMEZ", "maria gomez"));
        CHECK(finds("Zoë", "zoe"));
        CHECK(finds("Björk", "bjork"));
        CHECK(finds("Søren", "soren"));
        CHECK(finds("Straße", "strass"));
    }

    SECTION("masks show the first name and a surname initial") {
        CHECK(maskAll({"María Gómez"}) == std::vector<std::string>{"María G."});
        CHECK(maskAll({"Ana"}) == std::vector<std::string>{"Ana"});
        CHECK(maskAll({"Ana María Gómez"}) == std::vector<std::string>{"Ana G."});
        CHECK(maskAll({"  Ana   Wanjiru  "}) == std::vector<std::string>{"Ana W."});
        CHECK(maskAll({"Ana Élodie"}) == std::vector<std::string>{"Ana É."});
        CHECK(maskAll({}).empty());
        CHECK(maskAll({""}) == std::vector<std::string>{""});
    }

    SECTION("masks take more surname letters until different people differ") {
        CHECK(maskAll({"María Gómez", "María García"}) ==
              std::vector<std::string>{"María Gó.", "María Ga."});
        CHECK(maskAll({"María Gómez", "Ana García"}) ==
              std::vector<std::string>{"María G.", "Ana G."});
        CHECK(maskAll({"Ana Gonzalez", "Ana Gómez", "Ana Garcia"}) ==
              std::vector<std::string>{"Ana Gon.", "Ana Góm.", "Ana Ga."});
        CHECK(maskAll({"Ana Gómez", "Ana Gómeza"}) ==
              std::vector<std::string>{"Ana Gómez", "Ana Gómeza"});
    }

    SECTION("masks of look-alikes: accents and case do not tell people apart") {
        // "Gómez" and "Gomez" look alike once masked, so the masks must differ further on.
        CHECK(maskAll({"Maria Gomez", "MARIA GARCIA"}) ==
              std::vector<std::string>{"Maria Go.", "MARIA GA."});
        CHECK(maskAll({"María Gómez", "Maria Gonzalez"}) ==
              std::vector<std::string>{"María Góm.", "Maria Gon."});
    }

    SECTION("identical names stay identical") {
        CHECK(maskAll({"María Gómez", "María Gómez"}) ==
              std::vector<std::string>{"María G.", "María G."});
        CHECK(maskAll({"María Gómez", "María Gómez", "María García"}) ==
              std::vector<std::string>{"María Gó.", "María Gó.", "María Ga."});
        // The same person typed twice, with and without accents: nothing more to show.
        CHECK(maskAll({"María Gómez", "Maria Gomez"}) ==
              std::vector<std::string>{"María G.", "Maria G."});
    }

    SECTION("masks count characters, not bytes") {
        CHECK(maskAll({"Ana Ñandú", "Ana Ñoño"}) ==
              std::vector<std::string>{"Ana Ña.", "Ana Ño."});
        CHECK(maskAll({"Ana \xD0\x90\xD0\xBD\xD0\xBD\xD0\xB0"}) ==  // Анна
              std::vector<std::string>{"Ana \xD0\x90."});
        // A decomposed accent stays with its letter.
        CHECK(maskAll({"Ana E\xCC\x81lodie"}) == std::vector<std::string>{"Ana E\xCC\x81."});
        CHECK(maskAll({"李 小龙", "李 小明"}) == std::vector<std::string>{"李 小龙", "李 小明"});
    }

    SECTION("an index finds what matches() finds, in order") {
        NameIndex index;
        const std::vector<std::string> roster = {"María Gómez", "Mario Gomes", "José García",
                                                 "Ana Margarita López", "Wanjiru Kamau", ""};
        for (std::size_t i = 0; i < roster.size(); ++i) CHECK(index.add(roster[i]) == i);
        CHECK(index.size() == roster.size());
        CHECK(index.folded(0) == "maria gomez");
        CHECK(index.folded(5) == "");
        std::vector<std::uint32_t> hits;
        index.search("MAR", hits);
        CHECK(hits == std::vector<std::uint32_t>{0, 1, 3});
        index.search("gom mar", hits);
        CHECK(hits == std::vector<std::uint32_t>{0, 1});
        index.search("gómez", hits);
        CHECK(hits == std::vector<std::uint32_t>{0});
        index.search("mar", hits, 2);
        CHECK(hits == std::vector<std::uint32_t>{0, 1});
        index.search("zzz", hits);
        CHECK(hits.empty());
        index.search("", hits);
        CHECK(hits.empty());
        index.search(" - ", hits);
        CHECK(hits.empty());
        // The signature filter never hides a match: compare with matches() on every prefix.
        for (const std::string query : {"m", "ma", "g", "go", "jo", "w", "ka", "a l", "lo", "é"}) {
            std::vector<std::uint32_t> expected;
            for (std::uint32_t i = 0; i < roster.size(); ++i) {
                if (matches(fold(roster[i]), fold(query))) expected.push_back(i);
            }
            index.search(query, hits);
            INFO(query);
            CHECK(hits == expected);
        }
        index.clear();
        CHECK(index.size() == 0);
        index.search("mar", hits);
        CHECK(hits.empty());
    }

    SECTION("first names") {
        CHECK(firstName("María José Gómez") == "María");
        CHECK(firstName("  Wanjiru  ") == "Wanjiru");
        CHECK(firstName("Ana\xC2\xA0María") == "Ana");
        CHECK(firstName("") == "");
        CHECK(firstName("   ") == "");
    }
}
