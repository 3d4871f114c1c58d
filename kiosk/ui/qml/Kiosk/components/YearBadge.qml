import QtQuick
import Kiosk

// The year of title: a swatch in the year's colour (the same everywhere) and the year written out,
// so the colour is never the only carrier of meaning.
Rectangle {
    id: badge
    property int year: 0
    property int fontSize: Theme.smallSize

    implicitHeight: Math.round(fontSize * 1.7)
    implicitWidth: row.implicitWidth + Math.round(fontSize * 0.9)
    radius: height / 2
    color: Theme.ground
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.yearColor(year)
    visible: year > 0

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Math.round(badge.fontSize * 0.35)
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: Math.round(badge.fontSize * 0.55); height: width; radius: width / 2
            color: Theme.yearColor(badge.year)
        }
        KText {
            anchors.verticalCenter: parent.verticalCenter
            text: badge.year
            font.pixelSize: badge.fontSize
            font.bold: true
        }
    }
}
