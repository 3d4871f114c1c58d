pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// А–Я index: every initial letter of the collection in a stable row (letters absent from the current result
// are dimmed, never removed, so nothing jumps). Wraps onto a second row when the width is short (portrait).
// Disabled (all letters dimmed) while the results are ranked by a search rather than ordered А–Я.
Flow {
    id: strip

    property var letters: []          // all initial letters, in order
    property var available: []        // letters present in the current result
    signal picked(string letter)

    readonly property int gap: Theme.unit
    readonly property int minCell: Theme.px(64)
    readonly property int perRow: Math.max(1, Math.min(letters.length, Math.floor((width + gap) / (minCell + gap))))
    readonly property int rows: Math.max(1, Math.ceil(letters.length / perRow))
    readonly property int cellWidth: Math.min(Theme.px(120), Math.floor((width - (Math.ceil(letters.length / rows) - 1) * gap) / Math.ceil(letters.length / rows)))

    spacing: gap

    Repeater {
        model: strip.letters
        Rectangle {
            id: key
            required property string modelData
            readonly property bool present: strip.available.indexOf(key.modelData) >= 0
            objectName: "letter_" + key.modelData
            width: strip.cellWidth
            height: Theme.touch
            radius: Theme.radius
            color: tap.pressed ? Theme.groundPressed : "transparent"
            border.width: key.present ? Math.max(1, Theme.px(2)) : 0
            border.color: Theme.line
            enabled: key.present
            opacity: key.present && strip.enabled ? 1.0 : 0.35
            Accessible.role: Accessible.Button
            Accessible.name: key.modelData

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
