#include "pg.hpp"

#include <poll.h>


namespace lc::fleet::detail {

namespace {

// libpq's messages name the server, role and database, never parameter values.
std::string firstLine(const char* message) {
    std::string s = message ? message : "";
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    return s;
}

void waitSocket(PGconn* c, PostgresPollingStatusType want,
                std::chrono::steady_clock::time_point deadline, const char* id = "[fleet.connect.1]") {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{PQsocket(c), short(want == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
    if (left.count() <= 0 || ::poll(&p, 1, int(left.count())) <= 0)
        throwError(ErrorCode::Network, id,
                   "the fleet database did not answer within " +
                       std::to_string(left.count() > 0 ? left.count() : 0) + " ms");
}

}  // namespace

void throwError(ErrorCode code, std::string id, std::string message) {
    throw FleetFailure(Error{code, std::move(id), std::move(message)});
}

Connection Connection::open(const std::string& conninfo, std::chrono::milliseconds timeout,
                            const std::string& applicationName) {
    const char* keys[] = {"dbname", "application_name", nullptr};
    const char* values[] = {conninfo.c_str(), applicationName.c_str(), nullptr};
    Connection conn(PQconnectStartParams(keys, values, 1));
    PGconn* c = conn.m_c.get();
    if (!c) throwError(ErrorCode::Internal, "[fleet.connect.2]", "out of memory");
    if (PQstatus(c) == CONNECTION_BAD)
        throwError(ErrorCode::Network, "[fleet.connect.1]",
                   "cannot reach the fleet database: " + firstLine(PQerrorMessage(c)));
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    while (st != PGRES_POLLING_OK) {
        if (st == PGRES_POLLING_FAILED)
            throwError(ErrorCode::Network, "[fleet.connect.1]",
                       "cannot reach the fleet database: " + firstLine(PQerrorMessage(c)));
        waitSocket(c, st, deadline);
        st = PQconnectPoll(c);
    }
    return conn;
}

Rows Connection::exec(const std::string& sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    Rows rows(send(sql, values));  // owns the result from here, whatever happens below
    check(rows.raw());
    return rows;
}

// Without a deadline, libpq's blocking call; with one, the same through the socket, never
// waiting past it. The last result of the statement is the one (an error, if any, ends it).
PGresult* Connection::send(const std::string& sql, const std::vector<const char*>& values) {
    PGconn* c = m_c.get();
    if (!m_deadline)
        return PQexecParams(c, sql.c_str(), int(values.size()), nullptr, values.data(), nullptr,
                            nullptr, 0);
    if (!PQsendQueryParams(c, sql.c_str(), int(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0))
        return nullptr;  // check() reports the connection's error
    Rows last(nullptr);
    for (;;) {
        while (PQisBusy(c)) {
            waitSocket(c, PGRES_POLLING_READING, *m_deadline, "[fleet.sql.4]");
            if (!PQconsumeInput(c)) return nullptr;
        }
        PGresult* r = PQgetResult(c);
        if (!r) break;
        last = Rows(r);
    }
    return last.release();
}

void Connection::script(const char* sql) {
    Rows rows(PQexec(m_c.get(), sql));
    check(rows.raw());
}

void Connection::check(PGresult* r) const {
    const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    // No SQLSTATE: libpq's own error (the server closed the connection, the socket broke).
    if (PQstatus(m_c.get()) == CONNECTION_BAD || !state || !*state)
        throwError(ErrorCode::Network, "[fleet.sql.1]",
                   "lost the fleet database: " + firstLine(PQerrorMessage(m_c.get())));
    // Only the primary message: the DETAIL of a constraint error would quote the values.
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string code = state ? state : "";
    const std::string what = firstLine(primary ? primary : PQerrorMessage(m_c.get()));
    if (code == "55P03" || code == "57014" || code == "40P01" || code == "40001")
        throwError(ErrorCode::Conflict, "[fleet.sql.3]", "the fleet database is busy: " + what);
    throwError(ErrorCode::Database, "[fleet.sql.2]",
               "the fleet database refused a statement (SQLSTATE " + code + "): " + what);
}

std::string textArray(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char ch : values[i]) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

PgTransaction::PgTransaction(Connection& c) : m_c(c) { m_c.exec("BEGIN"); }

PgTransaction::~PgTransaction() {
    if (!m_open) return;
    try {
        if (m_c.ok()) m_c.exec("ROLLBACK");
    } catch (...) {  // the connection is gone: the server rolls back by itself
    }
}

void PgTransaction::commit() {
    m_c.exec("COMMIT");
    m_open = false;
}

}  // namespace lc::fleet::detail
