#include "staff_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

constexpr const char* kPinId = "staff.pin";

std::optional<StaffIntent> pinPad(lc::ui::Ui& ui, const StaffView& v, const Frame& f) {
    std::optional<StaffIntent> out;
    if (ui.input().focused() != kPinId) ui.input().focus(kPinId, lc::ui::FieldKind::Pin);
    const float width = std::min(f.size.x - 2 * f.pad, 640 * ui.metrics().scale);
    const float x = (f.size.x - width) * 0.5f;
    if (f.portrait) moveDownTo(f.size.y / 3.0f);
    ImGui::SetCursorPosX(x);
    lc::ui::FieldOptions o;
    o.kind = lc::ui::FieldKind::Pin;
    o.maxChars = 12;
    o.width = width;
    // The label is drawn here so that it lines up with the centred field.
    ui.text(ui.tr("Staff PIN"), FontRole::Bold);
    ImGui::SetCursorPosX(x);
    const auto r = lc::ui::textField(ui, kPinId, "", v.pin, o);
    if (r.changed) out = SetPin{*r.changed};
    if (r.submitted) out = PinSubmit{};
    if (!v.pinMessage.empty()) {
        ImGui::SetCursorPosX(x);
        ui.textWrapped(v.pinMessage, FontRole::Bold, ui.palette().danger, width);
    }
    ImGui::Dummy(ImVec2(0, f.gap));
    ImGui::SetCursorPosX(x);
    if (ui.button("staff.unlock", ui.tr("Unlock"), ImVec2(width, 0))) out = PinSubmit{};
    ImGui::Dummy(ImVec2(0, f.gap));
    ImGui::SetCursorPosX(x);
    lc::ui::drawKeyboard(ui, width);
    return out;
}

void weekChart(lc::ui::Ui& ui, const std::vector<WeekBar>& weeks, float width) {
    if (weeks.empty()) return;
    const auto& m = ui.metrics();
    const int top = std::max(1, std::max_element(weeks.begin(), weeks.end(), [](auto& a, auto& b) {
                                    return a.count < b.count;
                                })->count);
    const float h = 160 * m.scale;
    const float slot = std::min(width / weeks.size(), 140 * m.scale);
    ImGui::Dummy(ImVec2(width, h + m.smallSize * 2.4f));
    const ImVec2 a = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const float bh = h * weeks[i].count / top;
        const float x0 = a.x + i * slot + slot * 0.15f, x1 = a.x + (i + 1) * slot - slot * 0.15f;
        dl->AddRectFilled(ImVec2(x0, a.y + h - bh), ImVec2(x1, a.y + h), lc::ui::toU32(ui.palette().accent), 4);
        const std::string n = std::to_string(weeks[i].count);
        ui.record(n);
        ui.record(weeks[i].label);
        ImFont* font = ui.fonts().font(FontRole::Small);
        dl->AddText(font, m.smallSize, ImVec2(x0, a.y + h + 2), lc::ui::toU32(ui.palette().text), n.c_str());
        dl->AddText(font, m.smallSize, ImVec2(x0, a.y + h + m.smallSize * 1.1f),
                    lc::ui::toU32(ui.palette().textMuted), weeks[i].label.c_str());
    }
}

std::optional<StaffIntent> circlePage(lc::ui::Ui& ui, const StaffView& v, float x, float width) {
    std::optional<StaffIntent> out;
    const auto& p = ui.palette();
    const auto row = [&](const std::string& text, const std::string& id, const std::string& action) {
        ImGui::SetCursorPosX(x);
        const float bw = ui.measure(action, FontRole::Bold).x + 2 * ui.metrics().padding;
        ui.textWrapped(text, FontRole::Body, std::nullopt, width - bw - ui.metrics().gap);
        ImGui::SameLine(x + width - bw);
        return ui.button(id, action, ImVec2(bw, 0), ButtonStyle::Secondary);
    };
    ImGui::SetCursorPosX(x);
    ui.textWrapped(lc::ui::format(ui.tr("{checked} of {expected} checked in"),
                                  {{"checked", std::to_string(v.circle.checkedIn)},
                                   {"expected", std::to_string(v.circle.expected)}}),
                   FontRole::Bold, std::nullopt, width);
    for (const auto& a : v.attendees) {
        if (row(a.name, "staff.undo." + a.checkinId, ui.tr("Undo"))) out = UndoCheckin{a.checkinId};
    }
    ImGui::SetCursorPosX(x);
    if (ui.button("staff.walkin", ui.tr("Add a walk-in"), ImVec2(0, 0))) out = AddWalkIn{};
    ImGui::SetCursorPosX(x);
    ui.text(ui.tr("Attendance by week"), FontRole::Bold);
    ImGui::SetCursorPosX(x);
    weekChart(ui, v.weeks, width);
    ImGui::SetCursorPosX(x);
    ui.text(ui.tr("Signups on this kiosk"), FontRole::Bold);
    for (const auto& s : v.signupRows) {
        if (s.voided) {
            ImGui::SetCursorPosX(x);
            ui.text(s.name + " — " + ui.tr("voided"), FontRole::Body, p.textMuted);
        } else if (row(s.name, "staff.void." + s.signupId, ui.tr("Void"))) {
            out = VoidSignup{s.signupId};
        }
    }
    return out;
}

std::optional<StaffIntent> syncPage(lc::ui::Ui& ui, const StaffView& v, float x, float width) {
    std::optional<StaffIntent> out;
    if (!v.sync.lastError.empty()) {
        ImGui::SetCursorPosX(x);
        ui.textWrapped(lc::ui::format(ui.tr("Last error: {error}"), {{"error", v.sync.lastError}}),
                       FontRole::Body, ui.palette().danger, width);
    }
    for (const auto& i : v.sync.issues) {
        ImGui::SetCursorPosX(x);
        const std::string state = i.state == "rejected" ? ui.tr("Refused by P2PU") : ui.tr("Needs staff");
        ui.textWrapped(state + ": " + i.who, FontRole::Bold, std::nullopt, width);
        ImGui::SetCursorPosX(x);
        ui.textWrapped(i.reason, FontRole::Small, ui.palette().textMuted, width);
        ImGui::SetCursorPosX(x);
        if (ui.button("staff.retry." + i.id, ui.tr("Retry"), ImVec2(0, 0), ButtonStyle::Secondary)) {
            out = RetryOutbox{i.id};
        }
    }
    if (v.sync.issues.empty()) {
        ImGui::SetCursorPosX(x);
        ui.text(ui.tr("Nothing is waiting for staff."), FontRole::Body, ui.palette().textMuted);
    }
    return out;
}

// "Undo the check-in of María G.?" with the action and Cancel beside it: nothing is undone or
// voided on one tap.
std::optional<StaffIntent> confirmRow(lc::ui::Ui& ui, const StaffView& v, const Frame& f, float width) {
    std::optional<StaffIntent> out;
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(v.confirmQuestion, FontRole::Bold, std::nullopt, width);
    ImGui::SetCursorPosX(f.pad);
    if (ui.button("staff.confirm", v.confirmAction, ImVec2(0, 0), ButtonStyle::Danger)) out = ConfirmAction{};
    ImGui::SameLine(0, f.gap);
    if (ui.button("staff.cancel", ui.tr("Cancel"), ImVec2(0, 0), ButtonStyle::Secondary)) out = CancelAction{};
    return out;
}

struct Action {
    const char* id;
    std::string label;
    StaffIntent intent;
};

std::vector<Action> staffActions(lc::ui::Ui& ui, const StaffView& v) {
    std::vector<Action> actions{{"staff.refresh", ui.tr("Refresh"), RefreshStaff{}},
                                {"staff.sync-now", ui.tr("Sync now"), SyncNow{}},
                                {"staff.sync", ui.tr("Sync status"), ShowSync{}},
                                {"staff.export", ui.tr("Export attendance"), ExportAttendance{}}};
    if (v.signupPaused) actions.push_back({"staff.resume", ui.tr("Resume signup"), ResumeSignups{}});
    actions.push_back({"staff.lock", ui.tr("Lock"), LockStaff{}});
    return actions;
}

float actionWidth(lc::ui::Ui& ui, const Action& a) {
    return ui.measure(a.label, FontRole::Bold).x + 2 * ui.metrics().padding;
}

// Lays the buttons out left to right, wrapping; `draw` false only measures. Returns the height.
float layActions(lc::ui::Ui& ui, const Frame& f, std::vector<Action>& actions, float top, bool draw,
                 std::optional<StaffIntent>& out) {
    const float barH = ui.metrics().touchTarget;
    float x = f.pad, y = top;
    for (auto& a : actions) {
        const float w = actionWidth(ui, a);
        if (x + w > f.size.x - f.pad && x > f.pad) x = f.pad, y += barH + f.gap;
        if (draw) {
            ImGui::SetCursorPos(ImVec2(x, y));
            if (ui.button(a.id, a.label, ImVec2(w, 0), ButtonStyle::Secondary)) out = std::move(a.intent);
        }
        x += w + f.gap;
    }
    return y + barH - top;
}

float actionRowsHeight(lc::ui::Ui& ui, const Frame& f, std::vector<Action>& actions) {
    std::optional<StaffIntent> none;
    return layActions(ui, f, actions, 0, false, none);
}

std::optional<StaffIntent> drawActions(lc::ui::Ui& ui, const Frame& f, std::vector<Action>& actions,
                                       float top) {
    std::optional<StaffIntent> out;
    layActions(ui, f, actions, top, true, out);
    return out;
}

}  // namespace

std::optional<StaffIntent> drawStaffScreen(lc::ui::Ui& ui, const StaffView& v) {
    const Frame f = frameOf(ui);
    std::optional<StaffIntent> out;
    if (v.step != StaffStep::Pin && ui.input().focused()) ui.input().clearFocus();
    const std::string title = v.step == StaffStep::Circle ? v.circle.name
                              : v.step == StaffStep::Sync ? ui.tr("Sync status")
                                                          : ui.tr("Staff");
    if (header(ui, f, title, true)) out = GoBack{};
    if (v.step == StaffStep::Pin) {
        if (auto i = pinPad(ui, v, f)) out = i;
        return out;
    }
    const float width = f.size.x - 2 * f.pad;
    ImGui::SetCursorPosX(f.pad);
    if (!v.clockWarning.empty()) ui.textWrapped(v.clockWarning, FontRole::Bold, ui.palette().danger, width);
    for (const auto& line : v.oversold) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(line, FontRole::Bold, ui.palette().danger, width);
    }
    if (!v.message.empty()) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(v.message, FontRole::Bold,
                       v.messageIsError ? ui.palette().danger : ui.palette().success, width);
    }
    if (!v.confirmQuestion.empty()) {
        if (auto i = confirmRow(ui, v, f, width)) out = i;
    }
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(v.syncSummary, FontRole::Small, ui.palette().textMuted, width);
    // Actions in rows at the bottom (as many as a language's labels need); the page scrolls above.
    auto actions = staffActions(ui, v);
    const float barTop = f.size.y - f.pad - actionRowsHeight(ui, f, actions);
    const float listTop = ImGui::GetCursorPosY() + f.gap;
    ImGui::SetCursorPos(ImVec2(f.pad, listTop));
    beginScrollWithHint(ui, "staff.page", ImVec2(width, barTop - listTop - f.gap));
    if (v.step == StaffStep::Circle) {
        if (auto i = circlePage(ui, v, 0, width - f.gap)) out = i;
    } else if (v.step == StaffStep::Sync) {
        if (auto i = syncPage(ui, v, 0, width - f.gap)) out = i;
    } else {
        ui.text(ui.tr("Today's meetings"), FontRole::Bold);
        if (v.today.empty()) ui.text(ui.tr("No meetings today."), FontRole::Body, ui.palette().textMuted);
        for (const auto& r : v.today) {
            const std::string detail = r.when + "  ·  " +
                lc::ui::format(ui.tr("{checked} of {expected} checked in"),
                               {{"checked", std::to_string(r.checkedIn)},
                                {"expected", std::to_string(r.expected)}});
            if (listRow(ui, "staff.meeting." + std::to_string(r.circleId), r.name, detail,
                        width - f.gap)) {
                out = SelectMeeting{r.circleId};
            }
        }
    }
    endScrollWithHint(ui);
    if (auto i = drawActions(ui, f, actions, barTop)) out = std::move(i);
    return out;
}

}  // namespace lc::kiosk::screens
