pragma Singleton
import QtQuick

// Sizes, colours and fonts in one place. Everything scales with the window's shorter side,
// so 1920×1080, 1080×1920 and 3840×2160 all get the same proportions (1080 px = scale 1).
QtObject {
    id: theme

    // Set by Main.qml from the window size.
    property real scale: 1.0
    property bool portrait: false

    function px(v) { return Math.round(v * scale) }
    // «Aa» (Main.qml binds it to Language.textScale): text grows, touch targets and spacing stay.
    property real textScale: 1.0
    function fpx(v) { return Math.round(v * scale * textScale) }

    // Palette (design brief): graphite ground, paper text, banner red, award gold.
    readonly property color ground: "#1d1f21"
    readonly property color groundRaised: "#26292c"
    readonly property color groundPressed: "#33373b"
    readonly property color line: "#3d4145"
    readonly property color paper: "#efe7d6"
    readonly property color paperDim: "#c9c1b0"   // ≥ 7:1 on ground
    readonly property color red: "#9e1b1b"
    readonly property color redBright: "#e8675c"   // red as text (dates «в этот день»): ≥ 4.5:1 on ground and cards
    readonly property color gold: "#c9a54c"
    // A control that is there but does nothing now (a disabled button, a filter or letter with no city) is drawn
    // at this opacity: still ≥ 4.5:1 for its text (tests/unit/test_contrast.py), and plainly dimmer than the rest.
    readonly property real dimmed: 0.7

    // Year of title: Python hands each year in the data a colour from one colour-blind-safe sequence
    // (kiosk/ui/models/year_colors.py), so a new year needs no code change; badges and filters both ask here.
    property var yearColors: ({})   // set by Main.qml from Catalog.yearColors; var: a map year → colour
    function yearColor(y) {
        const c = theme.yearColors[y]
        return c !== undefined ? c : theme.gold
    }

    // The one place an icon URL is built: image://icon/<qtawesome name>/<rrggbb> (kiosk/ui/providers/image_providers.py).
    function icon(name: string, tint: color): string {
        return "image://icon/" + name + "/" + String(tint).substring(1)
    }

    // Type: PT Serif for reading and headings, PT Sans for controls and labels (bundled).
    property string serif: "PT Serif"
    property string sans: "PT Sans"
    readonly property int bodySize: fpx(30)
    // Secondary text (regions, hints, counts, labels) is still read from 1.5 m: never under 28 px at 1080p.
    readonly property int smallSize: fpx(28)
    readonly property int labelSize: fpx(28)
    readonly property int titleSize: fpx(56)
    readonly property int displaySize: fpx(84)
    readonly property real lineHeight: 1.45

    // Touch and spacing (8 px grid; targets ≥ 64 px at 1080p).
    readonly property int unit: px(8)
    readonly property int margin: px(56)
    readonly property int touch: px(72)
    readonly property int touchLarge: px(96)
    readonly property int radius: px(6)
    readonly property int readingWidth: px(1180)   // ~65 characters of body text
    // The shell's top bar (Main.qml: «На главную», «Назад») lies over every screen but home;
    // screens keep their content this far from the top.
    readonly property int barHeight: px(112)

    // Motion: short and calm.
    readonly property int fast: 200
    readonly property int normal: 260
}
