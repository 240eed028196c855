// `lcctl outbox`: what waits for staff or was refused upstream, and staff's "retry".
#include <iostream>

#include <nlohmann/json.hpp>

#include <lc/store/outbox_repository.hpp>

#include "commands.hpp"

namespace lc::lcctl {
namespace {

using nlohmann::json;

json rowJson(const store::OutboxRow& r) {
    // Ids, states and upstream's field errors only: the body holds personal data.
    return json{{"id", r.id},
                {"kind", r.kind},
                {"state", r.state},
                {"signup_id", r.signupId},
                {"check_in_id", r.checkInId},
                {"attempts", r.attempts},
                {"last_error", r.lastError},
                {"errors", r.errorsJson.empty() ? json(nullptr) : json::parse(r.errorsJson, nullptr, false)},
                {"created_at", formatInstantUtc(r.createdAt)}};
}

}  // namespace

int cmdOutbox(Context& ctx, const Args& args) {
    auto db = ctx.db();
    if (!db) return report(db.error());
    store::OutboxRepository outbox(**db);
    if (args.has("--retry")) {
        if (auto r = outbox.retry(args.get("--retry"), ctx.now()); !r) return report(r.error());
        std::cout << "queued again: " << args.get("--retry") << "\n";
        return kOk;
    }
    auto staff = outbox.listByState(store::kOutboxNeedsStaff);
    if (!staff) return report(staff.error());
    if (args.has("--retry-all")) {
        for (const auto& r : *staff)
            if (auto q = outbox.retry(r.id, ctx.now()); !q) return report(q.error());
        std::cout << "queued again: " << staff->size() << " records\n";
        return kOk;
    }
    auto rejected = outbox.listByState(store::kOutboxRejected);
    if (!rejected) return report(rejected.error());
    if (ctx.json()) {
        json out{{"needs_staff", json::array()}, {"rejected", json::array()}};
        for (const auto& r : *staff) out["needs_staff"].push_back(rowJson(r));
        for (const auto& r : *rejected) out["rejected"].push_back(rowJson(r));
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    const auto print = [](const char* title, const std::vector<store::OutboxRow>& rows) {
        std::cout << title << ": " << rows.size() << "\n";
        for (const auto& r : rows)
            std::cout << "  " << r.id << "  " << r.kind << "  signup " << r.signupId << "  after "
                      << r.attempts << " tries: " << (r.errorsJson.empty() ? r.lastError : r.errorsJson) << "\n";
    };
    print("waiting for staff (retry with: lcctl outbox --retry ID, or --retry-all)", *staff);
    print("refused by upstream (fix the signup, or void it)", *rejected);
    return kOk;
}

}  // namespace lc::lcctl
