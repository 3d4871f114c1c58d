import QtQuick
import Kiosk

// A facet chip: a label, an optional icon or colour swatch, and a live count. Ticked chips are filled and
// carry a check mark (never colour alone). A chip that would show nothing is dimmed but stays in place.
Rectangle {
    id: chip

    property string text: ""
    property int count: -1            // < 0: no count shown
    property bool checked: false
    property bool available: true
    property string icon: ""           // qtawesome name
    property color swatch: "transparent"
    signal activated()

    readonly property color foreground: checked ? Theme.ground : Theme.paper
    readonly property bool hasSwatch: swatch.a > 0

    implicitHeight: Theme.touch
    implicitWidth: content.implicitWidth + Theme.unit * 4
    radius: Theme.radius
    color: tap.pressed ? (checked ? Qt.darker(Theme.paper, 1.2) : Theme.groundPressed)
                       : (checked ? Theme.paper : Theme.groundRaised)
    border.width: checked ? 0 : Math.max(1, Theme.px(2))
    border.color: Theme.line
    opacity: available || checked ? 1.0 : 0.4
    enabled: available || checked
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked

    Behavior on color { ColorAnimation { duration: Theme.fast } }

    Row {
        id: content
        anchors.centerIn: parent
        spacing: Theme.unit * 1.5

        Image {
            visible: chip.checked
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(Theme.labelSize * 1.1); height: width
            sourceSize: Qt.size(width, height)
            source: chip.checked ? "image://icon/mdi6.check/" + String(chip.foreground).substring(1) : ""
        }
        Rectangle {
            visible: chip.hasSwatch
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(Theme.labelSize * 0.7); height: width; radius: width / 2
            color: chip.swatch
            border.width: chip.checked ? Math.max(1, Theme.px(2)) : 0
            border.color: Theme.ground
        }
        Image {
            visible: chip.icon !== ""
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(Theme.labelSize * 1.25); height: width
            sourceSize: Qt.size(width, height)
            source: chip.icon === "" ? "" : "image://icon/" + chip.icon + "/" + String(chip.foreground).substring(1)
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: chip.text
            textFormat: Text.PlainText
            color: chip.foreground
            font.family: Theme.sans
            font.pixelSize: Theme.labelSize
            font.bold: chip.checked
        }
        Text {
            visible: chip.count >= 0
            anchors.verticalCenter: parent.verticalCenter
            text: chip.count
            textFormat: Text.PlainText
            color: chip.checked ? Theme.ground : Theme.paperDim
            font.family: Theme.sans
            font.pixelSize: Theme.smallSize
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: chip.activated()
    }
}
