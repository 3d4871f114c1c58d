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
    property list<string> tagIcons: []
    property list<string> tagLabels: []
    property bool marked: false
    signal activated()

    objectName: "cityCard"
    radius: Theme.radius
    color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
    border.width: marked ? Math.max(3, Theme.px(5)) : Math.max(1, Theme.px(2))
    border.color: marked ? Theme.gold : Theme.line
    implicitHeight: content.implicitHeight + Theme.unit * 5
    clip: true   // never needed (the cell is tall enough); if it were, the fit checker would say so
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

    // Name, region and the first contribution always whole: they wrap, and the grid makes every cell tall enough
    // for the longest of them (CitiesScreen's cardHeight); nothing is cut with «…».
    Column {
        id: content
        anchors { left: parent.left; right: parent.right; top: parent.top }
        anchors { leftMargin: Theme.unit * 4; rightMargin: Theme.unit * 3; topMargin: Theme.unit * 2.5 }
        spacing: Theme.unit

        KText {
            objectName: "cardName"
            kind: KText.Body
            width: parent.width
            text: card.name
            font.pixelSize: Theme.fpx(36)
            font.bold: true
            // One line: a long name («Комсомольск-на-Амуре») gets a little smaller, never cut (the fit checker
            // names one that would not fit even so).
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fpx(26)
        }
        KText {
            objectName: "cardRegion"
            kind: KText.Secondary
            width: parent.width
            text: card.region
            wrapMode: Text.WordWrap
        }
        YearBadge {
            id: badge
            year: card.year
        }
        Row {
            id: contribution
            width: parent.width
            spacing: Theme.unit * 1.5
            visible: card.tagLabels.length > 0

            Image {
                id: icon
                y: Math.max(0, (tagMetrics.height - height) / 2)
                width: Theme.px(32); height: width
                sourceSize: Qt.size(width, height)
                source: card.tagIcons.length > 0 ? Theme.icon(card.tagIcons[0], Theme.paperDim) : ""
            }
            KText {
                id: tagLabel
                objectName: "cardTag"
                kind: KText.Secondary
                width: contribution.width - icon.width - contribution.spacing
                wrapMode: Text.WordWrap
                FontMetrics { id: tagMetrics; font: tagLabel.font }
                // The first contribution, and how many more the city page lists.
                text: card.tagLabels.length === 0 ? ""
                      : card.tagLabels.length === 1 ? card.tagLabels[0]
                      : card.tagLabels[0] + "\u00a0+" + (card.tagLabels.length - 1)
                Accessible.name: card.tagLabels.length > 1
                                 ? card.tagLabels[0] + ", " + qsTr("ещё %1").arg(card.tagLabels.length - 1) : text
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
