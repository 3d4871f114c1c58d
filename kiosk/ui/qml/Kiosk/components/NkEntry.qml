import QtQuick
import Kiosk

// A large entry of the Novokuznetsk section: a title that may wrap, a line of what is inside, the whole
// tile the target. `accent` marks the chapters (red) against the section's tools (gold).
Rectangle {
    id: entry

    property string title: ""
    property string caption: ""
    property string icon: ""
    property color accent: Theme.red
    property int titleSize: Theme.px(44)
    signal activated()

    implicitHeight: Math.max(Theme.touchLarge + Theme.unit * 4, column.implicitHeight + Theme.unit * 6)
    radius: Theme.radius * 2
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.color: tap.pressed ? Theme.gold : Theme.line
    border.width: Math.max(1, Theme.px(2))
    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: caption
    Accessible.ignored: !visible
    Accessible.onPressAction: if (entry.visible && entry.enabled) entry.activated()
    activeFocusOnTab: true
    FocusRing { radius: entry.radius }

    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
        width: Theme.px(10)
        color: entry.accent
    }
    Image {
        id: glyph
        visible: entry.icon !== ""
        anchors { left: parent.left; leftMargin: Theme.px(40); verticalCenter: parent.verticalCenter }
        width: entry.icon !== "" ? Theme.px(64) : 0
        height: width
        sourceSize: Qt.size(Math.max(1, width), Math.max(1, height))
        source: entry.icon === "" ? "" : Theme.icon(entry.icon, Theme.gold)
    }
    Column {
        id: column
        anchors {
            left: entry.icon !== "" ? glyph.right : parent.left
            leftMargin: entry.icon !== "" ? Theme.px(28) : Theme.px(40)
            right: parent.right; rightMargin: Theme.px(32)
            verticalCenter: parent.verticalCenter
        }
        spacing: Theme.unit
        KText {
            kind: KText.Title
            width: parent.width
            text: entry.title
            font.bold: true
            font.pixelSize: entry.titleSize
            lineHeight: 1.1
            wrapMode: Text.Wrap
        }
        KText {
            objectName: "nkEntryCaption"   // may end in «…»: the page a tap away has it whole
            kind: KText.Secondary
            width: parent.width
            visible: text !== ""
            text: entry.caption
            font.pixelSize: Theme.labelSize + Theme.px(2)
            lineHeight: 1.25
            wrapMode: Text.Wrap
            maximumLineCount: Theme.textScale > 1 ? 3 : 2   // «Aa»: the tiles grow by a line's height
            elide: Text.ElideRight
        }
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: entry.activated()
    }
}
