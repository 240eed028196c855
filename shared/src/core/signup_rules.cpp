#include <lc/core/signup_rules.hpp>

#include <algorithm>

#include <lc/core/text.hpp>
#include <lc/core/validation.hpp>

namespace lc {
namespace {

constexpr const char* kBadCharacters = "That text contains characters that are not allowed.";
constexpr const char* kAnswerTooLong = "That answer is too long (2000 characters at most).";
constexpr const char* kInvalidEmail = "Please enter a valid email address.";
constexpr const char* kInvalidMobile = "Please enter a valid phone number.";

// Control characters other than tab and line breaks, which a multi-line answer may hold.
bool hasBadControls(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = text::nextCodepoint(s, pos);
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return true;
    }
    return false;
}

// A free-text answer: `required` gives `missing` when empty. Returns the message, "" when fine.
std::string answerProblem(std::string_view trimmed, bool required, const char* missing) {
    if (trimmed.empty()) return required ? missing : "";
    if (!text::isValidUtf8(trimmed) || hasBadControls(trimmed)) return kBadCharacters;
    if (text::codepointCount(trimmed) > validation::kMaxAnswerChars) return kAnswerTooLong;
    return {};
}

// The contact fields: email and mobile, each valid when given, and enough of them given.
void checkContact(SignupForm& out, const SignupContext& ctx, std::vector<FieldError>& errors) {
    if (!out.email.empty() && !validation::isValidEmail(out.email)) {
        errors.push_back({"email", kInvalidEmail});
    }
    if (out.email.empty()) {
        if (!ctx.allowMobileOnly) {
            errors.push_back({"email", "An email address is needed to sign up."});
        } else if (out.mobile.empty()) {
            errors.push_back({"email", "Please give an email address or a phone number."});
        }
    }
    if (!out.mobile.empty()) {
        Result<std::string> e164 = validation::normaliseMobile(out.mobile, ctx.regionCode);
        if (e164) {
            out.mobile = std::move(e164).value();
        } else {
            errors.push_back({"mobile", kInvalidMobile});
        }
    }
}

// The circle itself: known, the one the form names, and open.
void checkCircle(SignupForm& out, const SignupContext& ctx, std::vector<FieldError>& errors) {
    if (ctx.circle == nullptr || (out.circleId != 0 && out.circleId != ctx.circle->id)) {
        errors.push_back({"circle", "No such learning circle."});
        return;
    }
    out.circleId = ctx.circle->id;
    if (ctx.state != SignupState::Open) errors.push_back({"circle", stateReason(ctx.state)});
}

void addIfAny(std::vector<FieldError>& errors, const char* field, std::string message) {
    if (!message.empty()) errors.push_back({field, std::move(message)});
}

}  // namespace

SignupValidation validateSignup(const SignupForm& form, const SignupContext& ctx) {
    SignupForm out = form;
    out.name = text::trim(text::cleanName(form.name));  // no bidi overrides or zero-width tricks
    out.email = text::trim(form.email);
    out.mobile = text::trim(form.mobile);
    out.goals = text::trim(form.goals);
    out.support = text::trim(form.support);
    out.customAnswer = text::trim(form.customAnswer);
    const bool asked = ctx.circle != nullptr && ctx.circle->signupQuestion.has_value() &&
                       !text::trim(*ctx.circle->signupQuestion).empty();

    SignupValidation result;
    std::vector<FieldError>& errors = result.errors;
    addIfAny(errors, "name", validation::nameProblem(out.name));
    checkContact(out, ctx, errors);
    addIfAny(errors, "goals", answerProblem(out.goals, true, "Please tell us your goals."));
    addIfAny(errors, "support",
             answerProblem(out.support, true, "Please tell us how you'll support the group."));
    addIfAny(errors, "answer",
             answerProblem(out.customAnswer, asked, "Please answer the circle's question."));
    if (!out.consent) errors.push_back({"consent", "Please agree to the privacy notice to sign up."});
    checkCircle(out, ctx, errors);
    if (!errors.empty()) return result;

    ValidSignup valid;
    valid.sendUpstream = !out.email.empty();
    if (!valid.sendUpstream) valid.localOnlyReason = "no email: P2PU's signup API requires one";
    valid.form = std::move(out);
    result.valid = std::move(valid);
    return result;
}

}  // namespace lc
