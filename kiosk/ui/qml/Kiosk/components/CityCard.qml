pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One city in the grid: name (PT Serif), region, year badge, its first contribution as an icon with its label
// (and «+N» for the others). `marked`: the first city of the letter tapped on the А–Я strip, framed in gold.
// Tap opens the city.
Rectangle {
    id: card

    property int cityId: 0
    property string name: ""
    property string region: ""
    property int year: 0
    property var tagIcons: []
    property var tagLabels: []
    property bool marked: false
    signal activated()

    objectName: "cityCard"
    radius: Theme.radius
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.width: marked ? Math.max(3, Theme.px(5)) : Math.max(1, Theme.px(2))
    border.color: marked ? Theme.gold : Theme.line
    clip: true
    // Read as one item: «Казань, Республика Татарстан, 2020, танки».
    Accessible.role: Accessible.Button
    Accessible.name: [name, region, year > 0 ? String(year) : ""].concat(tagLabels).filter(s => s !== "").join(", ")
    Accessible.ignored: !visible
    Accessible.onPressAction: if (card.visible && card.enabled) card.activated()
    FocusRing { radius: card.radius }

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

        KText {
            kind: KText.Body
            width: parent.width
            text: card.name
            font.pixelSize: Theme.px(38)
            font.bold: true
            // One line: long names («Комсомольск-на-Амуре») get a little smaller rather than wrap.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.px(26)
            elide: Text.ElideRight
        }
        KText {
            kind: KText.Secondary
            width: parent.width
            text: card.region
            elide: Text.ElideRight
        }
    }

    Item {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        anchors { leftMargin: Theme.unit * 4; rightMargin: Theme.unit * 3; bottomMargin: Theme.unit * 2.5 }
        height: Theme.px(44)

        YearBadge {
            id: badge
            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
            year: card.year
        }
        Row {
            id: contribution
            visible: card.tagLabels.length > 0
            anchors { left: badge.right; leftMargin: Theme.unit * 2; right: parent.right; verticalCenter: parent.verticalCenter }
            layoutDirection: Qt.RightToLeft
            spacing: Theme.unit
            KText {
                id: more
                objectName: "cardMoreTags"
                kind: KText.Secondary
                visible: card.tagLabels.length > 1
                anchors.verticalCenter: parent.verticalCenter
                text: "+" + (card.tagLabels.length - 1)
                Accessible.name: qsTr("ещё %1").arg(card.tagLabels.length - 1)
            }
            KText {
                objectName: "cardTag"
                kind: KText.Secondary
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(implicitWidth, contribution.width - icon.width - (more.visible ? more.width : 0)
                                - contribution.spacing * 2)
                text: card.tagLabels.length > 0 ? card.tagLabels[0] : ""
                elide: Text.ElideRight
            }
            Image {
                id: icon
                anchors.verticalCenter: parent.verticalCenter
                width: Theme.px(32); height: width
                sourceSize: Qt.size(width, height)
                source: card.tagIcons.length > 0 ? Theme.icon(card.tagIcons[0], Theme.paperDim) : ""
            }
        }
    }

    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
        onTapped: card.activated()
    }
}
