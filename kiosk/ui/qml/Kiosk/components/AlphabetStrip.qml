pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// А–Я index: every initial letter of the collection in a stable row (letters absent from the current result
// are dimmed, never removed, so nothing jumps). Wraps onto a second row when the width is short (portrait).
// Disabled (all letters dimmed) while the results are ranked by a search rather than ordered А–Я.
Flow {
    id: strip

    property list<string> letters: []          // all initial letters, in order
    property list<string> available: []        // letters present in the current result
    signal picked(string letter)

    readonly property int gap: Theme.unit
    readonly property int minCell: Theme.px(64)
    readonly property int perRow: Math.max(1, Math.min(letters.length, Math.floor((width + gap) / (minCell + gap))))
    readonly property int rows: Math.max(1, Math.ceil(letters.length / perRow))
    readonly property int cellWidth: Math.min(Theme.px(120), Math.floor((width - (Math.ceil(letters.length / rows) - 1) * gap) / Math.ceil(letters.length / rows)))

    spacing: gap

    // The keyboard: one Tab stop (the letter last on, else the first present), arrows move along the strip,
    // skipping letters with no city; Enter or Space picks.
    property int current: 0
    readonly property int tabStop: available.indexOf(letters[current]) >= 0 ? current
                                   : letters.findIndex(l => available.indexOf(l) >= 0)
    function step(from: int, by: int) {
        for (let i = from + by; i >= 0 && i < letters.length; i += by) {
            if (available.indexOf(letters[i]) >= 0) {
                current = i
                keys.itemAt(i).forceActiveFocus()
                return
            }
        }
    }

    Repeater {
        id: keys
        model: strip.letters
        Rectangle {
            id: key
            required property string modelData
            required property int index
            readonly property bool present: strip.available.indexOf(key.modelData) >= 0
            objectName: "letter_" + key.modelData
            width: strip.cellWidth
            height: Theme.touch
            radius: Theme.radius
            color: tap.pressed ? Theme.groundPressed : "transparent"
            border.width: key.present ? Math.max(1, Theme.px(2)) : 0
            border.color: Theme.line
            enabled: key.present
            opacity: key.present && strip.enabled ? 1.0 : Theme.dimmed
            Accessible.role: Accessible.Button
            Accessible.name: key.modelData
            Accessible.ignored: !key.visible
            Accessible.onPressAction: if (key.visible && key.enabled) strip.picked(key.modelData)
            activeFocusOnTab: activeFocus || key.index === strip.tabStop   // (never turned off while focused: Qt warns)
            onActiveFocusChanged: if (activeFocus) strip.current = key.index
            Keys.onLeftPressed: strip.step(key.index, -1)
            Keys.onRightPressed: strip.step(key.index, 1)
            FocusRing {}

            KText {
                kind: KText.Body
                anchors.centerIn: parent
                text: key.modelData
                font.pixelSize: Theme.px(32)
                font.bold: true
            }
            TapHandler {
                id: tap
                gesturePolicy: TapHandler.ReleaseWithinBounds
                longPressThreshold: 0   // a press held long still counts
                onTapped: strip.picked(key.modelData)
            }
        }
    }
}
