#include <lc/ui/shell.hpp>

#include <lc/core/script.hpp>
#include <lc/core/text.hpp>
#include <lc/ui/script_player.hpp>
#include <lc/ui/watchdog.hpp>
#include <lc/ui/widgets.hpp>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl2.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <errno.h>
#include <malloc.h>
#include <unistd.h>

#include "font_texture.hpp"
#include "frame_stats.hpp"
#include "gl_target.hpp"
#include "opaque_runs.hpp"
#include "root_window.hpp"
#include "x11_lost.hpp"

namespace lc::ui {
namespace {

constexpr int kFramesAfterInput = 3;      // let hover/active states and animations settle
constexpr int kMaxFailedFrames = 5;       // in a row, then exit for systemd to restart us
constexpr double kRetryAfterFailure = 1;  // seconds showing "One moment…" before retrying
constexpr double kMaxSleep = 3600;
constexpr long kTrimAfterFrames = 2;      // frames after an atlas upload before malloc_trim

struct GlfwDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, GlfwDeleter>;

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Result<std::vector<script::Step>> loadScript(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorCode::NotFound, "[ui.shell.2]", "cannot read script " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    auto steps = script::parse(ss.str());
    if (!steps) return fail(ErrorCode::InvalidInput, "[ui.shell.2]", steps.error().message);
    return steps;
}

Result<void> writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return fail(ErrorCode::Io, "[ui.shell.5]", "cannot write " + path);
    return {};
}

// One line for tests/bench each time the atlas is uploaded: how big, how many glyphs, and how
// many uploads so far (after start-up, only new characters in the feed should cause one).
void printFontStats(const detail::FontTexture& t) {
    int glyphs = 0;
    std::string sizes;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts) {
        glyphs += f->Glyphs.Size;
        sizes += (sizes.empty() ? "" : ",") + std::to_string(static_cast<int>(f->FontSize));
    }
    std::fprintf(stderr, "[ui.mem] font atlas %dx%d, %zu kB of texture, %d glyphs in sizes %s px\n",
                 t.width(), t.height(), t.bytes() / 1024, glyphs, sizes.c_str());
}

}  // namespace

struct Shell::Impl final : FrameDriver {
    ShellConfig config;
    Catalogs catalogs;
    Fonts fonts;
    SystemClock systemClock;
    std::unique_ptr<FixedClock> fixedClock;
    TaskQueue tasks;
    bool glfwReady = false;
    WindowPtr window;
    ImGuiContext* imgui = nullptr;
    bool backendsReady = false;
    std::unique_ptr<detail::GlTarget> target = std::make_unique<detail::GlTarget>();
    std::unique_ptr<detail::FontTexture> fontTexture = std::make_unique<detail::FontTexture>();
    std::unique_ptr<Ui> ui;
    std::unique_ptr<ScriptPlayer> player;
    App* app = nullptr;
    double startTime = steadySeconds();
    int framesPending = kFramesAfterInput;
    long frames = 0;
    long trimAt = 0;
    int failedInARow = 0;
    double retryAt = 0;
    std::optional<int> exitCode;
    detail::FrameStats stats;
    const bool statsWanted = std::getenv("LC_UI_FRAME_STATS") != nullptr;
    AuditLog audit;  // --audit
    bool targetReady = false;
    Watchdog watchdog = Watchdog::fromEnvironment();
    std::unique_ptr<HealthPublisher> healthFile;
    double firstFrameAt = -1;  // steady seconds; --test-freeze-after counts from here
    int windowFbW = 0, windowFbH = 0;  // the window's framebuffer size as last seen
    /// Screenshots read the offscreen target back.
    bool needPixels() const { return config.options.screenshotPath || player; }

    Impl(ShellConfig c, Catalogs cat, Fonts f)
        : config(std::move(c)), catalogs(std::move(cat)), fonts(std::move(f)) {}
    ~Impl() override;

    const Clock& clock() const {
        return fixedClock ? static_cast<const Clock&>(*fixedClock) : systemClock;
    }
    Result<void> openWindow();
    void followWindow();
    ThemeKind themeKind() const {
        return config.options.highContrast ? ThemeKind::HighContrast : ThemeKind::Touch;
    }
    void installCallbacks();
    void wake() { framesPending = std::max(framesPending, kFramesAfterInput); }
    void runFrame() override;
    Result<void> screenshot(const std::string& path) override { return target->writePng(path); }
    void drawApp(ImVec2 size);
    void present();
    double secondsUntilDue();
    int finish(int code);
    int loop();
    int scriptLoop();
    int screenshotAndFinish();
    void checkDue();
    void serviceTick();
    [[noreturn]] void freeze();
    Instant lastDeadlineServed{};
};

Shell::Impl::~Impl() {
    ui.reset();
    if (backendsReady) {
        ImGui_ImplOpenGL2_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (imgui) ImGui::DestroyContext(imgui);
    if (window) glfwMakeContextCurrent(window.get());
    target.reset();  // GL objects go while the context lives
    fontTexture.reset();
    window.reset();
    if (glfwReady) glfwTerminate();
}

Result<void> Shell::Impl::openWindow() {
    glfwSetErrorCallback([](int code, const char* what) {
        std::fprintf(stderr, "[ui.shell.1] GLFW error %d: %s\n", code, what);
    });
    if (!glfwInit())
        return fail(ErrorCode::Internal, "[ui.shell.1]", "cannot start GLFW (is DISPLAY set?)");
    glfwReady = true;
    detail::exitWhenDisplayLost();
    const AppOptions& o = config.options;
    GLFWmonitor* monitor = o.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int w = o.width, h = o.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        w = mode->width;
        h = mode->height;
        if (!o.sizeGiven) config.options.width = w, config.options.height = h;
    } else if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) {
        // A window larger than the screen is shrunk (same aspect); frames stay exactly --size.
        int ax = 0, ay = 0, aw = 0, ah = 0;
        glfwGetMonitorWorkarea(primary, &ax, &ay, &aw, &ah);
        const double s = std::min({1.0, aw > 0 ? double(aw) / w : 1.0, ah > 0 ? double(ah) / h : 1.0});
        w = static_cast<int>(w * s), h = static_cast<int>(h * s);
    }
    // GL 3.0 for framebuffer objects (the offscreen target), not forward-compatible: ImGui is
    // drawn by its fixed-function (OpenGL 2) backend. Its OpenGL 3 backend compiles GLSL, and
    // Mesa keeps its GLSL compiler's built-in function library on the heap for good once it
    // has compiled one shader: 6.6 MB, more than anything of ours. Fixed function needs no GLSL
    // (Mesa makes its shaders itself), and llvmpipe runs the same per-pixel work.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws flat, in order: no depth or stencil test, so no depth and stencil buffer
    // (software GL would keep one as large as the screen, 8 MB at 1920x1080).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    window.reset(glfwCreateWindow(w, h, config.title.c_str(), monitor, nullptr));
    if (!window) return fail(ErrorCode::Internal, "[ui.shell.1]", "cannot open a GL 3 window");
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(1);
    glfwGetFramebufferSize(window.get(), &windowFbW, &windowFbH);
    target->setSize(config.options.width, config.options.height);
    return {};
}

// When the window's size changes after it opened (cage or any kiosk compositor sizes it to the
// output, a window manager or a person resizes it), frames are drawn at its new size from then
// on, with a theme for that size. A window left as it opened keeps frames at exactly --size
// (Xvfb without a window manager, screenshots), scaled to fit when it opened smaller.
void Shell::Impl::followWindow() {
    int fbW = 0, fbH = 0;
    glfwGetFramebufferSize(window.get(), &fbW, &fbH);
    if (fbW <= 0 || fbH <= 0 || (fbW == windowFbW && fbH == windowFbH)) return;  // minimised, or as it was
    windowFbW = fbW, windowFbH = fbH;
    if (fbW == target->width() && fbH == target->height()) return;
    config.options.width = fbW, config.options.height = fbH;
    target->setSize(fbW, fbH);
    targetReady = false;  // made again at the new size when next needed
    ui->setTheme(makeTheme(themeKind(), fbW, fbH, config.options.textScale));
    wake();
}

namespace {

Shell::Impl& implOf(GLFWwindow* w) { return *static_cast<Shell::Impl*>(glfwGetWindowUserPointer(w)); }

// A keyboard's or USB keypad's key as a navigation key; the keypad's keys come from the config.
// Space types into a text field through the character callback, so it navigates only outside.
std::optional<NavKey> navKeyOf(int key, int mods, const std::map<int, NavKey>& keypad) {
    if (auto k = keypad.find(key); k != keypad.end()) return k->second;
    switch (key) {
        case GLFW_KEY_TAB: return (mods & GLFW_MOD_SHIFT) ? NavKey::ShiftTab : NavKey::Tab;
        case GLFW_KEY_UP: return NavKey::Up;
        case GLFW_KEY_DOWN: return NavKey::Down;
        case GLFW_KEY_LEFT: return NavKey::Left;
        case GLFW_KEY_RIGHT: return NavKey::Right;
        case GLFW_KEY_SPACE: return NavKey::Space;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER: return NavKey::Enter;
        case GLFW_KEY_ESCAPE: return NavKey::Escape;
        default: return std::nullopt;
    }
}

}  // namespace

void Shell::Impl::installCallbacks() {
    // Ours are installed first; ImGui's backend chains to them. Any input: a few frames.
    GLFWwindow* w = window.get();
    glfwSetWindowUserPointer(w, this);
    glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) {
        // Hover means nothing on a touchscreen: only a moving press (a drag) redraws.
        if (glfwGetMouseButton(win, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) implOf(win).wake();
    });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int, int, int) { implOf(win).wake(); });
    glfwSetScrollCallback(w, [](GLFWwindow* win, double, double) { implOf(win).wake(); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { implOf(win).wake(); });
    glfwSetWindowSizeCallback(w, [](GLFWwindow* win, int, int) { implOf(win).wake(); });
    // A physical keyboard, if one is plugged in, types through the same path as the on-screen one.
    glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) {
        std::string utf8;
        text::appendUtf8(utf8, static_cast<char32_t>(c));
        implOf(win).ui->input().pushText(utf8);
        implOf(win).wake();
    });
    glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int, int action, int mods) {
        if (action == GLFW_RELEASE) return;
        Impl& self = implOf(win);
        if (key == GLFW_KEY_BACKSPACE) self.ui->input().push({KeyEvent::Kind::Backspace, {}});
        else if (auto k = navKeyOf(key, mods, self.config.keypad)) self.ui->pressKey(*k);
        self.wake();
    });
}

void Shell::Impl::drawApp(ImVec2 size) {
    FrameContext ctx{*ui, clock().now(), size, size.y > size.x};
    if (steadySeconds() < retryAt) {
        drawOneMomentScreen(*ui);
        return;
    }
    try {
        app->drawFrame(ctx);
        failedInARow = 0;
    } catch (const std::exception& e) {
        // The last resort (shared/README.md, H14): unwind ImGui's stacks, show a neutral screen.
        ++failedInARow;
        std::fprintf(stderr, "[ui.shell.3] a frame threw (%d in a row): %s\n", failedInARow,
                     e.what());
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ui->beginFrame(size, steadySeconds() - startTime);  // forget the half-drawn frame
        detail::beginRootWindow(*ui, size);
        drawOneMomentScreen(*ui);
        retryAt = steadySeconds() + kRetryAfterFailure;
        if (failedInARow >= kMaxFailedFrames) exitCode = kExitFrameFailures;
    }
}

void Shell::Impl::runFrame() {
    if (exitCode) return;
    glfwPollEvents();
    followWindow();
    stats.begin();
    tasks.drain();
    // First the backend's font texture (on the first frame: ImGui's small default font, which
    // the backend keeps; it would build it again, from our atlas, if it were deleted); then our
    // atlas, uploaded one byte a texel, which is the one drawn.
    ImGui_ImplOpenGL2_NewFrame();
    if (detail::refreshFonts(*ui) || !fontTexture->ready()) {
        fontTexture->upload(*ImGui::GetIO().Fonts);
        if (statsWanted) printFontStats(*fontTexture);
        trimAt = frames + kTrimAfterFrames;
    }
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size(static_cast<float>(target->width()), static_cast<float>(target->height()));
    int winW = 0, winH = 0;
    glfwGetWindowSize(window.get(), &winW, &winH);
    if (io.MousePos.x > -FLT_MAX) io.MousePos = target->windowToFrame(io.MousePos, winW, winH);
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    ui->beginFrame(size, steadySeconds() - startTime);
    detail::beginRootWindow(*ui, size);
    drawApp(size);
    detail::endRootWindow();
    ui->endFrame();
    if (config.options.audit) audit.check(app->screenName(), ui->lastFrameLayout());
    ImGui::Render();
    present();
    stats.end();
    if (statsWanted) stats.addDrawData(*ImGui::GetDrawData());  // outside the timed frame
    // Baking glyphs and compiling llvmpipe's shaders for a new screen leave megabytes of freed
    // heap behind; give them back once things settle (a few ms, after start-up and new glyphs).
    if (++frames == trimAt) malloc_trim(0);
    watchdog.ready();  // after the first frame: systemd's start-up is over
    if (firstFrameAt < 0) firstFrameAt = steadySeconds();
    serviceTick();
    if (ui->wantsAnimationFrame() || ui->fonts().dirty()) framesPending = std::max(framesPending, 1);
}

void Shell::Impl::present() {
    int fbW = 0, fbH = 0;
    glfwGetFramebufferSize(window.get(), &fbW, &fbH);
    // Straight into the window when it is exactly --size and nobody needs the pixels back: a
    // software-GL blit of 1920x1080 costs more than drawing the frame. Otherwise the offscreen
    // target, created on first use, then scaled into the window.
    const bool direct = !needPixels() && fbW == config.options.width && fbH == config.options.height;
    const ImVec4 bg = ui->palette().background;
    detail::splitOpaqueRuns(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
    if (direct) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, fbW, fbH);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    } else {
        if (!targetReady) {
            if (auto r = target->create(config.options.width, config.options.height); !r) {
                std::fprintf(stderr, "%s\n", r.error().describe().c_str());
                exitCode = kExitStartup;
                return;
            }
            targetReady = true;
        }
        target->bind(bg);
        ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
        target->present(fbW, fbH);
    }
    glfwSwapBuffers(window.get());
}

// Seconds until something is due: the app's deadline, --exit-after, or a retry after a failure.
double Shell::Impl::secondsUntilDue() {
    double wait = kMaxSleep;
    const double now = steadySeconds();
    if (config.options.exitAfterSeconds)
        wait = std::min(wait, startTime + *config.options.exitAfterSeconds - now);
    if (retryAt > now) wait = std::min(wait, retryAt - now);
    // Idle or not, wake for the watchdog ping, the health file and (tests) the freeze.
    wait = std::min(wait, watchdog.secondsUntilPing(now));
    if (healthFile) wait = std::min(wait, healthFile->secondsUntilDue(now));
    if (const auto& f = config.options.testFreezeAfterSeconds; f && firstFrameAt >= 0)
        wait = std::min(wait, firstFrameAt + *f - now);
    const Instant t = clock().now();
    if (auto due = app->nextDeadline(t)) {
        // Measure against the precise wall clock when it is the clock; a fixed clock only moves
        // by `advance`, and a deadline it has passed is due now.
        double left = static_cast<double>((*due - t).count());
        if (!fixedClock) {
            const auto exact = std::chrono::system_clock::now();
            left = std::chrono::duration<double>(*due - exact).count();
        }
        if (left <= 0 || !fixedClock) wait = std::min(wait, std::max(0.0, left));
    }
    return std::max(0.0, wait);
}

int Shell::Impl::finish(int code) {
    if (statsWanted) stats.print(target->width(), target->height());
    if (config.options.audit) {
        for (const auto& line : audit.lines()) std::fprintf(stderr, "audit: %s\n", line.c_str());
        std::string screens;
        for (const auto& name : audit.screens()) screens += (screens.empty() ? "" : " ") + name;
        std::fprintf(stderr, "audit: screens: %s\n", screens.c_str());
        std::fprintf(stderr, "audit: %d frames checked, %zu findings\n", audit.frames(),
                     audit.lines().size());
        if (!audit.lines().empty() && code == 0) code = kExitScriptFailed;
    }
    if (config.options.dumpViewPath) {
        auto r = writeFile(*config.options.dumpViewPath, app->dumpView());
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().describe().c_str());
            if (code == 0) code = kExitStartup;
        }
    }
    return code;
}

int Shell::Impl::scriptLoop() {
    runFrame();  // two frames: the first one's text is recorded, and fonts settle
    runFrame();
    while (!exitCode && !player->done()) {
        if (glfwWindowShouldClose(window.get())) return finish(0);
        auto r = player->step(*app, *ui, *this);
        if (exitCode) break;
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().message.c_str());
            return finish(kExitScriptFailed);
        }
    }
    if (exitCode) return finish(*exitCode);
    return screenshotAndFinish();
}

int Shell::Impl::screenshotAndFinish() {
    if (config.options.screenshotPath) {
        runFrame();
        for (int i = 0; i < 5 && ui->fonts().dirty(); ++i) runFrame();
        if (exitCode) return finish(*exitCode);
        auto r = target->writePng(*config.options.screenshotPath);
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().describe().c_str());
            return finish(kExitStartup);
        }
    }
    return finish(0);
}

// Marks a frame due when the app's deadline passed (once per deadline) or a retry is due.
void Shell::Impl::checkDue() {
    const Instant now = clock().now();
    if (auto due = app->nextDeadline(now); due && *due <= now && *due != lastDeadlineServed) {
        lastDeadlineServed = *due;
        framesPending = std::max(framesPending, 1);
    }
    if (retryAt > 0 && steadySeconds() >= retryAt) {
        retryAt = 0;
        framesPending = std::max(framesPending, 1);
    }
}

// Pings the watchdog and refreshes the health file when due; called every loop turn and frame.
void Shell::Impl::serviceTick() {
    const double now = steadySeconds();
    watchdog.pingIfDue(now);
    if (healthFile && app) {
        health::SyncHealth h = app->health();
        if (h.db.empty() && config.options.dbPath) h.db = *config.options.dbPath;
        healthFile->update(now, clock().now(), h);
    }
}

// --test-freeze-after: a hung render loop, as a GL driver deadlock would leave it. The watchdog
// pings stop; systemd (or the test) kills us.
void Shell::Impl::freeze() {
    std::fprintf(stderr, "[ui.shell.6] --test-freeze-after: the loop is frozen\n");
    for (;;) ::pause();
}

int Shell::Impl::loop() {
    if (player) return scriptLoop();
    if (config.options.screenshotPath) {
        for (int i = 0; i < kFramesAfterInput; ++i) runFrame();
        return screenshotAndFinish();
    }
    while (!exitCode) {
        if (glfwWindowShouldClose(window.get())) return finish(0);
        if (framesPending <= 0) {
            const double wait = secondsUntilDue();
            if (wait > 0) glfwWaitEventsTimeout(wait);
            else glfwPollEvents();
        }
        if (tasks.drain() > 0) framesPending = std::max(framesPending, 2);
        const auto& exitAfter = config.options.exitAfterSeconds;
        if (exitAfter && steadySeconds() - startTime >= *exitAfter) return finish(0);
        const auto& freezeAfter = config.options.testFreezeAfterSeconds;
        if (freezeAfter && firstFrameAt >= 0 && steadySeconds() - firstFrameAt >= *freezeAfter) freeze();
        serviceTick();
        checkDue();
        if (framesPending > 0) {
            --framesPending;
            runFrame();
        }
    }
    return finish(*exitCode);
}

Result<std::unique_ptr<Shell>> Shell::create(ShellConfig config) {
    auto catalogs = Catalogs::load(
        config.messagesDir.empty() ? defaultMessagesDir() : config.messagesDir, config.domains);
    if (!catalogs) return fail(catalogs.error());
    auto fonts = Fonts::create(config.fonts);
    if (!fonts) return fail(fonts.error());
    std::vector<script::Step> steps;
    if (config.options.scriptPath) {
        auto loaded = loadScript(*config.options.scriptPath);
        if (!loaded) return fail(loaded.error());
        steps = std::move(*loaded);
    }
    auto impl = std::make_unique<Impl>(std::move(config), std::move(*catalogs), std::move(*fonts));
    const AppOptions& o = impl->config.options;
    if (o.now) impl->fixedClock = std::make_unique<FixedClock>(*o.now);
    if (o.scriptPath) impl->player = std::make_unique<ScriptPlayer>(std::move(steps), impl->fixedClock.get());
    if (auto r = impl->openWindow(); !r) return fail(r.error());
    impl->imgui = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    impl->ui = std::make_unique<Ui>(impl->catalogs, impl->fonts,
                                    o.lang.value_or(impl->config.defaultLang));
    impl->installCallbacks();
    impl->backendsReady = ImGui_ImplGlfw_InitForOpenGL(impl->window.get(), true) &&
                          ImGui_ImplOpenGL2_Init();
    if (!impl->backendsReady)
        return fail(ErrorCode::Internal, "[ui.shell.1]", "cannot start ImGui's GL backend");
    impl->ui->setTheme(makeTheme(impl->themeKind(), impl->target->width(), impl->target->height(), o.textScale));
    impl->fonts.require(impl->config.glyphText);
    impl->tasks.setWake([] { glfwPostEmptyEvent(); });
    impl->healthFile = std::make_unique<HealthPublisher>(
        impl->config.program.empty() ? program_invocation_short_name : impl->config.program,
        SystemClock().now());
    return std::unique_ptr<Shell>(new Shell(std::move(impl)));
}

void Shell::setTextScale(float scale) {
    Impl& impl = *m_impl;
    if (impl.config.options.textScale == scale) return;
    impl.config.options.textScale = scale;
    impl.ui->setTheme(makeTheme(impl.themeKind(), impl.target->width(), impl.target->height(), scale));
    impl.wake();
}

Shell::Shell(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Shell::~Shell() {
    if (m_impl) m_impl->tasks.setWake(nullptr);
}
const Clock& Shell::clock() const { return m_impl->clock(); }
FixedClock* Shell::fixedClock() { return m_impl->fixedClock.get(); }
TaskQueue& Shell::tasks() { return m_impl->tasks; }
Ui& Shell::ui() { return *m_impl->ui; }
const Catalogs& Shell::catalogs() const { return m_impl->catalogs; }

int Shell::run(App& app) {
    m_impl->app = &app;
    return m_impl->loop();
}

}  // namespace lc::ui
