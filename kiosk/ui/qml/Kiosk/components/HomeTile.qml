import QtQuick
import Kiosk

// A large entry tile on the home screen: icon, title, one line of what is inside. The whole tile is the target.
Rectangle {
    id: tile

    property string icon: ""
    property string title: ""
    property string caption: ""
    property bool compact: false   // narrow tiles (16:10 home): a smaller icon, no chevron, more room for words
    signal activated()

    implicitHeight: Theme.px(260)
    radius: Theme.radius * 2
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.color: tap.pressed ? Theme.gold : Theme.line
    border.width: Math.max(1, Theme.px(2))
    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: caption
    Accessible.ignored: !visible
    Accessible.onPressAction: if (tile.visible && tile.enabled) tile.activated()
    activeFocusOnTab: true
    FocusRing { radius: tile.radius }

    Rectangle {   // banner-red stripe
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
        width: Theme.px(10)
        color: Theme.red
    }

    Image {
        id: glyph
        anchors { left: parent.left; leftMargin: Theme.px(tile.compact ? 32 : 44); verticalCenter: parent.verticalCenter }
        width: Theme.px(tile.compact ? 64 : 96); height: width
        sourceSize: Qt.size(width, height)
        source: tile.icon === "" ? "" : Theme.icon(tile.icon, Theme.gold)
    }

    Column {
        anchors {
            left: glyph.right; leftMargin: Theme.px(tile.compact ? 24 : 32)
            right: chevron.left; rightMargin: Theme.px(tile.compact ? 0 : 24)
            verticalCenter: parent.verticalCenter
        }
        spacing: Theme.unit * 1.5
        KText {
            objectName: "tileTitle"
            kind: KText.Title
            width: parent.width
            text: tile.title
            font.bold: true
            font.pixelSize: Theme.px(64)
            fontSizeMode: Text.HorizontalFit   // a long name shrinks a little before it would be cut
            minimumPixelSize: Theme.px(44)
            elide: Text.ElideRight
        }
        KText {
            objectName: "tileCaption"
            visible: text !== ""   // a slim tile (home's «Викторина») has its title alone
            width: parent.width
            text: tile.caption
            color: Theme.paperDim
            lineHeight: 1.3
            wrapMode: Text.WordWrap
            maximumLineCount: 3   // narrow tiles (16:10 windows) wrap the caption once more rather than cut it
            elide: Text.ElideRight
        }
    }

    Image {
        id: chevron
        anchors { right: parent.right; rightMargin: Theme.px(tile.compact ? 24 : 32); verticalCenter: parent.verticalCenter }
        visible: !tile.compact
        width: tile.compact ? 0 : Theme.px(48); height: Theme.px(48)
        sourceSize: Qt.size(width, height)
        source: Theme.icon("mdi6.chevron-right", Theme.paperDim)
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
        onTapped: tile.activated()
    }
}
