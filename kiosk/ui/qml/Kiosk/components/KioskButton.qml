import QtQuick
import Kiosk

// The one touch button of the kiosk: ≥ 64 px, feedback on press within a frame, no hover states.
// icon: a qtawesome name ("mdi6.home"), drawn by the "icon" image provider.
Rectangle {
    id: control

    property string text: ""
    property string icon: ""
    property bool primary: false
    property bool checked: false
    property bool checkable: false     // a toggle (РУС/ENG, «Aa», «Фильтры»): readers hear whether it is on
    property color foreground: checked || primary ? Theme.ground : Theme.paper
    property int fontSize: Theme.labelSize
    signal activated()

    implicitHeight: Theme.touch
    implicitWidth: Math.max(implicitHeight, row.implicitWidth + Theme.unit * 4)
    radius: Theme.radius
    color: tap.pressed ? (checked || primary ? Qt.darker(fill, 1.25) : Theme.groundPressed) : fill
    border.width: checked || primary ? 0 : Math.max(1, Theme.px(2))
    border.color: Theme.line
    opacity: enabled ? 1.0 : Theme.dimmed
    // Keyboard and screen reader do what a tap does; a hidden button is out of the tree and cannot be pressed.
    activeFocusOnTab: true
    Keys.onReturnPressed: (event) => control.press(event)
    Keys.onEnterPressed: (event) => control.press(event)
    Keys.onSpacePressed: (event) => control.press(event)
    function press(event) {
        if (event) event.accepted = true
        if (control.visible && control.enabled) control.activated()
    }
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.checkable: checkable
    Accessible.checked: checked
    Accessible.ignored: !visible
    Accessible.onPressAction: control.press(null)
    FocusRing {}

    readonly property color fill: checked ? Theme.gold : (primary ? Theme.paper : Theme.groundRaised)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.unit * 1.5
        Image {
            visible: control.icon !== ""
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(control.fontSize * 1.3); height: width
            sourceSize: Qt.size(width, height)
            source: control.icon === "" ? "" : Theme.icon(control.icon, control.foreground)
        }
        KText {
            visible: control.text !== ""
            anchors.verticalCenter: parent.verticalCenter
            text: control.text
            color: control.foreground
            font.pixelSize: control.fontSize
            font.bold: control.primary
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
        onTapped: control.activated()
    }
}
