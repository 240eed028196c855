#pragma once
// Starts tests/server/p2pu_server.py on 127.0.0.1 (a free port) for one test and stops it in the
// destructor. The server writes its port to a file, which we poll for (bounded) rather than sleep.

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <lc/feed/curl_transport.hpp>

#ifndef LC_P2PU_SERVER
#define LC_P2PU_SERVER LC_TEST_DATA_DIR "/../server/p2pu_server.py"
#endif
#ifndef LC_PYTHON3
#define LC_PYTHON3 "python3"
#endif

namespace lc::testing {

/// How to start the server.
struct P2puServerOptions {
    std::string feed = LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json";
    std::string today = "2026-11-30";
    bool validators = false;
    int synth = 0;  ///< serve N circles cloned from the feed
    std::string tlsCert;   ///< serve HTTPS with this PEM certificate ("" = plain HTTP)
    std::string tlsKey;    ///< its private key
    std::string caBundle;  ///< the CA the control client trusts (with tlsCert)
};

/// One running test server. Not copyable; stop() and start() may be called again (same port).
class P2puTestServer {
public:
    using Options = P2puServerOptions;

    explicit P2puTestServer(Options options = {})
        : m_options(std::move(options)), m_client(controlOptions(m_options)) {
        char tmpl[] = "/tmp/lc-p2pu-XXXXXX";
        if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        m_dir = tmpl;
        start();
    }
    ~P2puTestServer() {
        stop();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    P2puTestServer(const P2puTestServer&) = delete;
    P2puTestServer& operator=(const P2puTestServer&) = delete;

    /// Starts the server (on the previous port after a stop(), so URLs stay valid).
    void start() {
        const std::string portFile = m_dir + "/port";
        std::filesystem::remove(portFile);
        std::vector<std::string> args{LC_PYTHON3, LC_P2PU_SERVER, "--port", std::to_string(m_port),
                                      "--port-file", portFile, "--feed", m_options.feed,
                                      "--today", m_options.today};
        if (m_options.validators) args.push_back("--validators");
        if (m_options.synth > 0) args.insert(args.end(), {"--synth", std::to_string(m_options.synth)});
        if (!m_options.tlsCert.empty())
            args.insert(args.end(), {"--tls-cert", m_options.tlsCert, "--tls-key", m_options.tlsKey});
        m_pid = spawn(args);
        m_port = waitForPort(portFile);
    }

    /// Stops the server: connections are refused until start().
    void stop() {
        if (m_pid <= 0) return;
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
    }

    int port() const { return m_port; }
    std::string base() const {
        return (m_options.tlsCert.empty() ? "http://" : "https://") + std::string("127.0.0.1:") +
               std::to_string(m_port);
    }
    std::string url(const std::string& pathAndQuery) const { return base() + pathAndQuery; }
    std::string feedUrl(const std::string& query = "") const {
        return url("/api/learningcircles/" + query);
    }

    /// POST to the control API (path under /_control), returns its JSON answer.
    nlohmann::json control(const std::string& path, const nlohmann::json& body = nlohmann::json::object()) {
        auto r = m_client.postJson(url("/_control" + path), body.dump());
        if (!r || r->status != 200) throw std::runtime_error("control call failed: " + path);
        return nlohmann::json::parse(r->body);
    }
    /// Sets a fault mode: {"mode": "...", ...}.
    void fault(const nlohmann::json& spec) { control("", spec); }
    /// GET from the control API.
    nlohmann::json query(const std::string& path) {
        auto r = m_client.get(url("/_control" + path), {});
        if (!r || r->status != 200) throw std::runtime_error("control query failed: " + path);
        return nlohmann::json::parse(r->body);
    }
    /// Every request the server recorded for `path` ("" = all).
    nlohmann::json received(const std::string& path = "") {
        return query("/received" + (path.empty() ? std::string() : "?path=" + path))["requests"];
    }
    /// Waits (bounded, polling) until `n` requests are held by the "hold" mode.
    bool waitHeld(int n) {
        for (int i = 0; i < 1000; ++i) {
            if (query("/held")["held"].get<int>() >= n) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

private:
    static feed::CurlOptions controlOptions(const Options& o) {
        feed::CurlOptions c;
        c.caBundle = o.caBundle;
        return c;
    }

    static pid_t spawn(const std::vector<std::string>& args) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const pid_t parent = getpid();
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a test binary that is killed
            if (getppid() != parent) _exit(127);
            execvp(argv[0], argv.data());
            _exit(127);
        }
        return pid;
    }

    int waitForPort(const std::string& portFile) {
        for (int i = 0; i < 1000; ++i) {  // at most ~10 s
            std::ifstream in(portFile);
            int port = 0;
            if (in >> port && port > 0) return port;
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                throw std::runtime_error("p2pu_server.py exited early (is python3 installed?)");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        throw std::runtime_error("p2pu_server.py did not report its port");
    }

    Options m_options;
    std::string m_dir;
    pid_t m_pid = -1;
    int m_port = 0;
    feed::CurlTransport m_client;
};

}  // namespace lc::testing
