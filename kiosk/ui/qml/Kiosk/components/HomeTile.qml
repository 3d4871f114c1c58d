import QtQuick
import Kiosk

// A large entry tile on the home screen: icon, title, one line of what is inside. The whole tile is the target.
Rectangle {
    id: tile

    property string icon: ""
    property string title: ""
    property string caption: ""
    signal activated()

    implicitHeight: Theme.px(260)
    radius: Theme.radius * 2
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.color: tap.pressed ? Theme.gold : Theme.line
    border.width: Math.max(1, Theme.px(2))
    Accessible.role: Accessible.Button
    Accessible.name: title

    Rectangle {   // banner-red stripe
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Theme.px(2) }
        width: Theme.px(10)
        color: Theme.red
    }

    Image {
        id: glyph
        anchors { left: parent.left; leftMargin: Theme.px(44); verticalCenter: parent.verticalCenter }
        width: Theme.px(96); height: width
        sourceSize: Qt.size(width, height)
        source: tile.icon === "" ? "" : "image://icon/" + tile.icon + "/" + String(Theme.gold).substring(1)
    }

    Column {
        anchors {
            left: glyph.right; leftMargin: Theme.px(32)
            right: chevron.left; rightMargin: Theme.px(24)
            verticalCenter: parent.verticalCenter
        }
        spacing: Theme.unit * 1.5
        Text {
            objectName: "tileTitle"
            width: parent.width
            text: tile.title
            textFormat: Text.PlainText
            color: Theme.paper
            font.family: Theme.serif
            font.bold: true
            font.pixelSize: Theme.px(64)
            fontSizeMode: Text.HorizontalFit   // a long name shrinks a little before it would be cut
            minimumPixelSize: Theme.px(44)
            elide: Text.ElideRight
        }
        Text {
            objectName: "tileCaption"
            width: parent.width
            text: tile.caption
            textFormat: Text.PlainText
            color: Theme.paperDim
            font.family: Theme.sans
            font.pixelSize: Theme.labelSize
            lineHeight: 1.3
            wrapMode: Text.WordWrap
            maximumLineCount: 3   // narrow tiles (16:10 windows) wrap the caption once more rather than cut it
            elide: Text.ElideRight
        }
    }

    Image {
        id: chevron
        anchors { right: parent.right; rightMargin: Theme.px(32); verticalCenter: parent.verticalCenter }
        width: Theme.px(48); height: width
        sourceSize: Qt.size(width, height)
        source: "image://icon/mdi6.chevron-right/" + String(Theme.paperDim).substring(1)
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
        onTapped: tile.activated()
    }
}
