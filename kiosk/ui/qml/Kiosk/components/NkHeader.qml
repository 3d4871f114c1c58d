import QtQuick
import Kiosk

// The heading of a Novokuznetsk screen: the section's name as a kicker, the screen's title, a lead line.
Column {
    id: header

    property string title: ""
    property string lead: ""
    property string kicker: qsTr("Раздел «Новокузнецк»")

    spacing: Theme.unit * 1.5

    Text {
        width: parent.width
        text: header.kicker
        textFormat: Text.PlainText
        color: Theme.gold
        font.family: Theme.sans
        font.pixelSize: Theme.labelSize
        font.capitalization: Font.AllUppercase
        font.letterSpacing: Theme.px(3)
        elide: Text.ElideRight
    }
    Text {
        objectName: "nkScreenTitle"
        width: parent.width
        text: header.title
        textFormat: Text.PlainText
        color: Theme.paper
        font.family: Theme.serif
        font.bold: true
        font.pixelSize: Theme.titleSize + Theme.px(8)
        lineHeight: 1.05
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
    }
    Text {
        width: parent.width
        visible: text !== ""
        text: header.lead
        textFormat: Text.PlainText
        color: Theme.paperDim
        font.family: Theme.sans
        font.pixelSize: Theme.labelSize + Theme.px(2)
        lineHeight: 1.3
        wrapMode: Text.Wrap
    }
}
