import QtQuick
import Kiosk

// On Novokuznetsk's city card: the way into the section (and the section links back to the card).
KioskButton {
    id: link
    objectName: "nkCityLink"
    required property int cityId
    signal open()
    visible: Novokuznetsk.available && cityId === Novokuznetsk.cityId
    height: visible ? implicitHeight : 0
    icon: "mdi6.book-open-page-variant-outline"
    text: qsTr("Раздел «Новокузнецк»: кузница Победы")
    onActivated: link.open()
}
