import QtQuick
import Kiosk

// The city's memorial: kind, title, address, and a QR code of its map link for the visitor's phone.
// The link itself is never opened by the kiosk and never shown as something to tap.
// memorial: a CityRecord's MemorialRecord (`present` is false where the list says «Нет»), or null.
Rectangle {
    id: card

    property MemorialRecord memorial: null
    readonly property bool present: card.memorial !== null && card.memorial.present
    readonly property bool hasQr: card.present && card.memorial.hasQrCode  // a hand-edited address may have none
    property int qrSize: Theme.px(240)

    objectName: present ? "memorialCard" : "noMemorial"
    radius: Theme.radius
    color: Theme.groundRaised
    border.width: Math.max(1, Theme.px(2))
    border.color: Theme.line
    implicitHeight: (present ? body.implicitHeight : none.implicitHeight) + Theme.unit * 8

    Column {
        id: body
        visible: card.present
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit * 4 }
        spacing: Theme.unit * 2

        KText {
            objectName: "memorialKind"
            kind: KText.Secondary
            width: parent.width
            text: card.present ? card.memorial.kind : ""   // English mode: the vocabulary's word (стела → stela)
            visible: text !== ""
            color: Theme.gold
            font.bold: true
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(1.5)
            wrapMode: Text.Wrap
        }
        KText {
            kind: KText.Body
            width: parent.width
            text: card.present ? card.memorial.title : ""
            visible: text !== ""
            font.pixelSize: Theme.fpx(34)
            wrapMode: Text.Wrap   // whole: the side column scrolls, the portrait footer grows
            lineHeight: 1.15
        }
        Row {
            width: parent.width
            spacing: Theme.unit * 1.5
            visible: card.present && card.memorial.address !== ""
            Image {
                id: pin
                width: Theme.px(30); height: width
                sourceSize: Qt.size(width, height)
                source: Theme.icon("mdi6.map-marker-outline", Theme.paperDim)
            }
            KText {
                kind: KText.Secondary
                width: parent.width - pin.width - parent.spacing
                text: card.present ? card.memorial.address : ""
                wrapMode: Text.Wrap
            }
        }
        Item { width: 1; height: Theme.unit; visible: card.hasQr }
        // The hint sits beside the code; where that leaves it under ~8 words' width («Aa» in a narrow column),
        // it goes under the code instead of running out of the card.
        Flow {
            id: qrRow
            visible: card.hasQr
            width: parent.width
            spacing: Theme.unit * 3
            readonly property bool stacked: width - qrFrame.width - spacing < Theme.fpx(28) * 8
            Rectangle {
                id: qrFrame
                width: card.qrSize; height: width
                color: Theme.paper
                radius: Theme.radius
                Image {
                    objectName: "memorialQr"
                    anchors.fill: parent
                    anchors.margins: Theme.unit
                    sourceSize: Qt.size(width, height)
                    smooth: false
                    fillMode: Image.PreserveAspectFit
                    source: card.hasQr ? "image://qr/" + encodeURIComponent(card.memorial.url) : ""
                }
            }
            KText {
                kind: KText.Small
                width: qrRow.stacked ? qrRow.width : qrRow.width - qrFrame.width - qrRow.spacing
                height: qrRow.stacked ? contentHeight : Math.max(qrFrame.height, contentHeight)
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Наведите камеру телефона, чтобы открыть место на карте")
                wrapMode: Text.Wrap
                lineHeight: 1.2
            }
        }
    }

    Column {
        id: none
        visible: !card.present
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit * 4 }
        spacing: Theme.unit * 2
        Image {
            width: Theme.px(48); height: width
            sourceSize: Qt.size(width, height)
            source: Theme.icon("mdi6.map-marker-off-outline", Theme.paperDim)
        }
        KText {
            kind: KText.Body
            width: parent.width
            text: qsTr("Стелы или сквера в перечне нет")
            font.pixelSize: Theme.fpx(34)
            wrapMode: Text.Wrap
        }
        KText {
            kind: KText.Secondary
            width: parent.width
            // What the source says, no more: the list's column «Наличие стелы, сквера» reads «Нет».
            text: qsTr("В сводном перечне городов трудовой доблести в графе «Наличие стелы, сквера» для этого города указано «Нет».")
            wrapMode: Text.Wrap
            lineHeight: 1.2
        }
    }
}
