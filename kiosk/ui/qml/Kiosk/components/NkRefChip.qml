import QtQuick
import Kiosk

// A tappable reference under a chapter's paragraph: a person, a figure, an event, an award or a unit.
Rectangle {
    id: chip

    property string text: ""
    property string kind: ""
    signal activated()

    readonly property string glyph: ({
        person: "mdi6.account-outline", figure: "mdi6.numeric", event: "mdi6.calendar-blank-outline",
        award: "mdi6.medal-outline", unit: "mdi6.flag-outline"
    })[kind] || "mdi6.information-outline"

    implicitHeight: Theme.touch
    implicitWidth: Math.min(row.implicitWidth + Theme.unit * 4, maxWidth)
    property real maxWidth: Theme.px(900)
    radius: height / 2
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.width: Math.max(1, Theme.px(2))
    border.color: tap.pressed ? Theme.gold : Theme.line
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.ignored: !visible
    Accessible.onPressAction: if (chip.visible && chip.enabled) chip.activated()
    activeFocusOnTab: true
    FocusRing { radius: chip.radius }

    Row {
        id: row
        anchors.verticalCenter: parent.verticalCenter
        x: Theme.unit * 2
        spacing: Theme.unit * 1.5
        Image {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(Theme.labelSize * 1.2); height: width
            sourceSize: Qt.size(width, height)
            source: Theme.icon(chip.glyph, Theme.gold)
        }
        KText {
            id: label
            objectName: "nkRefChipLabel"   // may end in «…»: the card it opens has it whole
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, chip.maxWidth - Theme.unit * 4 - Theme.labelSize * 1.2 - row.spacing)
            text: chip.text
            font.pixelSize: Theme.labelSize + Theme.px(2)
            elide: Text.ElideRight
        }
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: chip.activated()
    }
}
