#pragma once
// The one place a patron's record and everything it must send are written: a signup or check-in
// and its outbox rows (the P2PU signup push, webhook deliveries, ...) in one transaction, so a
// crash never leaves a record nobody will hear about, nor a row for a record that was rolled back.
// The rows' bodies are built by the caller (the store knows no wire format); the feed library
// only delivers what is queued here.
//
// To make a record carry another kind of row, add a SignupRow / CheckInRow to its list: the row is
// written in the same transaction, after the record, with the body the caller's function returns
// for the record as stored. Nothing else needs to change here; a new outbox kind needs a
// migration that adds it to the CHECK on outbox.kind (and a deliverer that claims it).

#include <functional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/store/checkin_repository.hpp>
#include <lc/store/database.hpp>
#include <lc/store/signup_repository.hpp>

namespace lc::store {

/// One more outbox row a signup carries.
struct SignupRow {
    std::string kind;  ///< outbox kind (kOutboxWebhook, ...); never kOutboxP2pu (see upstreamBody)
    /// The row's body, from the signup as stored (an update keeps the earlier id, creation time
    /// and a mobile left out) and what the write did.
    std::function<std::string(const Signup& stored, const SignupWrite& write)> body;
};

/// One more outbox row a new check-in carries (a repeat check-in carries none).
struct CheckInRow {
    std::string kind;  ///< outbox kind
    /// The row's body, from the check-in as stored.
    std::function<std::string(const CheckIn& stored)> body;
};

/// A signup and the rows it enqueues.
struct SignupRecord {
    Signup signup;
    /// Body of the "p2pu" row, enqueued when signup.sendUpstream ("" = the sender builds it from
    /// the signup row); see SignupRepository::upsert for how an update refreshes it.
    std::string upstreamBody;
    std::vector<SignupRow> rows;  ///< further rows, each due at signup.updatedAt
};

/// A check-in and the rows it enqueues.
struct CheckInRecord {
    CheckIn checkIn;
    std::vector<CheckInRow> rows;  ///< due at checkIn.at, ordered after the person's signup rows
};

/// Writes the signup as SignupRepository::upsert does, then each of record.rows, all in one
/// transaction (a SAVEPOINT inside a caller's): they commit together or not at all. A row whose
/// body function throws rolls everything back ([store.record.1] Internal). Durable when it
/// returns. Errors: the store's.
Result<SignupWrite> writeSignup(Database& db, const SignupRecord& record);

/// Adds the check-in as CheckInRepository::add does and, when it is new, each of record.rows, in
/// one transaction. Rows of a check-in that names a signup carry that person's ordering key, so
/// they go after the person's signup rows of the same kind. Errors: the store's.
Result<CheckInWrite> writeCheckIn(Database& db, const CheckInRecord& record);

}  // namespace lc::store
