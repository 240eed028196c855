// The software-GL floor for tests/bench/run: the smallest GLFW + Dear ImGui program that shows a
// lobby-style text page, written the way Dear ImGui's own GLFW example is (stock OpenGL 3
// backend, one DejaVu Sans size, Latin-1), so that the apps' memory and frame cost can be read
// against what this stack costs before any of our code runs.
//
//   imgui_floor [--size WxH] [--frames N] [--seconds S]
//
//   --frames N   draw N frames back to back, then print frame timings (wall and CPU) and exit
//   --seconds S  idle like the display: one frame every 12 s (a page turn), sleeping between;
//                exit after S seconds. Without either: idle until the window closes.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

namespace {

constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr double kPageSeconds = 12;

double now(clockid_t c) {
    timespec ts{};
    clock_gettime(c, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double percentile(std::vector<double> v, int p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, v.size() * p / 100)];
}

// One page of a lobby screen: a heading, a clock and twelve rows of times, rooms and titles.
void drawPage(int page, const ImVec2& size) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::Text("Learning circles today - page %d", page + 1);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();
    for (int i = 0; i < 12; ++i)
        ImGui::Text("%02d:00 - %02d:30   Room %c   Circle number %d: an introduction to a subject", 9 + i,
                    10 + i, 'A' + (i + page) % 5, i + 1 + page * 12);
    ImGui::End();
}

struct Options {
    int w = 1920, h = 1080, frames = 0;
    double seconds = 0;
};

// Draws frames (back to back with --frames, else one a page turn) until done; returns their
// wall and CPU milliseconds.
void run(GLFWwindow* window, const Options& o, std::vector<double>& wall, std::vector<double>& cpu) {
    const double start = glfwGetTime();
    double nextPage = 0;
    int page = 0;
    while (!glfwWindowShouldClose(window)) {
        if (o.frames) {
            if (static_cast<int>(wall.size()) >= o.frames) break;
            glfwPollEvents();
        } else {
            const double t = glfwGetTime() - start;
            if (o.seconds > 0 && t >= o.seconds) break;
            if (t < nextPage) {
                glfwWaitEventsTimeout(std::min(nextPage - t, o.seconds > 0 ? o.seconds - t : 1e9));
                continue;
            }
            nextPage += kPageSeconds;
        }
        const double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        drawPage(page++ % 3, ImVec2(float(o.w), float(o.h)));
        ImGui::Render();
        glViewport(0, 0, o.w, o.h);
        glClearColor(0.1f, 0.1f, 0.12f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        wall.push_back(now(CLOCK_MONOTONIC) - w0);
        cpu.push_back(now(CLOCK_PROCESS_CPUTIME_ID) - c0);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--size")) std::sscanf(argv[i + 1], "%dx%d", &o.w, &o.h);
        else if (!std::strcmp(argv[i], "--frames")) o.frames = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--seconds")) o.seconds = std::atof(argv[i + 1]);
        else return std::fprintf(stderr, "imgui_floor: unknown option %s\n", argv[i]), 2;
    }
    if (!glfwInit()) return std::fprintf(stderr, "imgui_floor: no display\n"), 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(o.w, o.h, "imgui_floor", nullptr, nullptr);
    if (!window) return std::fprintf(stderr, "imgui_floor: no GL 3 window\n"), 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(o.frames ? 0 : 1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontFromFileTTF(kFont, 30.0f * o.h / 1080);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(nullptr);
    std::vector<double> wall, cpu;
    run(window, o, wall, cpu);
    if (o.frames)
        std::printf("[floor] %dx%d frames %zu: wall median %.2f ms p95 %.2f ms; cpu median %.2f ms\n", o.w, o.h,
                    wall.size(), percentile(wall, 50), percentile(wall, 95), percentile(cpu, 50));
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
