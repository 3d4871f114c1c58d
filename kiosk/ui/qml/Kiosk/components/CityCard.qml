pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One city in the grid: name (PT Serif), region, year badge, contribution icons. Tap opens the city.
Rectangle {
    id: card

    property int cityId: 0
    property string name: ""
    property string region: ""
    property int year: 0
    property var tagIcons: []
    signal activated()

    objectName: "cityCard"
    radius: Theme.radius
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.line
    clip: true
    Accessible.role: Accessible.Button
    Accessible.name: name

    // A quiet stripe in the year's colour along the left edge.
    Rectangle {
        width: Theme.px(6)
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: Math.max(1, Theme.px(2)) }
        color: Theme.yearColor(card.year)
    }

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors { leftMargin: Theme.unit * 4; rightMargin: Theme.unit * 3; topMargin: Theme.unit * 2.5 }
        spacing: Theme.unit

        Text {
            width: parent.width
            text: card.name
            textFormat: Text.PlainText
            color: Theme.paper
            font.family: Theme.serif
            font.pixelSize: Theme.px(38)
            font.bold: true
            // One line: long names («Комсомольск-на-Амуре») get a little smaller rather than wrap.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.px(26)
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            text: card.region
            textFormat: Text.PlainText
            color: Theme.paperDim
            font.family: Theme.sans
            font.pixelSize: Theme.smallSize
            elide: Text.ElideRight
        }
    }

    Item {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors { leftMargin: Theme.unit * 4; rightMargin: Theme.unit * 3; bottomMargin: Theme.unit * 2.5 }
        height: Theme.px(44)

        YearBadge {
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            year: card.year
        }
        Row {
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            spacing: Theme.unit * 1.5
            Repeater {
                model: card.tagIcons.slice(0, 4)
                Image {
                    required property string modelData
                    width: Theme.px(34); height: width
                    sourceSize: Qt.size(width, height)
                    source: "image://icon/" + modelData + "/" + String(Theme.paperDim).substring(1)
                }
            }
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: card.activated()
    }
}
