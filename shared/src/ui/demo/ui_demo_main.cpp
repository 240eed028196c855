// lc-ui-demo: the shell and widgets on their own, for a look under Xvfb and for measurements.
// Not installed. `lc-ui-demo --size 1080x1920 --script S --screenshot out.png`.

#include <lc/ui/shell.hpp>
#include <lc/ui/widgets.hpp>

#include <cstdio>
#include <stdexcept>

namespace {

using namespace lc::ui;

class DemoApp final : public App {
public:
    bool animate = false;  ///< --animate: redraw continuously (frame-time measurements)
    bool alwaysThrow = false;  ///< --always-throw: every frame throws (the shell must exit 70)

    void drawFrame(FrameContext& ctx) override {
        Ui& ui = ctx.ui;
        if (animate) ui.requestAnimationFrame();
        if (alwaysThrow) throw std::runtime_error("demo: always throwing");
        const Metrics& m = ui.metrics();
        ImGui::SetCursorPos(ImVec2(m.padding, m.padding));
        ImGui::BeginGroup();
        ui.title(ui.tr("One moment…") + " — Learning circles ✓ 😀");
        ui.text(formatDateTime(ui.catalogs(), ui.language(), ctx.now, "America/Chicago"),
                FontRole::Body, ui.palette().textMuted);
        for (auto lang : kLanguages) {
            std::string id = "lang." + std::string(lang);
            std::string label(lang);
            for (auto& c : label) c = static_cast<char>(c - 32);
            if (ui.button(id, label, ImVec2(0, 0), ui.language() == lang ? ButtonStyle::Primary : ButtonStyle::Secondary))
                ui.setLanguage(std::string(lang));
            ImGui::SameLine();
        }
        if (ui.button("demo.throw", "Throw", ImVec2(0, 0), ButtonStyle::Danger)) m_throw = true;
        ImGui::Spacing();
        const float colW = (ctx.size.x - 3 * m.padding) * (ctx.portrait ? 1.0f : 0.5f);
        auto r = textField(ui, "demo.name", "Name", m_name, {FieldKind::Name, "María Gómez", {}, 60, colW});
        if (r.changed) m_name = *r.changed;
        auto e = textField(ui, "demo.email", "Email", m_email,
                           {FieldKind::Email, "", m_email.empty() || m_email.find('@') != std::string::npos
                                                      ? std::optional<std::string>{} : std::optional<std::string>{"An email has an @"}, 120, colW});
        if (e.changed) m_email = *e.changed;
        auto ph = textField(ui, "demo.phone", "Mobile", m_phone, {FieldKind::Phone, "", {}, 20, colW});
        if (ph.changed) m_phone = *ph.changed;
        drawKeyboard(ui, colW);
        ImGui::EndGroup();
        if (!ctx.portrait) ImGui::SameLine(0, m.padding);
        ImGui::BeginGroup();
        (void)drawQrCode(ui, "https://www.p2pu.org/en/signup/12345/", 300 * m.scale);
        beginDragScroll(ui, "demo.list", ImVec2(colW, 400 * m.scale));
        for (int i = 1; i <= 40; ++i) {
            const std::string label = "Circle " + std::to_string(i) + " — Python for everybody";
            if (ui.button("demo.row." + std::to_string(i), label, ImVec2(-1, 0), ButtonStyle::Secondary))
                m_picked = label;
        }
        endDragScroll(ui);
        if (!m_picked.empty()) ui.text("Picked: " + m_picked);
        ImGui::EndGroup();
        if (m_throw) {
            m_throw = false;
            throw std::runtime_error("demo throw");
        }
    }
    std::optional<lc::Instant> nextDeadline(lc::Instant now) override {
        return std::chrono::ceil<std::chrono::minutes>(now + std::chrono::seconds{1});
    }
    std::string dumpView() const override {
        return "{\"screen\":\"demo\",\"name_len\":" + std::to_string(m_name.size()) + "}";
    }

private:
    std::string m_name, m_email, m_phone, m_picked;
    bool m_throw = false;
};

}  // namespace

int main(int argc, char** argv) {
    const std::vector<ExtraOption> extra = {
        {"--animate", false, "redraw continuously (measure frame time)"},
        {"--always-throw", false, "every frame throws (the shell exits 70)"}};
    auto opts = parseAppOptions(argc, argv, extra);
    if (!opts) {
        std::fprintf(stderr, "lc-ui-demo: %s\n", opts.error().describe().c_str());
        return 2;
    }
    if (opts->help) {
        std::puts(appOptionsHelp("lc-ui-demo", "The lc_ui shell and widgets on their own.", extra).c_str());
        return 0;
    }
    ShellConfig cfg;
    cfg.title = "lc-ui-demo";
    cfg.options = *opts;
    auto shell = Shell::create(std::move(cfg));
    if (!shell) {
        std::fprintf(stderr, "lc-ui-demo: %s\n", shell.error().describe().c_str());
        return kExitStartup;
    }
    DemoApp app;
    app.animate = opts->extra.count("--animate") > 0;
    app.alwaysThrow = opts->extra.count("--always-throw") > 0;
    return (*shell)->run(app);
}
