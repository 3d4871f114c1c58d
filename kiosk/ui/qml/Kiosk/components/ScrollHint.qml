import QtQuick
import Kiosk

// Says that a Flickable holds more than it shows. Anchor it right under the Flickable, as wide: it draws a
// still scroll bar along the Flickable's right edge and a soft fade over its last line (neither takes
// touches), and is itself a button: «Ещё ниже» scrolls one page down, at the end «К началу» goes back up.
// It takes no room (height 0) while everything fits.
Item {
    id: hint

    required property Flickable flickable
    property string moreText: qsTr("Ещё ниже")
    readonly property bool scrollable: flickable.visible && flickable.contentHeight > flickable.height + 1
    readonly property bool atEnd: flickable.contentY + flickable.height >= flickable.contentHeight - Theme.unit

    height: scrollable ? Theme.touch : 0
    visible: scrollable

    function page() {
        const last = Math.max(0, hint.flickable.contentHeight - hint.flickable.height)
        scroll.to = hint.atEnd ? 0 : Math.min(last, hint.flickable.contentY + hint.flickable.height * 0.8)
        scroll.restart()
    }
    NumberAnimation { id: scroll; target: hint.flickable; property: "contentY"; duration: Theme.normal; easing.type: Easing.OutCubic }

    // Over the Flickable (it ends where this begins): the bar and the fade.
    Rectangle {
        id: track
        objectName: "scrollTrack"
        x: hint.width - width
        y: -hint.flickable.height
        width: Theme.px(6)
        height: hint.flickable.height
        radius: width / 2
        color: Theme.groundRaised
        Rectangle {
            width: parent.width
            radius: width / 2
            y: Math.max(0, Math.min(parent.height - height, hint.flickable.visibleArea.yPosition * parent.height))
            height: Math.max(Theme.px(48), hint.flickable.visibleArea.heightRatio * parent.height)
            color: Theme.paperDim
        }
    }
    Rectangle {
        y: -height
        width: track.x - Theme.unit
        height: Theme.px(40)
        visible: !hint.atEnd
        gradient: Gradient {
            GradientStop { position: 0.0; color: Qt.rgba(Theme.ground.r, Theme.ground.g, Theme.ground.b, 0) }
            GradientStop { position: 1.0; color: Theme.ground }
        }
    }

    KioskButton {
        objectName: "scrollMore"
        anchors { left: parent.left; right: track.left; rightMargin: Theme.unit; top: parent.top; topMargin: Theme.unit }
        implicitHeight: hint.height - Theme.unit
        icon: hint.atEnd ? "mdi6.chevron-double-up" : "mdi6.chevron-double-down"
        text: hint.atEnd ? qsTr("К началу") : hint.moreText
        onActivated: hint.page()
    }
}
