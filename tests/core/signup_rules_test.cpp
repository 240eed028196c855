#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <lc/core/signup_rules.hpp>
#include <lc/core/validation.hpp>

using namespace lc;
using namespace std::chrono_literals;

namespace {

Circle openCircle() {
    Circle c;
    c.id = 2871;
    c.name = "Python for beginners";
    c.signupOpen = true;
    c.signupLimit = 12;
    c.signupCount = 7;
    return c;
}

SignupForm goodForm() {
    SignupForm f;
    f.circleId = 2871;
    f.name = "  María Gómez ";
    f.email = " Maria.Gomez@Example.ORG ";
    f.goals = " Learn Python\n";
    f.support = "Bring snacks";
    f.consent = true;
    return f;
}

std::vector<std::string> fields(const SignupValidation& v) {
    std::vector<std::string> out;
    for (const FieldError& e : v.errors) out.push_back(e.field);
    return out;
}

std::string messageFor(const SignupValidation& v, const std::string& field) {
    for (const FieldError& e : v.errors) {
        if (e.field == field) return e.message;
    }
    return "(none)";
}

}  // namespace

TEST_CASE("SignupRules", "[core]") {
    const Instant now = Instant{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}} + 18h;
    const Instant lastEnd = now + 24h * 30;
    Circle circle = openCircle();

    SECTION("state names") {
        CHECK(std::string(toString(SignupState::Open)) == "open");
        CHECK(std::string(toString(SignupState::Full)) == "full");
        CHECK(std::string(toString(SignupState::Closed)) == "closed");
        CHECK(std::string(toString(SignupState::Ended)) == "ended");
        CHECK(stateReason(SignupState::Open).empty());
        CHECK(stateReason(SignupState::Ended) == "This circle has ended.");
        CHECK(stateReason(SignupState::Closed) == "Signup for this circle is closed.");
        CHECK(stateReason(SignupState::Full) == "This circle is full.");
    }

    SECTION("state precedence: ended beats closed beats full") {
        CHECK(signupState(circle, lastEnd, 0, now) == SignupState::Open);
        circle.signupCount = 12;
        CHECK(signupState(circle, lastEnd, 0, now) == SignupState::Full);
        circle.signupOpen = false;
        CHECK(signupState(circle, lastEnd, 0, now) == SignupState::Closed);
        CHECK(signupState(circle, now, 0, now) == SignupState::Ended);  // at the end instant
        CHECK(signupState(circle, now - 1s, 0, now) == SignupState::Ended);
        circle.signupOpen = true;
        CHECK(signupState(circle, now, 5, now) == SignupState::Ended);
        CHECK(signupState(circle, now + 1s, 0, now) == SignupState::Full);
    }

    SECTION("capacity counts this device's pending signups") {
        CHECK(seatsLeft(circle, 0) == 5);
        CHECK(seatsLeft(circle, 4) == 1);
        CHECK(signupState(circle, lastEnd, 4, now) == SignupState::Open);
        CHECK(seatsLeft(circle, 5) == 0);
        CHECK(signupState(circle, lastEnd, 5, now) == SignupState::Full);
        CHECK(seatsLeft(circle, 9) == 0);  // never below zero
        CHECK(signupState(circle, lastEnd, 9, now) == SignupState::Full);
        circle.signupCount = 20;  // upstream ignores capacity: the count can pass the limit
        CHECK(seatsLeft(circle, 0) == 0);
    }

    SECTION("no limit: null, 0 and missing") {
        circle.signupLimit.reset();
        circle.signupCount = 500;
        CHECK_FALSE(seatsLeft(circle, 100).has_value());
        CHECK(signupState(circle, lastEnd, 100, now) == SignupState::Open);
        circle.signupLimit = 0;
        CHECK_FALSE(seatsLeft(circle, 100).has_value());
        CHECK(signupState(circle, lastEnd, 100, now) == SignupState::Open);
    }

    SignupContext ctx;
    ctx.circle = &circle;
    ctx.regionCode = "KE";

    SECTION("a good form is normalised") {
        SignupForm form = goodForm();
        form.mobile = " 0712 345 678 ";
        const SignupValidation v = validateSignup(form, ctx);
        REQUIRE(v.errors.empty());
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->form.name == "María Gómez");
        CHECK(v.valid->form.email == "Maria.Gomez@Example.ORG");
        CHECK(v.valid->form.mobile == "+254712345678");
        CHECK(v.valid->form.goals == "Learn Python");
        CHECK(v.valid->form.circleId == 2871);
        CHECK(v.valid->sendUpstream);
        CHECK(v.valid->localOnlyReason.empty());
    }

    SECTION("names lose bidi overrides and zero-width characters; emails with controls are refused") {
        SignupForm form = goodForm();
        form.name = "Mar\u202Eía\u200B Gómez\uFEFF";
        const SignupValidation v = validateSignup(form, ctx);
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->form.name == "María Gómez");
        form = goodForm();
        form.email = "\"ana\x01lee\"@example.org";
        const SignupValidation bad = validateSignup(form, ctx);
        CHECK_FALSE(bad.valid.has_value());
        CHECK(fields(bad) == std::vector<std::string>{"email"});
        CHECK(lc::validation::isValidEmail("\"ana..lee\"@example.org"));
        CHECK_FALSE(lc::validation::isValidEmail("\"ana\x1b[31m\"@example.org"));
    }

    SECTION("every problem at once, in form order, the circle last") {
        circle.signupOpen = false;
        ctx.state = SignupState::Closed;
        circle.signupQuestion = "Do you have a library card?";
        SignupForm form;
        form.circleId = 2871;
        form.email = "josé@exemple.fr";
        form.mobile = "12";
        const SignupValidation v = validateSignup(form, ctx);
        CHECK_FALSE(v.valid.has_value());
        CHECK(fields(v) == std::vector<std::string>{"name", "email", "mobile", "goals", "support",
                                                    "answer", "consent", "circle"});
        CHECK(messageFor(v, "name") == "Please enter your name.");
        CHECK(messageFor(v, "email") == "Please enter a valid email address.");
        CHECK(messageFor(v, "mobile") == "Please enter a valid phone number.");
        CHECK(messageFor(v, "goals") == "Please tell us your goals.");
        CHECK(messageFor(v, "support") == "Please tell us how you'll support the group.");
        CHECK(messageFor(v, "answer") == "Please answer the circle's question.");
        CHECK(messageFor(v, "consent") == "Please agree to the privacy notice to sign up.");
        CHECK(messageFor(v, "circle") == "Signup for this circle is closed.");
    }

    SECTION("answers that are only white space are missing") {
        SignupForm form = goodForm();
        form.goals = " \t\n ";
        form.support = "\xE3\x80\x80";  // ideographic space
        const SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"goals", "support"});
    }

    SECTION("the circle's question is asked only when it has one") {
        SignupForm form = goodForm();
        CHECK(validateSignup(form, ctx).valid.has_value());
        circle.signupQuestion = "";
        CHECK(validateSignup(form, ctx).valid.has_value());
        circle.signupQuestion = "Do you have a library card?";
        CHECK(fields(validateSignup(form, ctx)) == std::vector<std::string>{"answer"});
        form.customAnswer = " Yes ";
        const SignupValidation v = validateSignup(form, ctx);
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->form.customAnswer == "Yes");
    }

    SECTION("fields are bounded") {
        SignupForm form = goodForm();
        form.goals = std::string(2000, 'g');
        std::string support;
        for (int i = 0; i < 2000; ++i) support += "é";
        form.support = support;
        CHECK(validateSignup(form, ctx).valid.has_value());
        form.goals += "g";
        form.support += "é";
        form.customAnswer = std::string(2001, 'a');
        form.email = std::string(243, 'a') + "@example.com";  // 255 bytes
        form.mobile = "+254712345678" + std::string(20, '0');
        form.name = std::string(129, 'n');
        const SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"name", "email", "mobile", "goals", "support",
                                                    "answer"});
        CHECK(messageFor(v, "goals") == "That answer is too long (2000 characters at most).");
        CHECK(messageFor(v, "name") == "That name is too long (128 characters at most).");
    }

    SECTION("control characters are refused, line breaks in answers are not") {
        SignupForm form = goodForm();
        form.goals = "Line one\nLine two\tend";
        CHECK(validateSignup(form, ctx).valid.has_value());
        form.goals = "bell\a";
        form.name = "Ana\nGómez";
        const SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"name", "goals"});
        CHECK(messageFor(v, "goals") == "That text contains characters that are not allowed.");
    }

    SECTION("mobile only, where the library allows it") {
        SignupForm form = goodForm();
        form.email = "  ";
        form.mobile = "0712 345 678";
        ctx.allowMobileOnly = true;
        const SignupValidation v = validateSignup(form, ctx);
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->form.email.empty());
        CHECK(v.valid->form.mobile == "+254712345678");
        CHECK_FALSE(v.valid->sendUpstream);
        CHECK(v.valid->localOnlyReason == "no email: P2PU's signup API requires one");
    }

    SECTION("mobile only, refused where it is not allowed") {
        SignupForm form = goodForm();
        form.email = "";
        form.mobile = "0712 345 678";
        const SignupValidation v = validateSignup(form, ctx);
        CHECK_FALSE(v.valid.has_value());
        CHECK(fields(v) == std::vector<std::string>{"email"});
        CHECK(messageFor(v, "email") == "An email address is needed to sign up.");
    }

    SECTION("neither email nor mobile") {
        SignupForm form = goodForm();
        form.email = "";
        ctx.allowMobileOnly = true;
        const SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"email"});
        CHECK(messageFor(v, "email") == "Please give an email address or a phone number.");
    }

    SECTION("email and mobile both given go upstream") {
        SignupForm form = goodForm();
        form.mobile = "+33 6 12 34 56 78";
        ctx.allowMobileOnly = true;
        const SignupValidation v = validateSignup(form, ctx);
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->sendUpstream);
        CHECK(v.valid->form.mobile == "+33612345678");
    }

    SECTION("the circle's state is checked last") {
        const SignupForm form = goodForm();
        ctx.state = SignupState::Full;
        SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"circle"});
        CHECK(messageFor(v, "circle") == "This circle is full.");
        ctx.state = SignupState::Ended;
        v = validateSignup(form, ctx);
        CHECK(messageFor(v, "circle") == "This circle has ended.");
    }

    SECTION("an unknown circle") {
        SignupForm form = goodForm();
        ctx.circle = nullptr;
        SignupValidation v = validateSignup(form, ctx);
        CHECK(fields(v) == std::vector<std::string>{"circle"});
        CHECK(messageFor(v, "circle") == "No such learning circle.");
        ctx.circle = &circle;
        form.circleId = 9999;  // the form names another circle than the one checked
        v = validateSignup(form, ctx);
        CHECK(messageFor(v, "circle") == "No such learning circle.");
        form.circleId = 0;  // not filled in: taken from the circle
        v = validateSignup(form, ctx);
        REQUIRE(v.valid.has_value());
        CHECK(v.valid->form.circleId == 2871);
    }
}
